package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VssAsyncTimeoutTest {

    @Test
    void convertsDurationsToDwordMilliseconds() {
        assertThat(VssAsync.toMillis(Duration.ofSeconds(10))).isEqualTo(10_000);
        assertThat(VssAsync.toMillis(Duration.ZERO)).isZero();
        assertThat(VssAsync.toMillis(null)).isEqualTo(VssAsync.INFINITE);
        assertThat(VssAsync.toMillis(Duration.ofDays(60))).isEqualTo(VssAsync.INFINITE);
        assertThat(VssAsync.toMillis(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(VssAsync.INFINITE);
        // 0xFFFFFFFE ms is the longest finite wait a DWORD can say.
        assertThat(VssAsync.toMillis(Duration.ofMillis(0xFFFFFFFEL))).isEqualTo(0xFFFFFFFE);
    }

    @Test
    void rejectsNegativeTimeouts() {
        assertThatThrownBy(() -> VssAsync.toMillis(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
