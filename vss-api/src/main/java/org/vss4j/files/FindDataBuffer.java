package org.vss4j.files;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.vss4j.abi.struct.Win32FindDataW;
import org.vss4j.com.FileTimes;

/**
 * One caller-allocated {@code WIN32_FIND_DATAW} that {@code FindFirstFileW} and every {@code FindNextFileW} of a
 * search fill in turn, read member by member at the offsets of {@link Win32FindDataW#OFFSETS} (the layout the ABI
 * conformance test checks) through a little-endian view of the buffer: no {@code Structure} is built or read
 * reflectively per entry, and the name is decoded straight from the buffer. Not thread-safe: one search at a time.
 */
final class FindDataBuffer {

    private static final Win32FindDataW.Offsets AT = Win32FindDataW.OFFSETS;

    private final Memory memory = new Memory(AT.size());
    /** Windows structures are little-endian (x64 and ARM64 Windows both are). */
    private final ByteBuffer view = memory.getByteBuffer(0, AT.size()).order(ByteOrder.LITTLE_ENDIAN);
    private final char[] name = new char[Win32FindDataW.MAX_PATH];

    /** The buffer to pass as {@code lpFindFileData}. */
    Pointer pointer() {
        return memory;
    }

    /** The entry the last call wrote. */
    DirectoryEntry entry() {
        int attributes = view.getInt(AT.fileAttributes());
        // "If the dwFileAttributes member includes the FILE_ATTRIBUTE_REPARSE_POINT attribute, this member specifies
        // the reparse tag. Otherwise, this value is undefined" (Microsoft docs, "WIN32_FIND_DATAW structure").
        int tag = (attributes & FileAttribute.REPARSE_POINT) != 0 ? view.getInt(AT.reserved0()) : 0;
        long size = ((long) view.getInt(AT.fileSizeHigh()) << 32) | (view.getInt(AT.fileSizeLow()) & 0xFFFFFFFFL);
        return new DirectoryEntry(fileName(), attributes, tag, size,
                FileTimes.toInstant(view.getLong(AT.lastWriteTime())));
    }

    /** {@code cFileName} up to its NUL (all {@code MAX_PATH} units if a broken callee wrote none). */
    private String fileName() {
        int at = AT.fileName();
        int n = 0;
        char c;
        while (n < name.length && (c = view.getChar(at + 2 * n)) != 0) {
            name[n++] = c;
        }
        return new String(name, 0, n);
    }
}
