package org.vss4j.sim.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.vss4j.session.SessionClock;

/**
 * A session clock that moves only when the test says: by a fixed step at every reading once a condition holds (a gate
 * was reached), and by the exact duration of every requested sleep, which never really sleeps. Advancing per reading
 * (not a one-time jump) keeps timeouts deterministic whichever thread reaches the gate first.
 */
final class TestClock implements SessionClock {

    private long offsetNanos;
    private BooleanSupplier advanceWhen = () -> false;
    private Duration step = Duration.ZERO;
    private Runnable onSleep = () -> {
    };
    private BooleanSupplier onceCondition = () -> false;
    private Runnable onceAction = () -> {
    };
    private boolean onceDone;
    final List<Duration> sleeps = new ArrayList<>();

    /** While {@code condition} holds, every reading is {@code stepPerReading} later than the one before. */
    TestClock advanceWhen(BooleanSupplier condition, Duration stepPerReading) {
        this.advanceWhen = condition;
        this.step = stepPerReading;
        return this;
    }

    /** Runs {@code action} at every sleep. */
    TestClock onSleep(Runnable action) {
        this.onSleep = action;
        return this;
    }

    /**
     * At the first reading at which {@code condition} holds, runs {@code action} on the thread reading the clock (the
     * session's, while it waits for an operation), before the reading is taken.
     */
    TestClock onceWhen(BooleanSupplier condition, Runnable action) {
        this.onceCondition = condition;
        this.onceAction = action;
        return this;
    }

    @Override
    public synchronized long nanoTime() {
        if (!onceDone && onceCondition.getAsBoolean()) {
            onceDone = true;
            onceAction.run();
        }
        if (advanceWhen.getAsBoolean()) {
            offsetNanos += step.toNanos();
        }
        return offsetNanos;
    }

    /** The time read so far, without a reading (no advance). */
    synchronized Duration elapsed() {
        return Duration.ofNanos(offsetNanos);
    }

    @Override
    public synchronized Instant now() {
        return Instant.parse("2024-01-01T00:00:00Z").plusNanos(offsetNanos);
    }

    @Override
    public void sleep(Duration duration) {
        synchronized (this) {
            sleeps.add(duration);
            offsetNanos += duration.toNanos();
        }
        onSleep.run();
    }
}
