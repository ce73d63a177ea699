package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.sim.ProgressListener;
import org.vss4j.sim.ProgressListener.Phase;

/**
 * Progress of the simulator's long work on stderr: none when stderr is not a terminal unless {@code --progress} asks
 * for it, and never on stdout, which stays the command's output; whether stderr is a terminal, as the OS says.
 */
class ProgressOutputTest {

    @TempDir
    Path volume;

    @TempDir
    Path state;

    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void files() throws Exception {
        for (int i = 0; i < 30; i++) {
            Files.writeString(volume.resolve("f" + i + ".txt"), "x");
        }
    }

    private int vss(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--sim-volume", "D:\\=" + volume, "--sim-state", state.toString()));
        return VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    @Test
    void noProgressIsPrintedWhenStderrIsNotATerminal() {
        // The run's own probe answers for the test JVM's stderr; forStderr's answer to either probe is tested below.
        assumeFalse(StderrTerminal.isTerminal(), "stderr of this test JVM is a terminal (run from an IDE?)");

        assertThat(vss("snapshot", "create", "D:\\")).as(err.toString()).isZero();

        assertThat(err.toString()).doesNotContain(Phase.POINT_IN_TIME_COPY.words(),
                Phase.SHADOW_COPY_DELETION.words(), "\r");
        assertThat(out.toString()).doesNotContain(Phase.POINT_IN_TIME_COPY.words(), "\r");
    }

    /** Without --progress or --no-progress the terminal probe decides: bars (after a delay) on a terminal, none else. */
    @Test
    void theTerminalProbeDecidesWhenNeitherOptionIsGiven() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        assertThat(ProgressBars.forStderr(null, sink, () -> true)).isInstanceOf(ProgressBars.class);
        assertThat(ProgressBars.forStderr(null, sink, () -> false)).isSameAs(ProgressListener.NONE);
        assertThat(ProgressBars.forStderr(true, sink, () -> false)).isInstanceOf(ProgressBars.class);
        assertThat(ProgressBars.forStderr(false, sink, () -> true)).isSameAs(ProgressListener.NONE);
    }

    /**
     * The OS's answer, asked of a JVM whose stderr is a pseudo-terminal (util-linux's {@code script} gives it one)
     * and of one whose stderr is a file: true, then false.
     */
    @Test
    void theOsSaysWhetherStderrIsATerminal(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")) && !System.getProperty("os.name").startsWith("Mac"),
                "util-linux script, to run a JVM on a pseudo-terminal");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String probe = java + " -cp '" + classPath + "' " + StderrTerminalProbe.class.getName();

        // script runs the command on a new pseudo-terminal: its stdin, stdout and stderr are that terminal.
        assertThat(run(dir, List.of("/usr/bin/script", "-qec", probe, "/dev/null"))).contains("stderr terminal: true");
        assertThat(run(dir, List.of("/usr/bin/script", "-qec", probe + " 2>" + dir.resolve("err.txt"), "/dev/null")))
                .contains("stderr terminal: false");
    }

    private static String run(Path dir, List<String> command) throws Exception {
        // Output to a file, read after the bounded wait: a hung child fails the test instead of blocking a read.
        Path log = Files.createTempFile(dir, "run", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        boolean ended = p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended).as(command + " ended: " + output).isTrue();
        assertThat(p.exitValue()).as(command + ": " + output).isZero();
        return output;
    }

    @Test
    void progressAskedForShowsTheCopyAndTheDeletionOnStderrOnly() {
        assertThat(vss("snapshot", "create", "D:\\", "--progress")).as(err.toString()).isZero();

        assertThat(err.toString()).contains(Phase.POINT_IN_TIME_COPY.words(), Phase.SHADOW_COPY_DELETION.words(),
                "100%", "30/30");
        assertThat(out.toString()).doesNotContain(Phase.POINT_IN_TIME_COPY.words(), "\r");
    }

    @Test
    void noProgressRefusesIt() {
        assertThat(vss("snapshot", "create", "D:\\", "--no-progress")).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain(Phase.POINT_IN_TIME_COPY.words(), "\r");
    }
}
