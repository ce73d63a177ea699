package org.vss4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.time.Duration;

/**
 * Copies what a child process writes to one of its pipes to one of ours as it comes: each read is written and flushed
 * at once, so a line the child printed is seen while the child still runs (a partial line too: a prompt, a progress
 * dot), not when it ends. To one of the process's own streams ({@link StreamWriter}) the bytes go unchanged; to any
 * other writer (a test's) they are decoded in the platform's charset.
 */
final class OutputPump {

    private final Thread thread;

    private OutputPump(Thread thread) {
        this.thread = thread;
    }

    /** Starts copying {@code from} to {@code to}. */
    static OutputPump start(InputStream from, PrintWriter to, String name) {
        Runnable copy = to instanceof StreamWriter s ? () -> copyBytes(from, s) : () -> copy(from, to);
        Thread t = new Thread(copy, "vss-exec-" + name);
        t.setDaemon(true);
        t.start();
        return new OutputPump(t);
    }

    private static void copyBytes(InputStream from, StreamWriter to) {
        byte[] buffer = new byte[8192];
        try (from) {
            OutputStream bytes = to.bytes();
            int n;
            while ((n = from.read(buffer)) >= 0) {
                // What vss printed before stays before: its writer is flushed into the stream first.
                to.flush();
                bytes.write(buffer, 0, n);
                bytes.flush();
            }
        } catch (IOException e) {
            // The pipe broke (the child was killed): what it wrote before is already out.
        }
    }

    private static void copy(InputStream from, PrintWriter to) {
        char[] buffer = new char[8192];
        try (Reader in = new InputStreamReader(from, Charset.defaultCharset())) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // The pipe broke (the child was killed): what it wrote before is already out.
        }
    }

    /** Waits up to {@code timeout} until the pipe has ended (every process holding it has ended or closed it). */
    boolean join(Duration timeout) throws InterruptedException {
        thread.join(Math.max(timeout.toMillis(), 1));
        return !thread.isAlive();
    }
}
