package org.vss4j.files;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.vss4j.abi.struct.Win32StreamId;

/**
 * Reads the stream sequence of {@code BackupRead} (or the same bytes stored elsewhere): each stream's
 * {@code WIN32_STREAM_ID} header and name ({@link #next()}), then its data ({@link #data()}), one stream after the
 * other (Microsoft docs, "BackupRead function", "WIN32_STREAM_ID structure"; [MS-BKUP] "NT Backup File"). Microsoft
 * documents no order of the streams, so a reader takes them in any order. Data not read when {@link #next()} is
 * called is skipped ({@code BackupSeek} on a live file). {@link #close()} releases what the source holds (for
 * {@code BackupRead}: its context, by a last call with {@code bAbort} TRUE, and the file handle).
 */
public final class BackupStreamReader implements AutoCloseable {

    /** Where the bytes come from. */
    public interface Source extends AutoCloseable {
        /**
         * Reads up to {@code length} bytes.
         *
         * @param buffer the buffer
         * @param offset where in it
         * @param length how many bytes at most
         * @return the bytes read; 0 at the end only
         * @throws IOException if they cannot be read
         */
        int read(byte[] buffer, int offset, int length) throws IOException;

        /**
         * Skips up to {@code n} bytes of the current stream's data, never past its end.
         *
         * @param n how many
         * @return how many were skipped
         * @throws IOException if they cannot be skipped
         */
        long skip(long n) throws IOException;

        @Override
        void close() throws IOException;
    }

    private final Source source;
    private final String what;
    /** The size of the buffer a reader fills from its source. */
    public static final int BUFFER_SIZE = 64 * 1024;

    private final byte[] buffer;
    private int position;
    private int limit;
    private long remaining;
    private boolean ended;
    private boolean closed;

    /**
     * A reader of {@code source}.
     *
     * @param source the bytes in the BackupRead format
     * @param what   what they are, for messages (the file's path)
     */
    public BackupStreamReader(Source source, String what) {
        this(source, what, new byte[BUFFER_SIZE]);
    }

    /**
     * A reader of {@code source} that fills {@code buffer}, which it owns until it is closed (a caller that reads
     * many files' streams reuses one instead of a new 64 KiB array per file).
     *
     * @param source the bytes in the BackupRead format
     * @param what   what they are, for messages (the file's path)
     * @param buffer at least {@link #BUFFER_SIZE} bytes, used by no one else until the reader is closed
     */
    public BackupStreamReader(Source source, String what, byte[] buffer) {
        if (buffer.length < BUFFER_SIZE) {
            throw new IllegalArgumentException("a buffer of " + buffer.length + " bytes, less than " + BUFFER_SIZE);
        }
        this.source = source;
        this.what = what;
        this.buffer = buffer;
    }

    /**
     * A reader of stored bytes in the BackupRead format (a backup set's stream entry).
     *
     * @param in   the bytes; closed with the reader
     * @param what what they are, for messages
     * @return the reader
     */
    public static BackupStreamReader of(InputStream in, String what) {
        return new BackupStreamReader(new Source() {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                return Math.max(n, 0);
            }

            @Override
            public long skip(long n) throws IOException {
                return in.skip(n);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        }, what);
    }

    /**
     * The next stream's header, after skipping what is left of the current stream's data.
     *
     * @return the header, or empty after the last stream
     * @throws IOException if the bytes cannot be read or end inside a header or a stream
     */
    public Optional<BackupStreamHeader> next() throws IOException {
        checkOpen();
        while (remaining > 0) {
            long fromBuffer = Math.min(remaining, limit - position);
            position += (int) fromBuffer;
            remaining -= fromBuffer;
            if (remaining > 0) {
                long skipped = source.skip(remaining);
                if (skipped <= 0) {
                    // The source cannot skip: read through.
                    if (!fill()) {
                        throw new EOFException(what + ": the streams end inside a stream's data");
                    }
                } else {
                    remaining -= skipped;
                }
            }
        }
        if (ended) {
            return Optional.empty();
        }
        if (limit == position && !fill()) {
            ended = true;
            return Optional.empty();
        }
        byte[] fixed = readFully(Win32StreamId.HEADER_SIZE, "a stream header");
        ByteBuffer b = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN);
        int id = b.getInt();
        int attributes = b.getInt();
        long size = b.getLong();
        int nameSize = b.getInt();
        if (size < 0 || nameSize < 0 || nameSize % 2 != 0 || nameSize > 65536) {
            throw new IOException(what + ": a stream header makes no sense (id " + id + ", size " + size
                    + ", name size " + nameSize + ")");
        }
        String name = BackupStreamHeader.name(readFully(nameSize, "a stream name"));
        remaining = size;
        return Optional.of(new BackupStreamHeader(id, attributes, size, name));
    }

    /**
     * The current stream's data, up to its end; reading past it returns -1. Closing it does not close the reader.
     *
     * @return the data
     */
    public InputStream data() {
        return new ByteArrayReads() {

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                checkOpen();
                if (remaining == 0) {
                    return -1;
                }
                if (len == 0) {
                    return 0;
                }
                if (position == limit && !fill()) {
                    throw new EOFException(what + ": the streams end inside a stream's data");
                }
                int n = (int) Math.min(Math.min(len, remaining), limit - position);
                System.arraycopy(buffer, position, b, off, n);
                position += n;
                remaining -= n;
                return n;
            }
        };
    }

    /**
     * The current stream's data, read whole.
     *
     * @param max the largest size accepted
     * @return the data
     * @throws IOException if it cannot be read or is larger than {@code max}
     */
    public byte[] readData(int max) throws IOException {
        if (remaining > max) {
            throw new IOException(what + ": a stream of " + remaining + " bytes, more than " + max);
        }
        checkOpen();
        // Exactly the stream's size (readAllBytes would allocate 16 KiB and copy for a stream of a few bytes).
        byte[] out = readFully((int) remaining, "a stream's data");
        remaining = 0;
        return out;
    }

    private byte[] readFully(int n, String part) throws IOException {
        byte[] out = new byte[n];
        int at = 0;
        while (at < n) {
            if (position == limit && !fill()) {
                throw new EOFException(what + ": the streams end inside " + part);
            }
            int k = Math.min(n - at, limit - position);
            System.arraycopy(buffer, position, out, at, k);
            position += k;
            at += k;
        }
        return out;
    }

    /** Refills the empty buffer; false at the end of the source. */
    private boolean fill() throws IOException {
        int n = source.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException(what + ": the stream reader is closed");
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            source.close();
        }
    }
}
