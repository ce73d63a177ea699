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
 * The directories the restore went through get the same, from the set's {@code directories} table, once all files are
 * written ({@link #applyDirectories}). Where there are no backup semantics (neither Windows nor the simulator), the
 * streams are not applied; whatever could not be applied is listed, with why, for {@link RestoreReport#notApplied()}.
 */
final class MetadataRestore implements AutoCloseable {

    private final PrivilegedFileAccess access;
    private final List<String> notApplied = new ArrayList<>();
    /** The directories the restore went through, by entry name. */
    private final java.util.Map<String, Touched> directories = new java.util.HashMap<>();
    private boolean privilegeTried;
    private String privilegeProblem;
    /** SeRestorePrivilege as enabled for this restore, put back as it was by {@link #close()}. */
    private org.vss4j.files.PrivilegeScope restorePrivilege;

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
     * Deletes a temporary file a restore gave up on, whatever {@link #basic} set on it: its READONLY attribute is
     * cleared first, as DeleteFileW refuses a read-only file with ERROR_ACCESS_DENIED (Microsoft docs, "DeleteFileW
     * function"). Nothing is thrown: the restore's own failure is what its caller reports.
     */
    void discard(Path temp) {
        try {
            if (java.nio.file.Files.exists(temp, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && (access.basicInformation(temp).attributes() & FileAttribute.READONLY) != 0) {
                access.setBasicInformation(temp, new FileBasicInformation(null, null, null, null,
                        FileAttribute.NORMAL));
            }
        } catch (IOException | RuntimeException e) {
            // The delete below says whether it mattered.
        }
        try {
            java.nio.file.Files.deleteIfExists(temp);
        } catch (IOException e) {
            // A .vss-restore-*.tmp left beside the place; it is no restored file.
        }
    }

    /**
     * Sets the catalogued times and attributes of {@code row} on the restored {@code file}: last, after its data and
     * streams, so a READONLY attribute cannot keep them out.
     */
    void basic(Path file, CatalogRow row) {
        FileMetadata m = row.metadata();
        setTimesAndAttributes(file, row.entryName(), m.creationTime(), m.lastWriteTime(), m.attributes());
    }

    /**
     * Sets the times and attributes in one call; where that is refused (a target whose file system keeps no Windows
     * attributes nor creation time: the simulator's ERROR_NOT_SUPPORTED outside its volumes) the last-write time alone
     * is set, as any file system keeps it, and only what was left out is reported.
     */
    private void setTimesAndAttributes(Path place, String label, java.time.Instant creation,
            java.time.Instant lastWrite, int attributes) {
        try {
            access.setBasicInformation(place, new FileBasicInformation(creation, null, lastWrite, null,
                    attributesToSet(attributes)));
            return;
        } catch (IOException | RuntimeException e) {
            if (lastWrite != null) {
                try {
                    access.setBasicInformation(place, new FileBasicInformation(null, null, lastWrite, null, 0));
                    notApplied.add(label + ": attributes and creation time not restored (the last-write time is): "
                            + e.getMessage());
                    return;
                } catch (IOException | RuntimeException alsoTimes) {
                    e.addSuppressed(alsoTimes);
                }
            }
            notApplied.add(label + ": times and attributes not restored: " + e.getMessage());
        }
    }

    /**
     * Notes a directory the restore went through: {@code created} if the restore made it. The first note of a
     * directory decides (a chain's later sets find the directory an earlier one created).
     *
     * @param entry the directory's entry name, without a trailing {@code /}
     * @param place the directory under the target
     */
    void directory(String entry, Path place, boolean created) {
        directories.putIfAbsent(entry, new Touched(place, created));
    }

    /**
     * Applies to each noted directory what the restored set keeps of it, once all files are written: its streams,
     * then its times and attributes (as for a file), deepest first, so writing into a child does not move its
     * parent's last-write time afterwards. A directory the target had already gets its metadata only with
     * {@code overwrite}; one the set keeps nothing of (it could not be read at backup, or an older set) is listed.
     *
     * @param rows      the restored set's {@code directories} rows by entry name
     * @param overwrite whether existing directories get their metadata too
     */
    void applyDirectories(java.util.Map<String, DirectoryRow> rows, boolean overwrite) {
        List<String> order = new ArrayList<>(directories.keySet());
        order.sort(java.util.Comparator.comparingInt((String e) -> e.split("/", -1).length).reversed()
                .thenComparing(java.util.Comparator.naturalOrder()));
        for (String entry : order) {
            Touched t = directories.get(entry);
            if (!t.created() && !overwrite) {
                continue;
            }
            DirectoryRow d = rows.get(entry);
            String label = entry + "/";
            if (d == null) {
                notApplied.add(label + ": a directory the set keeps no metadata of (its security descriptor, alternate"
                        + " data streams, times and attributes were not backed up): it has what the target gives it");
                continue;
            }
            if (d.streams() != null) {
                if (d.streamsSha256() == null || !d.streamsSha256().equalsIgnoreCase(java.util.HexFormat.of()
                        .formatHex(BackupSetReader.sha256().digest(d.streams())))) {
                    notApplied.add(label + ": " + d.kinds() + " not restored: the catalog's streams do not match "
                            + "their SHA-256 (run verify)");
                } else {
                    streams(t.place(), label, d.kinds(), d.streams());
                }
            }
            setTimesAndAttributes(t.place(), label, d.creationTime(), d.lastWriteTime(), d.attributes());
        }
    }

    /** A directory the restore went through. */
    private record Touched(Path place, boolean created) {
    }

    /** What could not be applied, one line per file and part. */
    List<String> notApplied() {
        return notApplied;
    }

    /**
     * Puts SeRestorePrivilege back as it was before this restore enabled it: a process-wide right to write any file
     * whatever its ACL says is held only while it is needed.
     */
    @Override
    public void close() throws IOException {
        if (restorePrivilege != null) {
            org.vss4j.files.PrivilegeScope scope = restorePrivilege;
            restorePrivilege = null;
            scope.close();
        }
    }

    private void enableRestorePrivilege() {
        if (privilegeTried) {
            return;
        }
        privilegeTried = true;
        try {
            restorePrivilege = access.enableScoped(PrivilegedFileAccess.SE_RESTORE);
        } catch (PrivilegeNotHeldException e) {
            privilegeProblem = e.getMessage();
        } catch (IOException e) {
            privilegeProblem = "SeRestorePrivilege: " + e.getMessage();
        }
    }
}
