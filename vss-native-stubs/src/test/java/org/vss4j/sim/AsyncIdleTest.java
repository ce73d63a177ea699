package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SimulatedMachine#awaitAsyncIdle}: a test waits for the simulator's own work, bounded, without spinning. */
@ExtendWith(VssSimulatorExtension.class)
class AsyncIdleTest {

    @Test
    void idleOnlyOnceEveryWorkEnded(SimulatedMachine machine) throws InterruptedException {
        assertThat(machine.awaitAsyncIdle(Duration.ZERO)).isTrue();
        Gate held = Gate.closed();
        machine.runAsync(() -> {
            try {
                held.pass();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(machine.awaitAsyncIdle(Duration.ofMillis(50))).isFalse();
        held.open();
        assertThat(machine.awaitAsyncIdle(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aWorkThatThrowsStillEnds(SimulatedMachine machine) throws InterruptedException {
        machine.runAsync(() -> {
            throw new IllegalStateException("the work failed");
        });
        assertThat(machine.awaitAsyncIdle(Duration.ofSeconds(30))).isTrue();
    }
}
