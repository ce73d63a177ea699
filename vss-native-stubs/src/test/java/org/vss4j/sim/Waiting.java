package org.vss4j.sim;

/** Thread helpers for race tests: start a daemon thread, and wait for one to block without sleeping. */
public final class Waiting {

    private Waiting() {
    }

    /** Starts {@code r} on a daemon thread. */
    public static Thread start(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Spins until {@code t} waits (on a monitor or a park) or has ended: no sleep, no guessed duration. */
    public static void awaitWaitingOrEnded(Thread t) {
        while (true) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.TERMINATED) {
                return;
            }
            Thread.onSpinWait();
        }
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
