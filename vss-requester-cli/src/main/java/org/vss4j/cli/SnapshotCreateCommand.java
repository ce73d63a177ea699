package org.vss4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.vss4j.BackupType;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotMount;
import org.vss4j.SnapshotProperties;
import org.vss4j.files.DirectoryEntry;
import org.vss4j.files.DirectoryLister;
import org.vss4j.files.ReparseTag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vss snapshot create VOLUME...}: one shadow copy set through the documented requester sequence. The steps and
 * notes go to stderr; stdout carries the set and its shadow copies (as text, or with {@code --json} as one document,
 * {@link JsonForms.SnapshotSet}), or with {@code --exec} the command's output alone.
 */
@Command(name = "create", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = {"Create a shadow copy set of the volumes.",
            "Without --persistent the shadow copies are released when the command ends (after --exec, if given)."},
        footer = {"%nExamples (" + Examples.LEGEND + "):",
            "  vss snapshot create C: --persistent --json",
            "  (cmd) vss snapshot create C: --exec \"robocopy %%VSS_SHADOW_PATH%% D:\\copy /E\"",
            "  (sh)  vss snapshot create C: --exec 'tar -cf c.tar -C \"$VSS_SHADOW_PATH\" .'",
            "  (cmd) vss snapshot create C: D: --no-writers --list 20",
            "On the simulator, two volumes backed by the directories a and b:",
            "  (sh)  vss snapshot create C: D: --no-writers --list 20 \\",
            "          --sim-volume C:=a --sim-volume D:=b",
            ExitCodes.HELP_CREATE})
