package org.vss4j.session;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.AsyncState;
import org.vss4j.VssAsync;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/**
 * Waits for an asynchronous VSS operation within the phase timeout and the session's overall budget, in slices of
 * {@code IVssAsync::Wait} so that the session's clock decides when time is up. A timeout cancels the operation
 * ({@code IVssAsync::Cancel}) and waits for it to acknowledge, so that no operation is left running when the session
 * aborts; the handle is released in every case.
 */
final class AsyncWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncWaiter.class);

    private final SessionClock clock;
    private final SessionBudget budget;
    private final Duration slice;
    private final Duration cancelGrace;

    AsyncWaiter(SessionClock clock, SessionBudget budget, Duration slice, Duration cancelGrace) {
        this.clock = clock;
        this.budget = budget;
        this.slice = slice;
        this.cancelGrace = cancelGrace;
    }

    /** Waits until {@code op} finished; its handle is closed afterwards. */
    void await(VssAsync op, BackupPhase phase, Duration phaseTimeout) {
        long start = clock.nanoTime();
        try {
            while (true) {
                Duration left = min(phaseTimeout.minusNanos(clock.nanoTime() - start), budget.remaining());
                if (left.isNegative() || left.isZero()) {
                    cancel(op);
                    boolean phaseLimit = phaseTimeout.compareTo(budget.total()) < 0
                            && !budget.remaining().isNegative() && !budget.remaining().isZero();
                    throw BackupException.timeout(phase, op.origin().qualifiedName() + " did not finish within the "
                            + (phaseLimit ? "phase timeout " + phaseTimeout : "overall timeout " + budget.total())
                            + "; cancelled");
                }
                AsyncState state = op.await(min(left, slice));
                if (state == AsyncState.FINISHED) {
                    return;
                }
                if (state == AsyncState.CANCELLED) {
                    throw BackupException.of(phase, VssHresult.E_ABORT.code(), op.origin().qualifiedName()
                            + " was cancelled", null);
                }
            }
        } catch (BackupException e) {
            throw e;
        } catch (VssException e) {
            throw BackupException.of(phase, e.hresult(), e.getMessage(), e);
        } finally {
            op.close();
        }
    }

    /** {@code IVssAsync::Cancel}, then a bounded wait for the operation to end. */
    private void cancel(VssAsync op) {
        try {
            op.cancel();
            op.await(cancelGrace);
        } catch (VssException e) {
            LOG.debug("{} ended with {} after the cancel", op.origin().qualifiedName(), e.getMessage());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
