package org.vss4j.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

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
 */
final class SparseOutputStream extends OutputStream {

    /** The file system block the holes are made of: 4 KiB, the usual cluster of NTFS and block of ext4. */
    static final int BLOCK = 4096;
    private static final byte[] ZEROS = new byte[BLOCK];

    private final FileChannel channel;
    private final byte[] buffer;
    /** The file position of {@code buffer[0]}. */
    private long bufferStart;
    private int buffered;
    private boolean closed;

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
            drain();
        }
        buffer[buffered++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checkOpen();
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (buffered == buffer.length) {
                drain();
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
        drain();
        long end = bufferStart;
        if (end > 0 && channel.size() < end) {
            write(ByteBuffer.allocate(1), end - 1);
        }
    }

    /** Flushes and closes the channel (also when the flush fails). */
    @Override
    public void close() throws IOException {
        if (!closed) {
            try {
                flush();
            } finally {
                closed = true;
                channel.close();
            }
        }
    }

    /** Writes the buffer's non-zero runs at their positions, skipping aligned all-zero blocks. */
    private void drain() throws IOException {
        int runStart = -1;
        int at = 0;
        while (at < buffered) {
            long position = bufferStart + at;
            int chunk = (int) Math.min(buffered - at, BLOCK - position % BLOCK);
            boolean hole = chunk == BLOCK && Arrays.mismatch(buffer, at, at + BLOCK, ZEROS, 0, BLOCK) == -1;
            if (hole && runStart >= 0) {
                write(ByteBuffer.wrap(buffer, runStart, at - runStart), bufferStart + runStart);
                runStart = -1;
            } else if (!hole && runStart < 0) {
                runStart = at;
            }
            at += chunk;
        }
        if (runStart >= 0) {
            write(ByteBuffer.wrap(buffer, runStart, buffered - runStart), bufferStart + runStart);
        }
        bufferStart += buffered;
        buffered = 0;
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
