package org.vss4j.media;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;

/**
 * The streams entries (security descriptor, alternate data streams) of one data.tar, read at the offsets their catalog
 * rows give and checked against their SHA-256 (docs/backup-semantics.md). The file is opened when first needed.
 */
final class StoredStreams implements Closeable {

    /** A streams entry's bytes, or why they cannot be used (then {@code bytes} is null). */
    record Read(byte[] bytes, String problem) {
    }

    private final Path data;
    private FileChannel channel;

    StoredStreams(Path data) {
        this.data = data;
    }

    /**
     * The bytes of the streams entry {@code s}: its {@code s.size()} bytes at {@code s.dataOffset()}, if data.tar holds
     * them and they match the catalog's SHA-256; otherwise the problem, ending in what to do.
     *
     * @throws IOException if data.tar cannot be opened or read
     */
    Read read(CatalogRow s) throws IOException {
        if (s.size() > FileStreams.MAX_BYTES || s.size() < 0) {
            return new Read(null, "the catalog gives it " + s.size() + " bytes, more than a set holds (run verify)");
        }
        byte[] bytes = bytesAt(s);
        if (bytes == null) {
            return new Read(null, "data.tar ends before its " + s.size() + " bytes at offset " + s.dataOffset()
                    + " (run verify)");
        }
        if (!s.sha256().equalsIgnoreCase(HexFormat.of().formatHex(BackupSetReader.sha256().digest(bytes)))) {
            return new Read(null, "the bytes at its catalogued offset " + s.dataOffset() + " do not match the "
                    + "catalog's SHA-256: the entry is missing or damaged (run verify)");
        }
        return new Read(bytes, null);
    }

    /** The {@code s.size()} bytes at {@code s.dataOffset()} of data.tar, or null if it ends before them. */
    private byte[] bytesAt(CatalogRow s) throws IOException {
        if (channel == null) {
            channel = FileChannel.open(data, StandardOpenOption.READ);
        }
        ByteBuffer buf = ByteBuffer.allocate((int) s.size());
        long at = s.dataOffset();
        while (buf.hasRemaining()) {
            int n = channel.read(buf, at);
            if (n < 0) {
                return null;
            }
            at += n;
        }
        return buf.array();
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
