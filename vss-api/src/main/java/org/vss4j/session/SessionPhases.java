package org.vss4j.session;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/**
 * Runs the steps of a backup or restore session one phase at a time: each with its {@code PhaseStarted} and
 * {@code PhaseFinished} events, and a failure turned into a {@link BackupException} that names the phase.
 */
final class SessionPhases {

    private final SessionEvents events;
    private final SessionClock clock;
    private final BooleanSupplier stopRequested;

    /**
     * @param events        where the phase events go
     * @param clock         what the phases are timed with
     * @param stopRequested asked before each phase: true ends the session with E_ABORT before the phase starts
     */
    SessionPhases(SessionEvents events, SessionClock clock, BooleanSupplier stopRequested) {
        this.events = events;
        this.clock = clock;
        this.stopRequested = stopRequested;
    }

    void run(BackupPhase phase, Runnable step) {
        run(phase, () -> {
            step.run();
            return null;
        });
    }

    /** Runs one step with its events; a VSS, argument, state or I/O failure becomes a {@link BackupException}. */
    <T> T run(BackupPhase phase, Supplier<T> step) {
        if (stopRequested.getAsBoolean()) {
            throw BackupException.of(phase, VssHresult.E_ABORT.code(), "the caller asked the session to stop before "
                    + phase, null);
        }
        events.emit(new BackupEvent.PhaseStarted(phase));
        long start = clock.nanoTime();
        T result;
        try {
            result = step.get();
        } catch (VssException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw asBackupException(phase, e);
        }
        events.emit(new BackupEvent.PhaseFinished(phase, Duration.ofNanos(clock.nanoTime() - start)));
        return result;
    }

    /**
     * The check of a session's calls that need it open (the items handed out, before its end): an
     * {@link IllegalStateException} naming the state, e.g. "the restore session is closed".
     *
     * @param open    whether the session is open
     * @param session what the session is called in the message ("session", "restore session")
     * @param state   its state, named lower-case in the message
     */
    static void requireOpen(boolean open, String session, Enum<?> state) {
        if (!open) {
            throw new IllegalStateException("the " + session + " is " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /**
     * {@code e} as a {@link BackupException} naming the phase: a VSS failure keeps its HRESULT; an argument, state or
     * I/O failure is {@code E_FAIL}; anything else (a defect, a failing clock or listener of the caller's) is
     * {@code E_UNEXPECTED} with its class named.
     */
    static BackupException asBackupException(BackupPhase phase, RuntimeException e) {
        if (e instanceof BackupException b) {
            return b;
        }
        if (e instanceof UnresolvablePathException u) {
            return BackupException.unresolvedPath(phase, u);
        }
        if (e instanceof VssException v) {
            return BackupException.of(phase, v.hresult(), v.getMessage(), v);
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.UncheckedIOException) {
            return BackupException.of(phase, VssHresult.E_FAIL.code(), e.getMessage(), e);
        }
        return BackupException.of(phase, VssHresult.E_UNEXPECTED.code(), e.toString(), e);
    }
}
