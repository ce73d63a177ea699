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

    /**
     * The operation ends with {@code hresult} (a failure) instead of doing its work, after its delay gate if any.
     *
     * @param hresult the failure
     * @return this plan
     */
    public AsyncPlan failWith(VssHresult hresult) {
        return failWith(hresult.code());
    }

    /**
     * As {@link #failWith(VssHresult)} with a raw HRESULT.
     *
     * @param hresult the failure HRESULT
     * @return this plan
     */
    public AsyncPlan failWith(int hresult) {
        operationFailure = failure(hresult);
        return this;
    }

    /**
     * Every {@code Wait} returns {@code hresult} at once without waiting (Wait's own failure, e.g. E_ACCESSDENIED).
     *
     * @param hresult what Wait returns
     * @return this plan
     */
    public AsyncPlan waitFails(VssHresult hresult) {
        waitFailure = failure(hresult.code());
        return this;
    }

    /**
     * Every {@code QueryStatus} returns {@code hresult} and leaves {@code *pHrResult} alone.
     *
     * @param hresult what QueryStatus returns
     * @return this plan
     */
    public AsyncPlan queryStatusFails(VssHresult hresult) {
        queryStatusFailure = failure(hresult.code());
        return this;
    }

    /**
     * Every {@code Cancel} returns {@code hresult} and cancels nothing.
     *
     * @param hresult what Cancel returns
     * @return this plan
     */
    public AsyncPlan cancelFails(VssHresult hresult) {
        cancelFailure = failure(hresult.code());
        return this;
    }

    /**
     * What a {@code Wait} with a finite time returns when the time runs out and the operation still runs (S_OK).
     *
     * @param hresult what such a Wait returns
     * @return this plan
     */
    public AsyncPlan waitTimeoutResult(int hresult) {
        waitTimeoutResult = hresult;
        return this;
    }

    /**
     * A {@code Wait} with a finite time, on an operation that still runs, returns at once (with the
     * {@link #waitTimeoutResult(int) timeout result}) instead of after its time: no test waits in real time.
     *
     * @return this plan
     */
    public AsyncPlan waitReturnsEarly() {
        waitReturnsEarly = true;
        return this;
    }

    /**
     * {@code Cancel} returns S_OK, but the operation goes on to its natural end (opening no gate), as one stuck
     * where VSS cannot stop it; the test ends it by opening its gate.
     *
     * @return this plan
     */
    public AsyncPlan ignoresCancel() {
        ignoresCancel = true;
        return this;
    }

    /**
     * 0, or the failure the operation ends with.
     *
     * @return the HRESULT, or 0 if the operation does its work
     */
    public int operationFailure() {
        return operationFailure;
    }

    /**
     * 0, or the failure every Wait returns.
     *
     * @return the HRESULT, or 0 if Wait waits
     */
    public int waitFailure() {
        return waitFailure;
    }

    /**
     * 0, or the failure every QueryStatus returns.
     *
     * @return the HRESULT, or 0 if QueryStatus reports the operation's status
     */
    public int queryStatusFailure() {
        return queryStatusFailure;
    }

    /**
     * 0, or the failure every Cancel returns.
     *
     * @return the HRESULT, or 0 if Cancel cancels
     */
    public int cancelFailure() {
        return cancelFailure;
    }

    /**
     * What a {@code Wait} with a finite time returns when the time runs out (see {@link #waitTimeoutResult(int)}).
     *
     * @return the HRESULT, S_OK unless set
     */
    public int waitTimeoutResult() {
        return waitTimeoutResult;
    }

    /**
     * Whether a {@code Wait} with a finite time returns at once (see {@link #waitReturnsEarly()}).
     *
     * @return true if it does
     */
    public boolean isWaitReturningEarly() {
        return waitReturnsEarly;
    }

    /**
     * Whether {@code Cancel} leaves the operation running (see {@link #ignoresCancel()}).
     *
     * @return true if it does
     */
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
