package org.vss4j.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.vss4j.com.Win32Error;
import org.vss4j.media.BackupSetReader;
import org.vss4j.media.CatalogRow;
import org.vss4j.media.PlacedRestore;
import org.vss4j.session.RestoreItem;
import org.vss4j.session.RestoreOutcome;
import org.vss4j.session.RestoreResult;
import org.vss4j.session.RestoreSession;
import org.vss4j.session.RestoreSessionBuilder;
import org.vss4j.session.UnmatchedComponent;

/**
 * {@code vss restore --writers}: a {@link RestoreSession} from the set's stored Backup Components Document; each
 * item the writers' restore methods let the requester copy is written from the set's catalog rows of its component
 * to the target the session decided, with the security descriptor, streams, times and attributes the set keeps of it
 * (as the plain restore applies them), reported restored or failed, and the session completed
 * (docs/restore-session.md, "Writer-aware restore: vss restore --writers").
 */
final class WritersRestore {

    /**
     * One component's outcome, for the text and the JSON: {@code files} written (replaced, staged or copied under a
     * new target), {@code stagedFiles} of them staged for the next reboot, {@code procedure} what was done around
     * the copy (a service stopped, files staged, files written under the new target; null for a plain copy in
     * place), {@code reason} why it was not restored (or what the restore leaves to come), without "not restored",
     * and what was asked of its writer before PreRestore ({@code authoritative}, {@code rollForward},
     * {@code restoreName}, {@code additionalRestores}, {@code restoreOptions}; null or false when not asked).
     */
    record Component(String writer, String component, boolean restored, String status, String reason, int files,
            int stagedFiles, String procedure, String writerFailurePhase, Integer writerFailureHresult,
            String writerFailureHresultName, String restoreOptions, boolean authoritative, String rollForward,
            String restoreName, boolean additionalRestores) {
    }

    /** A service stop or start the restore made: {@code action} is {@code stopped} or {@code started}. */
    record Service(String service, String action) {
    }

    /**
     * Every component's outcome, what could not be applied to the restored files and directories, the service
     * stops and starts made (in order) and the host paths of the files staged for the next reboot.
     */
    record Outcome(List<Component> components, List<String> notApplied, List<Service> services,
            List<Path> stagedFiles) {
    }

    /** What one item's copy wrote: files in all, of them staged for the next reboot. */
    private record Written(int files, int staged) {
    }

    private final BackupSetReader reader;
    private final String setId;
    private final List<CatalogRow> rows;
    /** The restore options given, by {@link #key} of writer class id and component path. */
    private final Map<String, String> restoreOptions;
    /** The requests made before PreRestore, by {@link #key}. */
    private final Map<String, WriterRequests.Asked> asked;
    /** Where a line about files replaced in place goes (stderr). */
    private final java.io.PrintWriter notes;
    private final List<Component> outcomes = new ArrayList<>();
    private final List<Path> stagedFiles = new ArrayList<>();

    /**
     * @param restoreOptions the options the session sets ({@code SetRestoreOptions}), by {@link #key}; for the
     *                       report
     * @param asked          the requests made before PreRestore, by {@link #key}; for the report
     * @param notes          where the volumes whose files are replaced in place are named
     */
    WritersRestore(BackupSetReader reader, String setId, Map<String, String> restoreOptions,
            Map<String, WriterRequests.Asked> asked, java.io.PrintWriter notes) throws IOException {
        this.reader = reader;
        this.setId = setId;
        this.rows = reader.files(setId);
        this.restoreOptions = restoreOptions;
        this.asked = asked;
        this.notes = notes;
    }

    /** The key of a component: its writer's class id and its {@code logicalPath\name}, case-insensitive. */
    static String key(UUID writerClassId, String componentPath) {
        return writerClassId.toString().toLowerCase(Locale.ROOT) + "\n" + componentPath.toLowerCase(Locale.ROOT);
    }

