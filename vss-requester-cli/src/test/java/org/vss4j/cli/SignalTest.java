package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code vss} process stopped by SIGTERM while its {@code --exec} command runs: the command and what it started
 * end, the backup is aborted, the shadow copy released, the link to it removed, and the exit code is 128 + 15. Linux
 * only: the command's own process group comes from setsid(1), and whether a process still runs is read from /proc
 * (a zombie is not running, although {@link ProcessHandle#isAlive()} says it is).
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "setsid(1) and /proc/PID/stat")
class SignalTest {

    @TempDir
    Path volume;

    @TempDir
    Path state;

    @TempDir
    Path links;

    /** Every process a test started or learnt of: killed after it, whatever happened. */
    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    /** vss, started with {@code prefix} (e.g. setsid) before java, running {@code exec} with a 1 s child grace. */
    private Process vss(List<String> prefix, String exec) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> line = new ArrayList<>(prefix);
        line.addAll(List.of(java.toString(), "-Dvss4j.linkDirectory=" + links, "-Dvss4j.cli.childGrace=PT1S", "-cp",
                classPath, VssCommand.class.getName(), "snapshot", "create", "D:\\", "--exec", exec,
                "--sim-volume", "D:\\=" + volume, "--sim-state", state.toString()));
        ProcessBuilder pb = new ProcessBuilder(line);
        pb.environment().remove("VSS_JAVA_OPTS");
        Process vss = pb.redirectError(state.resolve("vss-stderr.txt").toFile()).start();
        started.add(vss.pid());
        return vss;
    }

    @Test
    @Timeout(60)
    void sigtermDuringExecEndsTheCommandTreeAbortsAndReleases() throws Exception {
        Files.writeString(volume.resolve("report.txt"), "q3");
        // The command starts a process of its own, says it is ready (through vss's output, which streams), waits.
        Process vss = vss(List.of(), "sleep 600 & echo \"ready $$ $! $VSS_SHADOW_1_PATH\"; wait");
        String[] ready = awaitReady(vss);
        long child = Long.parseLong(ready[1]);
        long grandchild = Long.parseLong(ready[2]);
        Path link = Path.of(ready[3]);
        assertThat(link.resolve("report.txt")).hasContent("q3");

        vss.destroy(); // SIGTERM, to vss alone

        assertThat(vss.waitFor(20, TimeUnit.SECONDS)).as("vss ended").isTrue();
        String errText = Files.readString(state.resolve("vss-stderr.txt"));
        assertThat(running(child)).as("the --exec command").isFalse();
        assertThat(running(grandchild)).as("the process it started").isFalse();
        assertThat(errText).contains("vss: stopping (the JVM is shutting down",
                "vss: ended the --exec command (pid " + child + " and its process group, 1 process(es) it started)",
                "vss: aborted the backup of shadow copy set {", "} (AbortBackup)",
                "vss: released the requester of shadow copy set {", "vss: the 1 link(s) to the shadow copies are removed",
                "vss: stopped by a signal");
        // 143 only when the hook saw the backup aborted and released; otherwise it halts with another code.
        assertThat(vss.exitValue()).as(errText).isEqualTo(ExitCodes.STOPPED);
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).as("the link " + link).isFalse();
        assertNoShadowCopyLeft();
    }

    /**
     * SIGTERM to vss's whole process group (as Ctrl-C, timeout(1) or systemd send it) reaches vss only: the command
     * runs in a group of its own, which the hook ends; a process it started that ignores SIGTERM is killed after the
     * grace, so neither it nor its hold on the output pipe keeps vss from aborting and releasing.
     */
    @Test
    @Timeout(60)
    void sigtermToTheWholeProcessGroupEndsAProcessThatIgnoresItAndVssStillReleases() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "setsid(1)");
        // vss leads a process group of its own here, so that signalling that group does not reach the test.
        Process vss = vss(List.of("/usr/bin/setsid"),
                "sh -c 'trap \"\" TERM; exec sleep 600' & echo \"ready $$ $! $VSS_SHADOW_1_PATH\"; wait");
        String[] ready = awaitReady(vss);
        long child = Long.parseLong(ready[1]);
        long grandchild = Long.parseLong(ready[2]);
        started.add(child);
        started.add(grandchild);

        Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s TERM -- -" + vss.pid()).start();
        started.add(kill.pid());
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -- -PGID").isTrue();

        assertThat(vss.waitFor(20, TimeUnit.SECONDS)).as("vss ended").isTrue();
        String errText = Files.readString(state.resolve("vss-stderr.txt"));
        assertThat(running(grandchild)).as("the process that ignores SIGTERM: " + errText).isFalse();
        assertThat(running(child)).as("the --exec command").isFalse();
        assertThat(errText).contains("vss: ended the --exec command (pid " + child + " and its process group",
                "forced (SIGKILL/TerminateProcess) after the grace", "} (AbortBackup)",
                "vss: released the requester of shadow copy set {");
        assertThat(vss.exitValue()).as(errText).isEqualTo(ExitCodes.STOPPED);
        assertNoShadowCopyLeft();
    }

    private void assertNoShadowCopyLeft() throws IOException {
        try (Stream<Path> left = Files.list(state.resolve("snapshots"))) {
            assertThat(left.filter(Files::isDirectory)).as("shadow copies left in the state").isEmpty();
        }
    }

    /**
     * Reads vss's output, on another thread and at most 30 s, up to the command's "ready" line:
     * {@code ready <pid> <its child's pid> <shadow path>}. The pids are killed after the test.
     */
    private String[] awaitReady(Process vss) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(vss.getInputStream(), Charset.defaultCharset()));
        String[] ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("ready ")) {
                        return line.split(" ", 4);
                    }
                }
                throw new AssertionError("vss ended before its --exec command was ready: "
                        + Files.readString(state.resolve("vss-stderr.txt")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(30, TimeUnit.SECONDS);
        started.add(Long.parseLong(ready[1]));
        started.add(Long.parseLong(ready[2]));
        return ready;
    }

    /** Whether {@code pid} still runs: a process that has ended but is not reaped yet (state Z or X) has not. */
    private static boolean running(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        String s;
        try {
            s = Files.readString(stat);
        } catch (IOException gone) {
            return false;
        }
        return !List.of("Z", "X").contains(s.substring(s.lastIndexOf(')') + 2, s.lastIndexOf(')') + 3));
    }
}
