package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
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
}
