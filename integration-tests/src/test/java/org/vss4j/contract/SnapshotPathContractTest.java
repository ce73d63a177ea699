package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vss4j.contract.Steps.writerStatuses;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.DeleteSnapshotsResult;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotMount;
import org.vss4j.SnapshotProperties;
import org.vss4j.SnapshotState;
import org.vss4j.WriterIdentity;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterStatus;
import org.vss4j.files.DirectoryEntry;
import org.vss4j.files.DirectoryLister;

/**
 * The snapshot path of Microsoft's requester pages ("Overview of Backup Initialization", "Overview of Pre-Backup
 * Tasks", "Overview of Actual Backup Of Files"), in order, against the target's VSS: initialisation, pre-backup, backing up files,
 * completion; then what happens to the shadow copy when its requester goes away.
 */
@VssContract
class SnapshotPathContractTest {

    @Test
    void theSnapshotPathTakesAPointInTimeCopyAndReleasesIt(VssTarget target) throws Exception {
        Path live = Files.writeString(target.workDir().resolve("ledger.txt"), "before", StandardCharsets.UTF_8);
        Instant started = Instant.now().minusSeconds(5);
        SnapshotProperties props;
        try (BackupComponents bc = BackupComponents.create()) {
            // Backup initialization.
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.BACKUP);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Steps.timeout());
            int writers = bc.getWriterMetadataCount();
            assertThat(writers).isPositive();
            for (int i = 0; i < writers; i++) {
                try (WriterMetadataEntry entry = bc.getWriterMetadata(i)) {
                    WriterIdentity id = entry.metadata().getIdentity();
                    assertThat(id.instanceId()).isEqualTo(entry.instanceId());
                    assertThat(id.writerName()).isNotBlank();
                }
            }
            // Pre-backup.
            UUID setId = bc.startSnapshotSet();
            assertThat(bc.isVolumeSupported(BackupComponents.GUID_NULL, target.volume())).isTrue();
            UUID snapshotId = bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(Steps.timeout());
            assertThat(writerStatuses(bc)).noneMatch(WriterStatus::isFailed);
            bc.doSnapshotSet().finish(Steps.timeout());
            assertThat(writerStatuses(bc)).noneMatch(WriterStatus::isFailed);
            Files.writeString(live, "after", StandardCharsets.UTF_8);

