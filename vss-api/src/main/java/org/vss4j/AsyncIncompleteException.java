package org.vss4j;

/**
 * An asynchronous VSS operation did not finish: the wait ran out of time or its thread was interrupted (vss4j then
 * called {@code IVssAsync::Cancel} and waited a bounded grace for the operation to acknowledge), or its status
 * reported {@code VSS_S_ASYNC_CANCELLED}. The HRESULT is {@code E_ABORT}; {@link #operation()} is the method that
 * started the operation, e.g. {@code IVssBackupComponents::DoSnapshotSet}.
 */
public final class AsyncIncompleteException extends VssException {

    private static final long serialVersionUID = 1L;

    /** Why the wait ended before the operation finished. */
    public enum Reason {
        /** The deadline passed while {@code QueryStatus} still reported {@code VSS_S_ASYNC_PENDING}. */
        TIMED_OUT,
        /** The waiting thread was interrupted; its interrupt status is set again. */
        INTERRUPTED,
        /** {@code QueryStatus} reported {@code VSS_S_ASYNC_CANCELLED}: someone else cancelled it. */
        CANCELLED
    }

    /** What came of the {@code Cancel} that vss4j made when it gave up. */
    public enum CancelOutcome {
        /** No cancel was needed (the status reported the operation cancelled already). */
        NOT_NEEDED,
        /** {@code QueryStatus} reported {@code VSS_S_ASYNC_CANCELLED} within the grace. */
        ACKNOWLEDGED,
        /** The operation finished before the cancel took effect ({@code VSS_S_ASYNC_FINISHED}). */
        FINISHED_FIRST,
        /** The operation ended with a failure HRESULT. */
        FAILED,
        /** The status was still {@code VSS_S_ASYNC_PENDING} when the grace ran out: released while running. */
        NOT_ACKNOWLEDGED,
        /** Cancel, Wait or QueryStatus failed themselves: the operation's state is unknown. */
        UNKNOWN
    }

    private final Reason reason;
    private final CancelOutcome cancelOutcome;
    private final String detail;

    AsyncIncompleteException(String operation, Reason reason, CancelOutcome cancelOutcome, String detail) {
        super(VssHresult.E_ABORT.code(), operation, detail);
        this.reason = reason;
        this.cancelOutcome = cancelOutcome;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public CancelOutcome cancelOutcome() {
        return cancelOutcome;
    }

    /** What happened, without the HRESULT's name: e.g. "did not finish within PT10M; cancelled: ...". */
    public String detail() {
        return detail;
    }
}
