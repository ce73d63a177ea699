package org.vss4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vss4j.session.SessionClock;

/**
 * What {@code vss snapshot create} does when the JVM shuts down under it (SIGTERM, SIGINT/Ctrl-C, SIGHUP; on Windows
 * Ctrl-C and Ctrl-Break): a shutdown hook that ends the {@code --exec} command's process tree, tells the command's
 * thread to stop, and waits (bounded) while that thread aborts the backup, deletes what must not outlive the run and
 * releases the requester. The VSS calls stay on the command's thread: the hook makes none itself, so no
 * {@code IVssBackupComponents} is ever called from two threads at once.
 *
 * <p>The JVM then exits with 128 plus the signal's number (143 for SIGTERM, 130 for SIGINT), whatever the command's
 * thread returns. SIGKILL runs no hook: nothing here can help then.
 */
final class ShutdownGuard implements AutoCloseable {

    /** How long the {@code --exec} command's processes get to end after SIGTERM before they are killed. */
    static final Duration CHILD_GRACE = Duration.ofSeconds(5);
    /** How long the hook waits for the command's thread to abort and release before the JVM exits anyway. */
    static final Duration CLEANUP_BOUND = Duration.ofSeconds(60);

    private final PrintWriter err;
    private final Thread hook;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Process child;
    private volatile ProcessTree.Ended ended;

    private ShutdownGuard(PrintWriter err) {
        this.err = err;
        this.hook = new Thread(this::onShutdown, "vss-shutdown");
    }

    /** A guard whose hook is registered with the JVM until {@link #close()}. */
    static ShutdownGuard install(PrintWriter err) {
        ShutdownGuard g = new ShutdownGuard(err);
        Runtime.getRuntime().addShutdownHook(g.hook);
        return g;
    }

    /** Whether the JVM is shutting down: the command must stop, abort and release. */
    boolean isRequested() {
        return requested.getCount() == 0;
    }

    /**
     * Throws {@link Stopped} when a stop was requested; called between the steps of the command.
     *
     * @param before the step that would come next, for the message
     */
    void check(String before) {
        if (isRequested()) {
            throw new Stopped("stopped by a signal before " + before);
        }
    }

    /** The {@code --exec} command now running, ended by the hook; null when it has ended. */
    void running(Process p) {
        child = p;
        if (p != null && isRequested()) {
            // The stop came while the command was being started: it must not outlive us either.
            endChild(p);
        }
    }

    /**
     * After the {@code --exec} command's exit during a stop: waits while the hook is still ending what the command
     * started, so that the command's thread aborts and releases only once none of it runs.
     */
    synchronized void awaitChildEnded() {
        // The monitor is the hook's while it ends the tree (endChild): entering it is the wait.
    }

    /**
     * A system clock whose sleeps (the waits before a retry) end early, failing with {@link InterruptedException},
     * when a stop is requested: a signal never waits out a backoff of up to 30 s.
     */
    SessionClock clock() {
        SessionClock system = SessionClock.system();
        return new SessionClock() {
            @Override
            public long nanoTime() {
                return system.nanoTime();
            }

            @Override
            public Instant now() {
                return system.now();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                if (requested.await(duration.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new InterruptedException("stopped by a signal");
                }
            }
        };
    }

    /** The hook: package-private so that tests can run what a signal runs without one. */
    void onShutdown() {
        requested.countDown();
        Process p = child;
        err.println("vss: stopping (the JVM is shutting down: a signal or Ctrl-C)"
                + (p != null ? ": ending the --exec command" : "") + "; the backup will be aborted and released");
        err.flush();
        if (p != null) {
            endChild(p);
        }
        try {
            if (!finished.await(CLEANUP_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                err.println("vss: the backup was still not aborted and released after " + CLEANUP_BOUND.toSeconds()
                        + " s (a VSS call has not returned); exiting anyway: check `vss snapshot list`");
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void endChild(Process p) {
        if (ended == null) {
            ended = ProcessTree.end(p.toHandle(), CHILD_GRACE);
            err.println("vss: ended the --exec command (" + ended + ")");
            err.flush();
        }
    }

    /**
     * The command's thread is done (everything aborted and released): lets the hook return, or, when no shutdown
     * began, unregisters it.
     */
    @Override
    public void close() {
        finished.countDown();
        if (!isRequested()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The shutdown began just now: the hook runs and returns at once, finished is counted down.
            }
        }
    }

    /** The command was stopped by a shutdown (a signal): it aborts and releases; exit code {@link ExitCodes#STOPPED}. */
    static final class Stopped extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Stopped(String message) {
            super(message);
        }

        Stopped(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
