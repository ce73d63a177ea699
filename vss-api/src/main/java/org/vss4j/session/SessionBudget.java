package org.vss4j.session;

import java.time.Duration;

/**
 * The overall timeout of a session: time spent in the session's own VSS work ({@code start()} and
 * {@code complete()}), not the caller's copying in between.
 */
final class SessionBudget {

    private final SessionClock clock;
    private final Duration total;
    private long consumedNanos;
    private long runningSince = -1;

    SessionBudget(SessionClock clock, Duration total) {
        this.clock = clock;
        this.total = total;
    }

    void resume() {
        if (runningSince < 0) {
            runningSince = clock.nanoTime();
        }
    }

    void pause() {
        if (runningSince >= 0) {
            consumedNanos += clock.nanoTime() - runningSince;
            runningSince = -1;
        }
    }

    /** What is left; zero or negative when the budget is spent. */
    Duration remaining() {
        long used = consumedNanos + (runningSince >= 0 ? clock.nanoTime() - runningSince : 0);
        return total.minusNanos(used);
    }

    Duration total() {
        return total;
    }
}
