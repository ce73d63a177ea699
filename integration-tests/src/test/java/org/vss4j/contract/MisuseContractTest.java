package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/**
 * Documented misuse of IVssBackupComponents returns the documented HRESULT (Microsoft's per-method documentation,
 * "Return value" sections), and the binding raises it as a VssException naming the method.
 */
@ExtendWith(VssTargetExtension.class)
class MisuseContractTest {

    private static void assertFails(ThrowingCallable call, VssHresult expected, String method) {
        assertThatThrownBy(call).isInstanceOfSatisfying(VssException.class, e -> {
            assertThat(e.is(expected)).as("%s, got %s", expected, e.getMessage()).isTrue();
            assertThat(e.operation()).isEqualTo("IVssBackupComponents::" + method);
            assertThat(e.getMessage()).contains(expected.name());
        });
    }

    @Test
    void callsBeforeInitializeForBackupAreInTheWrongState(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            assertFails(() -> bc.setBackupState(false, false, BackupType.FULL, false), VssHresult.VSS_E_BAD_STATE,
                    "SetBackupState");
            assertFails(bc::gatherWriterMetadata, VssHresult.VSS_E_BAD_STATE, "GatherWriterMetadata");
        }
    }

    @Test
    void snapshotSetCallsBeforeStartSnapshotSetAreInTheWrongState(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Steps.TIMEOUT);
            assertFails(() -> bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL),
                    VssHresult.VSS_E_BAD_STATE, "AddToSnapshotSet");
            assertFails(bc::doSnapshotSet, VssHresult.VSS_E_BAD_STATE, "DoSnapshotSet");
        }
    }

    @Test
    void unknownSnapshotsAndVolumesAreNotFound(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Steps.TIMEOUT);
            assertFails(() -> bc.getSnapshotProperties(UUID.randomUUID()), VssHresult.VSS_E_OBJECT_NOT_FOUND,
                    "GetSnapshotProperties");
            bc.startSnapshotSet();
            String noSuchVolume = "\\\\?\\Volume{" + UUID.randomUUID() + "}\\";
            assertFails(() -> bc.addToSnapshotSet(noSuchVolume, BackupComponents.GUID_NULL),
                    VssHresult.VSS_E_OBJECT_NOT_FOUND, "AddToSnapshotSet");
        }
    }

    @Test
    void aWriterIndexOutOfRangeIsAnInvalidArgument(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Steps.TIMEOUT);
            int count = bc.getWriterMetadataCount();
            assertFails(() -> bc.getWriterMetadata(count), VssHresult.E_INVALIDARG, "GetWriterMetadata");
        }
    }

    @Test
    void doSnapshotSetInTheBackupContextNeedsPrepareForBackup(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Steps.TIMEOUT);
            bc.startSnapshotSet();
            bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL);
            // Microsoft, DoSnapshotSet: VSS_E_BAD_STATE when the prerequisite calls of the context were not made.
            assertFails(bc::doSnapshotSet, VssHresult.VSS_E_BAD_STATE, "DoSnapshotSet");
        }
    }
}
