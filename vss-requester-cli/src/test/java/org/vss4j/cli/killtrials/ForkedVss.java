package org.vss4j.cli.killtrials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vss4j.sim.KillPoint;

/**
 * The {@code vss} command in a JVM of its own, on the class path of this test JVM, as a user starts it: stdout and
 * stderr go to files; with a kill point (the simulator's test hook {@code vss4j.sim.killPoint}) it blocks at that
 * point once it wrote the marker file, and {@link #kill()} ends it with SIGKILL (on Linux,
 * {@link Process#destroyForcibly()}), the children it started (an {@code --exec} command) too.
 */
final class ForkedVss {

    /** The longest any one run may take (a loaded CI machine; a run normally takes about a second). */
    static final Duration DEADLINE = Duration.ofSeconds(90);

    /** How a run ended: its exit code and output. */
    record Result(int exit, String out, String err) {
    }

    private final Process process;
    private final Path marker;
    private final Path out;
    private final Path err;

    private ForkedVss(Process process, Path marker, Path out, Path err) {
        this.process = process;
        this.marker = marker;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code vss args} in {@code work} with the simulator's kill point {@code point} (null: none) and its
     * marker {@code marker}; {@code linkDirectory} is vss4j's link directory for the run.
     */
    static ForkedVss start(Path work, Path linkDirectory, String point, Path marker, List<String> args)
            throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1",
                "-Dvss4j.provider=simulator", "-Dvss4j.linkDirectory=" + linkDirectory, "-cp", classPath));
        if (point != null) {
            command.add("-D" + KillPoint.PROPERTY + "=" + point);
            command.add("-D" + KillPoint.MARKER_PROPERTY + "=" + marker);
        }
        command.add("org.vss4j.cli.VssCommand");
        command.addAll(args);
        Path out = Files.createTempFile(work, "vss-", ".out");
        Path err = Files.createTempFile(work, "vss-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        return new ForkedVss(pb.start(), marker, out, err);
    }

    /** Runs {@code vss args} to its end. */
    static Result run(Path work, Path linkDirectory, List<String> args) throws Exception {
        return start(work, linkDirectory, null, null, args).finish();
    }

    /** Waits until the run wrote its marker (it is blocked at its point then); false if it ended first. */
    boolean awaitMarker() throws Exception {
        return awaitMarker(DEADLINE);
    }

    /**
     * {@link #awaitMarker()} within {@code deadline}: polled, every 10 ms. A run that misses it is killed (with its
     * children) before this throws, so that no JVM blocked at its point for ever outlives the trial.
     */
    boolean awaitMarker(Duration deadline) throws Exception {
        Instant end = Instant.now().plus(deadline);
        while (!Files.exists(marker)) {
            if (!process.isAlive()) {
                return false;
            }
            if (Instant.now().isAfter(end)) {
                kill();
                throw new IllegalStateException("no marker " + marker + " within " + deadline + "\n" + output());
            }
            // A wait on the process, not a bare sleep: it returns at once if the process ends.
            process.waitFor(10, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /**
     * SIGKILL: the JVM first (the point of the trial), then the children it had started, which the kill does not
     * reach (they would live on as orphans). Returns once the JVM is gone, its file locks released by the OS.
     */
    void kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("vss did not die of SIGKILL");
        }
        for (ProcessHandle c : children) {
            c.destroyForcibly();
            awaitEnd(c, DEADLINE);
        }
    }

    /** Whether the run's JVM is still running. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** The processes the run's JVM started and that still run. */
    List<ProcessHandle> children() {
        return process.descendants().toList();
    }

    /**
     * Waits until {@code p}, which is not a child of this JVM, has ended: exited, or a zombie. A killed process whose
     * parent is gone waits for its new parent to reap it; where that is a PID 1 that never reaps (a container
     * started without an init) it stays a zombie for good, {@link ProcessHandle#isAlive()} says true and
     * {@link ProcessHandle#onExit()} never completes. Hence each wait is short and the zombie state (Linux
     * {@code /proc/PID/stat}, proc(5)) ends it as well, all within {@code deadline}.
     */
    static void awaitEnd(ProcessHandle p, Duration deadline) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        while (true) {
            try {
                p.onExit().get(10, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (isZombie(p)) {
                    return;
                }
                if (Instant.now().isAfter(end)) {
                    throw new IllegalStateException("process " + p.pid() + " still runs " + deadline
                            + " after SIGKILL");
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("waiting for process " + p.pid(), e);
            }
        }
    }

    /** Whether {@code p} is dead but not reaped (or gone already); false where there is no /proc. */
    private static boolean isZombie(ProcessHandle p) {
        Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
        try {
            String s = Files.readString(stat, StandardCharsets.UTF_8);
            // "pid (comm) S ...": the state follows the last ')', as comm may hold any character.
            String state = s.substring(s.lastIndexOf(')') + 1).trim();
            return state.startsWith("Z") || state.startsWith("X");
        } catch (NoSuchFileException e) {
            return Files.isDirectory(Path.of("/proc", "self"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    Result finish() throws Exception {
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException("vss did not end within " + DEADLINE + "\n" + output());
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    String output() throws IOException {
        return "stdout:\n" + Files.readString(out, StandardCharsets.UTF_8) + "\nstderr:\n"
                + Files.readString(err, StandardCharsets.UTF_8);
    }
}