    /**
     * Runs the session over {@code builder} (document and components set) and returns each component's outcome,
     * the unmatched ones included, and what could not be applied.
     */
    Outcome run(RestoreSessionBuilder builder) throws IOException {
        Map<org.vss4j.session.ComponentRef, Integer> written = new java.util.HashMap<>();
        Map<org.vss4j.session.ComponentRef, Integer> staged = new java.util.HashMap<>();
        Map<org.vss4j.session.ComponentRef, java.util.Set<RestoreItem.Action>> actions = new java.util.HashMap<>();
        RecordingServiceControl services = new RecordingServiceControl();
        builder.serviceControl(services);
        RestoreResult result;
        List<String> notApplied;
        try (RestoreSession s = builder.start(); PlacedRestore files = reader.placedRestore(setId)) {
            inPlace(s.items().stream().filter(RestoreItem::toCopy).toList());
            for (RestoreItem item : s.items().stream().filter(RestoreItem::toCopy).toList()) {
                actions.computeIfAbsent(item.component(), c -> java.util.EnumSet.noneOf(RestoreItem.Action.class))
                        .add(item.action());
                try {
                    Written n = copy(s, item, files);
                    written.merge(item.component(), n.files(), Integer::sum);
                    staged.merge(item.component(), n.staged(), Integer::sum);
                    s.restored(item);
                } catch (IOException | RuntimeException e) {
                    s.failed(item, "writing " + item.target() + ": " + IoReasons.messageOf(e));
                }
            }
            // Before PostRestore (complete): the writer then finds its files and their directories as restored.
            files.applyDirectories();
            notApplied = files.notApplied();
            result = s.complete();
        }
        for (RestoreOutcome o : result.outcomes()) {
            String k = key(o.component().writer().writerId(), o.component().fullPath());
            int n = written.getOrDefault(o.component(), 0);
            int nStaged = staged.getOrDefault(o.component(), 0);
            outcomes.add(component(o.component().writer().name(), o.component().fullPath(), o.restored(),
                    o.status() == null ? null : o.status().name(), SessionTexts.cli(o.reason()), n, nStaged,
                    n == 0 ? null : procedure(actions.get(o.component()), nStaged, o.reason() != null),
                    o.writerFailure() == null ? null : o.writerFailure().phase().name(),
                    o.writerFailure() == null ? null : o.writerFailure().failureHresult(), k));
        }
        for (UnmatchedComponent u : result.unmatched()) {
            String name = u.component().writer().name() != null ? u.component().writer().name()
                    : writerNameOf(u.component().writer().writerId());
            outcomes.add(component(name, u.component().fullPath(), false, null, "unmatched: " + u.reason()
                    + "; start the application that hosts writer '" + name + "' (on the simulator: pass the "
                    + "--sim-writers DIR the backup used) and restore again, or restore its files without --writers",
                    0, 0, null, null, null, key(u.component().writer().writerId(), u.component().fullPath())));
        }
        List<Service> done = services.done().stream().map(d -> new Service(d.substring(d.indexOf(' ') + 1),
                d.substring(0, d.indexOf(' ')))).toList();
        return new Outcome(List.copyOf(outcomes), notApplied, done, List.copyOf(stagedFiles));
    }

    /** The outcome of one component, with what was asked of its writer; {@code reason} loses "not restored: ". */
    private Component component(String writer, String path, boolean restored, String status, String reason,
            int files, int staged, String procedure, String failurePhase, Integer failureHresult, String k) {
        String why = reason != null && reason.startsWith(NOT_RESTORED) ? reason.substring(NOT_RESTORED.length())
                : reason;
        WriterRequests.Asked a = asked.getOrDefault(k, WriterRequests.Asked.NOTHING);
        return new Component(writer, path, restored, status, why, files, staged, procedure, failurePhase,
                failureHresult, failureHresult == null ? null : JsonForms.hresultName(failureHresult),
                restoreOptions.get(k), a.authoritative(), a.rollForward(), a.restoreName(), a.additionalRestores());
    }

