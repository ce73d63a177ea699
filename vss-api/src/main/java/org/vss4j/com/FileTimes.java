package org.vss4j.com;

import java.time.Instant;

/** {@code VSS_TIMESTAMP}/{@code FILETIME}: 100-ns ticks since 1601-01-01T00:00:00Z. */
public final class FileTimes {

    /** Seconds between 1601-01-01 and 1970-01-01. */
    private static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;

    private FileTimes() {
    }

    public static Instant toInstant(long ticks) {
        long seconds = Math.floorDiv(ticks, 10_000_000L) - EPOCH_DIFF_SECONDS;
        long nanos = Math.floorMod(ticks, 10_000_000L) * 100L;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    public static long fromInstant(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond() + EPOCH_DIFF_SECONDS, 10_000_000L),
                t.getNano() / 100L);
    }
}
