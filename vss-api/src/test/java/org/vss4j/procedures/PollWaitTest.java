package org.vss4j.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The wait between two service status polls: a tenth of the wait hint, between 1 and 10 seconds by default, as
 * Microsoft's "Stopping a Service" and "Starting a Service" samples compute it.
 */
class PollWaitTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void aTenthOfTheHintKeptBetweenOneAndTenSeconds() {
        assertThat(Win32ServiceControl.pollWait(0, SECOND, TEN_SECONDS)).isEqualTo(SECOND);
        assertThat(Win32ServiceControl.pollWait(30_000, SECOND, TEN_SECONDS)).isEqualTo(Duration.ofSeconds(3));
        assertThat(Win32ServiceControl.pollWait(600_000, SECOND, TEN_SECONDS)).isEqualTo(TEN_SECONDS);
    }

    @Test
    void aHintAboveTwoToTheThirtyOneIsAnUnsignedDword() {
        // dwWaitHint 0xFFFFFFFF read as a Java int is -1: as a DWORD it is the longest hint, so the longest wait.
        assertThat(Win32ServiceControl.pollWait(Integer.toUnsignedLong(-1), SECOND, TEN_SECONDS))
                .isEqualTo(TEN_SECONDS);
    }

    @Test
    void badBoundsAreRefused() {
        assertThatThrownBy(() -> new Win32ServiceControl(org.mockito.Mockito.mock(org.vss4j.com.Exports.class),
                TEN_SECONDS, SECOND)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not longer than the longest");
    }
}