    /** How the session's reasons for a component not restored start; the output says it once, itself. */
    private static final String NOT_RESTORED = "not restored: ";

    /**
     * Names on {@link #notes}, once per volume, each volume whose live files the items replace where they are (no
     * new target, no alternate location): a writer-aware restore needs no {@code --overwrite}, so it is said before
     * anything is written. On the simulator the line gives the directory behind the volume.
     */
    private void inPlace(List<RestoreItem> items) {
        java.util.Set<String> volumes = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (RestoreItem item : items) {
            if (item.action() != RestoreItem.Action.COPY_TO_NEW_TARGET
                    && item.action() != RestoreItem.Action.COPY_TO_ALTERNATE_LOCATION) {
                volumes.add(volumeOf(item.target()));
            }
        }
        for (String v : volumes) {
            notes.printf("replacing files in place on %s%s%n", v, SimulatedHost.active()
                    ? SimulatedHost.hostPathOfWindowsName(v).map(p -> " (= " + p + ")").orElse("") : "");
        }
        notes.flush();
    }

    /** The volume part of a Windows path: {@code C:\} of {@code C:\data}, {@code \\server\share\} of a UNC path. */
    private static String volumeOf(String windowsPath) {
        if (windowsPath.matches("[A-Za-z]:.*")) {
            return windowsPath.substring(0, 2).toUpperCase(Locale.ROOT) + "\\";
        }
        String[] parts = windowsPath.split("\\\\");
        return parts.length > 3 ? "\\\\" + parts[2] + "\\" + parts[3] + "\\" : windowsPath;
    }

    /**
     * What was done around the copy of a component's files (some were written), as the output says it; null for a
     * plain copy.
     */
    private static String procedure(java.util.Set<RestoreItem.Action> actions, int staged, boolean reasonGiven) {
        List<String> out = new ArrayList<>();
        if (actions.contains(RestoreItem.Action.REPLACE_WITH_SERVICE_STOPPED)) {
            out.add("replaced with its writer's service stopped, then started again");
        }
        if (actions.contains(RestoreItem.Action.REPLACE_THEN_RESTART_SERVICE)) {
            out.add("replaced while its writer's service ran, then the service stopped and started");
        }
        if (actions.contains(RestoreItem.Action.COPY_TO_NEW_TARGET)) {
            out.add("written under the new target (--to), the originals left alone");
        }
        if (actions.contains(RestoreItem.Action.COPY_TO_ALTERNATE_LOCATION)) {
            out.add("written to its writer's alternate location");
        }
        if (staged > 0 && !reasonGiven) {
            // The session's reason ("restored at next reboot: N file(s) ...") says it already when it gives one.
            out.add(staged + " file(s) staged to replace the originals at the next reboot");
        }
        return out.isEmpty() ? null : String.join("; ", out);
    }

    /** The writer's name as the catalog records it (the document has none), else its class id. */
    private String writerNameOf(UUID writerId) {
        return rows.stream().filter(r -> writerId.toString().equalsIgnoreCase(r.metadata().writerId()))
                .map(r -> r.metadata().writerName()).filter(java.util.Objects::nonNull).findFirst()
                .orElse(writerId.toString());
    }

