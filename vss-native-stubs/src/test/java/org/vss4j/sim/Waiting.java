package org.vss4j.sim;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Thread helpers for race tests: start a daemon thread, and wait for a condition without sleeping. Every wait has a
 * deadline and ends on an interrupt (JUnit's timeouts interrupt the test thread), so a wrong state fails the test
 * instead of hanging the build.
 */
public final class Waiting {

    /** How long a wait for a state that the test itself brings about may take on a loaded machine. */
    public static final Duration DEADLINE = Duration.ofSeconds(60);

    private Waiting() {
    }

    /** Starts {@code r} on a daemon thread. */
    public static Thread start(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Spins (yielding the core) until {@code condition} holds, at most {@link #DEADLINE}: no sleep, no guessed
     * duration. An {@link AssertionError} naming {@code what} on the deadline or an interrupt.
     */
    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupted while waiting until " + what);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not " + what + " within " + DEADLINE.toSeconds() + " s");
            }
            Thread.yield();
        }
    }

    /** {@link #until} {@code t} waits (on a monitor or a park) or has ended. */
    public static void awaitWaitingOrEnded(Thread t) {
        until(t.getName() + " waiting or ended", () -> {
            Thread.State s = t.getState();
            return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.TERMINATED;
        });
    }

    /** {@link Gate#pass()} for a callback that cannot throw InterruptedException. */
    public static void pass(Gate g) {
        try {
            g.pass();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
