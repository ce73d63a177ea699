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
    /** {@code CVssWriter::OnIdentify}, at GatherWriterMetadata. */
    IDENTIFY(WriterState.STABLE, WriterState.FAILED_AT_IDENTIFY),
    /** {@code CVssWriter::OnPrepareBackup}, at PrepareForBackup. */
    PREPARE_FOR_BACKUP(WriterState.STABLE, WriterState.FAILED_AT_PREPARE_BACKUP),
    /** {@code CVssWriter::OnPrepareSnapshot}, inside DoSnapshotSet. */
    PREPARE_FOR_SNAPSHOT(WriterState.WAITING_FOR_FREEZE, WriterState.FAILED_AT_PREPARE_SNAPSHOT),
    /** {@code CVssWriter::OnFreeze}, inside DoSnapshotSet. */
    FREEZE(WriterState.WAITING_FOR_THAW, WriterState.FAILED_AT_FREEZE),
    /** {@code CVssWriter::OnThaw}, inside DoSnapshotSet once the shadow copies are made. */
    THAW(WriterState.WAITING_FOR_POST_SNAPSHOT, WriterState.FAILED_AT_THAW),
    /** {@code CVssWriter::OnPostSnapshot}, at the end of DoSnapshotSet. */
    POST_SNAPSHOT(WriterState.WAITING_FOR_BACKUP_COMPLETE, WriterState.FAILED_AT_POST_SNAPSHOT),
    /** {@code CVssWriter::OnBackupComplete}, at BackupComplete. */
    BACKUP_COMPLETE(WriterState.STABLE, WriterState.FAILED_AT_BACKUP_COMPLETE),
    /** {@code CVssWriter::OnAbort}, when the backup ends early. */
    ABORT(WriterState.STABLE, WriterState.STABLE),
    /** {@code CVssWriter::OnPreRestore}, at PreRestore. */
    PRE_RESTORE(WriterState.STABLE, WriterState.FAILED_AT_PRE_RESTORE),
    /** {@code CVssWriter::OnPostRestore}, at PostRestore. */
    POST_RESTORE(WriterState.STABLE, WriterState.FAILED_AT_POST_RESTORE);

    private final WriterState after;
    private final WriterState failed;

    WriterEvent(WriterState after, WriterState failed) {
        this.after = after;
        this.failed = failed;
    }

    /**
     * The writer's state once it handled this event successfully.
     *
     * @return the state, e.g. {@link WriterState#WAITING_FOR_FREEZE} after PrepareForSnapshot
     */
    public WriterState stateAfter() {
        return after;
    }

    /**
     * The writer's state when it failed (or vetoed) this event.
     *
     * @return the failed state, e.g. {@link WriterState#FAILED_AT_FREEZE}; {@link WriterState#STABLE} for Abort
     */
    public WriterState failedState() {
        return failed;
    }
}
