package org.vss4j.sim.writer;

import java.time.Duration;
import java.util.UUID;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ComponentType;

/** The component-mode backup the writer tests run: one file-group component, volume {@code C:\}, full backup. */
final class ComponentBackup {

    private ComponentBackup() {
    }

    /** Backs up component {@code name} of the writer instance {@code instance}; returns the saved BCD. */
    static String of(UUID instance, String name, Duration timeout) {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setBackupState(true, false, BackupType.FULL, false);
            b.gatherWriterMetadata().finish(timeout);
            b.addComponent(instance, RecordingWriter.WRITER_ID, ComponentType.FILEGROUP, null, name);
            b.startSnapshotSet();
            b.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
            b.prepareForBackup().finish(timeout);
            b.doSnapshotSet().finish(timeout);
            b.backupComplete().finish(timeout);
            return b.saveAsXml();
        }
    }
}
