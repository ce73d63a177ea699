package org.vss4j.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * An {@link InputStream} that reads only into arrays: its one-byte {@link #read()} is a read of one byte into an
 * array, so that both go the same way (through the same checks and counts).
 */
abstract class ByteArrayReads extends InputStream {

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
