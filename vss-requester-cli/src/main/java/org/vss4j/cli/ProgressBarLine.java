package org.vss4j.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * One progress bar shown on stderr and the line it is drawn on ({@link ProgressBars.Line}); closing it closes both,
 * so that what follows starts on a line of its own. The bars of {@link ProgressBars}, {@link ReadBar} and {@link
 * BackupProgress}.
 */
final class ProgressBarLine implements AutoCloseable {

    private final ProgressBars.Line line;
    private final ProgressBar bar;

    /** Starts the bar {@code builder} describes, drawn on a line of {@code err}. */
    ProgressBarLine(PrintWriter err, ProgressBarBuilder builder) {
        this.line = new ProgressBars.Line(err);
        this.bar = builder.setConsumer(line).build();
    }

    long max() {
        return bar.getMax();
    }

    void stepTo(long n) {
        bar.stepTo(n);
    }

    void extraMessage(String message) {
        bar.setExtraMessage(message);
    }

    /** Ends the bar on its final state, and its line. */
    @Override
    public void close() {
        bar.close();
        // The library ends the line only from a refresh after its first scheduled one: a bar closed before that
        // (work that fails at once) would leave its line open. Ended here, and nothing of it drawn again.
        line.close();
    }
}
