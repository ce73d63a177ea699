package org.vss4j.com;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileTimesTest {

    @Test
    void unixEpochIsTheKnownFiletime() {
        // 1970-01-01T00:00:00Z = 116444736000000000 ticks of 100 ns since 1601-01-01.
        assertThat(FileTimes.fromInstant(Instant.EPOCH)).isEqualTo(116_444_736_000_000_000L);
        assertThat(FileTimes.toInstant(116_444_736_000_000_000L)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void roundTripsAt100NanosecondResolution() {
        Instant t = Instant.parse("2026-11-21T23:59:58.1234567Z");
        assertThat(FileTimes.toInstant(FileTimes.fromInstant(t))).isEqualTo(t);
        assertThat(FileTimes.toInstant(0)).isEqualTo(Instant.parse("1601-01-01T00:00:00Z"));
    }
}
