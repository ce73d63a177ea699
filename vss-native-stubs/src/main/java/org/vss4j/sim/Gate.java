package org.vss4j.sim;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-shot barrier a test controls: the simulator blocks on it (a delayed asynchronous operation, a hanging writer)
 * until the test {@link #open() opens} it, the operation is cancelled, or an optional duration passes. The test can
 * wait until the simulator actually reached it ({@link #awaitReached}) — synchronisation without sleeps.
 */
public final class Gate {

    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch reached = new CountDownLatch(1);
    private final Duration autoOpenAfter;

    Gate(Duration autoOpenAfter) {
        this.autoOpenAfter = autoOpenAfter;
    }

    /**
     * A gate that stays shut until {@link #open()}.
     *
     * @return a new closed gate
     */
    public static Gate closed() {
        return new Gate(null);
    }

    /**
     * A gate that opens by itself {@code after} the simulator reached it.
     *
     * @param after how long the gate stays shut once reached
     * @return a new closed gate
     */
    public static Gate opensAfter(Duration after) {
        return new Gate(after);
    }

    /** Lets the blocked simulator go on. */
    public void open() {
        opened.countDown();
    }

    /**
     * Whether {@link #open()} was called (or the gate opened itself).
     *
     * @return true if the gate is open
     */
    public boolean isOpen() {
        return opened.getCount() == 0;
    }

    /**
     * Waits until the simulator is blocked at this gate; false if {@code timeout} passed first.
     *
     * @param timeout how long to wait at most
     * @return true if the simulator reached the gate in time
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitReached(Duration timeout) throws InterruptedException {
        return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Whether the simulator reached the gate.
     *
     * @return true if a simulator thread reached the gate
     */
    public boolean wasReached() {
        return reached.getCount() == 0;
    }

    /**
     * Used by the simulator's threads: marks the gate reached and blocks until it opens.
     *
     * @throws InterruptedException if the blocked thread is interrupted
     */
    public void pass() throws InterruptedException {
        reached.countDown();
        if (autoOpenAfter == null) {
            opened.await();
        } else if (!opened.await(autoOpenAfter.toMillis(), TimeUnit.MILLISECONDS)) {
            opened.countDown();
        }
    }
}
