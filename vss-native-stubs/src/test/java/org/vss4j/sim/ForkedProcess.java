package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link StateProcess} in a JVM of its own, optionally stopped at a {@link KillPoint}: {@link #awaitPoint()} waits
 * until the process wrote the point's marker (it then blocks there for ever), {@link #kill()} ends it with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux), so it leaves the state directory as a crash would.
 */
final class ForkedProcess implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final Process process;
    private final Path marker;
    private final Path output;

    private ForkedProcess(Process process, Path marker, Path output) {
        this.process = process;
        this.marker = marker;
        this.output = output;
    }

    /** Starts {@code StateProcess args}, to block at {@code point} (null: run to the end). */
    static ForkedProcess start(Path work, String point, String... args) throws IOException {
        return start(work, Map.of(), point, args);
    }

    /** {@link #start(Path, String, String...)} with {@code environment} added to this JVM's. */
    static ForkedProcess start(Path work, Map<String, String> environment, String point, String... args)
            throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path marker = Files.createTempFile(work, "point-", ".marker");
        Files.delete(marker);
        Path output = Files.createTempFile(work, "process-", ".out");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classPath));
        if (point != null) {
            command.add("-D" + KillPoint.PROPERTY + "=" + point);
            command.add("-D" + KillPoint.MARKER_PROPERTY + "=" + marker);
        }
        command.add(StateProcess.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().putAll(environment);
        Process p = pb.start();
        return new ForkedProcess(p, marker, output);
    }

    /** Waits until the process reached its point (fails if it ended first or took longer than the deadline). */
    void awaitPoint() throws Exception {
        Instant end = Instant.now().plus(DEADLINE);
        while (!Files.exists(marker)) {
            assertThat(process.isAlive()).as("the process ended before its kill point:\n%s", output()).isTrue();
            assertThat(Instant.now()).as("the kill point within %s", DEADLINE).isBefore(end);
            // Waits on the process (not a bare sleep): returns at once if it ends.
            process.waitFor(10, TimeUnit.MILLISECONDS);
        }
    }

    /** SIGKILL, then waits for the end: the OS has released its locks when this returns. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("killed").isTrue();
    }

    /** Waits for a normal end; its exit code. */
    int finish() throws Exception {
        assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("ended:\n%s", output()).isTrue();
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
