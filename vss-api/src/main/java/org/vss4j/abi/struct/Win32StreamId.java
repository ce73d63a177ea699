package org.vss4j.abi.struct;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code WIN32_STREAM_ID} (winbase.h), the header of each stream {@code BackupRead} returns and {@code BackupWrite}
 * takes (Microsoft docs, "WIN32_STREAM_ID structure"). {@code sizeof} is 24 on x64 (the 8-byte {@code LARGE_INTEGER}
 * aligns it), but a header on the wire is the 20 bytes before {@code cStreamName} ({@link #HEADER_SIZE}), followed by
 * {@code dwStreamNameSize} bytes of UTF-16 name (no NUL) and {@code Size} bytes of data: Microsoft's [MS-BKUP] "NT
 * Backup File" lays the streams out one right after the other.
 */
@NativeStruct(value = "WIN32_STREAM_ID", x64Size = 24)
@Structure.FieldOrder({"dwStreamId", "dwStreamAttributes", "Size", "dwStreamNameSize", "cStreamName"})
public class Win32StreamId extends Structure {
    /** {@code offsetof(WIN32_STREAM_ID, cStreamName)}: the header's size in the stream format. */
    public static final int HEADER_SIZE = 20;

    /** {@code DWORD dwStreamId}: {@code BACKUP_DATA} (1), {@code BACKUP_SECURITY_DATA} (3), ... */
    public int dwStreamId;
    /** {@code DWORD dwStreamAttributes}: {@code STREAM_MODIFIED_WHEN_READ}, {@code STREAM_CONTAINS_SECURITY}, ... */
    public int dwStreamAttributes;
    /** {@code LARGE_INTEGER Size}: the data's size in bytes. */
    public long Size;
    /** {@code DWORD dwStreamNameSize}: the name's size in bytes. */
    public int dwStreamNameSize;
    /** {@code WCHAR cStreamName[ANYSIZE_ARRAY]}, as bytes so that the layout is the Windows one on every OS. */
    public byte[] cStreamName = new byte[2];

    public Win32StreamId() {
        super(ALIGN_MSVC);
    }

    public Win32StreamId(Pointer p) {
        super(p, ALIGN_MSVC);
        read();
    }
}
