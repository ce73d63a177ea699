package org.vss4j;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.AsyncIncompleteException.CancelOutcome;
import org.vss4j.AsyncIncompleteException.Reason;

/**
 * Brings an asynchronous VSS operation to an end by the {@code IVssAsync} contract (docs/async.md):
 * <ul>
 * <li>it waits in slices of {@code Wait} and decides after each by {@code QueryStatus} ({@link VssAsync#await}),
 * never by what Wait returned when its time ran out, which Microsoft does not document ("IVssAsync::Wait"); between
 * slices it sees the deadline, a thread interrupt and the caller's {@link Progress};</li>
 * <li>every exit that leaves the operation unfinished (the deadline, an interrupt, a failing Wait or QueryStatus, an
 * exception from the progress callback) calls {@code Cancel} and then waits at most the cancel grace for the status to
 * leave {@code VSS_S_ASYNC_PENDING} ({@code VSS_S_ASYNC_CANCELLED} expected);</li>
 * <li>a failure of the operation propagates with its HRESULT.</li>
 * </ul>
 * It never releases the handle: that is the caller's ({@link VssAsync#finish}).
 */
public final class AsyncCompletion {

    /** How often {@link #systemClock()} looks at the deadline and the interrupt status. */
    public static final Duration DEFAULT_SLICE = Duration.ofSeconds(1);
    /** How long {@link #systemClock()} waits for a cancelled operation to end. */
    public static final Duration DEFAULT_CANCEL_GRACE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(AsyncCompletion.class);
    private static final Duration UNLIMITED = ChronoUnit.FOREVER.getDuration();

    private final LongSupplier nanoTime;
    private final Duration slice;
    private final Duration cancelGrace;

    /**
     * @param nanoTime    a monotonic clock in nanoseconds, as {@link System#nanoTime()}
     * @param slice       the longest single {@code Wait} while the deadline has not passed (positive)
     * @param cancelGrace how long a cancelled operation is waited for (zero: one look at its status)
     */
    public AsyncCompletion(LongSupplier nanoTime, Duration slice, Duration cancelGrace) {
        this.nanoTime = Objects.requireNonNull(nanoTime);
        if (slice.isNegative() || slice.isZero()) {
            throw new IllegalArgumentException("the slice must be positive: " + slice);
        }
        if (cancelGrace.isNegative()) {
            throw new IllegalArgumentException("negative cancel grace: " + cancelGrace);
        }
        this.slice = slice;
        this.cancelGrace = cancelGrace;
    }

    /** {@link System#nanoTime()}, {@link #DEFAULT_SLICE} and {@link #DEFAULT_CANCEL_GRACE}. */
    public static AsyncCompletion systemClock() {
        return new AsyncCompletion(System::nanoTime, DEFAULT_SLICE, DEFAULT_CANCEL_GRACE);
    }

    /** A limit on a wait. */
    public interface Deadline {

        /** What is left of it now; zero or negative once it passed. */
        Duration remaining();

        /** How a message names it once it passed, e.g. "the phase timeout PT10M". */
        String describe();

        /**
         * The cancel grace this wait may spend after it gave up, at most {@code configured}: a deadline that is part
         * of a larger budget can keep the grace inside that budget.
         */
        default Duration cancelGrace(Duration configured) {
            return configured;
        }
    }

    /**
     * Told after every slice that left the operation pending. What it throws ends the wait: the operation is cancelled
     * first.
     */
    @FunctionalInterface
    public interface Progress {

        void stillPending(Duration elapsed);

        static Progress none() {
            return elapsed -> {
            };
        }
    }

    /** A deadline {@code timeout} from now on this clock; null: none. */
    public Deadline within(Duration timeout) {
        if (timeout == null) {
            return new Deadline() {
                @Override
                public Duration remaining() {
                    return UNLIMITED;
                }

                @Override
                public String describe() {
                    return "no time limit";
                }
            };
        }
        long start = nanoTime.getAsLong();
        return new Deadline() {
            @Override
            public Duration remaining() {
                return timeout.minusNanos(nanoTime.getAsLong() - start);
            }

            @Override
            public String describe() {
                return timeout.toString();
            }
        };
    }

    /** As {@link #awaitFinished(VssAsync, Deadline, Progress)}, within {@code timeout} (null: no limit). */
    public void awaitFinished(VssAsync op, Duration timeout) {
        awaitFinished(op, within(timeout), Progress.none());
    }

