package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code vss} process stopped by SIGTERM while its {@code --exec} command runs: the command and what it started
 * end, the backup is aborted, the shadow copy released, the link to it removed, and the exit code is 128 + 15.
 */
@EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "SIGTERM: Process.destroy() sends it on POSIX only")
class SignalTest {

    @TempDir
    Path volume;

    @TempDir
    Path state;

    @TempDir
    Path links;

    @Test
    @Timeout(120)
    void sigtermDuringExecEndsTheCommandTreeAbortsAndReleases() throws Exception {
        Files.writeString(volume.resolve("report.txt"), "q3");
        // The command starts a process of its own, says it is ready (through vss's output, which now streams), waits.
        String exec = "sleep 600 & echo \"ready $$ $! $VSS_SHADOW_1_PATH\"; wait";
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Dvss4j.linkDirectory=" + links, "-cp", classPath,
                VssCommand.class.getName(), "snapshot", "create", "D:\\", "--exec", exec,
                "--sim-volume", "D:\\=" + volume, "--sim-state", state.toString());
        pb.environment().remove("VSS_JAVA_OPTS");
        Path stderr = state.resolve("vss-stderr.txt");
        Process vss = pb.redirectError(stderr.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(vss.getInputStream(),
                Charset.defaultCharset()))) {
            // Read on another thread: a vss that hangs before "ready" fails the test (the finally kills it).
            String[] ready = CompletableFuture.supplyAsync(() -> awaitReady(out, stderr)).get(60, TimeUnit.SECONDS);
            long child = Long.parseLong(ready[1]);
            long grandchild = Long.parseLong(ready[2]);
            Path link = Path.of(ready[3]);
            assertThat(link.resolve("report.txt")).hasContent("q3");

            vss.destroy(); // SIGTERM

            assertThat(vss.waitFor(60, TimeUnit.SECONDS)).as("vss ended").isTrue();
            String errText = Files.readString(stderr);
            assertThat(vss.exitValue()).as(errText).isEqualTo(ExitCodes.STOPPED);
            assertThat(running(child)).as("the --exec command").isFalse();
            assertThat(running(grandchild)).as("the process it started").isFalse();
            assertThat(errText).contains("vss: stopping (the JVM is shutting down",
                    "vss: ended the --exec command (pid " + child + " and 1 process(es) it started)",
                    "vss: aborted the backup of shadow copy set {", "} (AbortBackup)",
                    "vss: released the requester of shadow copy set {", "vss: removed the 1 link(s)");
            assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).as("the link " + link).isFalse();
            try (Stream<Path> left = Files.list(state.resolve("snapshots"))) {
                assertThat(left.filter(Files::isDirectory)).as("shadow copies left in the state").isEmpty();
            }
        } finally {
            vss.destroyForcibly();
        }
    }

    /** Reads vss's output up to the command's "ready" line: {@code ready <pid> <its child's pid> <shadow path>}. */
    private static String[] awaitReady(BufferedReader out, Path stderr) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("ready ")) {
                    return line.split(" ", 4);
                }
            }
            throw new AssertionError("vss ended before its --exec command was ready: " + Files.readString(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether {@code pid} still runs. A process that has ended but is not reaped yet (a zombie, state Z in
     * /proc/PID/stat on Linux) counts as ended, although {@link ProcessHandle#isAlive()} still says true for it.
     */
    private static boolean running(long pid) throws IOException {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            if (!Files.exists(stat)) {
                return !Files.exists(Path.of("/proc/self/stat"));
            }
            String s;
            try {
                s = Files.readString(stat);
            } catch (IOException gone) {
                return false;
            }
            return !List.of("Z", "X").contains(s.substring(s.lastIndexOf(')') + 2, s.lastIndexOf(')') + 3));
        }
        return false;
    }
}
