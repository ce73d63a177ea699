package org.vss4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.vss4j.media.BackupChain;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.BackupSetReader;
import org.vss4j.media.BackupSetRequest;
import org.vss4j.media.ParentSet;
import org.vss4j.media.SessionBackupSet;
import org.vss4j.VssHresult;
import org.vss4j.session.BackupException;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.BackupSessionBuilder;
import org.vss4j.session.ComponentChoice;
import org.vss4j.session.ComponentSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vss backup SOURCE... --to MEDIA}: a VSS backup session ({@link BackupSession}) written as a backup set in
 * MEDIA ({@link SessionBackupSet}, docs/backup-sets.md). Notes, retries and progress go to stderr; stdout carries the
 * outcome (text, or one JSON document with {@code --json}): the set, its files and bytes, each component's outcome,
 * the writers told the backup succeeded, and each file that could not be saved. {@code --dry-run} stops after the
 * file list and explains it ({@link DryRunReport}).
 */
@Command(name = "backup", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = {"Back up volumes or directories into a backup set in MEDIA (a directory): the files as a "
                + "tar, a SQLite catalog, the writers' documents and the backup state (docs/backup-sets.md).",
            "The default type, copy, never changes a writer's backup history. full, incremental, differential and "
                    + "log are asked for explicitly: only then may writers truncate their logs. The output says "
                    + "which writers were told the backup succeeded."},
        footer = {"%nModes (as vshadow): by default component mode with every writer component",
            "whose files all lie on the volumes of the sources; a component with files",
            "on another volume is left out and named (--dry-run says why);",
            "--component: component mode with only the components named;",
            "--volume-mode: the writers freeze, no component is added, so no writer",
            "is told it was backed up; --no-writers: crash-consistent, no writer.",
            "%nExamples (" + Examples.LEGEND + "):",
            "  (cmd) vss backup D:\\data --to E:\\bak",
            "  (cmd) vss backup D:\\ --to E:\\bak --component SqlServerWriter --type full",
            "  (cmd) vss backup D:\\ --to E:\\bak --component \"Orders Writer:orders\" --dry-run",
            "  (cmd) vss backup D:\\ --to E:\\bak --no-writers --json",
            "On the simulator, volume D: backed by the directory data:",
            "  (sh)  vss backup 'D:\\' --to media --sim-volume D:=data",
            ExitCodes.HELP_BACKUP})
