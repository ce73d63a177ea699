package org.vss4j.session;

import java.util.Optional;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/**
 * A backup or restore session failed: the message (starting {@code backup session, PHASE failed}, or
 * {@code restore session, PHASE failed} for the {@linkplain BackupPhase#ofRestore() restore phases}) and the
 * accessors name the {@linkplain #phase() phase}, the {@linkplain #writer() writer} when one is to blame, and the
 * {@linkplain #hresult() HRESULT}. When a backup session threw this after {@code PrepareForBackup}, it had called
 * {@code AbortBackup} and released the requester, so no non-persistent shadow copy of it remains.
 */
public class BackupException extends VssException {

    private final BackupPhase phase;
    private final transient WriterFailure writerFailure;
    private final transient WriterRef blamed;
    private final boolean timeout;
    private final String detail;

    BackupException(BackupPhase phase, WriterFailure writerFailure, int hresult, String detail, boolean timeout,
            Throwable cause) {
        this(phase, writerFailure, writerFailure == null ? null : writerFailure.writer(), hresult, detail, timeout,
                cause);
    }

    private BackupException(BackupPhase phase, WriterFailure writerFailure, WriterRef blamed, int hresult,
            String detail, boolean timeout, Throwable cause) {
        super(hresult, (phase.ofRestore() ? "restore session, " : "backup session, ") + phase, detail, cause);
        this.phase = phase;
        this.writerFailure = writerFailure;
        this.blamed = blamed;
        this.timeout = timeout;
        this.detail = detail;
    }

    static BackupException of(BackupPhase phase, int hresult, String detail, Throwable cause) {
        return new BackupException(phase, null, hresult, detail, false, cause);
    }

    /** A failure of {@code blamed} that is no status it reported (its metadata cannot be read, say). */
    static BackupException ofWriter(BackupPhase phase, WriterRef blamed, int hresult, String detail, Throwable cause) {
        return new BackupException(phase, null, blamed, hresult, detail, false, cause);
    }

    static BackupException writer(BackupPhase phase, WriterFailure failure, Throwable cause) {
        return new BackupException(phase, failure, failure.failureHresult(), failure.toString(), false, cause);
    }

    /**
     * A path the session needs cannot be resolved (E_INVALIDARG: the writer's metadata or the caller gave it); the
     * writer is named when the path is a writer's.
     */
    static BackupException unresolvedPath(BackupPhase phase, UnresolvablePathException e) {
        return new BackupException(phase, null, e.writer().orElse(null), VssHresult.E_INVALIDARG.code(),
                e.getMessage(), false, e);
    }

    static BackupException timeout(BackupPhase phase, String detail) {
        return timeout(phase, detail, null);
    }

    static BackupException timeout(BackupPhase phase, String detail, Throwable cause) {
        return timeout(phase, detail, cause, null);
    }

    /** A timeout with the writer to blame, when one writer alone can be holding the operation. */
    static BackupException timeout(BackupPhase phase, String detail, Throwable cause, WriterRef blamed) {
        return new BackupException(phase, null, blamed, VssHresult.E_ABORT.code(), detail, true, cause);
    }

    /** The words after the HRESULT in the message. */
    String detail() {
        return detail;
    }

    /** The step that failed. */
    public BackupPhase phase() {
        return phase;
    }

    /** The name of the writer to blame, if one is: one that reported a failure, or one whose path is unusable. */
    public Optional<String> writer() {
        return Optional.ofNullable(blamed).map(WriterRef::name);
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
