package org.vss4j.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/** The standalone retry (the {@code vss} command's): its overall budget counts from the first in-progress failure. */
class InProgressRetryTest {

    /** A clock that moves only when told or slept on. */
    private static final class ManualClock implements SessionClock {

        long nanos;
        final List<Duration> slept = new ArrayList<>();

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public Instant now() {
            return Instant.EPOCH.plusNanos(nanos);
        }

        @Override
        public void sleep(Duration duration) {
            slept.add(duration);
            nanos += duration.toNanos();
        }
    }

    private static VssException inProgress() {
        return new VssException(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS.code(), "DoSnapshotSet", "in progress");
    }

    @Test
    void timeSpentBeforeTheFirstFailureDoesNotCountAgainstTheBudget() {
        ManualClock clock = new ManualClock();
        InProgressRetry retry = InProgressRetry.standalone(clock, Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofSeconds(30), e -> { });
        InProgressRetry.Backoff backoff = retry.backoff();
        // The run's own steps (GatherWriterMetadata, PrepareForBackup) take longer than the whole budget.
        clock.nanos += Duration.ofMinutes(2).toNanos();

        backoff.await(BackupPhase.DO_SNAPSHOT_SET, "DoSnapshotSet", inProgress());
        backoff.await(BackupPhase.DO_SNAPSHOT_SET, "DoSnapshotSet", inProgress());
        backoff.await(BackupPhase.DO_SNAPSHOT_SET, "DoSnapshotSet", inProgress());

        assertThat(clock.slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        // 7 s of the 10 s are spent: the next wait (8 s) does not fit.
        assertThatThrownBy(() -> backoff.await(BackupPhase.DO_SNAPSHOT_SET, "DoSnapshotSet", inProgress()))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("after 4 attempt(s) within the overall timeout PT10S");
    }
}
