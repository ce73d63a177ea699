package org.vss4j.sim.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotMount;

/** One file read out of a shadow copy, through the binding's {@code IVssBackupComponents} calls. */
public final class NotesBackup {

    /** Copies the file Users/me/notes.txt of volume C:, as it was at one point in time, into {@code backupDir}. */
    public static void copyNotes(Path backupDir) throws Exception {
        Duration timeout = Duration.ofMinutes(5);
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.BACKUP);
            bc.setBackupState(false, false, BackupType.FULL, false);
            bc.gatherWriterMetadata().finish(timeout);        // waits, fails on error/timeout, releases the IVssAsync
            UUID set = bc.startSnapshotSet();
            UUID snap = bc.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(timeout);
            bc.doSnapshotSet().finish(timeout);
            try (SnapshotMount root = bc.mountSnapshot(snap)) { // a link to \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN
                Files.copy(root.root().resolve("Users/me/notes.txt"), backupDir.resolve("notes.txt"));
            }
            bc.backupComplete().finish(timeout);
        }   // releasing the components deletes the non-persistent shadow copies
    }
}
