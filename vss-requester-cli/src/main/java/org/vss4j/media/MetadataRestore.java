package org.vss4j.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** Sets the catalogued times and attributes of {@code row} on the restored {@code file}. */
    void basic(Path file, CatalogRow row) {
        FileMetadata m = row.metadata();
        try {
            access.setBasicInformation(file, new FileBasicInformation(m.creationTime(), null, m.lastWriteTime(),
                    null, m.attributes()));
        } catch (IOException | RuntimeException e) {
            notApplied.add(row.entryName() + ": times and attributes not restored: " + e.getMessage());
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
