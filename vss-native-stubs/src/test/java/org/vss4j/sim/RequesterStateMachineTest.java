package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotContext;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/** Out-of-order and invalid calls get the HRESULT real VSS documents for them. */
@ExtendWith(VssSimulatorExtension.class)
class RequesterStateMachineTest {

    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path volumeDir;

    private static void fails(VssHresult expected, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(VssException.class,
                e -> assertThat(e.is(expected)).as(e.getMessage()).isTrue());
    }

    @Test
    void callsBeforeInitializeForBackupAreBadState() {
        try (BackupComponents b = BackupComponents.create()) {
            fails(VssHresult.VSS_E_BAD_STATE, () -> b.setContext(SnapshotContext.BACKUP));
            fails(VssHresult.VSS_E_BAD_STATE, () -> b.setBackupState(false, false, BackupType.FULL, false));
            fails(VssHresult.VSS_E_BAD_STATE, b::gatherWriterMetadata);
            fails(VssHresult.VSS_E_BAD_STATE, b::startSnapshotSet);
            fails(VssHresult.VSS_E_BAD_STATE, b::abortBackup);
        }
    }

    @Test
    void oneObjectServesOneBackup() {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            fails(VssHresult.VSS_E_BAD_STATE, () -> b.initializeForBackup(null));
        }
    }

    @Test
    void sequenceViolationsAreBadState(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir, "D:\\");
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            fails(VssHresult.VSS_E_BAD_STATE, b::getWriterMetadataCount);
            fails(VssHresult.VSS_E_BAD_STATE, b::prepareForBackup);
            fails(VssHresult.VSS_E_BAD_STATE, b::doSnapshotSet);
            fails(VssHresult.VSS_E_BAD_STATE, () -> b.addToSnapshotSet("D:\\", BackupComponents.GUID_NULL));
            fails(VssHresult.VSS_E_BAD_STATE, b::backupComplete);
            fails(VssHresult.VSS_E_BAD_STATE, b::getWriterStatusCount);
            b.startSnapshotSet();
            b.addToSnapshotSet(v.guidName(), BackupComponents.GUID_NULL);
            // Backup context: writers take part, so DoSnapshotSet needs a completed PrepareForBackup.
            fails(VssHresult.VSS_E_BAD_STATE, b::doSnapshotSet);
            fails(VssHresult.VSS_E_BAD_STATE, () -> b.setContext(SnapshotContext.BACKUP));
            b.gatherWriterMetadata().finish(T);
            fails(VssHresult.VSS_E_BAD_STATE, b::gatherWriterMetadata);
            b.abortBackup();
        }
    }

    @Test
    void invalidArgumentsAreInvalidArg(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "D:\\");
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            fails(VssHresult.E_INVALIDARG, () -> b.setContext(12345));
            fails(VssHresult.E_INVALIDARG, () -> b.setBackupState(false, false, BackupType.UNDEFINED, false));
            b.gatherWriterMetadata().finish(T);
            fails(VssHresult.E_INVALIDARG, () -> b.getWriterMetadata(0));
            b.startSnapshotSet();
            fails(VssHresult.E_INVALIDARG, () -> b.addToSnapshotSet("", BackupComponents.GUID_NULL));
            fails(VssHresult.E_INVALIDARG, () -> b.deleteSnapshots(UUID.randomUUID(), ObjectType.PROVIDER, true));
            b.abortBackup();
        }
    }

    @Test
    void unknownVolumesAndSnapshotsAreNotFoundAndUnsupportedVolumesAreRefused(SimulatedMachine machine,
            @TempDir Path other) {
        machine.addUnsupportedVolume(other, "E:\\");
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.startSnapshotSet();
            fails(VssHresult.VSS_E_OBJECT_NOT_FOUND, () -> b.addToSnapshotSet("Q:\\", BackupComponents.GUID_NULL));
            fails(VssHresult.VSS_E_OBJECT_NOT_FOUND, () -> b.isVolumeSupported(BackupComponents.GUID_NULL, "Q:\\"));
            assertThat(b.isVolumeSupported(BackupComponents.GUID_NULL, "E:\\")).isFalse();
            fails(VssHresult.VSS_E_VOLUME_NOT_SUPPORTED,
                    () -> b.addToSnapshotSet("E:\\", BackupComponents.GUID_NULL));
            fails(VssHresult.VSS_E_PROVIDER_NOT_REGISTERED,
                    () -> b.addToSnapshotSet("E:\\", UUID.randomUUID()));
            fails(VssHresult.VSS_E_OBJECT_NOT_FOUND, () -> b.getSnapshotProperties(UUID.randomUUID()));
            fails(VssHresult.VSS_E_OBJECT_NOT_FOUND,
                    () -> b.deleteSnapshots(UUID.randomUUID(), ObjectType.SNAPSHOT, true));
            b.abortBackup();
        }
    }

    @Test
    void aSetHoldsAtMost64Volumes(SimulatedMachine machine, @TempDir Path root) throws Exception {
        java.util.List<Volume> volumes = new java.util.ArrayList<>();
        for (int i = 0; i < 65; i++) {
            volumes.add(machine.addVolume(java.nio.file.Files.createDirectory(root.resolve("v" + i))));
        }
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.startSnapshotSet();
            for (int i = 0; i < 64; i++) {
                b.addToSnapshotSet(volumes.get(i).guidName(), BackupComponents.GUID_NULL);
            }
            fails(VssHresult.VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED,
                    () -> b.addToSnapshotSet(volumes.get(64).guidName(), BackupComponents.GUID_NULL));
            fails(VssHresult.VSS_E_OBJECT_ALREADY_EXISTS,
                    () -> b.addToSnapshotSet(volumes.get(0).guidName(), BackupComponents.GUID_NULL));
            b.abortBackup();
        }
    }

    @Test
    void twoRequestersCannotCreateSetsAtOnce(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        try (BackupComponents first = BackupComponents.create();
                BackupComponents second = BackupComponents.create()) {
            first.initializeForBackup(null);
            second.initializeForBackup(null);
            first.startSnapshotSet();
            fails(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS, second::startSnapshotSet);
            first.addToSnapshotSet(v.guidName(), BackupComponents.GUID_NULL);
            first.abortBackup();
            // The lock is gone once the first backup ended.
            second.startSnapshotSet();
            second.abortBackup();
        }
    }
}
