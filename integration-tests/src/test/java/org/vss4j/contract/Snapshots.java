package org.vss4j.contract;

import java.time.Duration;
import java.util.UUID;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotContext;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/**
 * Deleting shadow copies the suite made and waiting, with a deadline ({@link Eventually}), until the VSS service no
 * longer knows them: it deletes on its own time, so "gone" is polled for, never expected at once.
 */
final class Snapshots {

    private Snapshots() {
    }

    /** A persistent shadow copy made by {@link #persistent}: its set and its own id. */
    record Persistent(UUID setId, UUID snapshotId) {
    }

    /**
     * A persistent shadow copy of the target's volume (VSS_CTX_APP_ROLLBACK), through the whole requester sequence;
     * the caller deletes it ({@link #deleteAndAwaitGone}).
     */
    static Persistent persistent(VssTarget target) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.APP_ROLLBACK);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Steps.timeout());
            UUID set = bc.startSnapshotSet();
            UUID id = bc.addToSnapshotSet(target.volume(), BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(Steps.timeout());
            bc.doSnapshotSet().finish(Steps.timeout());
            bc.backupComplete().finish(Steps.timeout());
            return new Persistent(set, id);
        }
    }

    /** A requester that sees every shadow copy: Query and DeleteSnapshots do only in VSS_CTX_ALL. */
    static BackupComponents administrator() {
        BackupComponents bc = BackupComponents.create();
        try {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.ALL);
            return bc;
        } catch (RuntimeException e) {
            bc.close();
            throw e;
        }
    }

    /** Whether no requester can find the shadow copy {@code snapshotId} any more, by id or in Query. */
    static boolean isGone(UUID snapshotId) {
        try (BackupComponents probe = administrator()) {
            if (probe.querySnapshots().stream().anyMatch(p -> p.snapshotId().equals(snapshotId))) {
                return false;
            }
            try {
                probe.getSnapshotProperties(snapshotId);
                return false;
            } catch (VssException e) {
                if (e.is(VssHresult.VSS_E_OBJECT_NOT_FOUND)) {
                    return true;
                }
                throw e;
            }
        }
    }

    /** Whether Query shows no shadow copy of the set {@code setId} any more. */
    static boolean isSetGone(UUID setId) {
        try (BackupComponents probe = administrator()) {
            return probe.querySnapshots().stream().noneMatch(p -> p.snapshotSetId().equals(setId));
        }
    }

    /** Waits until the shadow copy {@code snapshotId} is gone, within what is left of the test's budget. */
    static void awaitGone(UUID snapshotId) {
        Eventually.until("gone: shadow copy " + snapshotId, Steps.timeout(), () -> isGone(snapshotId));
    }

    /** Waits until every shadow copy of the set {@code setId} is gone. */
    static void awaitSetGone(UUID setId) {
        Eventually.until("gone: shadow copy set " + setId, Steps.timeout(), () -> isSetGone(setId));
    }

    /**
     * How long cleanup may wait for VSS to delete: a fixed time of its own, not what is left of the test's budget, so
     * that cleanup after a test that used its budget up still gets its chance (within the class timeout's margin).
     */
    static final Duration CLEANUP_WAIT = Duration.ofMinutes(2);

    /**
     * Deletes the shadow copy or set {@code id} (one that is already gone is fine: this runs in {@code finally}
     * blocks, after whatever the test found) and waits, up to {@link #CLEANUP_WAIT}, until VSS no longer shows it.
     */
    static void deleteAndAwaitGone(UUID id, ObjectType type) {
        try (BackupComponents bc = administrator()) {
            bc.deleteSnapshots(id, type, true);
        } catch (VssException e) {
            if (!e.is(VssHresult.VSS_E_OBJECT_NOT_FOUND)) {
                throw e;
            }
        }
        if (type == ObjectType.SNAPSHOT_SET) {
            Eventually.until("gone: shadow copy set " + id, CLEANUP_WAIT, () -> isSetGone(id));
        } else {
            Eventually.until("gone: shadow copy " + id, CLEANUP_WAIT, () -> isGone(id));
        }
    }
}
