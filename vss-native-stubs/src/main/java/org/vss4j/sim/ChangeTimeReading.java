package org.vss4j.sim;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A {@link ChangeTimeRecord} being read on a daemon thread of its own, so that it overlaps the point-in-time copy
 * of the same volume (which runs in a {@code cp} process or on the caller's thread) instead of adding a second walk
 * of the volume after it.
 */
final class ChangeTimeReading {

    private final FutureTask<ChangeTimeRecord> task;
    private final Thread thread;

    private ChangeTimeReading(FutureTask<ChangeTimeRecord> task, Thread thread) {
        this.task = task;
        this.thread = thread;
    }

    /** Starts reading the change times of {@code volumeRoot}, leaving out {@code excluded}. */
    static ChangeTimeReading start(Path volumeRoot, Set<Path> excluded) {
        FutureTask<ChangeTimeRecord> task = new FutureTask<>(() -> ChangeTimeRecord.read(volumeRoot, excluded));
        Thread t = new Thread(task, "vss4j-sim-change-times");
        t.setDaemon(true);
        t.start();
        return new ChangeTimeReading(task, t);
    }

    /**
     * Waits for the record. A failure of the reading is thrown as it was thrown there; an interrupt of the waiting
     * thread cancels the reading and is kept set.
     */
    ChangeTimeRecord result() {
        try {
            ChangeTimeRecord r = task.get();
            // The task is done; its thread ends right after it (joined, so no reading thread outlives the copy).
            thread.join();
            return r;
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the change times of the volume were read", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (CancellationException e) {
            throw new IllegalStateException("the reading of the change times was cancelled", e);
        }
    }

    /** Stops the reading (the copy it goes with failed) and waits for its thread to end, so nothing outlives it. */
    void cancel() {
        task.cancel(true);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether its thread still runs (for tests: nothing may outlive a failed copy). */
    boolean running() {
        return thread.isAlive();
    }
}
