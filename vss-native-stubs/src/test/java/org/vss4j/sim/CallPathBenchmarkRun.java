package org.vss4j.sim;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Not a test: runs the JMH {@link CallPathBenchmark}s and prints their scores and ratios (docs/performance.md,
 * "Vtable call path"). Runs only with {@code -Dvss4j.bench=true}; {@code -Dvss4j.bench.forks},
 * {@code -Dvss4j.bench.iterations} and {@code -Dvss4j.bench.seconds} (per iteration) size the run (2, 5, 2). JMH
 * finds the benchmarks in the list its annotation processor wrote when the test classes were compiled.
 */
@EnabledIfSystemProperty(named = "vss4j.bench", matches = "true")
class CallPathBenchmarkRun {

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void vtableCallPath() throws RunnerException {
        int iterations = Integer.getInteger("vss4j.bench.iterations", 5);
        TimeValue time = TimeValue.seconds(Integer.getInteger("vss4j.bench.seconds", 2));
        Options options = new OptionsBuilder()
                .include(CallPathBenchmark.class.getName() + "\\.")
                .forks(Integer.getInteger("vss4j.bench.forks", 2))
                .warmupIterations(iterations).warmupTime(time)
                .measurementIterations(iterations).measurementTime(time)
                // What surefire gives the tests: the simulator even on Windows, and a quiet log.
                .jvmArgsAppend("-Dvss4j.provider=simulator", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> score = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            score.put(label.substring(label.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        double cached = score.get("cachedFunction");
        System.out.printf("IVssAsync::QueryStatus on the simulator, ns/call (JMH average):%n");
        score.forEach((name, ns) -> System.out.printf("  %-28s %8.1f  %.3f x cachedFunction%n", name, ns,
                ns / cached));
        System.out.printf("binding / cachedFunction = %.3f (goal <= 1.2)%n", score.get("binding") / cached);
    }
}
