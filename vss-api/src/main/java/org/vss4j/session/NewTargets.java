package org.vss4j.session;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.vss4j.BackupSchema;
import org.vss4j.FileSet;
import org.vss4j.VssHresult;
import org.vss4j.WriterBackupSchema;

/**
 * The new locations the caller chose for file sets ({@code IVssBackupComponents::AddNewTarget}): one per file set
 * ({@link RestoreSessionBuilder#newTarget}) or every file set under one directory
 * ({@link RestoreSessionBuilder#newTargetRoot}), and the check that the writer allows it.
 *
 * <p>Microsoft docs, "VSS_BACKUP_SCHEMA": {@code VSS_BS_WRITER_SUPPORTS_NEW_TARGET} is the bit of a writer's backup
 * schema ({@code IVssExamineWriterMetadata::GetBackupSchema}) saying it supports new targets; a writer without it has
 * not said it can use its files elsewhere, so the session refuses to move them.
 */
final class NewTargets {

    private static final Pattern VOLUME_GUID = Pattern.compile(
            "\\\\\\\\\\?\\\\(volume\\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\})(\\\\.*)?",
            Pattern.CASE_INSENSITIVE);

    /** A file set the caller gave a new location. */
    record Explicit(String path, String filespec, boolean recursive, String alternatePath) {

        boolean isOf(FileSet f) {
            return FileSetKeys.same(f, path, filespec, recursive);
        }
    }

    private final Map<RestoreSessionBuilder.Requested, List<Explicit>> explicit;
    private final String root;

    NewTargets(Map<RestoreSessionBuilder.Requested, List<Explicit>> explicit, String root) {
        this.explicit = explicit;
        this.root = root;
    }

    /** Whether the caller asked for any new target. */
    boolean any() {
        return root != null || !explicit.isEmpty();
    }

    /** The caller's file sets of one component. */
    List<Explicit> explicitOf(RestoreSessionBuilder.Requested component) {
        return explicit.getOrDefault(component, List.of());
    }

    /**
     * Where {@code item} goes instead, or null: the file set's own new target, else the one under the root. Only
     * items the caller copies take a new target.
     */
    String targetOf(RestoreItem item) {
        RestoreSessionBuilder.Requested key = new RestoreSessionBuilder.Requested(
                item.component().writer().writerId(), item.component().fullPath());
        for (Explicit e : explicitOf(key)) {
            if (e.isOf(item.files())) {
                return e.alternatePath();
            }
        }
        return root == null || !item.relocatable() ? null : underRoot(root, item.files().path());
    }

    /**
     * Refuses a new target for a writer that lacks {@code VSS_BS_WRITER_SUPPORTS_NEW_TARGET}, with
     * {@code E_INVALIDARG} in {@code SET_RESTORE_OPTIONS}.
     */
    static void checkSupported(ComponentRef component, WriterBackupSchema schema, boolean fromRoot) {
        if (schema != null && schema.supports(BackupSchema.WRITER_SUPPORTS_NEW_TARGET)) {
            return;
        }
        throw BackupException.ofWriter(BackupPhase.SET_RESTORE_OPTIONS, component.writer(),
                VssHresult.E_INVALIDARG.code(), "cannot give component " + component.fullPath() + " of writer "
                        + component.writer() + " a new target: its backup schema (GetBackupSchema) lacks "
                        + "VSS_BS_WRITER_SUPPORTS_NEW_TARGET, so the writer has not said it can use its files "
                        + "elsewhere" + (fromRoot ? "; newTargetRoot moves every file set to copy, so select only "
                        + "components of writers that support new targets, or restore without newTargetRoot"
                        : "; restore it without newTarget(...)"), null);
    }

    /**
     * The place of {@code path} under {@code root}: {@code C:\logs} becomes {@code root\C\logs}; a UNC path
     * {@code \\server\share\dir} becomes {@code root\UNC\server\share\dir}; a volume GUID path
     * {@code \\?\Volume{GUID}\dir} becomes {@code root\Volume{GUID}\dir}; {@code \\?\C:\dir} is {@code C:\dir} and
     * {@code \\?\UNC\server\share} is {@code \\server\share}.
     *
     * @throws IllegalArgumentException for anything else (a relative path, environment variables, a device name):
     *                                  such a file set needs its own {@code newTarget(...)}
     */
    static String underRoot(String root, String path) {
        String base = FileSetKeys.withoutTrailingBackslash(root);
        String p = path;
        if (p.startsWith("\\\\?\\") && p.length() >= 6 && p.charAt(5) == ':') {
            p = p.substring(4);
        } else if (p.regionMatches(true, 0, "\\\\?\\UNC\\", 0, 8)) {
            // Microsoft docs, "Naming Files, Paths, and Namespaces": \\?\UNC\server\share is \\server\share.
            p = "\\\\" + p.substring(8);
        }
        if (p.indexOf('%') >= 0) {
            throw new IllegalArgumentException("newTargetRoot cannot place " + path + ": it holds environment "
                    + "variables the requester does not expand; give this file set its own newTarget(...)");
        }
        java.util.regex.Matcher guid = VOLUME_GUID.matcher(p);
        if (guid.matches()) {
            return base + "\\" + "Volume" + guid.group(1).substring("volume".length()).toLowerCase(Locale.ROOT)
                    + rest(guid.group(2));
        }
        if (p.length() >= 2 && p.charAt(1) == ':' && Character.isLetter(p.charAt(0))
                && (p.length() == 2 || p.charAt(2) == '\\')) {
            return base + "\\" + Character.toUpperCase(p.charAt(0)) + rest(p.substring(2));
        }
        if (p.startsWith("\\\\") && !p.startsWith("\\\\?\\") && !p.startsWith("\\\\.\\") && p.length() > 2) {
            return base + "\\UNC" + rest(p.substring(1));
        }
        throw new IllegalArgumentException("newTargetRoot cannot place " + path + ": it is no drive, UNC or volume "
                + "GUID path; give this file set its own newTarget(...)");
    }

    /** {@code \dir\sub} without a trailing backslash, or "" for the root. */
    private static String rest(String tail) {
        return tail == null ? "" : FileSetKeys.withoutTrailingBackslash(tail);
    }
}
