package org.vss4j.session;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as a backup session sees it: a monotonic reading for timeouts, the wall clock for the record, and the sleep
 * between retries. Replace it in tests so that timeouts and backoffs need no real waiting.
 */
public interface SessionClock {

    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** The wall-clock time (recorded as the time of the backup). */
    Instant now();

    /** Waits {@code duration} before a retry. */
    void sleep(Duration duration) throws InterruptedException;

    /** The system's clocks and {@link Thread#sleep}. */
    static SessionClock system() {
        return new SessionClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis());
            }
        };
    }
}
