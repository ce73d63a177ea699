package org.vss4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vss4j.session.SessionClock;

/**
 * What {@code vss snapshot create} does when the JVM shuts down under it (SIGTERM, SIGINT/Ctrl-C, SIGHUP; on Windows
 * Ctrl-C, and a console close, logoff or shutdown, which Windows lets run for a few seconds only): a shutdown hook
 * that ends the {@code --exec} command's processes ({@link ExecChild}), tells the command's thread to stop, and waits
 * (bounded) while that thread aborts the backup, deletes what must not outlive the run, releases the requester and
 * reports. The VSS calls stay on the command's thread: the hook makes none itself, so no {@code IVssBackupComponents}
 * is ever called from two threads at once.
 *
 * <p>The exit code says what the stop achieved. When the backup was aborted and everything released, the hook
 * returns and the JVM exits with 128 plus the signal's number (143 for SIGTERM, 130 for SIGINT). Otherwise the hook
 * ends the JVM with the command's own outcome ({@link Runtime#halt}): {@link ExitCodes#CLEANUP_FAILED} when the
 * cleanup failed or did not end within {@link #CLEANUP_BOUND}, the backup's own code when BackupComplete had been
 * called before the stop (the backup was done), or the code of a failure that was not the stop's doing. SIGKILL runs
 * no hook: nothing here can help then.
 */
final class ShutdownGuard {

    /**
     * How long the {@code --exec} command's processes get to end after SIGTERM before they are killed: 5 s, or the
     * ISO-8601 duration in the system property {@code vss4j.cli.childGrace} (tests shorten it).
     */
    static final Duration CHILD_GRACE = Duration.parse(System.getProperty("vss4j.cli.childGrace", "PT5S"));
    /** How long the hook waits for the command's thread to abort, release and report before the JVM exits anyway. */
    static final Duration CLEANUP_BOUND = Duration.ofSeconds(60);
    /** {@link #onShutdown()}'s answer when the JVM may exit with the signal's own code. */
    static final int SIGNAL_CODE = -1;

    /** The guard installed last in this JVM, for tests that stop a run in process. */
    private static volatile ShutdownGuard latest;

    private final PrintWriter err;
    private final Thread hook;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch childHandled = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile ExecChild child;
    private volatile ExecChild.Ended ended;
    private volatile int exitCode = ExitCodes.OTHER_FAILURE;

    private ShutdownGuard(PrintWriter err) {
        this.err = err;
        this.hook = new Thread(() -> {
            int code = onShutdown();
            if (code != SIGNAL_CODE) {
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(code);
            }
        }, "vss-shutdown");
    }

    /** A guard whose hook is registered with the JVM until {@link #finish}. */
    static ShutdownGuard install(PrintWriter err) {
        ShutdownGuard g = new ShutdownGuard(err);
        Runtime.getRuntime().addShutdownHook(g.hook);
        latest = g;
        return g;
    }

    /** The guard installed last, or null. */
    static ShutdownGuard latest() {
        return latest;
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
    void running(ExecChild c) {
        child = c;
        if (c != null && isRequested()) {
            // The stop came while the command was being started: it must not outlive us either.
            endChild(c);
        }
    }

    /**
     * After the {@code --exec} command's exit during a stop: waits (bounded) until the hook has ended what the
     * command started, or has seen there was no command, so that the command's thread aborts and releases only once
     * none of it runs.
     */
    void awaitChildEnded() throws InterruptedException {
        childHandled.await(CHILD_GRACE.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A system clock whose sleeps (the waits before a retry) end early with {@link Stopped} when a stop is requested:
     * a signal never waits out a backoff of up to 30 s, and the thread is not left interrupted for the abort.
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
                    throw new Stopped("stopped by a signal while waiting to retry");
                }
            }
        };
    }

    /**
     * The hook (package-private so that tests run what a signal runs without one): returns {@link #SIGNAL_CODE} when
     * the JVM may exit with the signal's code, else the exit code the JVM is to halt with.
     */
    int onShutdown() {
        requested.countDown();
        ExecChild c = child;
        err.println("vss: stopping (the JVM is shutting down: a signal or Ctrl-C)"
                + (c != null ? ": ending the --exec command" : "") + "; the backup will be aborted and released");
        err.flush();
        if (c != null) {
            endChild(c);
        }
        childHandled.countDown();
        try {
            if (!finished.await(CLEANUP_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                err.println("vss: the backup was still not aborted, released and reported after "
                        + CLEANUP_BOUND.toSeconds() + " s; exiting anyway with " + ExitCodes.CLEANUP_FAILED
                        + ": check `vss snapshot list`");
                err.flush();
                return ExitCodes.CLEANUP_FAILED;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.CLEANUP_FAILED;
        }
        return exitCode == ExitCodes.STOPPED ? SIGNAL_CODE : exitCode;
    }

    private synchronized void endChild(ExecChild c) {
        if (ended == null) {
            ended = c.end(CHILD_GRACE);
            err.println("vss: ended the --exec command (" + ended + ")");
            err.flush();
        }
    }

    /**
     * The command is done and has reported (everything aborted and released, its last line printed) with
     * {@code code}: lets the hook return with it or, when no shutdown began, unregisters the hook.
     */
    void finish(int code) {
        exitCode = code;
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The shutdown has begun: the hook runs and returns (or halts) at once, finished is counted down.
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