final class BackupCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimulatorOptions simulator;

    @Parameters(arity = "1..64", paramLabel = "SOURCE",
            description = "What to back up: a volume (D:\\, a mounted folder, a \\\\?\\Volume{...}\\ name) or a "
                    + "directory on one (D:\\data).")
    private List<String> sources;

    @Option(names = "--to", required = true, paramLabel = "MEDIA",
            description = "The directory the backup set is written into (created if missing).")
    private Path media;

    @Option(names = "--type", defaultValue = "copy", paramLabel = "TYPE",
            description = "Backup type: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    private BackupTypeArgument type;

    @Option(names = "--component", paramLabel = "WRITER[:LOGICAL\\PATH\\NAME]",
            description = "Back up only this writer (name or class id) or one of its components, instead of "
                    + "every component whose files are all inside the sources. Repeatable.")
    private List<String> components = new ArrayList<>();

    @Option(names = "--volume-mode", description = "Whole volumes with the writers frozen, no component selected: "
            + "no writer is told it was backed up.")
    private boolean volumeMode;

    @Option(names = "--no-writers", description = "No writer takes part: a crash-consistent backup "
            + "(VSS_CTX_FILE_SHARE_BACKUP).")
    private boolean noWriters;

    @Option(names = "--json", description = "Print the outcome as one JSON document on stdout, also for a partial "
            + "backup (exit 6) or writers not stable (7). A backup that fails (exit 3, 4, 5, 8, or stopped) prints "
            + "none, as every vss command: stdout stays empty and the error, naming the step, the HRESULT and what "
            + "the set stays as, is on stderr.")
    private boolean json;

    @Option(names = "--dry-run", description = "Stop after the file list: explain, per writer and component, what "
            + "is included or excluded and why; no set is written and the backup is aborted.")
    private boolean dryRun;

    private int retries = 2;

    /** Not a field option: a negative count is a usage error. */
    @Option(names = "--retries", paramLabel = "N", description = "Retry a retryable writer failure "
            + "(VSS_E_WRITERERROR_RETRYABLE) up to N times with a new requester, waiting 1 s, 2 s, 4 s... "
            + "Default: 2.")
    void setRetries(int n) {
        if (n < 0) {
            throw new ParameterException(spec.commandLine(), "--retries wants a count of 0 or more, got " + n);
        }
        this.retries = n;
    }

    @Option(names = "--timeout", defaultValue = "5m", paramLabel = "DURATION",
            description = "Longest wait for each asynchronous step: 30s, 5m, 2h or ISO-8601 (PT5M). "
                    + "Default: ${DEFAULT-VALUE}.")
    private Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        checkOptions();
        // As for snapshot create: installed before the simulated machine, finished by VssCommand.execute once the
        // last line is printed, so that a stop (SIGTERM, Ctrl-C) waits until the backup is aborted and reported.
        ShutdownGuard guard = ShutdownGuard.install(err);
        ((VssCommand) spec.root().userObject()).guardedBy(guard);
        simulator.prepare();
        try {
            return run(out, err, guard);
        } finally {
            simulator.close();
        }
    }

    private void checkOptions() {
        if (noWriters && (volumeMode || !components.isEmpty())) {
            throw new UsageException("--no-writers backs up without writers: it goes with neither --volume-mode nor "
                    + "--component");
        }
        if (volumeMode && !components.isEmpty()) {
            throw new UsageException("--volume-mode selects no component: it does not go with --component");
        }
        if (Files.exists(media) && !Files.isDirectory(media)) {
            throw new UsageException("--to " + media + ": not a directory");
        }
    }

    private int run(PrintWriter out, PrintWriter err, ShutdownGuard guard) throws Exception {
        List<String> given = sources.stream().map(BackupCommand::normalized).toList();
        // A stop ends the session's waits (cancelled) and its backoffs; during the copy BackupStop closes it.
        BackupSessionBuilder builder = BackupSession.builder().type(type.type()).phaseTimeout(timeout)
                .clock(guard.clock()).stopWhen(guard::isRequested);
        BackupSources checked = BackupSources.check(given);
        checked.refuseWithin("--to", media);
        simulator.stateDirectory().ifPresent(dir -> checked.refuseWithin("--sim-state", dir));
        for (int i = 0; i < given.size(); i++) {
            if (checked.isVolumeRoot(i)) {
                builder.volumes(given.get(i));
            } else {
                builder.directories(given.get(i));
            }
        }
        if (noWriters) {
            builder.withoutWriters();
        } else if (!components.isEmpty()) {
            builder.componentMode().components(selections());
        } else if (volumeMode) {
            builder.volumeMode();
        } else {
            // vshadow's default (Windows-classic-samples VShadowVolumeShadowCopy): component mode, every component
            // whose files are all shadow-copied.
            builder.allComponentsOnSetVolumes();
        }
        ParentSet parent = type.chains() ? parent(given) : null;
        if (parent != null) {
            builder.previous(parent.previous());
        }
        BackupProgress progress = dryRun ? null : BackupProgress.forStderr(simulator.progress(), err);
        BackupKillPoint killPoint = BackupKillPoint.configured();
        BackupStop stop = new BackupStop(guard);
        builder.listener(event -> {
            stop.onEvent(event);
            if (progress != null) {
                progress.onEvent(event);
            }
            if (killPoint != null) {
                killPoint.onEvent(event);
            }
        });
        WriterRetry retry = new WriterRetry(err, retries, guard.clock());
        if (dryRun) {
            try (BackupSession session = start(retry, builder, guard)) {
                stoppedBefore(guard, "the dry run's report");
                DryRunReport report = DryRunReport.of(session, given, mode(), retry.attempts());
                if (json) {
                    Json.print(out, report.json());
                } else {
                    report.print(out);
                }
            }
            err.println("dry run: no backup set was written, and the backup was aborted (AbortBackup)");
            err.flush();
            return ExitCodes.OK;
        }
        Files.createDirectories(media);
        List<String> removed = BackupSetReader.open(media).removedPartials();
        if (!removed.isEmpty()) {
            err.println("removed what killed or failed runs left in " + media + ": " + String.join(", ",
                    removed.stream().map(r -> ".partial-" + r).toList()));
        }
        BackupSetRequest request = new BackupSetRequest(SetIds.next(Instant.now()), given, parent);
        BackupSetInfo info;
        BackupResult result;
        List<ComponentChoice> leftOut;
        List<BackupItem> items;
        BackupSession started;
        try {
            started = start(retry, builder, guard);
        } catch (BackupException e) {
            throw BackupFailure.beforeTheCopy(e, media);
        }
        try (BackupSession session = started) {
            stoppedBefore(guard, "the first file was stored: the backup was aborted (AbortBackup), nothing was "
                    + "written to " + media);
            leftOut = session.leftOutComponents();
            items = session.items();
            if (progress != null) {
                progress.starting(session.items());
            }
            stop.watch(session);
            try {
                info = SessionBackupSet.backUp(session, media, request);
            } catch (IOException | RuntimeException e) {
                if (stop.aborted()) {
                    throw new ShutdownGuard.Stopped("stopped by a signal while files were being stored: the backup "
                            + "was aborted (AbortBackup, no writer was told anything) and the partial set removed "
                            + "from " + media, e);
                }
                if (e instanceof IllegalArgumentException) {
                    throw e;
                }
                throw BackupFailure.duringTheCopy(e, media, request.setId());
            } finally {
                if (progress != null) {
                    progress.close();
                }
            }
            result = session.result().orElseThrow(() -> new IllegalStateException("the session did not complete"));
        }
        BackupOutcome outcome = new BackupOutcome(media, info, result, retry.attempts(), mode(), leftOut,
                items);
        if (json) {
            Json.print(out, outcome.json());
        } else {
            outcome.print(out);
        }
        out.flush();
        return outcome.exitCode();
    }

    /**
     * The session, started with the retries; a session that a stop ended (E_ABORT from {@code stopWhen}, already
     * aborted and released) is {@link ShutdownGuard.Stopped}.
     */
    private static BackupSession start(WriterRetry retry, BackupSessionBuilder builder, ShutdownGuard guard) {
        try {
            return retry.start(builder);
        } catch (BackupException e) {
            if (guard.isRequested() && e.hresult() == VssHresult.E_ABORT.code()) {
                throw new ShutdownGuard.Stopped("stopped by a signal during " + e.phase() + ": the backup was "
                        + "aborted (AbortBackup) and released; nothing was written to MEDIA", e);
            }
            throw e;
        }
    }

    /** Throws {@link ShutdownGuard.Stopped} when a stop came while the session started. */
    private static void stoppedBefore(ShutdownGuard guard, String what) {
        if (guard.isRequested()) {
            throw new ShutdownGuard.Stopped("stopped by a signal before " + what);
        }
    }

    private String mode() {
        // Named or chosen by the session, the components are added the same way: component mode either way (what
        // the session left out is listed apart).
        return noWriters ? "no writers" : volumeMode ? "volume mode" : "component mode";
    }

    /** {@code D:} means the volume D:\ (as for {@code snapshot create}); anything else is taken as given. */
    private static String normalized(String source) {
        if (source == null || source.isBlank()) {
            throw new UsageException("an empty SOURCE: give a volume (D:\\) or a directory on one (D:\\data)");
        }
        return source.matches("[A-Za-z]:") ? source + "\\" : source;
    }

    /** The {@code --component} arguments, each writer resolved to its class id (a usage error if none has it). */
    private ComponentSelection[] selections() {
        WriterSelection writers = WriterSelection.discover(timeout);
        List<ComponentSelection> out = new ArrayList<>();
        for (String c : components) {
            int colon = c.indexOf(':');
            String writer = colon < 0 ? c : c.substring(0, colon);
            String path = colon < 0 ? null : c.substring(colon + 1);
            if (writer.isBlank() || path != null && path.isBlank()) {
                throw new UsageException("--component " + c + ": give WRITER or WRITER:LOGICAL\\PATH\\NAME");
            }
            UUID classId = writers.resolve(List.of(writer), "--component").get(0);
            if (path != null) {
                writers.requireComponent(classId, path, "--component", c);
            }
            out.add(path == null ? ComponentSelection.writer(classId) : ComponentSelection.component(classId, path));
        }
        return out.toArray(ComponentSelection[]::new);
    }

    /**
     * The set an incremental or differential backup builds on ({@link BackupChain#parentFor}); media with no set at
     * all holds none, which is said without asking the chain.
     */
    private ParentSet parent(List<String> given) throws IOException {
        Optional<ParentSet> parent = Files.isDirectory(media) && !BackupSetReader.open(media).list().isEmpty()
                ? BackupChain.parentFor(media, given, type.type()) : Optional.empty();
        if (parent.isPresent()) {
            return parent.get();
        }
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        throw new NoParentSet(NoParentHint.of(media, given, type.type(), args));
    }

    /** An incremental or differential backup with nothing to build on ({@link ExitCodes#NO_PARENT}). */
    static final class NoParentSet extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NoParentSet(String message) {
            super(message);
        }
    }
}
