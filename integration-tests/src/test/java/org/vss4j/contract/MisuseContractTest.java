package org.vss4j.contract;

import static org.vss4j.contract.Refusals.assertRefused;
import static org.vss4j.contract.Refusals.assertRefusedNowOrLater;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;

/**
 * Documented misuse of IVssBackupComponents is refused with a code Microsoft documents for it (each method's "Return
 * value" table; {@link DocumentedCodes} names the page and the meaning of every code accepted), and the binding raises
 * it as a VssException naming the method.
 */
@VssContract
class MisuseContractTest {

    @Test
    void callsBeforeInitializeForBackupAreInTheWrongState(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            assertRefused(() -> bc.setBackupState(false, false, BackupType.FULL, false), "SetBackupState",
                    DocumentedCodes.OUT_OF_SEQUENCE);
            assertRefused(bc::gatherWriterMetadata, "GatherWriterMetadata", DocumentedCodes.OUT_OF_SEQUENCE);
        }
    }

    @Test
    void snapshotSetCallsBeforeStartSnapshotSetAreInTheWrongState(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Steps.timeout());
            assertRefused(() -> bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL), "AddToSnapshotSet",
                    DocumentedCodes.OUT_OF_SEQUENCE);
            assertRefusedNowOrLater(bc::doSnapshotSet, "DoSnapshotSet", DocumentedCodes.OUT_OF_SEQUENCE);
        }
    }

    @Test
    void unknownSnapshotsAndVolumesAreNotFound(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Steps.timeout());
            assertRefused(() -> bc.getSnapshotProperties(UUID.randomUUID()), "GetSnapshotProperties",
                    DocumentedCodes.GET_SNAPSHOT_PROPERTIES_UNKNOWN_ID);
            bc.startSnapshotSet();
            String noSuchVolume = "\\\\?\\Volume{" + UUID.randomUUID() + "}\\";
            assertRefused(() -> bc.addToSnapshotSet(noSuchVolume, BackupComponents.GUID_NULL), "AddToSnapshotSet",
                    DocumentedCodes.ADD_TO_SNAPSHOT_SET_NO_SUCH_VOLUME);
        }
    }

    @Test
    void aWriterIndexOutOfRangeIsRefused(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Steps.timeout());
            int count = bc.getWriterMetadataCount();
            assertRefused(() -> bc.getWriterMetadata(count), "GetWriterMetadata",
                    DocumentedCodes.GET_WRITER_METADATA_INDEX_OUT_OF_RANGE);
        }
    }

    @Test
    void doSnapshotSetInTheBackupContextNeedsPrepareForBackup(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Steps.timeout());
            bc.startSnapshotSet();
            bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL);
            // "the prerequisite calls for a given shadow copy context have not been made" (DoSnapshotSet's page).
            assertRefusedNowOrLater(bc::doSnapshotSet, "DoSnapshotSet", DocumentedCodes.OUT_OF_SEQUENCE);
        }
    }
}
