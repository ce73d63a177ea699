package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.vss4j.AsyncState;

/** Each JMH {@link CallPathBenchmark} once, outside JMH, so that the benchmarks keep working without a timed run. */
@ResourceLock(VssSimulatorExtension.MACHINE)
class CallPathBenchmarkSmokeTest {

    @Test
    void everyPathCallsTheSameSlotAndReadsTheSameStatus() {
        CallPathBenchmark bench = new CallPathBenchmark();
        bench.setUp();
        try {
            assertThat(bench.binding()).isEqualTo(AsyncState.FINISHED);
            int status = bench.perCallFunctionAndReference();
            assertThat(status).isEqualTo(AsyncState.FINISHED.code().code());
            assertThat(bench.perCallFunction()).isEqualTo(status);
            assertThat(bench.cachedFunction()).isEqualTo(status);
            assertThat(bench.directJna()).isEqualTo(7);
        } finally {
            bench.tearDown();
        }
    }
}
