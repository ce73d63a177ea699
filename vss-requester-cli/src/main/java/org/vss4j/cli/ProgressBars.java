package org.vss4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.vss4j.sim.ProgressListener;

/**
 * The progress of long work shown on stderr as progress bars (me.tongfei:progressbar), one per piece of work, each
 * ending on a line of its own. On a terminal a bar appears only once its work has run for {@link #ON_A_TERMINAL}, so
 * quick copies print nothing; when asked for ({@code --progress}) every piece of work shows its bar.
 */
final class ProgressBars implements ProgressListener, AutoCloseable {

    /** How long work runs before its bar appears on a terminal. */
    static final Duration ON_A_TERMINAL = Duration.ofSeconds(1);

    private final PrintWriter err;
    private final long delayNanos;
    private Phase phase;
    private long startedAt;
    private ProgressBarLine bar;

    ProgressBars(PrintWriter err, Duration delay) {
        this.err = err;
        this.delayNanos = delay.toNanos();
    }

    /**
     * The listener for {@code vss}'s stderr: bars when {@code asked} ({@code --progress}), none when refused
     * ({@code --no-progress}), and otherwise bars only when stderr is a terminal.
     */
    static ProgressListener forStderr(Boolean asked, PrintWriter err) {
        return forStderr(asked, err, StderrTerminal::isTerminal);
    }

    /** {@link #forStderr(Boolean, PrintWriter)} with {@code stderrIsTerminal} asked whether stderr is a terminal. */
    static ProgressListener forStderr(Boolean asked, PrintWriter err, BooleanSupplier stderrIsTerminal) {
        if (asked != null) {
            return asked ? new ProgressBars(err, Duration.ZERO) : ProgressListener.NONE;
        }
        return stderrIsTerminal.getAsBoolean() ? new ProgressBars(err, ON_A_TERMINAL) : ProgressListener.NONE;
    }

    @Override
    public synchronized void progress(Phase p, long done, long total) {
        if (p != phase || done == 0) {
            close();
            phase = p;
            startedAt = System.nanoTime();
        }
        long ran = System.nanoTime() - startedAt;
        if (bar == null && (delayNanos == 0 || done < total && ran >= delayNanos)) {
            bar = new ProgressBarLine(err, new ProgressBarBuilder().setTaskName("simulator: " + p.words())
                    .setInitialMax(total).setStyle(ProgressBarStyle.ASCII).setUnit(" files", 1)
                    .startsFrom(done, Duration.ofNanos(ran)));
        }
        if (bar != null) {
            bar.stepTo(done);
            if (done >= total) {
                close();
            }
        }
    }

    /**
     * The piece of work is over, completed or not: its bar's line is ended now, so that what follows (a failure's
     * message, the next step) starts on a line of its own and the bar is not drawn again.
     */
    @Override
    public synchronized void ended(Phase p, long done, long total, boolean completed) {
        if (p == phase) {
            close();
        }
    }

    /** Ends the bar being shown, if any, on its final state. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        phase = null;
    }

    /**
     * Draws a bar over itself on one line of stderr ({@code \r}), and ends the line when the bar closes; also
     * {@link ReadBar}'s and the backup command's.
     */
    static final class Line implements ProgressBarConsumer {

        private final PrintWriter err;
        /** Whether a frame is on the line, not yet ended; {@link #ended}: nothing more is drawn. */
        private boolean drawn;
        private boolean ended;

        Line(PrintWriter err) {
            this.err = err;
        }

        @Override
        public int getMaxRenderedLength() {
            // The terminal's width where the shell exports it; the library's own probe would open a terminal.
            try {
                String columns = System.getenv("COLUMNS");
                return columns == null ? 79 : Math.max(20, Integer.parseInt(columns.trim()) - 1);
            } catch (NumberFormatException e) {
                return 79;
            }
        }

        @Override
        public synchronized void accept(String rendered) {
            if (ended) {
                return;
            }
            drawn = true;
            err.print('\r');
            err.print(rendered);
            err.flush();
        }

        @Override
        public synchronized void close() {
            if (drawn && !ended) {
                err.println();
                err.flush();
            }
            ended = true;
        }
    }
}
