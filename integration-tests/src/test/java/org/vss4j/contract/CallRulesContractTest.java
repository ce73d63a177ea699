package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotAttribute;
import org.vss4j.SnapshotContext;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/**
 * Call rules of IVssBackupComponents that Microsoft documents, on the simulator and on Windows alike
 * (docs/simulator-call-rules.md lists them with their pages and codes).
 */
@ExtendWith(VssTargetExtension.class)
class CallRulesContractTest {

    private static void assertFails(ThrowingCallable call, String method, VssHresult... allowed) {
        assertThatThrownBy(call).isInstanceOfSatisfying(VssException.class, e -> {
            assertThat(e.operation()).isEqualTo("IVssBackupComponents::" + method);
            assertThat(allowed).as(e.getMessage()).anyMatch(e::is);
        });
    }

    /** A persistent shadow copy of the target's volume (VSS_CTX_APP_ROLLBACK); its id. */
    private static UUID persistentSnapshot(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.APP_ROLLBACK);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Steps.TIMEOUT);
            bc.startSnapshotSet();
            UUID id = bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(Steps.TIMEOUT);
            bc.doSnapshotSet().finish(Steps.TIMEOUT);
            bc.backupComplete().finish(Steps.TIMEOUT);
            return id;
        }
    }

    private static void deleteInCtxAll(UUID snapshotId) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.ALL);
            bc.deleteSnapshots(snapshotId, ObjectType.SNAPSHOT, true);
        }
    }

    /** Microsoft docs, "IVssBackupComponents::SetContext": "SetContext can be called only once". */
    @Test
    void setContextCanBeCalledOnlyOnce(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.BACKUP);
            assertFails(() -> bc.setContext(SnapshotContext.BACKUP), "SetContext", VssHresult.VSS_E_BAD_STATE);
        }
    }

    /**
     * Microsoft docs, "IVssBackupComponents::AddToSnapshotSet": the name "must include a trailing backslash". No code
     * is documented for a name without it; the simulator answers VSS_E_OBJECT_NOT_FOUND, Windows may also answer
     * E_INVALIDARG (both are the page's codes), so either passes here.
     */
    @Test
    void aVolumeNameWithoutItsTrailingBackslashIsRefused(VssTarget target) {
        String without = target.volume().substring(0, target.volume().length() - 1);
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Steps.TIMEOUT);
            assertFails(() -> bc.isVolumeSupported(BackupComponents.GUID_NULL, without), "IsVolumeSupported",
                    VssHresult.VSS_E_OBJECT_NOT_FOUND, VssHresult.E_INVALIDARG);
            bc.startSnapshotSet();
            assertFails(() -> bc.addToSnapshotSet(without, BackupComponents.GUID_NULL), "AddToSnapshotSet",
                    VssHresult.VSS_E_OBJECT_NOT_FOUND, VssHresult.E_INVALIDARG);
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
        UUID id = persistentSnapshot(target);
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.ALL);
            assertFails(() -> bc.exposeSnapshot(id, null, SnapshotAttribute.EXPOSED_LOCALLY, null), "ExposeSnapshot",
                    VssHresult.E_INVALIDARG);
            assertThat(bc.getSnapshotProperties(id).exposedName()).isNull();
        } finally {
            deleteInCtxAll(id);
        }
    }

    /**
     * DeleteSnapshots sees the shadow copies of the requester's context: a persistent (APP_ROLLBACK) shadow copy is
     * not found from the default backup context, and is deleted from VSS_CTX_ALL.
     */
    @Test
    void deleteSnapshotsHonoursTheContext(VssTarget target) {
        UUID id = persistentSnapshot(target);
        try {
            try (BackupComponents bc = BackupComponents.create()) {
                bc.initializeForBackup(null);
                assertFails(() -> bc.deleteSnapshots(id, ObjectType.SNAPSHOT, true), "DeleteSnapshots",
                        VssHresult.VSS_E_OBJECT_NOT_FOUND);
            }
        } finally {
            deleteInCtxAll(id);
        }
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.ALL);
            assertThat(bc.querySnapshots()).noneMatch(p -> p.snapshotId().equals(id));
        }
    }
}
