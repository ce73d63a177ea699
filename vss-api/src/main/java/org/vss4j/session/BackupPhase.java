package org.vss4j.session;

/**
 * The steps of a backup session, in the order Microsoft docs give them ("Overview of Backup Initialization",
 * "Overview of Pre-Backup Tasks", "Overview of Actual Backup Of Files"), then those of a {@link RestoreSession}
 * ("Overview of Preparing for Restore", "Overview of Actual File Restoration", "Overview of Post-Restore Tasks"). A
 * {@link BackupException} names the step that failed.
 */
public enum BackupPhase {
    /** {@code CreateVssBackupComponents} and {@code InitializeForBackup}. */
    INITIALIZE,
    /** {@code SetContext}. */
    SET_CONTEXT,
    /** {@code SetBackupState}. */
    SET_BACKUP_STATE,
    /** {@code DisableWriterClasses}, {@code EnableWriterClasses}, {@code DisableWriterInstances}. */
    WRITER_FILTER,
    /** {@code GatherWriterMetadata} and the Writer Metadata Documents. */
    GATHER_WRITER_METADATA,
    /** Choosing the components: selectability, component sets, dependencies; {@code AddComponent}. */
    SELECT_COMPONENTS,
    /** {@code SetBackupOptions} and {@code SetPreviousBackupStamp}. */
    SET_BACKUP_OPTIONS,
    /** {@code StartSnapshotSet} and {@code AddToSnapshotSet} for every volume a selected file set lives on. */
    START_SNAPSHOT_SET,
    /** {@code PrepareForBackup}: the writers' PrepareForBackup event. */
    PREPARE_FOR_BACKUP,
    /** {@code DoSnapshotSet}: PrepareForSnapshot, Freeze, the shadow copies, Thaw, PostSnapshot. */
    DO_SNAPSHOT_SET,
    /** {@code GetSnapshotProperties} and the snapshot roots. */
    GET_SNAPSHOT_PROPERTIES,
    /** The list of files to back up, generated inside the shadow copies. */
    FILE_LIST,
    /** {@code SetBackupSucceeded} for every component added. */
    SET_BACKUP_SUCCEEDED,
    /** {@code BackupComplete}: the writers' BackupComplete event. */
    BACKUP_COMPLETE,
    /**
     * The final {@code GatherWriterStatus}, which ends the writers' session (Microsoft docs,
     * "Overview of Actual Backup Of Files").
     */
    FINAL_WRITER_STATUS,
    /** {@code SaveAsXML} of the Backup Components Document. */
    SAVE_DOCUMENTS,
    /** {@code AbortBackup} after a failure. */
    ABORT,
    /** Restore: {@code CreateVssBackupComponents} and {@code InitializeForRestore} with the stored document. */
    INITIALIZE_FOR_RESTORE,
    /** Restore: {@code SetRestoreState}. */
    SET_RESTORE_STATE,
    /** Restore: matching the backed-up components to the running writers; {@code SetSelectedForRestore(Ex)}. */
    SELECT_FOR_RESTORE,
    /** Restore: {@code SetRestoreOptions} and {@code AddAlternativeLocationMapping}. */
    SET_RESTORE_OPTIONS,
    /** Restore: {@code PreRestore}: the writers' PreRestore event. */
    PRE_RESTORE,
    /**
     * Restore: {@code SetRangesFilePath} for a partial file's ranges file restored elsewhere, called by the caller
     * between PreRestore and {@code complete()} ({@code RestoreSession.rangesFileRestoredTo}); a failure names this
     * phase, with no phase events (the call is the caller's, not a step of the session).
     */
    SET_RANGES_FILE_PATH,
    /** Restore: {@code SetFileRestoreStatus} for every component selected for restore. */
    SET_FILE_RESTORE_STATUS,
    /** Restore: {@code PostRestore}: the writers' PostRestore event. */
    POST_RESTORE,
    /**
     * Restore: the final {@code GatherWriterStatus} after PostRestore, {@code GetWriterComponents} (the writers'
     * PostRestore failure messages) and {@code SaveAsXML} of the Backup Components Document: one phase, one pair of
     * phase events.
     */
    FINAL_RESTORE_STATUS;

    /** Whether this is a step of a {@link RestoreSession} ({@link #INITIALIZE_FOR_RESTORE} and after). */
    public boolean ofRestore() {
        return compareTo(INITIALIZE_FOR_RESTORE) >= 0;
    }
}
