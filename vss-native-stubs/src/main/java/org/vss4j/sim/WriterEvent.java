package org.vss4j.sim;

import org.vss4j.WriterState;

/**
 * The events VSS sends a writer during a backup, in the documented order (Microsoft docs,
 * "Overview of Backup Initialization", "Overview of Pre-Backup Tasks", "Overview of Actual Backup Of Files"): Identify
 * at GatherWriterMetadata, PrepareForBackup, then PrepareForSnapshot, Freeze, Thaw and PostSnapshot inside
 * DoSnapshotSet, BackupComplete, and Abort when the backup ends early; in a restore PreRestore and PostRestore, sent
 * only to writers with a component selected for restore (Microsoft docs, "Overview of Preparing for Restore": a writer
 * none of whose components is selected "will not receive any VSS events for the remainder of the restore operation").
 */
public enum WriterEvent {
    IDENTIFY(WriterState.STABLE, WriterState.FAILED_AT_IDENTIFY),
    PREPARE_FOR_BACKUP(WriterState.STABLE, WriterState.FAILED_AT_PREPARE_BACKUP),
    PREPARE_FOR_SNAPSHOT(WriterState.WAITING_FOR_FREEZE, WriterState.FAILED_AT_PREPARE_SNAPSHOT),
    FREEZE(WriterState.WAITING_FOR_THAW, WriterState.FAILED_AT_FREEZE),
    THAW(WriterState.WAITING_FOR_POST_SNAPSHOT, WriterState.FAILED_AT_THAW),
    POST_SNAPSHOT(WriterState.WAITING_FOR_BACKUP_COMPLETE, WriterState.FAILED_AT_POST_SNAPSHOT),
    BACKUP_COMPLETE(WriterState.STABLE, WriterState.FAILED_AT_BACKUP_COMPLETE),
    ABORT(WriterState.STABLE, WriterState.STABLE),
    PRE_RESTORE(WriterState.STABLE, WriterState.FAILED_AT_PRE_RESTORE),
    POST_RESTORE(WriterState.STABLE, WriterState.FAILED_AT_POST_RESTORE);

    private final WriterState after;
    private final WriterState failed;

    WriterEvent(WriterState after, WriterState failed) {
        this.after = after;
        this.failed = failed;
    }

    /** The writer's state once it handled this event successfully. */
    public WriterState stateAfter() {
        return after;
    }

    /** The writer's state when it failed (or vetoed) this event. */
    public WriterState failedState() {
        return failed;
    }
}
