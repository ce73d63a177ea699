package org.vss4j.session;

import java.time.Duration;
import org.vss4j.AsyncCompletion;
import org.vss4j.AsyncIncompleteException;
import org.vss4j.VssAsync;
import org.vss4j.VssException;

/**
 * Waits for an asynchronous VSS operation within the phase timeout and the session's overall budget, by the session's
 * clock, in slices of the poll interval ({@link AsyncCompletion}: QueryStatus decides; an operation left unfinished is
 * cancelled and given the cancel grace). After every slice that left it pending the listener hears
 * {@link BackupEvent.OperationPending}. The handle is released exactly once, whatever the outcome; a failure becomes a
 * {@link BackupException} naming the phase, the operation and the HRESULT.
 */
final class AsyncWaiter {

    private final SessionClock clock;
    private final SessionBudget budget;
    private final SessionEvents events;
    private final AsyncCompletion completion;
    /**
     * The part of the overall budget kept for the cancel grace: a wait gives up this long before the budget ends, so
     * that even an operation that ignores {@code Cancel} is released within the overall timeout.
     */
    private final Duration graceReserve;
    /** The caller's stop ({@link BackupSessionBuilder#stopWhen}): a wait it ends is cancelled at the next slice. */
    private final java.util.function.BooleanSupplier stop;

    AsyncWaiter(SessionClock clock, SessionBudget budget, SessionEvents events, Duration slice, Duration cancelGrace) {
        this(clock, budget, events, slice, cancelGrace, () -> false);
    }

    AsyncWaiter(SessionClock clock, SessionBudget budget, SessionEvents events, Duration slice, Duration cancelGrace,
            java.util.function.BooleanSupplier stop) {
        this.stop = stop;
        this.clock = clock;
        this.budget = budget;
        this.events = events;
        this.completion = new AsyncCompletion(clock::nanoTime, slice, cancelGrace);
        Duration half = budget.total().dividedBy(2);
        this.graceReserve = cancelGrace.compareTo(half) <= 0 ? cancelGrace : half;
    }

    /** Whether the budget still has room for a wait and its cancel grace. */
    boolean hasRoomForAWait() {
        return budget.remaining().compareTo(graceReserve) > 0;
    }

    /** Waits until {@code op} finished; its handle is closed afterwards. */
    void await(VssAsync op, BackupPhase phase, Duration phaseTimeout) {
        String operation = op.origin().qualifiedName();
        try {
            completion.awaitFinished(op, new PhaseDeadline(clock.nanoTime(), phaseTimeout),
                    elapsed -> events.emit(new BackupEvent.OperationPending(phase, operation, elapsed)));
        } catch (AsyncIncompleteException e) {
            if (e.reason() == AsyncIncompleteException.Reason.TIMED_OUT && stop.getAsBoolean()) {
                throw BackupException.of(phase, org.vss4j.VssHresult.E_ABORT.code(), operation + " was cancelled "
                        + "(IVssAsync::Cancel): the caller asked the session to stop", e);
            }
            if (e.reason() == AsyncIncompleteException.Reason.TIMED_OUT) {
                throw BackupException.timeout(phase, operation + " " + e.detail(), e);
            }
            throw BackupException.of(phase, e.hresult(), e.getMessage(), e);
        } catch (BackupException e) {
            throw e;
        } catch (VssException e) {
            throw BackupException.of(phase, e.hresult(), e.getMessage(), e);
        } finally {
            op.close();
        }
    }

    /**
     * The sooner of the phase timeout and the end of the overall budget less the grace reserve; the grace after a
     * cancel is what is left of the budget, at most the configured grace (Microsoft docs, "IVssAsync::Cancel" says
     * nothing of how soon an operation stops: the session bounds it).
     */
    private final class PhaseDeadline implements AsyncCompletion.Deadline {

        private final long start;
        private final Duration phaseTimeout;

        PhaseDeadline(long start, Duration phaseTimeout) {
            this.start = start;
            this.phaseTimeout = phaseTimeout;
        }

        @Override
        public Duration remaining() {
            if (stop.getAsBoolean()) {
                // Gives up at once: AsyncCompletion then cancels the operation and gives it the grace.
                return Duration.ZERO;
            }
            Duration phaseLeft = phaseTimeout.minusNanos(clock.nanoTime() - start);
            Duration overallLeft = budget.remaining().minus(graceReserve);
            return phaseLeft.compareTo(overallLeft) <= 0 ? phaseLeft : overallLeft;
        }

        @Override
        public String describe() {
            Duration overallLeft = budget.remaining().minus(graceReserve);
            return overallLeft.isNegative() || overallLeft.isZero() ? "the overall timeout " + budget.total()
                    + " (less " + graceReserve + " kept for the cancel grace)" : "the phase timeout " + phaseTimeout;
        }

        @Override
        public Duration cancelGrace(Duration configured) {
            Duration overallLeft = budget.remaining();
            return configured.compareTo(overallLeft) <= 0 ? configured : overallLeft;
        }
    }
}
