package org.vss4j.files;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.vss4j.abi.struct.Win32StreamId;

/**
 * One stream of a file as {@code BackupRead} returns it: the {@code WIN32_STREAM_ID} header's members and the stream's
 * name (Microsoft docs, "WIN32_STREAM_ID structure"). An alternate data stream's name is {@code :name:$DATA}; the
 * other streams have none.
 *
 * @param id         {@code dwStreamId}: {@link #BACKUP_DATA}, {@link #BACKUP_SECURITY_DATA}, ...
 * @param attributes {@code dwStreamAttributes}
 * @param size       {@code Size}: the data's length in bytes
 * @param name       the stream's name, empty if it has none
 */
public record BackupStreamHeader(int id, int attributes, long size, String name) {

    /** {@code BACKUP_DATA} (winbase.h): the unnamed data stream. */
    public static final int BACKUP_DATA = 1;
    /** {@code BACKUP_EA_DATA}: extended attributes. */
    public static final int BACKUP_EA_DATA = 2;
    /** {@code BACKUP_SECURITY_DATA}: the security descriptor (self-relative). */
    public static final int BACKUP_SECURITY_DATA = 3;
    /** {@code BACKUP_ALTERNATE_DATA}: a named data stream. */
    public static final int BACKUP_ALTERNATE_DATA = 4;
    /** {@code BACKUP_REPARSE_DATA}: the reparse point. */
    public static final int BACKUP_REPARSE_DATA = 8;
    /** {@code BACKUP_SPARSE_BLOCK}: a block of a sparse file's data. */
    public static final int BACKUP_SPARSE_BLOCK = 9;
    /** {@code STREAM_CONTAINS_SECURITY} (winbase.h). */
    public static final int STREAM_CONTAINS_SECURITY = 2;

    /**
     * Whether the stream carries the file's unnamed data (plain or sparse).
     *
     * @return true for {@code BACKUP_DATA} and {@code BACKUP_SPARSE_BLOCK}
     */
    public boolean isData() {
        return id == BACKUP_DATA || id == BACKUP_SPARSE_BLOCK;
    }

    /**
     * The header as it is on the wire: the 20 bytes before {@code cStreamName}, little-endian, then the name as
     * little-endian WCHARs without a NUL ({@link #nameBytes}).
     *
     * @return the header's bytes
     */
    public byte[] toBytes() {
        byte[] n = nameBytes(name);
        ByteBuffer b = ByteBuffer.allocate(Win32StreamId.HEADER_SIZE + n.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(id).putInt(attributes).putLong(size).putInt(n.length).put(n);
        return b.array();
    }

    /**
     * The WCHARs of a stream name, each Java char as one little-endian code unit. Unlike a UTF-16 charset this keeps
     * a lone surrogate: NTFS names are any WCHARs (Microsoft docs, "Naming Files, Paths, and Namespaces"), and a name
     * changed on the way would make BackupWrite restore the stream under another name.
     *
     * @param name the name
     * @return its bytes, two per char
     */
    public static byte[] nameBytes(String name) {
        byte[] out = new byte[name.length() * 2];
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out[2 * i] = (byte) c;
            out[2 * i + 1] = (byte) (c >>> 8);
        }
        return out;
    }

    /**
     * The name whose WCHARs are {@code bytes} ({@link #nameBytes}'s inverse): every code unit kept as it is.
     *
     * @param bytes an even number of bytes, little-endian WCHARs
     * @return the name
     */
    public static String name(byte[] bytes) {
        char[] c = new char[bytes.length / 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] & 0xFF) << 8);
        }
        return new String(c);
    }

    /**
     * A short name for messages and the catalog: {@code data}, {@code security}, {@code ads:<name>} ...
     *
     * @return the kind, with the name for a named stream
     */
    public String kind() {
        return switch (id) {
            case BACKUP_DATA -> "data";
            case BACKUP_EA_DATA -> "ea";
            case BACKUP_SECURITY_DATA -> "security";
            case BACKUP_ALTERNATE_DATA -> "ads:" + name;
            case BACKUP_REPARSE_DATA -> "reparse";
            case BACKUP_SPARSE_BLOCK -> "sparse";
            default -> "stream-" + id;
        };
    }
}
