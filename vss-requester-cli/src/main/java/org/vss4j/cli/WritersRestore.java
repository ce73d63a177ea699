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
     * One component's outcome, for the text and the JSON: {@code files} written (replaced or staged),
     * {@code stagedFiles} of them staged for the next reboot, {@code procedure} what was done around the copy (a
     * service stopped, files staged; null for a plain copy).
     */
    record Component(String writer, String component, boolean restored, String status, String reason, int files,
            int stagedFiles, String procedure, String writerFailurePhase, String writerFailureHresult,
            String restoreOptions) {
    }

    /**
     * Every component's outcome, what could not be applied to the restored files and directories, and the service
     * stops and starts made ("stopped S", "started S", in order).
     */
    record Outcome(List<Component> components, List<String> notApplied, List<String> services) {
    }

    /** What one item's copy wrote: files in all, of them staged for the next reboot. */
    private record Written(int files, int staged) {
    }

    private final BackupSetReader reader;
    private final String setId;
    private final List<CatalogRow> rows;
    /** The restore options given, by {@link #key} of writer class id and component path. */
    private final Map<String, String> restoreOptions;
    private final List<Component> outcomes = new ArrayList<>();

    /**
     * @param restoreOptions the options the session sets ({@code SetRestoreOptions}), by {@link #key}; for the
     *                       report
     */
    WritersRestore(BackupSetReader reader, String setId, Map<String, String> restoreOptions) throws IOException {
        this.reader = reader;
        this.setId = setId;
        this.rows = reader.files(setId);
        this.restoreOptions = restoreOptions;
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
            outcomes.add(new Component(o.component().writer().name(), o.component().fullPath(), o.restored(),
                    o.status() == null ? null : o.status().name(), SessionTexts.cli(o.reason()),
                    written.getOrDefault(o.component(), 0), staged.getOrDefault(o.component(), 0),
                    written.getOrDefault(o.component(), 0) == 0 ? null
                            : procedure(actions.get(o.component()), staged.getOrDefault(o.component(), 0)),
                    o.writerFailure() == null ? null : o.writerFailure().phase().name(),
                    o.writerFailure() == null ? null
                            : org.vss4j.VssHresult.describe(o.writerFailure().failureHresult()),
                    restoreOptions.get(key(o.component().writer().writerId(), o.component().fullPath()))));
        }
        for (UnmatchedComponent u : result.unmatched()) {
            String name = u.component().writer().name() != null ? u.component().writer().name()
                    : writerNameOf(u.component().writer().writerId());
            outcomes.add(new Component(name, u.component().fullPath(), false, null,
                    "not restored: unmatched: " + u.reason(), 0, 0, null, null, null, null));
        }
        return new Outcome(List.copyOf(outcomes), notApplied, services.done());
    }

    /**
     * What was done around the copy of a component's files (some were written), as the output says it; null for a
     * plain copy.
     */
    private static String procedure(java.util.Set<RestoreItem.Action> actions, int staged) {
        List<String> out = new ArrayList<>();
        if (actions.contains(RestoreItem.Action.REPLACE_WITH_SERVICE_STOPPED)) {
            out.add("replaced with its writer's service stopped, then started again");
        }
        if (actions.contains(RestoreItem.Action.REPLACE_THEN_RESTART_SERVICE)) {
            out.add("replaced while its writer's service ran, then the service stopped and started");
        }
        if (staged > 0) {
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
    private static void stage(RestoreSession session, RestoreItem item, PlacedRestore files, CatalogRow row,
            String windowsTarget, Path root) throws IOException {
        files.restore(row, hostPath(item.stagingPath(windowsTarget)), root);
        session.staged(item, windowsTarget);
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
