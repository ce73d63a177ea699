package org.vss4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupListener;
import org.vss4j.session.ItemKind;

/**
 * The copy of a backup's files shown on stderr as one progress bar over their bytes (rate and time left from
 * me.tongfei:progressbar), with the files done and to do; each item the session reports saved or failed moves it.
 * As for {@link ProgressBars}: on a terminal only (or when asked with {@code --progress}), and on a terminal only once
 * the copy has run for {@link ProgressBars#ON_A_TERMINAL}.
 */
final class BackupProgress implements BackupListener, AutoCloseable {

    private final PrintWriter err;
    private final long delayNanos;
    private long totalBytes;
    private int totalFiles;
    private long doneBytes;
    private int doneFiles;
    private long startedAt;
    private ProgressBarLine bar;

    private BackupProgress(PrintWriter err, Duration delay) {
        this.err = err;
        this.delayNanos = delay.toNanos();
    }

    /** Bars when {@code asked} ({@code --progress}), none when refused, else only when stderr is a terminal. */
    static BackupProgress forStderr(Boolean asked, PrintWriter err) {
        if (asked != null) {
            return asked ? new BackupProgress(err, Duration.ZERO) : null;
        }
        return StderrTerminal.isTerminal() ? new BackupProgress(err, ProgressBars.ON_A_TERMINAL) : null;
    }

    /** The copy starts: {@code items} are to be copied. */
    synchronized void starting(List<BackupItem> items) {
        totalFiles = items.size();
        totalBytes = 0;
        for (BackupItem i : items) {
            totalBytes += size(i);
        }
        startedAt = System.nanoTime();
    }

    @Override
    public synchronized void onEvent(BackupEvent event) {
        BackupItem item = event instanceof BackupEvent.ItemSaved s ? s.item()
                : event instanceof BackupEvent.ItemFailed f ? f.item() : null;
        if (item == null || totalFiles == 0) {
            return;
        }
        doneFiles++;
        doneBytes += size(item);
        long ran = System.nanoTime() - startedAt;
        if (bar == null && (delayNanos == 0 || doneFiles < totalFiles && ran >= delayNanos)) {
            bar = new ProgressBarLine(err, new ProgressBarBuilder().setTaskName("backup")
                    .setInitialMax(Math.max(1, totalBytes)).setStyle(ProgressBarStyle.ASCII).setUnit(" MiB", 1 << 20)
                    .showSpeed().startsFrom(0, Duration.ofNanos(ran)));
        }
        if (bar != null) {
            bar.stepTo(Math.min(doneBytes, Math.max(1, totalBytes)));
            // Its own word: the progress bar puts the extra message right after the rate.
            bar.extraMessage(" " + doneFiles + "/" + totalFiles + " files");
            if (doneFiles >= totalFiles) {
                close();
            }
        }
    }

    private static long size(BackupItem i) {
        if (i.kind() != ItemKind.FILE) {
            return 0;
        }
        try {
            return Files.size(i.inSnapshot());
        } catch (IOException | SecurityException e) {
            return 0;
        }
    }

    /** Ends the bar's line, if one is shown, so that what follows starts on a line of its own. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
