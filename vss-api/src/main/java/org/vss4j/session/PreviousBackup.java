package org.vss4j.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ComponentState;
import org.vss4j.WriterComponents;
import org.vss4j.WriterComponentsSnapshot;

/**
 * The backup an incremental or differential backup builds on: its type, time and the writers' backup stamps, which
 * the session feeds to {@code SetPreviousBackupStamp} (Microsoft docs, "Overview of Pre-Backup Tasks": examine stored
 * backup stamps with {@code IVssComponent::GetBackupStamp}, set them with {@code SetPreviousBackupStamp}).
 *
 * @param type   the earlier backup's type: {@link BackupType#FULL} or {@link BackupType#INCREMENTAL}
 * @param time   when it was taken (the snapshot time), used where a writer leaves the comparison time of its
 *               differenced files to the requester
 * @param stamps the backup stamps of its components
 */
public record PreviousBackup(BackupType type, Instant time, List<ComponentStamp> stamps) {

    public PreviousBackup {
        stamps = List.copyOf(stamps);
    }

    /** The basis a {@link BackupResult} gives. */
    public static PreviousBackup of(BackupResult result) {
        return result.asPrevious();
    }

    /**
     * The basis read from a stored Backup Components Document: the document is loaded into a requester with
     * {@code InitializeForRestore} (no writer is contacted before GatherWriterMetadata) and every component's
     * {@code GetBackupStamp} is read through {@code GetWriterComponents}. The type and time come from the backup state
     * stored with the document, since the document does not give them back (Microsoft docs, "VSS Backup State").
     */
    public static PreviousBackup fromDocument(String backupComponentsDocument, BackupState state, Instant time) {
        List<ComponentStamp> stamps = new ArrayList<>();
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForRestore(backupComponentsDocument);
            int writers = bc.getWriterComponentsCount();
            for (int i = 0; i < writers; i++) {
                try (WriterComponents wc = bc.getWriterComponents(i)) {
                    WriterComponentsSnapshot snapshot = wc.read();
                    for (ComponentState c : snapshot.components()) {
                        if (c.backupStamp() != null) {
                            stamps.add(new ComponentStamp(snapshot.writerId(), c.logicalPath(), c.name(),
                                    c.backupStamp()));
                        }
                    }
                }
            }
        }
        return new PreviousBackup(state.type(), time, stamps);
    }

    /** The stamp of {@code component}, if the earlier backup has one. */
    Optional<String> stampOf(ComponentRef component) {
        return stamps.stream().filter(s -> s.isFor(component)).map(ComponentStamp::stamp).findFirst();
    }

    /**
     * Whether a backup of {@code next} type may build on this one (Microsoft docs, "VSS Backup State"): an incremental
     * backup copies what changed since the last full or incremental backup, a differential one since the last full
     * backup. A copy backup leaves the history alone and is never a basis.
     */
    boolean canPrecede(BackupType next) {
        return switch (next) {
            case INCREMENTAL -> type == BackupType.FULL || type == BackupType.INCREMENTAL;
            case DIFFERENTIAL -> type == BackupType.FULL;
            default -> false;
        };
    }
}