final class SnapshotCreateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimulatorOptions simulator;

    @Parameters(arity = "1..64", paramLabel = "VOLUME",
            description = "Volumes to shadow-copy: a drive letter (C: or C:\\), a mounted folder or a "
                    + "\\\\?\\Volume{...}\\ name; the trailing backslash VSS needs is added when missing. A "
                    + "volume, not a folder on one.")
    private List<String> volumes;

    @Option(names = "--persistent", description = {"Keep the shadow copies after the command ends "
            + "(VSS_CTX_APP_ROLLBACK, or VSS_CTX_NAS_ROLLBACK with --no-writers). Delete them with:",
        "`vss snapshot delete ID`"})
    private boolean persistent;

    @Option(names = "--no-writers", description = "Do not involve writers: a crash-consistent shadow copy "
            + "(VSS_CTX_FILE_SHARE_BACKUP, or VSS_CTX_NAS_ROLLBACK with --persistent).")
    private boolean noWriters;

    @Option(names = "--include-writer", paramLabel = "ID|NAME",
            description = "Involve only these writers (class id or name; repeatable).")
    private List<String> includeWriters = new ArrayList<>();

    @Option(names = "--exclude-writer", paramLabel = "ID|NAME",
            description = "Leave these writers out (class id or name; repeatable).")
    private List<String> excludeWriters = new ArrayList<>();

    @Option(names = "--exec", paramLabel = "COMMAND", description = {
        "Run COMMAND through the system shell while the shadow copies exist, then release them; its exit code "
                + "becomes ours. Environment: VSS_SHADOW_SET, VSS_SHADOW_COUNT, VSS_SHADOW_<n>_ID, _DEVICE, _VOLUME, "
                + "_PATH (a readable directory), VSS_SHADOW_PATH (the first)."})
    private String exec;

    @Option(names = "--type", defaultValue = "COPY", paramLabel = "TYPE",
            description = "Backup type told to writers: ${COMPLETION-CANDIDATES}. COPY leaves their backup history "
                    + "alone. Default: ${DEFAULT-VALUE}.")
    private BackupType type;

    @Option(names = "--timeout", defaultValue = "5m", paramLabel = "DURATION",
            description = "Longest wait for each asynchronous step: 30s, 5m, 2h or ISO-8601 (PT5M). "
                    + "Default: ${DEFAULT-VALUE}.")
    private Duration timeout;

    @Option(names = "--in-progress-timeout", defaultValue = "2m", paramLabel = "DURATION",
            description = "How long to wait out another shadow copy set in progress on the machine "
                    + "(VSS_E_SNAPSHOT_SET_IN_PROGRESS), in all (a DURATION as for --timeout); waits start at 1 s and double up to 30 s. "
                    + "Default: ${DEFAULT-VALUE}.")
    private Duration inProgressTimeout;

    private int list;

    /** Not a field option: a negative count is refused as a usage error (exit code 2, the usage on stderr). */
    @Option(names = "--list", paramLabel = "N",
            description = "List up to N entries of each shadow copy's root directory (with --json: in rootEntries).")
    void setList(int n) {
        if (n < 0) {
            throw new ParameterException(spec.commandLine(), "--list wants a count of 0 or more, got " + n);
        }
        this.list = n;
    }

    @Option(names = "--json", description = "Print the set and its shadow copies as JSON on stdout (the steps go "
            + "to stderr). Not with --exec, whose command has them in its environment.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (noWriters && !(includeWriters.isEmpty() && excludeWriters.isEmpty())) {
            throw new UsageException("--include-writer/--exclude-writer make no sense with --no-writers");
        }
        if (json && exec != null) {
            throw new UsageException("--json and --exec: the command's output would mix with the JSON on stdout; "
                    + "it gets the shadow copies in its environment (VSS_SHADOW_*) instead");
        }
        // Installed before the simulated machine; finished by VssCommand.execute once the last line is printed, so
        // that a shutdown waits until both are released and the outcome reported.
        ShutdownGuard guard = ShutdownGuard.install(err);
        ((VssCommand) spec.root().userObject()).guardedBy(guard);
        // The steps and notes go to stderr, always: stdout carries the results only (the set, its shadow copies and
        // their listings, or the JSON document) and, with --exec, nothing but the command's own output, which may be
        // a byte stream (`--exec 'tar -cf - ...' > c.tar`).
        SnapshotRun run = new SnapshotRun(err, timeout, inProgressTimeout, guard);
        simulator.prepare();
        try {
            return create(out, err, guard, run);
        } catch (RuntimeException e) {
            // A failure keeps its own code (3 for VSS, 4 otherwise) also after a stop: only Stopped is the stop's.
            throw run.cleanupFailed() ? new CleanupFailed(e) : e;
        } finally {
            simulator.close();
        }
    }

    /**
     * The run. The set and its shadow copies are shown as they exist: on stdout, on stderr with --exec (whose
     * command owns stdout), as one JSON document on stdout with --json once the run succeeded.
     */
    private int create(PrintWriter out, PrintWriter err, ShutdownGuard guard, SnapshotRun run) throws Exception {
        SnapshotRun.Plan plan = plan();
        List<String> names = plan.volumes();
        PrintWriter report = exec == null ? out : err;
        List<JsonForms.Snapshot> made = new ArrayList<>();
        UUID[] madeSet = new UUID[1];
        int exit = run.run(plan, (setId, snapshots) -> {
            List<SnapshotMount> mounts = new ArrayList<>();
            try {
                for (SnapshotProperties p : snapshots) {
                    mounts.add(SnapshotMount.open(p));
                }
                // A DoSnapshotSet that met another set runs again: only the last attempt's set is reported.
                made.clear();
                madeSet[0] = setId;
                if (!json) {
                    report.printf("shadow copy set {%s}%n", setId);
                }
                for (int i = 0; i < mounts.size(); i++) {
                    List<String> entries = listRoot(mounts.get(i));
                    if (!json) {
                        // Each shadow copy's root entries under its own block.
                        Printer.snapshot(report, snapshots.get(i), names.get(i),
                                SimulatedHost.hostPathOf(snapshots.get(i).exposedName()));
                        Printer.rootEntries(report, entries);
                    }
                    made.add(JsonForms.Snapshot.of(snapshots.get(i), names.get(i), list > 0 ? entries : null,
                            SimulatedHost.hostPathOf(snapshots.get(i).exposedName())));
                }
                report.flush();
                if (exec == null) {
                    return ExitCodes.OK;
                }
                int code = new ExecRunner(out, err, guard).run(exec, setId, names, mounts);
                if (code != ExitCodes.OK && !guard.isRequested()) {
                    err.println("vss: the --exec command exited with " + code + ExecRunner.meaning(code)
                            + ": the backup is aborted (AbortBackup, no BackupComplete), and vss exits with " + code);
                    err.flush();
                }
                return code;
            } finally {
                List<Path> links = mounts.stream().filter(SnapshotMount::isLink).map(SnapshotMount::root).toList();
                mounts.forEach(SnapshotMount::close);
                if (guard.isRequested() && !links.isEmpty()) {
                    // Said as what is, not as who did it: during a shutdown vss-api's own link cleanup hook deletes
                    // the process's links too, at the same time.
                    List<Path> left = links.stream().filter(l -> Files.exists(l, LinkOption.NOFOLLOW_LINKS)).toList();
                    err.println(left.isEmpty() ? "vss: the " + links.size() + " link(s) to the shadow copies are removed"
                            : "vss: " + left.size() + " of the " + links.size() + " link(s) to the shadow copies could"
                                    + " not be removed: " + left);
                    err.flush();
                }
            }
        });
        if (run.cleanupFailed()) {
            return ExitCodes.CLEANUP_FAILED;
        }
        if (guard.isRequested() && !run.backupCompleted()) {
            return ExitCodes.STOPPED;
        }
        // A stop that came after BackupComplete changes nothing: the backup was done (a persistent set stays).
        if (exit == ExitCodes.OK) {
            err.println(persistent ? "done: the shadow copies persist until `vss snapshot delete`"
                    : "done: the shadow copies were released");
            err.flush();
            if (json) {
                SnapshotContext context = SnapshotContext.fromValue(plan.context());
                Json.print(out, new JsonForms.SnapshotSet(madeSet[0], context.nativeName(), type.nativeName(),
                        persistent, !persistent, made));
            }
        }
        return exit;
    }

    private SnapshotRun.Plan plan() {
        // Checked before any writer is asked (GatherWriterMetadata): a mistyped volume is the command line's fault
        // (exit code 2) and costs nothing.
        volumes.forEach(VolumeArguments::check);
        SnapshotContext context = persistent ? (noWriters ? SnapshotContext.NAS_ROLLBACK : SnapshotContext.APP_ROLLBACK)
                : (noWriters ? SnapshotContext.FILE_SHARE_BACKUP : SnapshotContext.BACKUP);
        List<UUID> enabled = List.of();
        List<UUID> disabled = List.of();
        if (!includeWriters.isEmpty() || !excludeWriters.isEmpty()) {
            WriterSelection writers = WriterSelection.discover(timeout);
            enabled = writers.resolve(includeWriters, "--include-writer");
            disabled = writers.resolve(excludeWriters, "--exclude-writer");
        }
        List<String> names = volumes.stream().map(VolumeArguments::forAddToSnapshotSet).toList();
        return new SnapshotRun.Plan(names, context.value(), type, enabled, disabled);
    }

    /** Up to {@code --list} entries of the shadow copy's root, sorted by name: {@code dir/}, a reparse tag in []. */
    private List<String> listRoot(SnapshotMount mount) throws IOException {
        if (list <= 0) {
            return List.of();
        }
        // Listed through FindFirstFileW as a Windows backup sees the root: links and reparse points as what they are.
        return DirectoryLister.list(mount.root()).stream().sorted(Comparator.comparing(DirectoryEntry::name))
                .limit(list).map(e -> e.name() + (e.isDirectory() ? "/" : "")
                        + (e.isReparsePoint() ? "  [" + ReparseTag.describe(e.reparseTag()) + "]" : ""))
                .toList();
    }
}
