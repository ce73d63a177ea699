package org.vss4j.session;

import java.time.Duration;
import java.util.function.Supplier;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/**
 * Retries a call that failed with {@code VSS_E_SNAPSHOT_SET_IN_PROGRESS} (another shadow copy set is being created on
 * the machine; vsserror.h: "wait and retry") with exponential backoff, within the session's overall budget.
 */
final class InProgressRetry {

    private final SessionClock clock;
    private final SessionBudget budget;
    private final SessionEvents events;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    InProgressRetry(SessionClock clock, SessionBudget budget, SessionEvents events, Duration firstBackoff,
            Duration maxBackoff) {
        this.clock = clock;
        this.budget = budget;
        this.events = events;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    <T> T call(BackupPhase phase, Supplier<T> call) {
        Duration backoff = firstBackoff;
        for (int attempt = 1;; attempt++) {
            try {
                return call.get();
            } catch (VssException e) {
                if (!e.is(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS)) {
                    throw e;
                }
                if (budget.remaining().compareTo(backoff) <= 0) {
                    throw BackupException.of(phase, e.hresult(), "another shadow copy set was still being created "
                            + "after " + attempt + " attempt(s) within the overall timeout " + budget.total(), e);
                }
                events.emit(new BackupEvent.Retrying(phase, e.hresult(), attempt, backoff));
                try {
                    clock.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw BackupException.of(phase, VssHresult.E_ABORT.code(), "interrupted while waiting to retry",
                            interrupted);
                }
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }
}
