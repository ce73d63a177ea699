package org.vss4j.com;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallGuardTest {

    @Test
    void callsEnterUntilShutAndAreRefusedAfter() {
        CallGuard g = new CallGuard();
        assertThat(g.enter()).isTrue();
        assertThat(g.inFlight()).isEqualTo(1);
        assertThat(g.shut()).isTrue();
        assertThat(g.shut()).as("only the first shut").isFalse();
        assertThat(g.enter()).isFalse();
        assertThat(g.inFlight()).as("a refused call leaves no count").isEqualTo(1);
        g.exit();
        assertThat(g.inFlight()).isZero();
        assertThat(g.isShut()).isTrue();
    }

    @Test
    void awaitIdleReturnsWhenTheLastCallInFlightExits() throws Exception {
        CallGuard g = new CallGuard();
        assertThat(g.enter()).isTrue();
        g.shut();
        Thread call = new Thread(g::exit);
        call.start();
        assertThat(g.awaitIdle(Duration.ofMinutes(1))).isTrue();
        call.join();
    }

    @Test
    void awaitIdleGivesUpOnACallThatDoesNotExit() {
        CallGuard g = new CallGuard();
        g.enter();
        g.shut();
        assertThat(g.awaitIdle(Duration.ofMillis(20))).isFalse();
        assertThat(g.inFlight()).isEqualTo(1);
    }

    @Test
    void anInterruptedCloserStillWaitsAndKeepsItsInterruptStatus() {
        CallGuard g = new CallGuard();
        g.enter();
        g.shut();
        Thread.currentThread().interrupt();
        long start = System.nanoTime();
        assertThat(g.awaitIdle(Duration.ofMillis(20))).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
        assertThat(Thread.interrupted()).isTrue();
    }
}