            // Backing up files.
            props = bc.getSnapshotProperties(snapshotId);
            assertThat(props.snapshotId()).isEqualTo(snapshotId);
            assertThat(props.snapshotSetId()).isEqualTo(setId);
            assertThat(props.snapshotsCount()).isEqualTo(1);
            assertThat(props.originalVolumeName()).startsWith("\\\\?\\Volume{").endsWith("}\\");
            assertThat(props.deviceObject()).isNotBlank();
            assertThat(props.isPersistent()).isFalse();
            assertThat(props.state()).isEqualTo(SnapshotState.CREATED);
            assertThat(props.creationTime()).isAfter(started).isBefore(Instant.now().plusSeconds(5));
            try (SnapshotMount mount = SnapshotMount.open(props)) {
                assertThat(Files.readString(target.inSnapshot(mount, live), StandardCharsets.UTF_8))
                        .isEqualTo("before");
            }
            bc.backupComplete().finish(Steps.timeout());
            assertThat(writerStatuses(bc)).noneMatch(WriterStatus::isFailed);
        }
        assertThat(Files.readString(live, StandardCharsets.UTF_8)).isEqualTo("after");
        // Released with its requester; the service deletes it on its own time.
        Snapshots.awaitGone(props.snapshotId());
    }

    @Test
    void aSnapshotCopyShowsTheVolumeAsItWasAtDoSnapshotSet(VssTarget target) throws Exception {
        Path live = Files.writeString(target.workDir().resolve("data.bin"), "v1");
        SnapshotMount mount;
        try (BackupComponents bc = prepared(SnapshotContext.BACKUP)) {
            bc.startSnapshotSet();
            UUID snapshotId = bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(Steps.timeout());
            bc.doSnapshotSet().finish(Steps.timeout());
            Files.writeString(live, "v2");
            Files.writeString(target.workDir().resolve("created-later.txt"), "x");
            mount = bc.mountSnapshot(snapshotId);
            assertThat(Files.readString(target.inSnapshot(mount, live))).isEqualTo("v1");
            assertThat(target.inSnapshot(mount, target.workDir().resolve("created-later.txt"))).doesNotExist();
            bc.backupComplete().finish(Steps.timeout());
        }
        // Releasing the requester released the shadow copy and closed its mount (on Windows: removed the link).
        SnapshotMount released = mount;
        assertThatThrownBy(released::root).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPersistentSnapshotOutlivesItsRequesterUntilDeleted(VssTarget target) throws Exception {
        UUID setId = null;
        try {
            UUID snapshotId;
            try (BackupComponents bc = prepared(SnapshotContext.APP_ROLLBACK)) {
                setId = bc.startSnapshotSet();
                snapshotId = bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL);
                bc.prepareForBackup().finish(Steps.timeout());
                bc.doSnapshotSet().finish(Steps.timeout());
                assertThat(bc.getSnapshotProperties(snapshotId).isPersistent()).isTrue();
                bc.backupComplete().finish(Steps.timeout());
            }
            try (BackupComponents other = Snapshots.administrator()) {
                SnapshotProperties still = other.getSnapshotProperties(snapshotId);
                assertThat(still.snapshotSetId()).isEqualTo(setId);
                DeleteSnapshotsResult deleted = other.deleteSnapshots(setId, ObjectType.SNAPSHOT_SET, true);
                assertThat(deleted.deletedCount()).isEqualTo(1);
                assertThat(deleted.nonDeletedSnapshotId()).isNull();
            }
            // The service deletes on its own time: gone within the deadline, not necessarily at once.
            Snapshots.awaitGone(snapshotId);
        } finally {
            if (setId != null) {
                Snapshots.deleteAndAwaitGone(setId, ObjectType.SNAPSHOT_SET);
            }
        }
    }

    @Test
    void theChainIsDeviceObjectThenLinkThenListingThenCopy(VssTarget target) throws Exception {
        Path dir = Files.createDirectories(target.workDir().resolve("chain"));
        Files.writeString(dir.resolve("one.txt"), "frozen one", StandardCharsets.UTF_8);
        Path media = Files.createDirectories(target.workDir().resolve("media"));
        try (BackupComponents bc = prepared(SnapshotContext.BACKUP)) {
            bc.startSnapshotSet();
            UUID snapshotId = bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(Steps.timeout());
            bc.doSnapshotSet().finish(Steps.timeout());
            Files.writeString(dir.resolve("one.txt"), "live one", StandardCharsets.UTF_8);
            SnapshotProperties props = bc.getSnapshotProperties(snapshotId);
            // Microsoft docs, "VSS_SNAPSHOT_PROP structure": the device object of a shadow copy.
            assertThat(props.deviceObject()).startsWith("\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy")
                    .matches(".*Copy[0-9]+");
            try (SnapshotMount mount = bc.mountSnapshot(snapshotId)) {
                assertThat(mount.isLink()).isTrue();
                assertThat(Files.isSymbolicLink(mount.root())).isTrue();
                // Listing the root follows the link; the entries are the volume's, seen through kernel32.
                assertThat(DirectoryLister.list(mount.root())).isNotEmpty();
                Path inSnapshot = target.inSnapshot(mount, dir.resolve("one.txt"));
                assertThat(DirectoryLister.list(inSnapshot.getParent())).extracting(DirectoryEntry::name)
                        .contains("one.txt");
                Files.copy(inSnapshot, media.resolve("one.txt"));
            }
            bc.backupComplete().finish(Steps.timeout());
        }
        assertThat(Files.readString(media.resolve("one.txt"), StandardCharsets.UTF_8)).isEqualTo("frozen one");
    }

    /** A requester initialised for a volume-mode COPY backup in {@code context}, with writer metadata gathered. */
    private static BackupComponents prepared(SnapshotContext context) {
        BackupComponents bc = BackupComponents.create();
        try {
            bc.initializeForBackup(null);
            bc.setContext(context);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Steps.timeout());
            return bc;
        } catch (RuntimeException e) {
            bc.close();
            throw e;
        }
    }
}
