package org.vss4j.sim;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * The progress of one piece of work over the files of a tree, told to a {@link ProgressListener}: counted before the
 * work (only when someone listens: the count is a walk of its own), then reported as files are done, at most about a
 * thousand times however large the tree, and always at the start and the end. {@link #close()} (in a
 * {@code finally}: try-with-resources) tells the listener that the piece is over, whether or not it completed.
 */
final class FileProgress implements AutoCloseable {

    /** Reports no more often than every 1/1000 of the total. */
    private static final int REPORTS = 1000;

    private final ProgressListener listener;
    private final ProgressListener.Phase phase;
    private final long total;
    private final long step;
    private long done;
    private long reported;
    private boolean finished;
    private boolean closed;

    private FileProgress(ProgressListener listener, ProgressListener.Phase phase, long total) {
        this.listener = listener;
        this.phase = phase;
        this.total = total;
        this.step = Math.max(1, total / REPORTS);
        listener.progress(phase, 0, total);
    }

    /** Starts reporting {@code phase} over the files of {@code tree}, without those under {@code excluded}. */
    static FileProgress over(ProgressListener listener, ProgressListener.Phase phase, Path tree, Set<Path> excluded) {
        if (listener == ProgressListener.NONE) {
            return new FileProgress(listener, phase, 0);
        }
        return new FileProgress(listener, phase, count(tree, excluded));
    }

    /** Tells no one. */
    static FileProgress silent() {
        return new FileProgress(ProgressListener.NONE, ProgressListener.Phase.SHADOW_COPY_DELETION, 0);
    }

    /** One more file is done. */
    void fileDone() {
        // Never past the total: a file that appeared after the count is done, the display stays at 100 %.
        done = Math.min(done + 1, total);
        if (done - reported >= step && done < total) {
            reported = done;
            listener.progress(phase, done, total);
        }
    }

    /** The work is complete: every file counted is done. */
    void finish() {
        done = total;
        finished = true;
        listener.progress(phase, total, total);
    }

    /** The piece is over: completed if {@link #finish()} was reached, failed otherwise. Told once. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            listener.ended(phase, done, total, finished);
        }
    }

    /** The files (anything but a directory; links are not followed) of {@code tree}, not counting {@code excluded}. */
    static long count(Path tree, Set<Path> excluded) {
        long[] n = {0};
        if (!Files.exists(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        try {
            Files.walkFileTree(tree, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return excluded.contains(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!excluded.contains(file)) {
                        n[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    // Counted as a file: the work itself reports the failure, the count only sizes the display.
                    n[0]++;
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // The count only sizes the display; the work that follows meets the same problem and reports it.
            return n[0];
        }
        return n[0];
    }
}
