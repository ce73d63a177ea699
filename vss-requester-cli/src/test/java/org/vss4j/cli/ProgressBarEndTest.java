package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.sim.ProgressListener.Phase;

/**
 * A bar whose work fails is ended when the simulator says the piece is over ({@code ended}), before the failure is
 * reported: the error message starts on a line of its own, and the bar is not drawn again after it.
 */
class ProgressBarEndTest {

    @Test
    void theBarOfAFailedPieceEndsItsLineBeforeTheErrorIsPrinted() {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text, true);
        ProgressBars bars = new ProgressBars(err, Duration.ZERO);

        bars.progress(Phase.POINT_IN_TIME_COPY, 0, 5);
        bars.progress(Phase.POINT_IN_TIME_COPY, 2, 5);
        bars.ended(Phase.POINT_IN_TIME_COPY, 2, 5, false);
        err.print("ERROR the copy failed");
        err.flush();
        bars.close();

        String all = text.toString();
        int error = all.indexOf("ERROR");
        assertThat(all.substring(0, error)).contains(Phase.POINT_IN_TIME_COPY.words(), "2/5")
                .endsWith(System.lineSeparator());
        assertThat(all.substring(error)).as("not drawn again").isEqualTo("ERROR the copy failed");
    }

    @Test
    void aCompletedPieceEndsItsLineOnce() {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text, true);
        ProgressBars bars = new ProgressBars(err, Duration.ZERO);

        bars.progress(Phase.SHADOW_COPY_DELETION, 0, 3);
        bars.progress(Phase.SHADOW_COPY_DELETION, 3, 3);
        bars.ended(Phase.SHADOW_COPY_DELETION, 3, 3, true);
        bars.close();

        assertThat(text.toString()).contains("3/3").endsWith(System.lineSeparator())
                .doesNotEndWith(System.lineSeparator() + System.lineSeparator());
    }

    @Test
    @Timeout(120)
    void aFailingCopyWithProgressLogsItsErrorOnALineOfItsOwn(@TempDir Path volume, @TempDir Path state)
            throws Exception {
        for (int i = 0; i < 5; i++) {
            Files.writeString(volume.resolve("f" + i + ".txt"), "x");
        }
        // A file whose path fits in the volume but whose copy's path, longer by the copy directory's, does not
        // (PATH_MAX, 4096 bytes on Linux): the copy fails there.
        Path snapshots = Files.createDirectories(state.resolve("snapshots")).toRealPath();
        int relative = 4100 - snapshots.toString().length() - 1 - 36 - 1;
        StringBuilder name = new StringBuilder();
        while (relative - name.length() > 201) {
            name.append("d".repeat(200)).append('/');
        }
        name.append("f".repeat(relative - name.length()));
        Path deep = volume.toRealPath().resolve(name.toString());
        assertThat(deep.toString().length()).isLessThan(4095);
        Files.createDirectories(deep.getParent());
        Files.writeString(deep, "deep");

        // A vss of its own: the simulator logs the failure (slf4j-simple) on the process's stderr, where the bar is.
        Path stderr = state.resolve("stderr.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), VssCommand.class.getName(), "snapshot", "create", "D:\\",
                "--progress", "--sim-volume", "D:\\=" + volume, "--sim-state", state.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).as("vss ended").isTrue();
        String err = Files.readString(stderr);

        assertThat(p.exitValue()).as(err).isNotZero();
        int bar = err.indexOf(Phase.POINT_IN_TIME_COPY.words());
        int error = err.indexOf("ERROR", bar);
        assertThat(bar).as(err).isNotNegative();
        assertThat(error).as(err).isPositive();
        // The log line ("[thread] ERROR ...") starts on a line of its own, not after the bar's last frame.
        String lineOfTheError = err.substring(err.lastIndexOf('\n', error) + 1, error);
        assertThat(lineOfTheError).as(err).doesNotContain(Phase.POINT_IN_TIME_COPY.words(), "%");
        assertThat(err.substring(error)).as("the bar is not drawn again: " + err)
                .doesNotContain(Phase.POINT_IN_TIME_COPY.words());
    }
}
