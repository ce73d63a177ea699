package org.vss4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotAttribute;
import org.vss4j.SnapshotProperties;
import org.vss4j.VssAsync;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterIdentity;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterStatus;

/**
 * The documented requester sequence for one shadow copy set (Microsoft docs, "Overview of Backup Initialization",
 * "Overview of Pre-Backup Tasks", "Overview of Actual Backup Of Files"), printing each step. On any failure after
 * PrepareForBackup, and when the action reports failure, it calls AbortBackup; closing the components then lets VSS
 * delete the non-persistent shadow copies, so nothing is left.
 */
final class SnapshotRun {

    /** What to do while the shadow copies exist; returns an exit code, 0 meaning the backup succeeded. */
    interface WhileSnapshotted {
        int accept(UUID setId, List<SnapshotProperties> snapshots) throws Exception;
    }

    /**
     * @param volumes         volumes to shadow-copy
     * @param context         a VSS_CTX_* value
     * @param type            the backup type told to writers
     * @param enabledClasses  writer classes to enable (empty: all)
     * @param disabledClasses writer classes to disable
     */
    record Plan(List<String> volumes, int context, BackupType type, List<UUID> enabledClasses,
            List<UUID> disabledClasses) {

        boolean involvesWriters() {
            return (context & SnapshotAttribute.NO_WRITERS.value()) == 0;
        }

        boolean persistent() {
            return (context & SnapshotAttribute.PERSISTENT.value()) != 0;
        }
    }

    private final PrintWriter out;
    private final Duration timeout;

    SnapshotRun(PrintWriter out, Duration timeout) {
        this.out = out;
        this.timeout = timeout;
    }

    int run(Plan plan, WhileSnapshotted action) throws Exception {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(plan.context());
            // Volume mode (no component selection): every writer on the volumes takes part.
            bc.setBackupState(false, false, plan.type(), false);
            boolean writers = plan.involvesWriters();
            if (writers) {
                // Enable/disable only take effect before GatherWriterMetadata (Microsoft docs,
                // "Overview of Backup Initialization").
                bc.enableWriterClasses(plan.enabledClasses());
                bc.disableWriterClasses(plan.disabledClasses());
                step(bc.gatherWriterMetadata(), "GatherWriterMetadata");
                printWriters(bc);
            }
            UUID setId = bc.startSnapshotSet();
            out.printf("snapshot set {%s}%n", setId);
            List<UUID> snapshotIds = new ArrayList<>();
            for (String volume : plan.volumes()) {
                snapshotIds.add(bc.addToSnapshotSet(volume, BackupComponents.GUID_NULL));
            }
            boolean completed = false;
            try {
                if (writers) {
                    step(bc.prepareForBackup(), "PrepareForBackup");
                    checkWriters(bc, "PrepareForBackup");
                }
                step(bc.doSnapshotSet(), "DoSnapshotSet");
                if (writers) {
                    checkWriters(bc, "DoSnapshotSet");
                }
                List<SnapshotProperties> props = new ArrayList<>();
                for (UUID id : snapshotIds) {
                    SnapshotProperties p = bc.getSnapshotProperties(id);
                    props.add(p);
                    Printer.snapshot(out, p);
                }
                int exit = action.accept(setId, props);
                if (exit != ExitCodes.OK) {
                    return exit;
                }
                if (writers) {
                    step(bc.backupComplete(), "BackupComplete");
                    checkWriters(bc, "BackupComplete");
                }
                completed = true;
                return ExitCodes.OK;
            } finally {
                if (!completed) {
                    abort(bc, plan.persistent() ? setId : null);
                }
            }
        }
    }

    /**
     * AbortBackup after a failure: writers return to normal and VSS drops the set. AbortBackup does not delete
     * persistent shadow copies, so a failed persistent run deletes the set it made ({@code persistentSet}, else null):
     * nothing that looks like a good shadow copy stays behind. A failure here is reported but does not hide the
     * failure that caused the abort.
     */
    private void abort(BackupComponents bc, UUID persistentSet) {
        out.println("aborting the backup");
        out.flush();
        try {
            bc.abortBackup();
        } catch (VssException e) {
            out.println("(AbortBackup: " + e.getMessage() + ")");
        }
        if (persistentSet != null) {
            try {
                bc.deleteSnapshots(persistentSet, ObjectType.SNAPSHOT_SET, true);
            } catch (VssException e) {
                if (!e.is(VssHresult.VSS_E_OBJECT_NOT_FOUND)) {
                    out.println("(deleting the persistent set {" + persistentSet + "}: " + e.getMessage() + ")");
                }
            }
        }
    }

    private void step(VssAsync async, String name) {
        out.printf("%s ...%n", name);
        out.flush();
        async.finish(timeout);
    }

    private void printWriters(BackupComponents bc) {
        int n = bc.getWriterMetadataCount();
        out.printf("%d writer(s)%n", n);
        for (int i = 0; i < n; i++) {
            try (WriterMetadataEntry e = bc.getWriterMetadata(i)) {
                WriterIdentity id = e.metadata().getIdentity();
                out.printf("  %s {%s}%n", id.writerName(), id.writerId());
            }
        }
    }

    /**
     * Writer status after an asynchronous step (Microsoft docs, "Overview of Pre-Backup Tasks" and
     * "Overview of Actual Backup Of Files": "It should also verify writer status").
     */
    private void checkWriters(BackupComponents bc, String step) {
        for (WriterStatus s : bc.writerStatuses(timeout)) {
            if (s.isFailed()) {
                throw new VssException(s.failureHresult() < 0 ? s.failureHresult()
                        : VssHresult.VSS_E_UNEXPECTED_WRITER_ERROR.code(), step, s.toString());
            }
        }
    }
}
