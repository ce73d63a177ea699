package org.vss4j.sim.vss;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.VssHresult;
import org.vss4j.abi.ComMethod;
import org.vss4j.sim.AsyncPlan;
import org.vss4j.sim.Gate;
import org.vss4j.sim.SimulatedMachine;

/**
 * An asynchronous VSS operation running on a simulator thread, as {@code IVssAsync} reports it: its status is
 * {@code VSS_S_ASYNC_PENDING} while it runs, then {@code VSS_S_ASYNC_FINISHED}, {@code VSS_S_ASYNC_CANCELLED} or the
 * operation's failure HRESULT (Microsoft docs, "IVssAsync::QueryStatus"). What {@code Wait}, {@code QueryStatus} and
 * {@code Cancel} return follows their Microsoft pages and the machine's {@link AsyncPlan} for the origin
 * (docs/async.md).
 */
public final class AsyncOperation {

    /** The work of an operation: returns S_OK, {@code VSS_S_ASYNC_CANCELLED} when it stopped on cancel, or a failure. */
    @FunctionalInterface
    public interface Work {
        /**
         * Does the operation's work on a simulator thread.
         *
         * @param op the operation, to check for a cancel and to block at gates
         * @return S_OK, {@code VSS_S_ASYNC_CANCELLED} or the failure HRESULT
         * @throws InterruptedException if the thread is interrupted while it waits
         */
        int run(AsyncOperation op) throws InterruptedException;
    }

    /** {@code INFINITE} (winbase.h) as the DWORD of {@code Wait}. */
    private static final int INFINITE = -1;
    private static final Logger LOG = LoggerFactory.getLogger(AsyncOperation.class);

    private final ComMethod origin;
    private final AsyncPlan plan;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile int status = VssHresult.VSS_S_ASYNC_PENDING.code();
    private volatile boolean cancelRequested;
    private volatile Gate blocking;

    private AsyncOperation(ComMethod origin, AsyncPlan plan) {
        this.origin = origin;
        this.plan = plan;
    }

    /**
     * Starts {@code work} on a simulator thread, after the machine's delay gate for {@code origin} if one is set.
     *
     * @param machine the machine the work runs on
     * @param origin the method that starts the operation, whose plan and delay gate apply
     * @param work the operation's work
     * @return the running operation
     */
    public static AsyncOperation start(SimulatedMachine machine, ComMethod origin, Work work) {
        // The origin's own plan, made now if there is none yet, so that a plan set up while the operation runs still
        // applies to it.
        AsyncOperation op = new AsyncOperation(origin, machine.faults().async(origin));
        machine.runAsync(() -> op.run(machine, work));
        return op;
    }

