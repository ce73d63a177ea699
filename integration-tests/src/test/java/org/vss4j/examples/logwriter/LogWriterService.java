package org.vss4j.examples.logwriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vss4j.contract.LongPaths;

/**
 * The log writer as a process other requesters can back up: Microsoft's BETest, {@code vssadmin list writers}
 * (.github/windows/ms-tools.ps1 runs it on the Windows runner; docs/windows-ci.md).
 *
 * <pre>
 * LogWriterService run DIR     the writer and two appenders on DIR\orders.log until standard input ends
 * LogWriterService check FILE  whether FILE (a backed-up orders.log) is a clean log
 * </pre>
 *
 * {@code run} prints {@code READY <writer name> {<writer id>} <directory>} once the writer is subscribed and the log
 * is being written, and {@code STOPPED holds=<n> acknowledged=<n> records=<n> clean=<true|false>} at the end; it exits
 * 0 when the log is clean and holds every acknowledged record. The directory is declared in its long form
 * ({@link LongPaths}), as the writer must. It stops by itself after {@link #LONGEST_RUN} (exit 1), so a script that
 * dies cannot leave it running for ever.
 */
public final class LogWriterService {

    static final Duration LONGEST_RUN = Duration.ofMinutes(20);
    private static final Duration START = Duration.ofMinutes(1);

    private LogWriterService() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("run")) {
            System.exit(run(Path.of(args[1]), System.in, System.out, LONGEST_RUN));
        } else if (args.length == 2 && args[0].equals("check")) {
            System.exit(check(Path.of(args[1]), System.out));
        } else {
            System.err.println("usage: LogWriterService run DIR | check FILE");
            System.exit(2);
        }
    }

    /** Runs the writer on {@code dir} until {@code stop} ends (or {@code longest} passes); the exit code. */
    static int run(Path dir, InputStream stop, PrintStream out, Duration longest) throws Exception {
        Files.createDirectories(dir);
        String declared = LongPaths.of(dir.toAbsolutePath().toString());
        Path longDir = Path.of(declared);
        AppendOnlyLog log;
        LogLoad load;
        boolean stoppedInTime;
        try (RunningLogWriter running = RunningLogWriter.start(longDir, declared, 2, "service " + UUID.randomUUID())) {
            log = running.log();
            load = running.load();
            if (!load.awaitAcknowledged(100, START)) {
                out.println("FAILED the log was not written within " + START);
                return 1;
            }
            out.printf("READY %s {%s} %s%n", LogWriter.NAME, LogWriter.WRITER_ID, declared);
            out.flush();
            stoppedInTime = awaitEnd(stop, longest);
        }
        // Closing stopped the writer, then the appenders: the counts are final.
        LogCheck live = LogCheck.of(log.file());
        boolean ok = live.isClean() && live.records() == load.acknowledged();
        out.printf("STOPPED holds=%d acknowledged=%d records=%d clean=%s%n", log.holds(), load.acknowledged(),
                live.records(), live.isClean());
        if (!stoppedInTime) {
            out.println("FAILED standard input did not end within " + longest);
        }
        out.flush();
        return ok && stoppedInTime ? 0 : 1;
    }

    /** Whether {@code file} is a clean log with records; the exit code, 0 if so. */
    static int check(Path file, PrintStream out) throws IOException {
        LogCheck c = LogCheck.of(file);
        out.printf("CHECK records=%d clean=%s%n", c.records(), c.isClean());
        out.flush();
        return c.isClean() && c.records() > 0 ? 0 : 1;
    }

    /** Waits until {@code in} ends (EOF or a line); false if {@code longest} passed first. */
    private static boolean awaitEnd(InputStream in, Duration longest) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                int c;
                do {
                    c = in.read();
                } while (c != -1 && c != '\n');
            } catch (IOException e) {
                // A broken pipe ends it too.
            } finally {
                ended.countDown();
            }
        }, "log-writer-service-stdin");
        reader.setDaemon(true);
        reader.start();
        return ended.await(longest.toMillis(), TimeUnit.MILLISECONDS);
    }
}
