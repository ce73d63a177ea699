package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.contract.Refusals.assertRefused;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotAttribute;
import org.vss4j.SnapshotContext;

/**
 * Call rules of IVssBackupComponents that Microsoft documents, on the simulator and on Windows alike
 * (docs/simulator-call-rules.md lists them with their pages; {@link DocumentedCodes} the codes each page documents
 * for the misuse).
 */
@VssContract
class CallRulesContractTest {


    /** Microsoft docs, "IVssBackupComponents::SetContext": "SetContext can be called only once". */
    @Test
    void setContextCanBeCalledOnlyOnce(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.BACKUP);
            assertRefused(() -> bc.setContext(SnapshotContext.BACKUP), "SetContext",
                    DocumentedCodes.OUT_OF_SEQUENCE);
        }
    }

    /**
     * Microsoft docs, "IVssBackupComponents::AddToSnapshotSet" and "IVssBackupComponents::IsVolumeSupported": the name
     * "must include a trailing backslash". The two pages document different codes for a name without it.
     */
    @Test
    void aVolumeNameWithoutItsTrailingBackslashIsRefused(VssTarget target) {
        String without = target.volume().substring(0, target.volume().length() - 1);
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Steps.timeout());
            assertRefused(() -> bc.isVolumeSupported(BackupComponents.GUID_NULL, without), "IsVolumeSupported",
                    DocumentedCodes.IS_VOLUME_SUPPORTED_NO_TRAILING_BACKSLASH);
            bc.startSnapshotSet();
            assertRefused(() -> bc.addToSnapshotSet(without, BackupComponents.GUID_NULL), "AddToSnapshotSet",
                    DocumentedCodes.ADD_TO_SNAPSHOT_SET_NO_TRAILING_BACKSLASH);
            bc.abortBackup();
        }
    }

    /**
     * Query in a context with no shadow copy: Windows answers S_FALSE; the binding reads that as an empty list. A
     * VSS_CTX_FILE_SHARE_BACKUP shadow copy lives only as long as the requester that made it, and none is held while
     * the suite runs.
     */
    @Test
    void aQueryMatchingNothingIsAnEmptyList(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.FILE_SHARE_BACKUP);
            assertThat(bc.querySnapshots()).isEmpty();
        }
    }

    /** ExposeSnapshot's wszExpose may be NULL only with VSS_VOLSNAP_ATTR_EXPOSED_REMOTELY (Microsoft docs). */
    @Test
    void exposingLocallyNeedsATarget(VssTarget target) {
        UUID id = Snapshots.persistent(target).snapshotId();
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.ALL);
            assertRefused(() -> bc.exposeSnapshot(id, null, SnapshotAttribute.EXPOSED_LOCALLY, null),
                    "ExposeSnapshot", DocumentedCodes.EXPOSE_LOCALLY_WITHOUT_A_NAME);
            assertThat(bc.getSnapshotProperties(id).exposedName()).isNull();
        } finally {
            Snapshots.deleteAndAwaitGone(id, ObjectType.SNAPSHOT);
        }
    }

    /**
     * DeleteSnapshots sees the shadow copies of the requester's context: a persistent (APP_ROLLBACK) shadow copy is
     * not found from the default backup context, and is deleted from VSS_CTX_ALL.
     */
    @Test
    void deleteSnapshotsHonoursTheContext(VssTarget target) {
        UUID id = Snapshots.persistent(target).snapshotId();
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            assertRefused(() -> bc.deleteSnapshots(id, ObjectType.SNAPSHOT, true), "DeleteSnapshots",
                    DocumentedCodes.DELETE_SNAPSHOTS_OUTSIDE_THE_CONTEXT);
        } finally {
            Snapshots.deleteAndAwaitGone(id, ObjectType.SNAPSHOT);
        }
    }
}
