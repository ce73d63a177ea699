package org.vss4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
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

    /** One component's outcome, for the text and the JSON. */
    record Component(String writer, String component, boolean restored, String status, String reason, int files,
            String writerFailurePhase, String writerFailureHresult, String restoreOptions) {
    }

    /** Every component's outcome, and what could not be applied to the restored files and directories. */
    record Outcome(List<Component> components, List<String> notApplied) {
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
        RestoreResult result;
        List<String> notApplied;
        try (RestoreSession s = builder.start(); PlacedRestore files = reader.placedRestore(setId)) {
            for (RestoreItem item : s.items().stream().filter(RestoreItem::toCopy).toList()) {
                try {
                    int n = copy(item, files);
                    written.merge(item.component(), n, Integer::sum);
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
                    o.status() == null ? null : o.status().name(), o.reason(),
                    written.getOrDefault(o.component(), 0),
                    o.writerFailure() == null ? null : o.writerFailure().phase().name(),
                    o.writerFailure() == null ? null
                            : org.vss4j.VssHresult.describe(o.writerFailure().failureHresult()),
                    restoreOptions.get(key(o.component().writer().writerId(), o.component().fullPath()))));
        }
        for (UnmatchedComponent u : result.unmatched()) {
            String name = u.component().writer().name() != null ? u.component().writer().name()
                    : writerNameOf(u.component().writer().writerId());
            outcomes.add(new Component(name, u.component().fullPath(), false, null,
                    "not restored: unmatched: " + u.reason(), 0, null, null, null));
        }
        return new Outcome(List.copyOf(outcomes), notApplied);
    }

    /** The writer's name as the catalog records it (the document has none), else its class id. */
    private String writerNameOf(UUID writerId) {
        return rows.stream().filter(r -> writerId.toString().equalsIgnoreCase(r.metadata().writerId()))
                .map(r -> r.metadata().writerName()).filter(java.util.Objects::nonNull).findFirst()
                .orElse(writerId.toString());
    }

    /**
     * Writes every catalogued file of the item's file set to its target, with its stored metadata
     * ({@link PlacedRestore}); returns how many it wrote.
     */
    private int copy(RestoreItem item, PlacedRestore files) throws IOException {
        String base = item.files().path().endsWith("\\") ? item.files().path() : item.files().path() + "\\";
        Pattern spec = filespec(item.files().filespec());
        int n = 0;
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
            Path target = hostPath(windowsBase + rest);
            if (item.action() == RestoreItem.Action.COPY_IF_NOT_THERE && Files.exists(target)) {
                continue; // VSS_RME_RESTORE_IF_NOT_THERE: a file that is there stays (Microsoft docs, VSS_RESTOREMETHOD_ENUM)
            }
            // The item's target stands for the file set's path: directories created under it get the originals' metadata.
            files.restore(row, target, hostPath(windowsBase));
            n++;
        }
        return n;
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
