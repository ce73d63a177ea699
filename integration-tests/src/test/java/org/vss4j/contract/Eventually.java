package org.vss4j.contract;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits, with a deadline, for something the VSS service does on its own time: a shadow copy deleted when its requester
 * released it, or after {@code DeleteSnapshots}, disappears from {@code Query} and {@code GetSnapshotProperties} when
 * the service is done, not necessarily when the call returned. The condition is checked at once, then after pauses that
 * double from {@link #FIRST_PAUSE} up to {@link #LONGEST_PAUSE}, until it holds or the deadline passes: a bounded wait
 * for an outcome, never a sleep standing in for synchronisation (the first check needs no pause at all).
 */
final class Eventually {

    static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    static final Duration LONGEST_PAUSE = Duration.ofMillis(500);

    /** The time source and the pause: the system's, or a test's own. */
    interface Clock {
        long nanoTime();

        void pause(Duration d) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void pause(Duration d) throws InterruptedException {
                Thread.sleep(d.toMillis());
            }
        };
    }

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} if it still does not after {@code deadline}. */
    static void until(String what, Duration deadline, BooleanSupplier condition) {
        until(what, deadline, condition, Clock.SYSTEM);
    }

    static void until(String what, Duration deadline, BooleanSupplier condition, Clock clock) {
        long end = clock.nanoTime() + deadline.toNanos();
        Duration pause = FIRST_PAUSE;
        int checks = 0;
        while (true) {
            checks++;
            if (condition.getAsBoolean()) {
                return;
            }
            long left = end - clock.nanoTime();
            if (left <= 0) {
                throw new AssertionError("still not " + what + " after " + deadline + " (" + checks + " checks)");
            }
            try {
                clock.pause(Duration.ofNanos(Math.min(pause.toNanos(), left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }
}
