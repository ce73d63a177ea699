package org.vss4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.BrokenChainException;
import org.vss4j.media.RestoreReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vss restore MEDIA [SET] --to TARGET}: the files of a set, or of the newest complete one, written inside
 * TARGET only ({@link org.vss4j.media.BackupSetReader#restore}); exit code 0 only when every selected file's data
 * was. What could not be applied to a restored file (security descriptor, streams, times, attributes) is named and
 * counted on stderr, and does not change the exit code.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        customSynopsis = {"vss restore [OPTIONS] MEDIA [SET] --to=TARGET [--path=PATTERN]... [--overwrite]",
            "       vss restore [OPTIONS] MEDIA [SET] --writers [--to=WINDOWS-DIR]",
            "           [--component=WRITER[:PATH]]... [--restore-type=TYPE]",
            "           [--restore-options=WRITER[:PATH]=TEXT]... [--stop-services]",
            "           [--at-reboot] [--authoritative=WRITER[:PATH]]...",
            "           [--additional-restores=WRITER[:PATH]]...",
            "           [--roll-forward=WRITER[:PATH]=HOW]... [--restore-name=WRITER:PATH=NAME]..."},
        description = {"Restore the files of SET, or of the newest complete set in MEDIA, into TARGET, as "
                + "ROOT/PATH (D/orders/a.db for D:\\orders\\a.db; vss sets shows each source's root).",
            "Nothing is written outside TARGET: an entry with .., an absolute or drive path, a UNC or device path, "
                + "a link, a name Windows forbids, or a path through a link already in TARGET is refused with its "
                + "name and why. An existing file is replaced only with --overwrite. Each file's data is checked "
                + "against the catalog's SHA-256 before it takes its place.",
            "A security descriptor, alternate data stream, time or attribute that cannot be applied to a restored "
                + "file (no SeRestorePrivilege, a TARGET without backup semantics) is named as 'not applied', with "
                + "why; the file's data is restored, and the exit code stays 0.",
            "A set stores no POSIX permissions: on Linux or macOS each restored file is created owner-only "
                + "(rw-------) and each directory with the umask's mode (rwxr-xr-x under umask 022); chmod them as "
                + "needed.",
            "With --writers: a writer-aware restore from the set's Backup Components Document: each writer "
                + "takes part (PreRestore, PostRestore) and its restore method decides where its component's files "
                + "go; each file gets its security descriptor, streams, times and attributes as without --writers; "
                + "a service stop is performed only with --stop-services, a replacement at the next reboot only with "
                + "--at-reboot, a custom procedure never (reported not restored, with why). It restores whole "
                + "components, so --path and --overwrite are refused. Without --to the files go back in place: "
                + "each component's live files are replaced, with no --overwrite (stderr names each volume "
                + "written in place). With --to, a Windows directory the writers are told their files go under "
                + "(AddNewTarget; a writer must support new targets), every file set but those of a custom "
                + "procedure goes under it as a plain copy, the originals left alone: no service stop, no "
                + "replacement at reboot. The simulator options matter only with --writers."},
        footer = {"%nExamples (" + Examples.LEGEND + "):",
            "  vss restore backups --to restored",
            "  vss restore backups 20261201T172241.690Z-b9144b --to restored --overwrite",
            "  (sh)  vss restore backups --to restored --path 'D/orders/**/*.db'",
            "  (cmd) vss restore E:\\backups --to C:\\restored --path D/orders/**/*.db",
            "  vss restore backups --writers --json",
            "  vss restore backups --writers --restore-type import",
            "  (sh)  vss restore backups --writers --restore-options 'Log Writer=replay'",
            "  (cmd) vss restore E:\\backups --writers --restore-options \"Log Writer=replay\"",
            "  (cmd) vss restore E:\\backups --writers --to D:\\restored",
            "  vss restore backups --writers --stop-services --at-reboot",
            "  (sh)  vss restore backups --writers --roll-forward 'Log Writer=partial:42'",
            ExitCodes.HELP_RESTORE})
final class RestoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MEDIA", description = "The media directory the backups went to.")
    private Path media;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SET",
            description = "The set to restore (its id, as vss sets lists it). Without: the newest complete set "
                    + "(stderr says which).")
    private String set;

    @Option(names = "--to", paramLabel = "TARGET",
            description = "The directory to restore into; created when missing. Required without --writers. "
                    + "With --writers: a Windows directory (D:\\restored) every file set the writers let be copied "
                    + "goes under, as D:\\restored\\C\\logs for C:\\logs, the originals left alone (no service "
                    + "stop, no replacement at reboot); the writers are told (AddNewTarget).")
    private Path target;

    @Option(names = "--writers", description = "Restore with the writers, to where their restore methods say.")
    private boolean writers;

    @Option(names = "--component", paramLabel = "WRITER[:PATH]",
            description = "With --writers: restore only WRITER's components of the set (its name or class id), "
                    + "or the one at PATH (logical path and name: Orders Writer:orders for the component the "
                    + "output names Orders Writer\\orders). Repeatable. Default: every component the set holds.")
    private List<String> components = new ArrayList<>();

    @Option(names = "--restore-type", paramLabel = "TYPE", converter = RestoreTypeArgument.class,
            completionCandidates = RestoreTypeArgument.Names.class,
            description = "With --writers: the restore type the writers are told (SetRestoreState): "
                    + "${COMPLETION-CANDIDATES}. Default: by-copy, the files copied back.")
    private org.vss4j.RestoreType restoreType;

    @Option(names = "--restore-options", paramLabel = "WRITER[:PATH]=TEXT",
            description = "With --writers: the text WRITER's components (or the one at PATH) get as their restore "
                    + "options (SetRestoreOptions; the writer reads it, its meaning is the writer's). Repeatable.")
    private List<String> restoreOptions = new ArrayList<>();

    @Option(names = "--stop-services",
            description = "With --writers: stop and start the service a writer names when its restore method asks "
                    + "(VSS_RME_STOP_RESTORE_START, VSS_RME_RESTORE_STOP_START; administrator rights).")
    private boolean stopServices;

    @Option(names = "--at-reboot",
            description = "With --writers: write the files of a writer that restores at reboot beside the originals "
                    + "and have them replace the originals at the next reboot (MoveFileExW "
                    + "MOVEFILE_DELAY_UNTIL_REBOOT; administrator rights).")
    private boolean atReboot;

    @Option(names = "--authoritative", paramLabel = "WRITER[:PATH]",
            description = "With --writers: the restored copy wins over the replicas (SetAuthoritativeRestore). "
                    + "Repeatable.")
    private List<String> authoritative = new ArrayList<>();

    @Option(names = "--roll-forward", paramLabel = "WRITER[:PATH]=HOW",
            description = "With --writers: how far the writer rolls the component forward (SetRollForward): all, "
                    + "none, or partial:POINT (a restore point in the writer's terms). Repeatable.")
    private List<String> rollForward = new ArrayList<>();

    @Option(names = "--restore-name", paramLabel = "WRITER:PATH=NAME",
            description = "With --writers: restore the component under a new logical name (SetRestoreName). "
                    + "Repeatable.")
    private List<String> restoreName = new ArrayList<>();

    @Option(names = "--additional-restores", paramLabel = "WRITER[:PATH]",
            description = "With --writers: more restores of the component follow, the writer does not recover it "
                    + "yet (SetAdditionalRestores). Repeatable.")
    private List<String> additionalRestores = new ArrayList<>();

    @Option(names = "--path", paramLabel = "PATTERN",
            description = {"Restore only the entries PATTERN selects (repeatable), a glob over ROOT/PATH names: "
                    + "* and ? within a name, ** across names (D/orders/**/*.db also selects D/orders/a.db), "
                    + "\\ read as / and a drive D:\\ as its root D (D:\\orders\\*.db is D/orders/*.db), "
                    + "case-insensitive; a directory selects everything under it. A PATTERN that "
                    + "selects no file is named and makes the restore incomplete (exit code 12)."})
    private List<String> paths = new ArrayList<>();

    @Option(names = "--overwrite", description = "Replace files that exist in TARGET (never a directory).")
    private boolean overwrite;

    @Option(names = "--json", description = "Print the outcome as one JSON document on stdout (notes go to stderr).")
    private boolean json;

    /** The simulated machine (with --writers) and {@code --progress}. */
    @Mixin
    private SimulatorOptions simulator;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WriterRequests requests = new WriterRequests(stopServices, atReboot, authoritative, rollForward, restoreName,
                additionalRestores);
        if (writers) {
            if (!paths.isEmpty() || overwrite) {
                // A writer restores whole components: a file pattern would narrow what the writer is told it gets.
                throw new UsageException((!paths.isEmpty() ? "--path" : "--overwrite") + " goes without --writers ("
                        + "a writer-aware restore restores whole components, replacing the files in place or "
                        + "writing them under --to; choose components with --component)");
            }
            return new RestoreWritersRun(media, set, target, components, restoreType, restoreOptions, requests, json,
                    simulator).call(out, err);
        }
        if (!components.isEmpty() || restoreType != null || !restoreOptions.isEmpty()
                || requests.firstGiven() != null) {
            throw new UsageException((!components.isEmpty() ? "--component" : restoreType != null
                    ? "--restore-type" : !restoreOptions.isEmpty() ? "--restore-options" : requests.firstGiven())
                    + " goes with --writers");
        }
        if (target == null) {
            throw new UsageException("Missing required option: '--to=TARGET' (or --writers)");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UsageException("--to " + target + " is not a directory");
        }
        MediaSets m = MediaSets.open(media, err);
        BackupSetInfo s = set == null ? newestComplete(m) : m.named(set);
        List<String> failed = m.reader().failedFiles(s.setId());
        steps(err, m, s, failed);
        RestoreReport r;
        try {
            r = ReadBar.during(simulator.progress(), err, "restoring " + s.setId(),
                    p -> m.reader().restore(s.setId(), target, paths, overwrite, p));
        } catch (BrokenChainException e) {
            // Checked before anything is written: TARGET is untouched.
            err.printf("vss: restore: %s; nothing was restored (vss verify %s names what is damaged)%n",
                    e.getMessage(), media);
            err.flush();
            return ExitCodes.SET_DAMAGED;
        }
        List<String> unmatched = r.patternsMatchingNothing(paths);
        long bytes = restoredBytes(r);
        boolean complete = r.complete() && unmatched.isEmpty();
        if (json) {
            Json.print(out, new SetJsonForms.Restore(media.toAbsolutePath().toString(), m.removed(),
                    SetJsonForms.Set.of(m.details(s)), set == null ? "newest complete" : "given",
                    target.toAbsolutePath().toString(), paths, overwrite, r.restored().size(), bytes,
                    SetJsonForms.Refusal.of(r), r.missing(), unmatched, r.notApplied(), complete, r.chain()));
        } else {
            SetText.restored(out, s.setId(), target.toString(), r, bytes, unmatched);
            out.flush();
        }
        if (!r.notApplied().isEmpty()) {
            // The data is there; exit code 0 stays possible, but what is missing from the files is not hidden.
            err.printf("vss: restore: %d security descriptors, alternate data streams, times or attributes of restored "
                    + "files and directories were not applied; the files' data is restored (%s)%n",
                    r.notApplied().size(), SetText.whereNotAppliedAre(r.notApplied().size(), json));
            err.flush();
        }
        if (!complete) {
            err.printf("vss: restore incomplete: %d refused, %d missing from data.tar, %d --path selecting no file "
                    + "(each is named on stdout)%n", r.refused().size(), r.missing().size(), unmatched.size());
            err.flush();
            return ExitCodes.RESTORE_INCOMPLETE;
        }
        return ExitCodes.OK;
    }

    private static BackupSetInfo newestComplete(MediaSets m) {
        m.atLeastOne();
        return m.newestComplete().orElseThrow(() -> new UsageException("no complete set in " + m.media()
                + " to restore without SET; name one of its sets: " + m.ids()));
    }

    /** What the restore is about to do, on stderr: which set and why, and what it lacks. */
    private void steps(PrintWriter err, MediaSets m, BackupSetInfo s, List<String> failed) {
        err.printf("restoring set %s (%s, %s, snapshot %s)%s into %s%n", s.setId(), s.metadata().type(), s.state(),
                s.metadata().snapshotTime() == null ? "time unknown" : s.metadata().snapshotTime(),
                set == null ? ", the newest complete set in " + m.media() : "", target);
        if (s.metadata().parentSetId() != null) {
            err.printf("set %s is %s, built on set %s%n", s.setId(), s.metadata().type(), s.metadata().parentSetId());
            try {
                err.printf("applying its chain in order: %s%n", String.join(", ", m.reader().chain(s.setId())));
            } catch (IOException e) {
                err.printf("its chain cannot be followed: %s%n", e.getMessage()); // the restore then says why
            }
        }
        if (!MediaSets.COMPLETE.equals(s.state())) {
            err.printf("set %s is %s%n", s.setId(), SetText.state(s, failed.size()));
            failed.forEach(f -> err.printf("  not in the set: %s%n", f));
        }
        err.flush();
    }

    /** The bytes of the files restored, as they are in TARGET now. */
    private long restoredBytes(RestoreReport r) throws IOException {
        long sum = 0;
        for (String name : r.restored()) {
            Path p = target.resolve(name);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                sum += Files.size(p);
            }
        }
        return sum;
    }
}
