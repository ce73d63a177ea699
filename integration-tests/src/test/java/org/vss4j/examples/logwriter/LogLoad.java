package org.vss4j.examples.logwriter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A load generator: threads appending to the log until stopped, counting acknowledged appends, so a test can show
 * that no acknowledged write was lost and that writing went on around a shadow copy.
 */
public final class LogLoad implements AutoCloseable {

    private final AppendOnlyLog log;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();

    private LogLoad(AppendOnlyLog log) {
        this.log = log;
    }

    /** Starts {@code threads} appenders. */
    public static LogLoad start(AppendOnlyLog log, int threads) {
        LogLoad load = new LogLoad(log);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(load::run, "log-load-" + i);
            t.setDaemon(true);
            load.threads.add(t);
            t.start();
        }
        return load;
    }

    private void run() {
        try {
            while (running.get()) {
                log.append(("order " + acknowledged.get() + " " + Thread.currentThread().getName())
                        .getBytes(StandardCharsets.UTF_8));
                acknowledged.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure.set(e);
        }
    }

    /** Appends acknowledged so far. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Waits until at least {@code count} appends were acknowledged (the load is really running). */
    public boolean awaitAcknowledged(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (log) {
            while (acknowledged.get() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                log.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** Stops the appenders and waits for them; rethrows what any of them failed with. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        log.resume();
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(30).toMillis());
            if (t.isAlive()) {
                throw new IllegalStateException(t.getName() + " did not stop");
            }
        }
        Throwable f = failure.get();
        if (f != null) {
            throw new IllegalStateException("an appender failed", f);
        }
    }
}
