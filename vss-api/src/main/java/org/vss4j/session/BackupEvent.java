package org.vss4j.session;

import java.time.Duration;

/** Progress of a backup session, for a {@link BackupListener}. */
public sealed interface BackupEvent {

    /** A phase began. */
    record PhaseStarted(BackupPhase phase) implements BackupEvent {
    }

    /** A phase ended successfully after {@code elapsed} (by the session's clock). */
    record PhaseFinished(BackupPhase phase, Duration elapsed) implements BackupEvent {
    }

    /**
     * An asynchronous operation of {@code phase} ({@code operation}, e.g. {@code IVssBackupComponents::DoSnapshotSet})
     * is still running {@code elapsed} after the session began to wait for it; sent after every poll interval while
     * it runs. A listener that throws an {@link Error} here ends the wait: the operation is cancelled first.
     */
    record OperationPending(BackupPhase phase, String operation, Duration elapsed) implements BackupEvent {
    }

    /** A writer's status as gathered after {@code phase}; {@code failure} is null when the writer is fine. */
    record WriterStatusReported(BackupPhase phase, WriterRef writer, org.vss4j.WriterState state,
            WriterFailure failure) implements BackupEvent {
    }

    /**
     * {@code VSS_E_SNAPSHOT_SET_IN_PROGRESS}: another shadow copy set is being built or created; after {@code backoff}
     * the session tries again. {@code call} is where the code arrived: {@code StartSnapshotSet} or
     * {@code AddToSnapshotSet} (called again), or {@code DoSnapshotSet} (the set is aborted and the session starts
     * over with a new requester).
     */
    record Retrying(BackupPhase phase, String call, int hresult, int attempt, Duration backoff)
            implements BackupEvent {
    }

    /** The caller reported an item saved. */
    record ItemSaved(BackupItem item) implements BackupEvent {
    }

    /** The caller reported an item failed. */
    record ItemFailed(BackupItem item, String cause) implements BackupEvent {
    }

    /**
     * A writer path the session could not resolve to a volume and did without: an excluded-files entry (not applied)
     * or a file set used only to name the component of volume files (those files stay in the backup, unattributed).
     * A selected component's unresolvable path is not ignored: it fails the session.
     *
     * @param writer      the writer whose path it is, or null
     * @param path        the path, environment variables expanded where they could be
     * @param reason      why it cannot be resolved and what to do
     * @param consequence what the session did without it
     */
    record PathIgnored(WriterRef writer, String path, String reason, String consequence) implements BackupEvent {
    }
}
