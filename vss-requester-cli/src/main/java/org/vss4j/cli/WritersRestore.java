package org.vss4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.vss4j.media.BackupSetReader;
import org.vss4j.media.CatalogRow;
import org.vss4j.session.RestoreItem;
import org.vss4j.session.RestoreOutcome;
import org.vss4j.session.RestoreResult;
import org.vss4j.session.RestoreSession;
import org.vss4j.session.RestoreSessionBuilder;
import org.vss4j.session.UnmatchedComponent;

/**
 * {@code vss restore --writers}: a {@link RestoreSession} from the set's stored Backup Components Document; each
 * item the writers' restore methods let the requester copy is written from the set's catalog rows of its component
 * to the target the session decided, reported restored or failed, and the session completed (docs/restore-session.md,
 * "Writer-aware restore: vss restore --writers").
 */
final class WritersRestore {

    /** One component's outcome, for the text and the JSON. */
    record Component(String writer, String component, boolean restored, String status, String reason, int files,
            String writerFailurePhase, String writerFailureHresult) {
    }

    private final BackupSetReader reader;
    private final String setId;
    private final List<CatalogRow> rows;
    private final List<Component> outcomes = new ArrayList<>();

    WritersRestore(BackupSetReader reader, String setId) throws IOException {
        this.reader = reader;
        this.setId = setId;
        this.rows = reader.files(setId);
    }

    /**
     * Runs the session over {@code builder} (document and components set) and returns each component's outcome,
     * the unmatched ones included.
     */
    List<Component> run(RestoreSessionBuilder builder) {
        java.util.Map<org.vss4j.session.ComponentRef, Integer> written = new java.util.HashMap<>();
        RestoreResult result;
        try (RestoreSession s = builder.start()) {
            for (RestoreItem item : s.items().stream().filter(RestoreItem::toCopy).toList()) {
                try {
                    int n = copy(item);
                    written.merge(item.component(), n, Integer::sum);
                    s.restored(item);
                } catch (IOException | RuntimeException e) {
                    s.failed(item, "writing " + item.target() + ": " + IoReasons.messageOf(e));
                }
            }
            result = s.complete();
        }
        for (RestoreOutcome o : result.outcomes()) {
            outcomes.add(new Component(o.component().writer().name(), o.component().fullPath(), o.restored(),
                    o.status() == null ? null : o.status().name(), o.reason(),
                    written.getOrDefault(o.component(), 0),
                    o.writerFailure() == null ? null : o.writerFailure().phase().name(),
                    o.writerFailure() == null ? null
                            : org.vss4j.VssHresult.describe(o.writerFailure().failureHresult())));
        }
        for (UnmatchedComponent u : result.unmatched()) {
            String name = u.component().writer().name() != null ? u.component().writer().name()
                    : writerNameOf(u.component().writer().writerId());
            outcomes.add(new Component(name, u.component().fullPath(), false, null,
                    "not restored: unmatched: " + u.reason(), 0, null, null));
        }
        return List.copyOf(outcomes);
    }

    /** The writer's name as the catalog records it (the document has none), else its class id. */
    private String writerNameOf(UUID writerId) {
        return rows.stream().filter(r -> writerId.toString().equalsIgnoreCase(r.metadata().writerId()))
                .map(r -> r.metadata().writerName()).filter(java.util.Objects::nonNull).findFirst()
                .orElse(writerId.toString());
    }

    /** Writes every catalogued file of the item's file set to its target; returns how many it wrote. */
    private int copy(RestoreItem item) throws IOException {
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
            String windowsTarget = (item.target().endsWith("\\") ? item.target() : item.target() + "\\") + rest;
            Path target = SimulatedHost.active() ? SimulatedHost.hostPathOfWindowsName(windowsTarget)
                    .orElseThrow(() -> new IOException(windowsTarget + " is on no volume of the simulated machine"))
                    : Path.of(windowsTarget);
            if (item.action() == RestoreItem.Action.COPY_IF_NOT_THERE && Files.exists(target)) {
                continue; // VSS_RME_RESTORE_IF_NOT_THERE: a file that is there stays (Microsoft docs, VSS_RESTOREMETHOD_ENUM)
            }
            write(row, target);
            n++;
        }
        return n;
    }

    private static boolean ofComponent(CatalogRow row, RestoreItem item) {
        String fullPath = item.component().fullPath();
        return item.component().writer().writerId().toString().equalsIgnoreCase(row.metadata().writerId())
                && fullPath.equalsIgnoreCase(row.metadata().component());
    }

    /** The data into a temporary sibling, checked against the catalog's SHA-256, then moved into place. */
    private void write(CatalogRow row, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".vss-restore-", ".tmp");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(reader.open(row.holder(setId), row), sha);
                    OutputStream out = Files.newOutputStream(tmp)) {
                in.transferTo(out);
            }
            String got = HexFormat.of().formatHex(sha.digest());
            if (!got.equals(row.sha256())) {
                throw new IOException("the data of " + row.entryName() + " in the set does not match its SHA-256");
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(tmp);
        }
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
