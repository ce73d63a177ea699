package org.vss4j.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends a process and every process it started: asks each to end ({@link ProcessHandle#destroy()}: SIGTERM on POSIX),
 * and after a grace forces the ones still running ({@link ProcessHandle#destroyForcibly()}: SIGKILL;
 * TerminateProcess on Windows, where both are forcible).
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /** What {@link #end} did: how many processes it ended, and how many of them had to be forced. */
    record Ended(long root, int descendants, int forced) {

        @Override
        public String toString() {
            return "pid " + root + (descendants == 0 ? "" : " and " + descendants + " process(es) it started")
                    + (forced == 0 ? "" : ", " + forced + " of them forced after the grace");
        }
    }

    /**
     * Ends {@code root} and its descendants, each given {@code grace} to end after the request before it is forced.
     * The descendants are listed before anything is ended: once their parent has ended, orphans are no longer its
     * descendants. The root is awaited first: a descendant that has ended stays a zombie, which {@code isAlive} still
     * counts, until its parent reaps it or, after the parent has ended, the system does.
     */
    static Ended end(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        tree.addAll(root.descendants().toList());
        int descendants = tree.size() - 1;
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        int forced = 0;
        for (ProcessHandle p : tree) {
            if (!awaitExit(p, deadline - System.nanoTime())) {
                p.destroyForcibly();
                forced++;
            }
        }
        // A forced process is gone at once; a bounded wait only lets the forced exits be observed.
        long forcedDeadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            awaitExit(p, forcedDeadline - System.nanoTime());
        }
        return new Ended(root.pid(), descendants, forced);
    }

    private static boolean awaitExit(ProcessHandle p, long nanos) {
        if (!p.isAlive()) {
            return true;
        }
        try {
            p.onExit().get(Math.max(nanos, 0), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }
}
