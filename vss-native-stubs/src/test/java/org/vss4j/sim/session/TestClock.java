package org.vss4j.sim.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.vss4j.session.SessionClock;

/**
 * A session clock that moves only when the test says: a fixed jump once a condition holds (a gate was reached) and
 * the exact duration of every requested sleep, which never really sleeps.
 */
final class TestClock implements SessionClock {

    private long offsetNanos;
    private BooleanSupplier jumpWhen = () -> false;
    private Duration jump = Duration.ZERO;
    private Runnable onSleep = () -> {
    };
    final List<Duration> sleeps = new ArrayList<>();

    /** Once {@code condition} holds, time reads {@code by} later than it would. */
    TestClock jumpWhen(BooleanSupplier condition, Duration by) {
        this.jumpWhen = condition;
        this.jump = by;
        return this;
    }

    /** Runs {@code action} at every sleep. */
    TestClock onSleep(Runnable action) {
        this.onSleep = action;
        return this;
    }

    @Override
    public long nanoTime() {
        return offsetNanos + (jumpWhen.getAsBoolean() ? jump.toNanos() : 0);
    }

    @Override
    public Instant now() {
        return Instant.parse("2024-01-01T00:00:00Z").plusNanos(nanoTime());
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        offsetNanos += duration.toNanos();
        onSleep.run();
    }
}
