package org.vss4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.vss4j.media.ReadProgress;

/**
 * The progress of a verify or restore reading a set's data.tar, as one progress bar on stderr: bytes with their rate
 * and the time left, and the files next to them. Like {@link ProgressBars}, on a terminal it appears only once the
 * work ran for {@link ProgressBars#ON_A_TERMINAL}, and at once when asked for ({@code --progress}).
 */
final class ReadBar implements ReadProgress, AutoCloseable {

    private static final long MIB = 1024 * 1024;

    private final PrintWriter err;
    private final String task;
    private final long delayNanos;
    private final long startedAt = System.nanoTime();
    private ProgressBarLine bar;

    private ReadBar(PrintWriter err, String task, Duration delay) {
        this.err = err;
        this.task = task;
        this.delayNanos = delay.toNanos();
    }

    /**
     * A bar for {@code task} ({@code verifying s1}) on {@code err}: when {@code asked} ({@code --progress}), none when
     * refused ({@code --no-progress}), else only when stderr is a terminal. Close it before printing what follows.
     */
    static ReadBar forStderr(Boolean asked, PrintWriter err, String task) {
        return forStderr(asked, err, task, StderrTerminal::isTerminal);
    }

    /** {@link #forStderr(Boolean, PrintWriter, String)} asking {@code stderrIsTerminal}; null: no bar. */
    static ReadBar forStderr(Boolean asked, PrintWriter err, String task, BooleanSupplier stderrIsTerminal) {
        if (asked != null) {
            return asked ? new ReadBar(err, task, Duration.ZERO) : null;
        }
        return stderrIsTerminal.getAsBoolean() ? new ReadBar(err, task, ProgressBars.ON_A_TERMINAL) : null;
    }

    /** A read of a set's data.tar that reports its progress to {@code progress}. */
    interface Reading<T> {
        T read(ReadProgress progress) throws IOException;
    }

    /**
     * Runs {@code reading} with the bar {@link #forStderr(Boolean, PrintWriter, String)} gives, if any, and closes the
     * bar once it returns or throws, so that what follows starts on a line of its own.
     */
    static <T> T during(Boolean asked, PrintWriter err, String task, Reading<T> reading) throws IOException {
        ReadBar bar = forStderr(asked, err, task);
        try {
            return reading.read(listener(bar));
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** {@code bar} as a listener: {@link ReadProgress#NONE} when there is no bar. */
    static ReadProgress listener(ReadBar bar) {
        return bar == null ? ReadProgress.NONE : bar;
    }

    @Override
    public synchronized void read(long files, long filesTotal, long bytes, long bytesTotal) {
        long ran = System.nanoTime() - startedAt;
        if (bar == null && (delayNanos == 0 || bytes < bytesTotal && ran >= delayNanos)) {
            bar = new ProgressBarLine(err, new ProgressBarBuilder().setTaskName(task)
                    .setInitialMax(Math.max(bytesTotal, 1)).setStyle(ProgressBarStyle.ASCII).setUnit(" MiB", MIB)
                    .showSpeed().startsFrom(0, Duration.ofNanos(ran)));
        }
        if (bar != null) {
            // A damaged data.tar may hold more than its catalog says: the bar stops at its end.
            bar.stepTo(Math.min(bytes, bar.max()));
            bar.extraMessage(" " + Math.min(files, filesTotal) + "/" + filesTotal + " files");
        }
    }

    /** Ends the bar's line, if one was drawn, so that what follows starts on a line of its own. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
