package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.AsyncState;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotMount;
import org.vss4j.SnapshotProperties;
import org.vss4j.SnapshotState;
import org.vss4j.VssAsync;
import org.vss4j.WriterIdentity;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterState;
import org.vss4j.WriterStatus;
import org.vss4j.spi.NativeProviders;

/**
 * The snapshot path, from {@code CreateVssBackupComponents} to {@code BackupComplete} (Microsoft docs,
 * "Overview of Backup Initialization", "Overview of Pre-Backup Tasks", "Overview of Actual Backup Of Files"), end to
 * end through the unchanged production binding.
 */
@ExtendWith(VssSimulatorExtension.class)
class SnapshotPathTest {

    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path volumeDir;

    @Test
    void theBindingUsesTheSimulator() {
        assertThat(NativeProviders.current().id()).isEqualTo("simulator");
    }

    @Test
    void snapshotIsPointInTimeAndVanishesWithItsRequester(SimulatedMachine machine) throws Exception {
        Files.writeString(volumeDir.resolve("data.txt"), "before");
        Volume volume = machine.addVolume(volumeDir, "C:\\");
        machine.addWriter(SimulatedWriter.builder("Test Writer").build());
        Path snapshotDir;
        try (BackupComponents backup = BackupComponents.create()) {
            backup.initializeForBackup(null);
            backup.setContext(SnapshotContext.BACKUP);
            backup.setBackupState(false, false, BackupType.FULL, false);
            backup.gatherWriterMetadata().finish(T);
            assertThat(backup.getWriterMetadataCount()).isEqualTo(1);
            try (WriterMetadataEntry entry = backup.getWriterMetadata(0)) {
                WriterIdentity id = entry.metadata().getIdentity();
                assertThat(id.writerName()).isEqualTo("Test Writer");
                assertThat(id.instanceId()).isEqualTo(entry.instanceId());
                assertThat(entry.metadata().saveAsXml()).contains("WRITER_METADATA", "Test Writer");
            }
            UUID setId = backup.startSnapshotSet();
            assertThat(backup.isVolumeSupported(BackupComponents.GUID_NULL, "C:\\")).isTrue();
            UUID snapshotId = backup.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
            backup.prepareForBackup().finish(T);
            backup.doSnapshotSet().finish(T);
            Files.writeString(volumeDir.resolve("data.txt"), "after");

            SnapshotProperties props = backup.getSnapshotProperties(snapshotId);
            assertThat(props.snapshotSetId()).isEqualTo(setId);
            assertThat(props.originalVolumeName()).isEqualTo(volume.guidName());
            assertThat(props.state()).isEqualTo(SnapshotState.CREATED);
            assertThat(props.deviceObject()).matches("\\\\\\\\\\?\\\\GLOBALROOT\\\\Device\\\\HarddiskVolumeShadowCopy[0-9]+");
            snapshotDir = machine.snapshots().get(0).directory();
            try (SnapshotMount mount = backup.mountSnapshot(snapshotId)) {
                assertThat(Files.readString(mount.root().resolve("data.txt"))).isEqualTo("before");
            }
            assertThat(Files.readString(volumeDir.resolve("data.txt"))).isEqualTo("after");

            backup.gatherWriterStatus().finish(T);
            assertThat(backup.getWriterStatusCount()).isEqualTo(1);
            WriterStatus status = backup.getWriterStatus(0);
            assertThat(status.writerName()).isEqualTo("Test Writer");
            assertThat(status.state()).isEqualTo(WriterState.WAITING_FOR_BACKUP_COMPLETE);
            backup.freeWriterStatus();
            backup.backupComplete().finish(T);
        }
        assertThat(snapshotDir).doesNotExist();
        assertThat(machine.snapshots()).isEmpty();
        assertThat(machine.writer("Test Writer").events()).containsExactly(WriterEvent.IDENTIFY,
                WriterEvent.PREPARE_FOR_BACKUP, WriterEvent.PREPARE_FOR_SNAPSHOT, WriterEvent.FREEZE,
                WriterEvent.THAW, WriterEvent.POST_SNAPSHOT, WriterEvent.BACKUP_COMPLETE);
        assertThat(machine.leakReport().isClean()).as(machine.leakReport().toString()).isTrue();
    }

    @Test
    void persistentSnapshotsOutliveTheRequesterUntilDeleted(SimulatedMachine machine) throws Exception {
        Files.writeString(volumeDir.resolve("f"), "x");
        Volume volume = machine.addVolume(volumeDir);
        UUID setId;
        try (BackupComponents backup = BackupComponents.create()) {
            backup.initializeForBackup(null);
            backup.setContext(SnapshotContext.APP_ROLLBACK);
            setId = backup.startSnapshotSet();
            backup.addToSnapshotSet(volume.guidName(), BackupComponents.GUID_NULL);
            backup.gatherWriterMetadata().finish(T);
            backup.prepareForBackup().finish(T);
            backup.doSnapshotSet().finish(T);
        }
        assertThat(machine.snapshots()).hasSize(1);
        Path dir = machine.snapshots().get(0).directory();
        assertThat(dir.resolve("f")).exists();
        try (BackupComponents cleaner = BackupComponents.create()) {
            cleaner.initializeForBackup(null);
            // DeleteSnapshots sees the shadow copies of its context only; VSS_CTX_ALL sees every one.
            cleaner.setContext(SnapshotContext.ALL);
            assertThat(cleaner.deleteSnapshots(setId, ObjectType.SNAPSHOT_SET, true).deletedCount()).isEqualTo(1);
        }
        assertThat(machine.snapshots()).isEmpty();
        assertThat(dir).doesNotExist();
    }

    @Test
    void asyncWaitCancelAndQueryStatus(SimulatedMachine machine) throws Exception {
        machine.addVolume(volumeDir);
        Gate gate = machine.faults().delay(org.vss4j.abi.vtable.IVssBackupComponents.GatherWriterMetadata);
        try (BackupComponents backup = BackupComponents.create()) {
            backup.initializeForBackup(null);
            try (VssAsync async = backup.gatherWriterMetadata()) {
                assertThat(gate.awaitReached(T)).isTrue();
                assertThat(async.queryStatus()).isEqualTo(AsyncState.PENDING);
                assertThat(async.await(Duration.ofMillis(10))).isEqualTo(AsyncState.PENDING);
                assertThat(async.cancel()).isZero();
                assertThat(async.await(T)).isEqualTo(AsyncState.CANCELLED);
                assertThat(async.cancel()).isEqualTo(org.vss4j.VssHresult.VSS_S_ASYNC_CANCELLED.code());
            }
        }
    }
}
