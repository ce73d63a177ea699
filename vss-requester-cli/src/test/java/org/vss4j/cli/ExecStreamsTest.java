package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The standard streams of the {@code --exec} command: no input to wait for, output as it comes. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the commands are POSIX shell scripts; mkfifo")
class ExecStreamsTest {

    @TempDir
    Path volume;

    @TempDir
    Path state;

    private int vss(Writer out, Writer err, String exec) {
        return vss(new PrintWriter(out, true), new PrintWriter(err, true), exec);
    }

    private int vss(PrintWriter out, PrintWriter err, String exec) {
        return VssCommand.execute(out, err, "snapshot", "create", "D:\\",
                "--exec", exec, "--sim-volume", "D:\\=" + volume, "--sim-state", state.toString());
    }

    /**
     * Without a terminal the command's input is at its end at once: reading it returns, the backup goes on. (Run on
     * another thread: a command left waiting for its input must fail this test, not hang it.)
     */
    @Test
    @Timeout(60)
    void aCommandThatReadsItsInputFindsItsEndAndTheBackupCompletes() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> vss(out, err,
                "if read line; then echo \"read: $line\"; else echo 'input ended'; fi; echo oops >&2"));

        assertThat(run).as("the command ends").succeedsWithin(Duration.ofSeconds(20));
        assertThat(run.get()).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("input ended" + System.lineSeparator());
        assertThat(err.toString()).contains("oops" + System.lineSeparator(), "BackupComplete ...");
    }

    /**
     * A line the command prints reaches our output while it still runs: the command prints, then blocks opening a
     * FIFO until the test, having seen the line, opens it for writing.
     */
    @Test
    @Timeout(60)
    void theCommandsOutputIsSeenWhileItRuns() throws Exception {
        Path fifo = state.resolve("go");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Watched out = new Watched("ready" + System.lineSeparator());
        StringWriter err = new StringWriter();

        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(
                () -> vss(out, err, "echo ready; read word < '" + fifo + "'; echo \"then $word\""));
        try {
            assertThat(out.seen.await(20, TimeUnit.SECONDS)).as("the line, while the command runs: " + out).isTrue();
            assertThat(run).as("the command still runs").isNotDone();
        } finally {
            // Opening the FIFO for writing lets the command go on (it waits to open it for reading). Written by a
            // process of its own, waited for at most 20 s: open(2) of a FIFO that no command ever opens blocks for
            // good, and a blocked open cannot be interrupted in this JVM.
            Process writer = new ProcessBuilder("/bin/sh", "-c", "echo go > \"$1\"", "sh", fifo.toString()).start();
            try {
                assertThat(writer.waitFor(20, TimeUnit.SECONDS)).as("the command opened the FIFO").isTrue();
            } finally {
                writer.destroyForcibly();
            }
        }
        assertThat(run.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("then go");
    }

    /**
     * What the command writes reaches vss's own output as the bytes it wrote, not decoded and encoded again: bytes
     * that are no text in the platform's charset (0xFF 0xFE, a lone 0x80) arrive unchanged.
     */
    @Test
    @Timeout(60)
    void theCommandsOutputBytesReachOursUnchanged() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();

        int exit = vss(new StreamWriter(new PrintStream(bytes, true)), new PrintWriter(err, true),
                "printf '<\\377\\376\\200>'");

        assertThat(exit).as(err.toString()).isZero();
        byte[] expected = {'<', (byte) 0xFF, (byte) 0xFE, (byte) 0x80, '>'};
        assertThat(indexOf(bytes.toByteArray(), expected)).as("the command's bytes in vss's output").isNotNegative();
    }

    private static int indexOf(byte[] in, byte[] what) {
        for (int i = 0; i + what.length <= in.length; i++) {
            if (Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    /** A writer that says when {@code expected} has been written to it. */
    private static final class Watched extends Writer {

        final CountDownLatch seen = new CountDownLatch(1);
        private final StringBuilder text = new StringBuilder();
        private final String expected;

        Watched(String expected) {
            this.expected = expected;
        }

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            text.append(cbuf, off, len);
            if (text.indexOf(expected) >= 0) {
                seen.countDown();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() throws IOException {
        }

        @Override
        public synchronized String toString() {
            return text.toString();
        }
    }
}
