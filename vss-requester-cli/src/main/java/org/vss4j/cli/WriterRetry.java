package org.vss4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.vss4j.VssHresult;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupException;
import org.vss4j.session.BackupSession;
import org.vss4j.session.BackupSessionBuilder;
import org.vss4j.session.InProgressRetry;
import org.vss4j.session.SessionClock;

/**
 * Starts a backup session, again after a retryable writer failure: {@code VSS_E_WRITERERROR_RETRYABLE} from a step,
 * or a writer whose status names it as its failure ("Writer had a transient error; retrying the backup may succeed",
 * vss.h / Microsoft docs, "VSS_WRITER_STATE"). Each attempt is a new session, so a new requester (Microsoft docs,
 * "IVssBackupComponents": an object "can be used for only a single backup"); the failed one has aborted. The waits
 * between attempts are those of the set-in-progress retry ({@link InProgressRetry}, the same first wait and maximum
 * as {@code snapshot create}'s), each attempt reported on stderr. Only starting is retried: once files are being
 * stored, a failure aborts the set.
 */
final class WriterRetry {

    /** The longest all waits between attempts may take together. */
    static final Duration BUDGET = Duration.ofMinutes(10);

    private final PrintWriter err;
    private final int retries;
    private final SessionClock clock;
    private int attempts;

    WriterRetry(PrintWriter err, int retries) {
        this(err, retries, SessionClock.system());
    }

    /** {@code clock}: the waits between attempts (a {@link ShutdownGuard}'s ends them at a stop). */
    WriterRetry(PrintWriter err, int retries, SessionClock clock) {
        this.err = err;
        this.retries = retries;
        this.clock = clock;
    }

    /** How many sessions were started (the last one included). */
    int attempts() {
        return attempts;
    }

    BackupSession start(BackupSessionBuilder builder) {
        InProgressRetry.Backoff backoff = InProgressRetry.standalone(clock, BUDGET,
                SnapshotRun.FIRST_BACKOFF, SnapshotRun.MAX_BACKOFF, this::waiting).backoff();
        while (true) {
            attempts++;
            try {
                BackupSession s = builder.start();
                if (attempts > 1) {
                    err.printf("attempt %d of %d: the backup started%n", attempts, retries + 1);
                    err.flush();
                }
                return s;
            } catch (BackupException e) {
                if (!isRetryable(e)) {
                    throw e;
                }
                err.printf("attempt %d of %d: %s%n", attempts, retries + 1, e.getMessage());
                err.flush();
                if (attempts > retries) {
                    err.printf("no attempt left (--retries %d): giving up%n", retries);
                    err.flush();
                    throw e;
                }
                backoff.await(e.phase(), "the backup", e);
            }
        }
    }

    private void waiting(BackupEvent event) {
        if (event instanceof BackupEvent.Retrying r) {
            err.printf("a retryable writer failure (%s): the backup was aborted; attempt %d with a new requester "
                    + "in %s%n", VssHresult.describe(r.hresult()), r.attempt() + 1, seconds(r.backoff()));
            err.flush();
        }
    }

    /** {@code d} as the help says the waits: {@code 1 s}, {@code 2.5 s}, {@code 0.25 s}. */
    static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** Whether {@code e} is a writer's transient failure, which a new backup may not meet again. */
    static boolean isRetryable(BackupException e) {
        int retryable = VssHresult.VSS_E_WRITERERROR_RETRYABLE.code();
        return e.hresult() == retryable || e.writerFailure().map(f -> f.failureHresult() == retryable).orElse(false);
    }
}
