package org.vss4j.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vss4j.files.FileAttribute;
import org.vss4j.files.FileBasicInformation;
import org.vss4j.files.PrivilegeNotHeldException;
import org.vss4j.files.PrivilegedFileAccess;

/**
 * What a restore applies to a file after its data (docs/backup-semantics.md): its security descriptor and alternate
 * data streams with {@code BackupWrite}, SeRestorePrivilege enabled first (once), then its times and attributes, in
 * that order (a READONLY attribute set first would keep BackupWrite out, and writing a stream changes the times).
 * Where there are no backup semantics (neither Windows nor the simulator), the streams are not applied; whatever could
 * not be applied is listed, with why, for {@link RestoreReport#notApplied()}.
 */
final class MetadataRestore {

    private final PrivilegedFileAccess access;
    private final List<String> notApplied = new ArrayList<>();
    private final java.util.Set<String> directories = new java.util.HashSet<>();
    private boolean privilegeTried;
    private String privilegeProblem;

    MetadataRestore(PrivilegedFileAccess access) {
        this.access = access;
    }

    /** Writes the stored streams {@code streams} of {@code entry} into the restored {@code file}. */
    void streams(Path file, String entry, String kinds, byte[] streams) {
        if (!access.backupSemantics()) {
            notApplied.add(entry + ": " + kinds + " not restored (" + access.description() + ")");
            return;
        }
        enableRestorePrivilege();
        try {
            access.restoreStreams(file, new ByteArrayInputStream(streams));
        } catch (IOException | RuntimeException e) {
            notApplied.add(entry + ": " + kinds + " not restored: " + e.getMessage()
                    + (privilegeProblem == null ? "" : " (" + privilegeProblem + ")"));
        }
    }

    /**
     * The attributes a restore sets: of those a caller can set ({@link FileAttribute#SETTABLE}), all but OFFLINE,
     * which says the data is elsewhere ("File Attribute Constants": applications should not change it arbitrarily)
     * while the restored file holds it. The others (SPARSE_FILE, COMPRESSED, ENCRYPTED, REPARSE_POINT, RECALL_*)
     * come from the file system and cannot be set this way (docs/backup-semantics.md).
     */
    static final int RESTORED_ATTRIBUTES = FileAttribute.READONLY | FileAttribute.HIDDEN | FileAttribute.SYSTEM
            | FileAttribute.ARCHIVE | FileAttribute.NOT_CONTENT_INDEXED | FileAttribute.TEMPORARY;

    /** The FILE_BASIC_INFO attributes for {@code catalogued}: 0 (unknown) leaves them, else the restored bits. */
    static int attributesToSet(int catalogued) {
        if (catalogued == 0) {
            return 0;
        }
        int bits = catalogued & RESTORED_ATTRIBUTES;
        // 0 would leave the attributes as they are: NORMAL alone clears them (Microsoft docs, "FILE_BASIC_INFO
        // structure", "SetFileAttributesW function").
        return bits == 0 ? FileAttribute.NORMAL : bits;
    }

    /**
     * Moves the restored {@code temp} onto the existing file {@code place}. A read-only {@code place} has its
     * READONLY cleared first: MoveFileExW will not replace a read-only file (ERROR_ACCESS_DENIED).
     *
     * @throws IOException if the READONLY attribute cannot be cleared or the move fails
     */
    void replace(Path temp, Path place) throws IOException {
        if (java.nio.file.Files.exists(place, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            int now = access.basicInformation(place).attributes();
            if ((now & FileAttribute.READONLY) != 0) {
                int cleared = now & FileAttribute.SETTABLE & ~FileAttribute.READONLY;
                access.setBasicInformation(place, new FileBasicInformation(null, null, null, null,
                        cleared == 0 ? FileAttribute.NORMAL : cleared));
            }
        }
        access.replace(temp, place);
    }

    /**
     * Sets the catalogued times and attributes of {@code row} on the restored {@code file}: last, after its data and
     * streams, so a READONLY attribute cannot keep them out.
     */
    void basic(Path file, CatalogRow row) {
        FileMetadata m = row.metadata();
        try {
            access.setBasicInformation(file, new FileBasicInformation(m.creationTime(), null, m.lastWriteTime(),
                    null, attributesToSet(m.attributes())));
        } catch (IOException | RuntimeException e) {
            notApplied.add(row.entryName() + ": times and attributes not restored: " + e.getMessage());
        }
    }

    /**
     * Says once per directory of the restore that a backup set keeps nothing of it but its name: its security
     * descriptor, alternate data streams, times and attributes are not backed up (docs/backup-semantics.md, "Not
     * kept"), so it has what the target gives a new directory.
     *
     * @param entry the directory's entry name, without a trailing {@code /}
     */
    void directoryNotKept(String entry) {
        if (directories.add(entry)) {
            notApplied.add(entry + "/: a directory: its security descriptor, alternate data streams, times and"
                    + " attributes are not in backup sets (it gets what the target gives a new directory)");
        }
    }

    /** What could not be applied, one line per file and part. */
    List<String> notApplied() {
        return notApplied;
    }

    private void enableRestorePrivilege() {
        if (privilegeTried) {
            return;
        }
        privilegeTried = true;
        try {
            access.enablePrivilege(PrivilegedFileAccess.SE_RESTORE);
        } catch (PrivilegeNotHeldException e) {
            privilegeProblem = e.getMessage();
        } catch (IOException e) {
            privilegeProblem = "SeRestorePrivilege: " + e.getMessage();
        }
    }
}
