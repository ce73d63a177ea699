package org.vss4j.session;

import java.util.Optional;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/**
 * A backup session failed: the message and the accessors name the {@linkplain #phase() phase}, the
 * {@linkplain #writer() writer} when one is to blame, and the {@linkplain #hresult() HRESULT}. When the session threw
 * this after {@code PrepareForBackup}, it had called {@code AbortBackup} and released the requester, so no
 * non-persistent shadow copy of it remains.
 */
public class BackupException extends VssException {

    private final BackupPhase phase;
    private final transient WriterFailure writerFailure;
    private final boolean timeout;

    BackupException(BackupPhase phase, WriterFailure writerFailure, int hresult, String detail, boolean timeout,
            Throwable cause) {
        super(hresult, "backup session, " + phase, detail, cause);
        this.phase = phase;
        this.writerFailure = writerFailure;
        this.timeout = timeout;
    }

    static BackupException of(BackupPhase phase, int hresult, String detail, Throwable cause) {
        return new BackupException(phase, null, hresult, detail, false, cause);
    }

    static BackupException writer(BackupPhase phase, WriterFailure failure, Throwable cause) {
        return new BackupException(phase, failure, failure.failureHresult(), failure.toString(), false, cause);
    }

    static BackupException timeout(BackupPhase phase, String detail) {
        return new BackupException(phase, null, VssHresult.E_ABORT.code(), detail, true, null);
    }

    /** The step that failed. */
    public BackupPhase phase() {
        return phase;
    }

    /** The name of the writer that failed, if a writer is to blame. */
    public Optional<String> writer() {
        return writerFailure().map(f -> f.writer().name());
    }

    /** The failed writer's status, if a writer is to blame. */
    public Optional<WriterFailure> writerFailure() {
        return Optional.ofNullable(writerFailure);
    }

    /** Whether the phase ran out of time (its asynchronous operation was cancelled); the HRESULT is E_ABORT. */
    public boolean isTimeout() {
        return timeout;
    }
}
