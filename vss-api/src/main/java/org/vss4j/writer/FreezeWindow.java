package org.vss4j.writer;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The time a writer holds writes: from the start of {@code OnFreeze} to the start of {@code OnThaw} (or
 * {@code OnAbort}). VSS gives a writer its freeze timeout for that window (the {@code dwTimeoutFreeze} of
 * {@code CVssWriter::Initialize}, vswriter.h; VSS_E_WRITERERROR_TIMEOUT, "Writer's timeout expired between Freeze and
 * Thaw", vsserror.h). An overrun is reported once per window.
 */
final class FreezeWindow {

    private final InstantSource clock;
    private Instant frozenAt;
    private boolean reported;

    FreezeWindow(InstantSource clock) {
        this.clock = clock;
    }

    /** OnFreeze begins. */
    synchronized void open() {
        frozenAt = clock.instant();
        reported = false;
    }

    /** OnThaw or OnAbort begins: the window closes. */
    synchronized void close() {
        frozenAt = null;
    }

    /** The time since OnFreeze began if it exceeds {@code timeout} and was not reported yet; empty otherwise. */
    synchronized Optional<Duration> overrun(Duration timeout) {
        if (frozenAt == null || reported) {
            return Optional.empty();
        }
        Duration held = Duration.between(frozenAt, clock.instant());
        if (held.compareTo(timeout) <= 0) {
            return Optional.empty();
        }
        reported = true;
        return Optional.of(held);
    }
}
