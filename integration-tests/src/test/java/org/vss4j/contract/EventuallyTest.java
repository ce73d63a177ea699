package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The deadline poll, on a clock of the test's own: no real time passes. */
class EventuallyTest {

    /** Time moves only when the poll pauses; the pauses are recorded. */
    private static final class FakeClock implements Eventually.Clock {
        long now;
        final List<Duration> pauses = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void pause(Duration d) {
            pauses.add(d);
            now += d.toNanos();
        }
    }

    @Test
    void aConditionThatHoldsAtOnceIsCheckedOnceWithoutAPause() {
        FakeClock clock = new FakeClock();
        Eventually.until("true", Duration.ofSeconds(1), () -> true, clock);
        assertThat(clock.pauses).isEmpty();
    }

    @Test
    void theConditionIsCheckedAgainAfterPausesThatDoubleUpToTheLongest() {
        FakeClock clock = new FakeClock();
        AtomicInteger checks = new AtomicInteger();
        Eventually.until("the 8th check", Duration.ofMinutes(1), () -> checks.incrementAndGet() == 8, clock);
        assertThat(checks).hasValue(8);
        assertThat(clock.pauses).containsExactly(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80),
                Duration.ofMillis(160), Duration.ofMillis(320), Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void aConditionThatNeverHoldsFailsAtTheDeadlineNamingWhatItWaitedFor() {
        FakeClock clock = new FakeClock();
        assertThatThrownBy(() -> Eventually.until("gone: shadow copy X", Duration.ofSeconds(2), () -> false, clock))
                .isInstanceOf(AssertionError.class).hasMessageContaining("still not gone: shadow copy X after PT2S");
        // It never waits past the deadline: the last pause ends exactly there.
        assertThat(clock.now).isEqualTo(Duration.ofSeconds(2).toNanos());
    }
}
