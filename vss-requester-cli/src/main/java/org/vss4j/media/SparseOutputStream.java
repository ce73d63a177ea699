package org.vss4j.media;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writes a new file through a buffer, leaving a hole (seeking on instead of writing) wherever a whole aligned block
 * holds only zeros: the file reads back byte for byte the same, and a multi-GiB sparse file costs its data, not its
 * size, on file systems with sparse files (ext4, XFS, APFS, and NTFS once a file is marked sparse; elsewhere the file
 * system writes the zeros itself). Holes need a file that is new and empty: bytes already in a skipped block would
 * stay.
 *
 * <p>{@link #flush()} makes the file as long as everything written: a skipped block at the end leaves it short until
 * one byte is written at its last position, so a caller flushes before {@code force}. The stream owns the channel:
 * {@link #close()} closes it.
 *
 * <p>Once more than one buffer was written, full buffers are written on a thread of the stream's own while the caller
 * fills a second one (one buffer in flight, no more): the caller's reading and hashing then overlap the scan for zero
 * blocks and the file system's write. A failure of such a write is thrown by the next {@code write}, {@code flush} or
 * {@code close}. Data that fits in one buffer (most files of a restore) is written on the caller's thread, and no
 * thread is started.
 */
final class SparseOutputStream extends OutputStream {

    /** The file system block the holes are made of: 4 KiB, the usual cluster of NTFS and block of ext4. */
    static final int BLOCK = 4096;
    private static final byte[] ZEROS = new byte[BLOCK];

    private final FileChannel channel;
    private byte[] buffer;
    /** The file position of {@code buffer[0]}. */
    private long bufferStart;
    private int buffered;
    private boolean closed;
    /** The thread writing full buffers, from the first hand-off on; null before. */
    private ExecutorService writer;
    /** The buffer being written there, and that write; null when none is in flight. */
    private byte[] inFlight;
    private Future<?> pending;

    /**
     * A stream over {@code channel}, which must be new and empty, positioned at 0.
     *
     * @param channel    the file, open for writing
     * @param bufferSize how much is gathered per write, a multiple of {@link #BLOCK}
     */
    SparseOutputStream(FileChannel channel, int bufferSize) {
        if (bufferSize <= 0 || bufferSize % BLOCK != 0) {
            throw new IllegalArgumentException("the buffer is not a multiple of " + BLOCK + ": " + bufferSize);
        }
        this.channel = channel;
        this.buffer = new byte[bufferSize];
    }

    @Override
    public void write(int b) throws IOException {
        checkOpen();
        if (buffered == buffer.length) {
            handOff();
        }
        buffer[buffered++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checkOpen();
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (buffered == buffer.length) {
                handOff();
            }
            int n = Math.min(len, buffer.length - buffered);
            System.arraycopy(b, off, buffer, buffered, n);
            buffered += n;
            off += n;
            len -= n;
        }
    }

    /** Writes what is buffered and makes the file as long as everything written. */
    @Override
    public void flush() throws IOException {
        checkOpen();
        awaitInFlight();
        drain(buffer, buffered, bufferStart);
        bufferStart += buffered;
        buffered = 0;
        long end = bufferStart;
        if (end > 0 && channel.size() < end) {
            write(ByteBuffer.allocate(1), end - 1);
        }
    }

    /** Flushes and closes the channel (also when the flush fails), and ends the writing thread. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            try {
                flush();
            } finally {
                closed = true;
                try {
                    if (writer != null) {
                        writer.shutdownNow();
                    }
                } finally {
                    channel.close();
                }
            }
        }
    }

    /**
     * Gives the full buffer to the writing thread, once the one before it is written, and goes on in the other
     * buffer: at most one buffer is in flight while the caller fills the next.
     */
    private void handOff() throws IOException {
        awaitInFlight();
        if (writer == null) {
            // Its thread ends after a few idle seconds too: a stream its owner never closes keeps no thread.
            ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, "vss4j-sparse-writer");
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            writer = pool;
            inFlight = new byte[buffer.length];
        }
        byte[] full = buffer;
        int length = buffered;
        long start = bufferStart;
        pending = writer.submit(() -> {
            drain(full, length, start);
            return null;
        });
        buffer = inFlight;
        inFlight = full;
        bufferStart += length;
        buffered = 0;
    }

    /** Waits for the buffer in flight to be written; throws what its write threw. */
    private void awaitInFlight() throws IOException {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a write of the file to end");
        } catch (ExecutionException e) {
            // Thrown again on the caller's thread, its own stack with the writing thread's as the cause.
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException(io.getMessage(), io);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        pending = null;
    }

    /** Writes the non-zero runs of {@code bytes[0, length)} at {@code start} on, skipping aligned all-zero blocks. */
    private void drain(byte[] bytes, int length, long start) throws IOException {
        int runStart = -1;
        int at = 0;
        while (at < length) {
            long position = start + at;
            int chunk = (int) Math.min(length - at, BLOCK - position % BLOCK);
            boolean hole = chunk == BLOCK && Arrays.mismatch(bytes, at, at + BLOCK, ZEROS, 0, BLOCK) == -1;
            if (hole && runStart >= 0) {
                write(ByteBuffer.wrap(bytes, runStart, at - runStart), start + runStart);
                runStart = -1;
            } else if (!hole && runStart < 0) {
                runStart = at;
            }
            at += chunk;
        }
        if (runStart >= 0) {
            write(ByteBuffer.wrap(bytes, runStart, length - runStart), start + runStart);
        }
    }

    private void write(ByteBuffer bytes, long position) throws IOException {
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("the stream is closed");
        }
    }
}
