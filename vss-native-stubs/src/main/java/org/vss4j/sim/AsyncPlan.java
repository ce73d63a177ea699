package org.vss4j.sim;

import org.vss4j.VssHresult;

/**
 * How the simulated {@code IVssAsync} of the operations one method starts answers, beyond their natural course
 * (docs/async.md): the operation's failure, a failure of {@code Wait}, {@code QueryStatus} or {@code Cancel} itself,
 * what a {@code Wait} whose time runs out returns (Microsoft does not document it: Microsoft docs, "IVssAsync::Wait"),
 * a {@code Wait} that returns before its time, and an operation that does not stop on {@code Cancel}. Live: a change
 * applies to the operations already running too. Obtained from {@link Faults#async}.
 */
public final class AsyncPlan {

    private volatile int operationFailure;
    private volatile int waitFailure;
    private volatile int queryStatusFailure;
    private volatile int cancelFailure;
    private volatile int waitTimeoutResult = VssHresult.S_OK.code();
    private volatile boolean waitReturnsEarly;
    private volatile boolean ignoresCancel;

    AsyncPlan() {
    }

    /** The operation ends with {@code hresult} (a failure) instead of doing its work, after its delay gate if any. */
    public AsyncPlan failWith(VssHresult hresult) {
        return failWith(hresult.code());
    }

    /** As {@link #failWith(VssHresult)} with a raw HRESULT. */
    public AsyncPlan failWith(int hresult) {
        operationFailure = failure(hresult);
        return this;
    }

    /** Every {@code Wait} returns {@code hresult} at once without waiting (Wait's own failure, e.g. E_ACCESSDENIED). */
    public AsyncPlan waitFails(VssHresult hresult) {
        waitFailure = failure(hresult.code());
        return this;
    }

    /** Every {@code QueryStatus} returns {@code hresult} and leaves {@code *pHrResult} alone. */
    public AsyncPlan queryStatusFails(VssHresult hresult) {
        queryStatusFailure = failure(hresult.code());
        return this;
    }

    /** Every {@code Cancel} returns {@code hresult} and cancels nothing. */
    public AsyncPlan cancelFails(VssHresult hresult) {
        cancelFailure = failure(hresult.code());
        return this;
    }

    /** What a {@code Wait} with a finite time returns when the time runs out and the operation still runs (S_OK). */
    public AsyncPlan waitTimeoutResult(int hresult) {
        waitTimeoutResult = hresult;
        return this;
    }

    /**
     * A {@code Wait} with a finite time, on an operation that still runs, returns at once (with the
     * {@link #waitTimeoutResult(int) timeout result}) instead of after its time: no test waits in real time.
     */
    public AsyncPlan waitReturnsEarly() {
        waitReturnsEarly = true;
        return this;
    }

    /**
     * {@code Cancel} returns S_OK, but the operation goes on to its natural end (opening no gate), as one stuck
     * where VSS cannot stop it; the test ends it by opening its gate.
     */
    public AsyncPlan ignoresCancel() {
        ignoresCancel = true;
        return this;
    }

    /** 0, or the failure the operation ends with. */
    public int operationFailure() {
        return operationFailure;
    }

    /** 0, or the failure every Wait returns. */
    public int waitFailure() {
        return waitFailure;
    }

    /** 0, or the failure every QueryStatus returns. */
    public int queryStatusFailure() {
        return queryStatusFailure;
    }

    /** 0, or the failure every Cancel returns. */
    public int cancelFailure() {
        return cancelFailure;
    }

    public int waitTimeoutResult() {
        return waitTimeoutResult;
    }

    public boolean isWaitReturningEarly() {
        return waitReturnsEarly;
    }

    public boolean isIgnoringCancel() {
        return ignoresCancel;
    }

    private static int failure(int hresult) {
        if (hresult >= 0) {
            throw new IllegalArgumentException("not a failure HRESULT: " + VssHresult.describe(hresult));
        }
        return hresult;
    }
}