    private void run(SimulatedMachine machine, Work work) {
        int result;
        try {
            Gate delay = machine.faults().delayOf(origin);
            if (delay != null) {
                block(delay);
            }
            if (cancelRequested) {
                result = VssHresult.VSS_S_ASYNC_CANCELLED.code();
            } else if (plan.operationFailure() != 0) {
                result = plan.operationFailure();
            } else {
                result = work.run(this);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = VssHresult.VSS_E_UNEXPECTED.code();
        } catch (RuntimeException e) {
            LOG.error("simulated {} failed", origin.qualifiedName(), e);
            machine.ledger().error(origin.qualifiedName() + " (asynchronous part) threw " + e);
            result = VssHresult.VSS_E_UNEXPECTED.code();
        }
        finish(result);
    }

    private synchronized void finish(int result) {
        if (result == VssHresult.VSS_S_ASYNC_CANCELLED.code() || result < 0) {
            status = result;
        } else {
            status = VssHresult.VSS_S_ASYNC_FINISHED.code();
        }
        done.countDown();
    }

    /**
     * Blocks the operation at {@code gate}; a cancel opens the gate.
     *
     * @param gate the gate
     * @throws InterruptedException if the operation's thread is interrupted while it waits
     */
    public void block(Gate gate) throws InterruptedException {
        blocking = gate;
        if (cancelRequested) {
            gate.open();
        }
        gate.pass();
        blocking = null;
    }

    /**
     * Whether {@code IVssAsync::Cancel} was called and accepted (not when the plan ignores it).
     *
     * @return true if a cancel was accepted
     */
    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /**
     * {@code IVssAsync::Cancel} (Microsoft docs, "IVssAsync::Cancel"): {@code VSS_S_ASYNC_CANCELLED} when the operation
     * had been cancelled, the operation's error when it had failed, {@code VSS_S_ASYNC_FINISHED} when it had completed,
     * otherwise S_OK and the operation stops at its next step (an open gate lets it go on at once). A second Cancel
     * before the operation stopped returns S_OK again (the simulator's choice; Microsoft documents no code for it).
     *
     * @return the HRESULT Cancel returns
     */
    public synchronized int cancel() {
        if (plan.cancelFailure() != 0) {
            return plan.cancelFailure();
        }
        if (isDone()) {
            return status < 0 || status == VssHresult.VSS_S_ASYNC_CANCELLED.code() ? status
                    : VssHresult.VSS_S_ASYNC_FINISHED.code();
        }
        if (plan.isIgnoringCancel()) {
            return VssHresult.S_OK.code();
        }
        cancelRequested = true;
        Gate g = blocking;
        if (g != null) {
            g.open();
        }
        return VssHresult.S_OK.code();
    }

    /**
     * {@code IVssAsync::Wait(dwMilliseconds)} (Microsoft docs, "IVssAsync::Wait"): once the operation ended, S_OK, or
     * the error it failed with; when a finite time runs out first, the plan's timeout result (S_OK unless a test sets
     * one: Microsoft does not document it). {@code 0xFFFFFFFF} (INFINITE) waits without limit; the DWORD is unsigned.
     * The caller's Java interrupt status does not end the wait, as it cannot end a native one on Windows.
     *
     * @param milliseconds the DWORD timeout, {@code 0xFFFFFFFF} for INFINITE
     * @return the HRESULT Wait returns
     */
    public int waitFor(int milliseconds) {
        if (plan.waitFailure() != 0) {
            return plan.waitFailure();
        }
        boolean ended;
        if (milliseconds == INFINITE) {
            ended = awaitDone(-1);
        } else if (plan.isWaitReturningEarly()) {
            ended = isDone();
        } else {
            ended = awaitDone(TimeUnit.MILLISECONDS.toNanos(Integer.toUnsignedLong(milliseconds)));
        }
        if (!ended) {
            return plan.waitTimeoutResult();
        }
        int s = status;
        return s < 0 ? s : VssHresult.S_OK.code();
    }

    /** Waits for the end, {@code nanos} at most (negative: without limit), whatever interrupts the calling thread. */
    private boolean awaitDone(long nanos) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + nanos;
        try {
            while (true) {
                try {
                    if (nanos < 0) {
                        done.await();
                        return true;
                    }
                    return done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The {@code *pHrResult} of QueryStatus.
     *
     * @return {@code VSS_S_ASYNC_PENDING} while the operation runs, then how it ended
     */
    public int status() {
        return status;
    }

    /**
     * The plan of this operation's origin.
     *
     * @return the plan, shared by every operation of the origin
     */
    public AsyncPlan plan() {
        return plan;
    }

    /**
     * Whether the operation ended (finished, cancelled or failed).
     *
     * @return true once it ended
     */
    public boolean isDone() {
        // By the status, as QueryStatus reads it: the latch opens just after the status is written, so a caller that
        // saw VSS_S_ASYNC_FINISHED through QueryStatus and went on to the next call must not find the operation still
        // running (GatherWriterStatus right after DoSnapshotSet failed VSS_E_BAD_STATE in that window).
        return status != VssHresult.VSS_S_ASYNC_PENDING.code();
    }

    /**
     * Whether it ended with VSS_S_ASYNC_FINISHED.
     *
     * @return true if it finished
     */
    public boolean succeeded() {
        return status == VssHresult.VSS_S_ASYNC_FINISHED.code();
    }

    /**
     * The method that started the operation, e.g. {@code IVssBackupComponents::DoSnapshotSet}.
     *
     * @return the method
     */
    public ComMethod origin() {
        return origin;
    }
}
