package org.vss4j.examples.logwriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.zip.CRC32;

/**
 * A small embedded store: an append-only log of records {@code [seq:8][length:4][payload][crc32:4]}, the kind of
 * on-disk state a Java application keeps and wants backed up consistently.
 *
 * <p>For VSS it offers what a writer needs: {@link #hold()} waits for the appends in flight, flushes the file to disk
 * and makes new appends wait; {@link #resume()} lets them go on. Hold and resume may come from different threads (VSS
 * delivers Freeze and Thaw on its own threads), so the gate is a monitor, not a thread-owned lock.
 */
public final class AppendOnlyLog implements AutoCloseable {

    static final int HEADER = 12;
    static final int TRAILER = 4;

    private final Path file;
    private final FileChannel channel;
    private long nextSeq;
    private boolean held;
    private int waiting;
    private long holds;

    private AppendOnlyLog(Path file, FileChannel channel, long nextSeq) {
        this.file = file;
        this.channel = channel;
        this.nextSeq = nextSeq;
    }

    /** Opens (or creates) the log; appends continue after the last complete record. */
    public static AppendOnlyLog open(Path file) {
        try {
            LogCheck existing = LogCheck.of(file);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            ch.truncate(existing.validBytes());
            ch.position(existing.validBytes());
            return new AppendOnlyLog(file, ch, existing.records());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the log " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Appends one record and returns its sequence number; waits while the log is held. Appends are serialised on the
     * log's monitor, so sequence numbers reach the file in order and a holder owning the monitor knows none is in
     * flight.
     */
    public synchronized long append(byte[] payload) throws InterruptedException {
        if (held) {
            waiting++;
            try {
                while (held) {
                    wait();
                }
            } finally {
                waiting--;
                notifyAll();
            }
        }
        long seq = nextSeq++;
        write(seq, payload);
        notifyAll();
        return seq;
    }

    private void write(long seq, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length + TRAILER);
        b.putLong(seq).putInt(payload.length).put(payload);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, HEADER + payload.length);
        b.putInt((int) crc.getValue()).flip();
        try {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("append to " + file, e);
        }
    }

    /**
     * Stops new appends and forces the file to disk: afterwards the file ends at a record boundary and every
     * acknowledged record is on disk, which is what a shadow copy taken now will hold.
     */
    public void hold() {
        synchronized (this) {
            // Owning the monitor means no append is in flight (appends run under it).
            held = true;
            holds++;
        }
        try {
            channel.force(true);
        } catch (IOException e) {
            resume();
            throw new UncheckedIOException("flush " + file, e);
        }
    }

    /** Lets appends go on. */
    public synchronized void resume() {
        held = false;
        notifyAll();
    }

    /** Whether appends are held now. */
    public synchronized boolean isHeld() {
        return held;
    }

    /** How many appends are waiting for {@link #resume()} now. */
    public synchronized int waitingAppends() {
        return waiting;
    }

    /** How often the log was held. */
    public synchronized long holds() {
        return holds;
    }

    /** Waits until no append is waiting (after a resume); false if some still wait after {@code timeout}. */
    public synchronized boolean awaitNoWaitingAppends(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (waiting > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** The sequence number the next append gets (= the number of records so far). */
    public synchronized long nextSequence() {
        return nextSeq;
    }

    @Override
    public void close() throws IOException {
        channel.force(true);
        channel.close();
    }
}
