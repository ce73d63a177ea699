package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.sim.ProgressListener.Phase;

/**
 * Progress of the simulator's long work on stderr: none when stderr is not a terminal (a test's stderr is a pipe)
 * unless {@code --progress} asks for it, and never on stdout, which stays the command's output.
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
        assertThat(StderrTerminal.isTerminal()).as("a forked test JVM writes stderr to a pipe").isFalse();

        assertThat(vss("snapshot", "create", "D:\\")).as(err.toString()).isZero();

        assertThat(err.toString()).doesNotContain(Phase.POINT_IN_TIME_COPY.words(),
                Phase.SHADOW_COPY_DELETION.words(), "\r");
        assertThat(out.toString()).doesNotContain(Phase.POINT_IN_TIME_COPY.words(), "\r");
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

    @Test
    void aTerminalIsAPseudoTerminalOrTtyDeviceNotAPipeOrAFile() {
        assertThat(StderrTerminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(StderrTerminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(StderrTerminal.isTerminalDevice("pipe:[123456]")).isFalse();
        assertThat(StderrTerminal.isTerminalDevice("socket:[42]")).isFalse();
        assertThat(StderrTerminal.isTerminalDevice("/tmp/vss.log")).isFalse();
        assertThat(StderrTerminal.isTerminalDevice("/dev/null")).isFalse();
    }
}
