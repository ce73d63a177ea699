package org.vss4j.session;

import java.time.Duration;
import java.util.function.Supplier;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/**
 * Waits out {@code VSS_E_SNAPSHOT_SET_IN_PROGRESS} (another shadow copy set is being built or created on the machine;
 * Microsoft docs, "IVssBackupComponents::StartSnapshotSet": "Either wait to try again or return with a failure error
 * code") with exponential backoff on the session's clock, within the session's overall budget. Where the code arrives
 * and what is retried is in docs/simulator-in-progress.md: a failed StartSnapshotSet or AddToSnapshotSet is called
 * again; a DoSnapshotSet that collided is never called again, the session starts over ({@link Backoff}).
 *
 * <p>A requester that drives {@code IVssBackupComponents} itself (the {@code vss} command) waits the same way with
 * {@link #standalone}: one retry policy for every requester of vss4j.
 */
public final class InProgressRetry {

    private final SessionClock clock;
    private final SessionBudget budget;
    private final SessionEvents events;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    /** Standalone: the budget starts counting at the first in-progress failure, not before the run's own steps. */
    private final boolean budgetFromFirstFailure;

    InProgressRetry(SessionClock clock, SessionBudget budget, SessionEvents events, Duration firstBackoff,
            Duration maxBackoff) {
        this(clock, budget, events, firstBackoff, maxBackoff, false);
    }

    private InProgressRetry(SessionClock clock, SessionBudget budget, SessionEvents events, Duration firstBackoff,
            Duration maxBackoff, boolean budgetFromFirstFailure) {
        this.budgetFromFirstFailure = budgetFromFirstFailure;
        this.clock = clock;
        this.budget = budget;
        this.events = events;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * A retry outside a session: its overall budget {@code total} counts on {@code clock} from the first
     * {@code VSS_E_SNAPSHOT_SET_IN_PROGRESS} on (the requester's own steps before it, a long PrepareForBackup say, do
     * not spend it); each wait is announced to {@code listener} as a {@link BackupEvent.Retrying}, then slept on
     * {@code clock}.
     */
    public static InProgressRetry standalone(SessionClock clock, Duration total, Duration firstBackoff,
            Duration maxBackoff, BackupListener listener) {
        return new InProgressRetry(clock, new SessionBudget(clock, total), new SessionEvents(listener), firstBackoff,
                maxBackoff, true);
    }

    /** Whether {@code e} reports another shadow copy set in progress. */
    public static boolean isInProgress(VssException e) {
        return e.is(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS);
    }

    /** A fresh backoff sequence, for a caller that decides itself what to do again after each wait. */
    public Backoff backoff() {
        return new Backoff();
    }

    /** Calls {@code call} (named {@code callName} in events and errors) until it does not report a set in progress. */
    public <T> T call(BackupPhase phase, String callName, Supplier<T> call) {
        Backoff backoff = new Backoff();
        while (true) {
            try {
                return call.get();
            } catch (VssException e) {
                if (!isInProgress(e)) {
                    throw e;
                }
                backoff.await(phase, callName, e);
            }
        }
    }

    /**
     * {@code DoSnapshotSet} reported {@code VSS_E_SNAPSHOT_SET_IN_PROGRESS}, synchronously or as its result: the
     * requester is aborted and released, and the whole sequence runs again with a new one after a {@link Backoff}
     * (Microsoft docs, "IVssBackupComponents": an object "can be used for only a single backup").
     */
    public static final class SetCollision extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient VssException failure;

        public SetCollision(VssException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }

        /** The failure that reported the other set. */
        public VssException failure() {
            return failure;
        }
    }

    /** One sequence of waits: 1st, 2nd, ... backoff, doubling up to the maximum. */
    public final class Backoff {

        private Duration next = firstBackoff;
        private int attempt;

        /**
         * Waits before the next attempt after {@code failure} of {@code callName}.
         *
         * @throws BackupException naming the phase, the call and the HRESULT if the overall budget does not cover the
         *                         wait
         */
        public void await(BackupPhase phase, String callName, VssException failure) {
            attempt++;
            if (budgetFromFirstFailure) {
                budget.resume();
            }
            if (budget.remaining().compareTo(next) <= 0) {
                throw BackupException.of(phase, failure.hresult(), callName + ": another shadow copy set was still "
                        + "being built or created after " + attempt + " attempt(s) within the overall timeout "
                        + budget.total(), failure);
            }
            events.emit(new BackupEvent.Retrying(phase, callName, failure.hresult(), attempt, next));
            try {
                clock.sleep(next);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw BackupException.of(phase, VssHresult.E_ABORT.code(), callName
                        + ": interrupted while waiting to retry", interrupted);
            }
            next = next.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : next.multipliedBy(2);
        }
    }
}
