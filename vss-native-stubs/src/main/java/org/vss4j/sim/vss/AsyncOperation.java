package org.vss4j.sim.vss;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.VssHresult;
import org.vss4j.abi.ComMethod;
import org.vss4j.sim.Gate;
import org.vss4j.sim.SimulatedMachine;

/**
 * An asynchronous VSS operation running on a simulator thread, as {@code IVssAsync} reports it: its status is
 * {@code VSS_S_ASYNC_PENDING} while it runs, then {@code VSS_S_ASYNC_FINISHED}, {@code VSS_S_ASYNC_CANCELLED} or the
 * operation's failure HRESULT (Microsoft docs, "IVssAsync::QueryStatus").
 */
public final class AsyncOperation {

    /** The work of an operation: returns S_OK, {@code VSS_S_ASYNC_CANCELLED} when it stopped on cancel, or a failure. */
    @FunctionalInterface
    public interface Work {
        int run(AsyncOperation op) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(AsyncOperation.class);

    private final ComMethod origin;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile int status = VssHresult.VSS_S_ASYNC_PENDING.code();
    private volatile boolean cancelRequested;
    private volatile Gate blocking;

    private AsyncOperation(ComMethod origin) {
        this.origin = origin;
    }

    /** Starts {@code work} on a simulator thread, after the machine's delay gate for {@code origin} if one is set. */
    public static AsyncOperation start(SimulatedMachine machine, ComMethod origin, Work work) {
        AsyncOperation op = new AsyncOperation(origin);
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
            result = cancelRequested ? VssHresult.VSS_S_ASYNC_CANCELLED.code() : work.run(this);
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

    /** Blocks the operation at {@code gate}; a cancel opens the gate. */
    public void block(Gate gate) throws InterruptedException {
        blocking = gate;
        if (cancelRequested) {
            gate.open();
        }
        gate.pass();
        blocking = null;
    }

    /** Whether {@code IVssAsync::Cancel} was called. */
    public boolean isCancelRequested() {
        return cancelRequested;
    }

    /**
     * {@code IVssAsync::Cancel}: S_OK when the operation will stop, {@code VSS_S_ASYNC_FINISHED} when it already
     * ended, {@code VSS_S_ASYNC_CANCELLED} when it was already cancelled (Microsoft IVssAsync::Cancel docs).
     */
    public synchronized int cancel() {
        if (status == VssHresult.VSS_S_ASYNC_CANCELLED.code() || (cancelRequested && isDone())) {
            return VssHresult.VSS_S_ASYNC_CANCELLED.code();
        }
        if (isDone()) {
            return VssHresult.VSS_S_ASYNC_FINISHED.code();
        }
        cancelRequested = true;
        Gate g = blocking;
        if (g != null) {
            g.open();
        }
        return VssHresult.S_OK.code();
    }

    /** {@code IVssAsync::Wait}: {@code 0xFFFFFFFF} (INFINITE) waits without limit; the DWORD is unsigned. */
    public void await(int milliseconds) throws InterruptedException {
        if (milliseconds == -1) {
            done.await();
        } else {
            done.await(Integer.toUnsignedLong(milliseconds), TimeUnit.MILLISECONDS);
        }
    }

    /** The {@code *pHrResult} of QueryStatus. */
    public int status() {
        return status;
    }

    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** Whether it ended with VSS_S_ASYNC_FINISHED. */
    public boolean succeeded() {
        return status == VssHresult.VSS_S_ASYNC_FINISHED.code();
    }

    public ComMethod origin() {
        return origin;
    }
}