    /**
     * Writes every catalogued file of the item's file set to its target, with its stored metadata
     * ({@link PlacedRestore}), as the item's action says: replacing, only where no file is, or to its staging path
     * for the next reboot (reported with {@link RestoreSession#staged}); returns how many it wrote.
     */
    private Written copy(RestoreSession session, RestoreItem item, PlacedRestore files) throws IOException {
        String base = item.files().path().endsWith("\\") ? item.files().path() : item.files().path() + "\\";
        Pattern spec = filespec(item.files().filespec());
        int n = 0;
        int staged = 0;
        for (CatalogRow row : rows) {
            String original = row.metadata().originalPath();
            if (!ofComponent(row, item) || !original.toLowerCase(Locale.ROOT).startsWith(base.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String rest = original.substring(base.length());
            String leaf = rest.substring(rest.lastIndexOf('\\') + 1);
            if ((!item.files().recursive() && rest.contains("\\")) || !spec.matcher(leaf).matches()) {
                continue;
            }
            String windowsBase = item.target().endsWith("\\") ? item.target() : item.target() + "\\";
            String windowsTarget = windowsBase + rest;
            Path target = hostPath(windowsTarget);
            if (item.action() == RestoreItem.Action.COPY_IF_NOT_THERE && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                // VSS_RME_RESTORE_IF_NOT_THERE restores a component only where none of its files is (Microsoft docs,
                // "VSS_RESTOREMETHOD_ENUM"); the session found none after PreRestore, so this one appeared since.
                throw new FileAlreadyExistsException(windowsTarget, null, "appeared after the session found none of "
                        + "the component's files there; VSS_RME_RESTORE_IF_NOT_THERE leaves a file that is there");
            }
            // The item's target stands for the file set's path: directories created under it get the originals' metadata.
            Path root = hostPath(windowsBase);
            if (item.action() == RestoreItem.Action.STAGE_FOR_REBOOT) {
                stage(session, item, files, row, windowsTarget, root);
                staged++;
            } else if (item.action() == RestoreItem.Action.REPLACE_OR_STAGE_FOR_REBOOT) {
                try {
                    files.restore(row, target, root);
                } catch (FileSystemException e) {
                    if (!inUse(e)) {
                        throw e;
                    }
                    // VSS_RME_RESTORE_AT_REBOOT_IF_CANNOT_REPLACE: what is in use is replaced at the next reboot.
                    stage(session, item, files, row, windowsTarget, root);
                    staged++;
                }
            } else {
                files.restore(row, target, root);
            }
            n++;
        }
        return new Written(n, staged);
    }

    /**
     * Writes the file of {@code row} (data and metadata, checked as any other) to the staging path of
     * {@code windowsTarget}, beside it on its volume, and reports it: {@code complete()} schedules the replacement
     * at the next reboot (MoveFileExW MOVEFILE_DELAY_UNTIL_REBOOT; docs/restore-procedures.md).
     */
    private void stage(RestoreSession session, RestoreItem item, PlacedRestore files, CatalogRow row,
            String windowsTarget, Path root) throws IOException {
        Path staging = hostPath(item.stagingPath(windowsTarget));
        files.restore(row, staging, root);
        session.staged(item, windowsTarget);
        stagedFiles.add(staging);
    }

    /**
     * Whether a replace failed because the file is open in another process: ERROR_SHARING_VIOLATION (Microsoft
     * docs, "System Error Codes (0-499)": "The process cannot access the file because it is being used by another
     * process"), which MoveFileExW gives for a file a running service holds.
     */
    private static boolean inUse(FileSystemException e) {
        String reason = e.getReason();
        return reason != null && reason.contains(Win32Error.describe(Win32Error.ERROR_SHARING_VIOLATION));
    }

    private static boolean ofComponent(CatalogRow row, RestoreItem item) {
        String fullPath = item.component().fullPath();
        return item.component().writer().writerId().toString().equalsIgnoreCase(row.metadata().writerId())
                && fullPath.equalsIgnoreCase(row.metadata().component());
    }

    /** Where {@code windowsName} is on this host: itself on Windows, under a declared volume on the simulator. */
    private static Path hostPath(String windowsName) throws IOException {
        return SimulatedHost.active() ? SimulatedHost.hostPathOfWindowsName(windowsName)
                .orElseThrow(() -> new IOException(windowsName + " is on no volume of the simulated machine"))
                : Path.of(windowsName);
    }

    /** A Windows file spec ({@code *.db}, {@code *}) as a case-insensitive pattern over a file name. */
    static Pattern filespec(String spec) {
        StringBuilder re = new StringBuilder();
        for (char c : (spec == null || spec.isEmpty() ? "*" : spec).toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        String pattern = "*.*".equals(spec) ? ".*" : re.toString();
        return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