    /**
     * Returns once {@code QueryStatus} reported {@code op} finished.
     *
     * @throws AsyncIncompleteException the deadline passed or the thread was interrupted (the operation was
     *                                  cancelled; an interrupt is set again on the thread), or the status reported it
     *                                  cancelled
     * @throws VssException             the operation failed (its HRESULT), or Wait or QueryStatus failed (the operation
     *                                  was cancelled if it might still run)
     */
    public void awaitFinished(VssAsync op, Deadline deadline, Progress progress) {
        String operation = op.origin().qualifiedName();
        long start = nanoTime.getAsLong();
        try {
            while (true) {
                if (Thread.interrupted()) {
                    Drain drain = cancelAndDrain(op, deadline.cancelGrace(cancelGrace));
                    Thread.currentThread().interrupt();
                    throw new AsyncIncompleteException(operation, Reason.INTERRUPTED, drain.outcome(),
                            "the waiting thread was interrupted; " + drain.text());
                }
                AsyncState state = op.await(sliceOf(deadline.remaining()));
                if (state == AsyncState.FINISHED) {
                    return;
                }
                if (state == AsyncState.CANCELLED) {
                    throw new AsyncIncompleteException(operation, Reason.CANCELLED, CancelOutcome.NOT_NEEDED,
                            "the operation was cancelled (" + VssHresult.describe(state.code().code()) + ")");
                }
                Duration left = deadline.remaining();
                if (left.isNegative() || left.isZero()) {
                    // Named before the cancel: the grace must not change which limit ran out.
                    String limit = deadline.describe();
                    Drain drain = cancelAndDrain(op, deadline.cancelGrace(cancelGrace));
                    throw new AsyncIncompleteException(operation, Reason.TIMED_OUT, drain.outcome(),
                            "did not finish within " + limit + "; " + drain.text());
                }
                progress.stillPending(Duration.ofNanos(nanoTime.getAsLong() - start));
            }
        } catch (AsyncIncompleteException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (!op.hasEnded()) {
                Drain drain = cancelAndDrain(op, deadline.cancelGrace(cancelGrace));
                LOG.warn("{}: gave up waiting ({}); {}", operation, e.toString(), drain.text());
            }
            throw e;
        }
    }

    private Duration sliceOf(Duration left) {
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(slice) < 0 ? left : slice;
    }

    /** What came of a cancel, and the words for it. */
    record Drain(CancelOutcome outcome, String text) {
    }

    /**
     * {@code IVssAsync::Cancel}, then {@code Wait}s for at most the grace until {@code QueryStatus} reports an end.
     * The grace is not sliced: it is bounded, and a cancelled operation usually ends at once, which Wait sees.
     */
    Drain cancelAndDrain(VssAsync op, Duration grace) {
        Duration cancelGrace = grace.isNegative() ? Duration.ZERO : grace;
        String operation = op.origin().qualifiedName();
        try {
            op.cancel();
        } catch (VssException e) {
            // The operation's own error if it had failed first (Microsoft docs, "IVssAsync::Cancel"), or Cancel's
            // failure; the status tells which.
            LOG.debug("{}: {}", operation, e.getMessage());
        }
        long start = nanoTime.getAsLong();
        // The grace begins with the cancel: the first Wait is given all of it.
        Duration left = cancelGrace;
        while (true) {
            try {
                AsyncState state = op.await(left.isNegative() ? Duration.ZERO : left);
                if (state == AsyncState.CANCELLED) {
                    return new Drain(CancelOutcome.ACKNOWLEDGED, "cancelled (VSS_S_ASYNC_CANCELLED)");
                }
                if (state == AsyncState.FINISHED) {
                    return new Drain(CancelOutcome.FINISHED_FIRST,
                            "cancelled, but it had finished first (VSS_S_ASYNC_FINISHED)");
                }
            } catch (VssException e) {
                if (op.hasEnded()) {
                    return new Drain(CancelOutcome.FAILED,
                            "cancelled; it ended with " + VssHresult.describe(e.hresult()));
                }
                LOG.warn("{}: after the cancel: {}", operation, e.getMessage());
                return new Drain(CancelOutcome.UNKNOWN, "cancelled; its state is unknown: " + e.operation()
                        + " failed with " + VssHresult.describe(e.hresult()));
            }
            left = cancelGrace.minusNanos(nanoTime.getAsLong() - start);
            if (left.isNegative() || left.isZero()) {
                LOG.warn("{} still reported VSS_S_ASYNC_PENDING {} after IVssAsync::Cancel; releasing it while it "
                        + "runs", operation, cancelGrace);
                return new Drain(CancelOutcome.NOT_ACKNOWLEDGED, "cancelled, but still VSS_S_ASYNC_PENDING after "
                        + "the grace of " + cancelGrace + "; released while it runs");
            }
        }
    }
}
