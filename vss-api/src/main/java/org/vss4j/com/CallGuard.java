package org.vss4j.com;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps a native object alive while calls on it are in flight, and refuses calls once it is being closed: the
 * close/call guard of {@link ComObject} (every COM call) and of the Java writers (every event VSS delivers).
 *
 * <p>One {@link AtomicInteger}: the sign bit is "shut", the other bits count the calls in flight. A call costs one
 * {@code incrementAndGet} and one {@code decrementAndGet} on that word and takes no lock; only the closer waits on a
 * monitor, and a call that ends while a closer waits notifies it. Order of a close: {@link #shut()} (from here on
 * {@link #enter()} answers false), then {@link #awaitIdle(Duration)} (the calls that entered before the shut end),
 * then the owner releases the native object, which no call can then be using.
 */
public final class CallGuard {

    private static final int SHUT = Integer.MIN_VALUE;
    private static final int COUNT = Integer.MAX_VALUE;

    private final AtomicInteger state = new AtomicInteger();

    /** Begins a call: true if it may run (then {@link #exit()} must follow), false once {@link #shut()}. */
    public boolean enter() {
        if (state.incrementAndGet() < 0) {
            exit();
            return false;
        }
        return true;
    }

    /** Ends a call that {@link #enter()} admitted (or undoes a refused one); wakes a waiting closer at zero. */
    public void exit() {
        if (state.decrementAndGet() == SHUT) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Refuses every later call; true for the call that shut it, false if it was already shut. */
    public boolean shut() {
        return (state.getAndUpdate(s -> s | SHUT) & SHUT) == 0;
    }

    /** Whether {@link #shut()} was called. */
    public boolean isShut() {
        return state.get() < 0;
    }

    /** Calls in flight now. */
    public int inFlight() {
        return state.get() & COUNT;
    }

    /**
     * After {@link #shut()}: waits until no call is in flight, at most {@code timeout}; true if none is. The wait is
     * not cut short by an interrupt (releasing under a running call is what this guard exists to prevent); the
     * interrupt status is kept for the caller.
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        synchronized (this) {
            try {
                while (inFlight() != 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                return true;
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
