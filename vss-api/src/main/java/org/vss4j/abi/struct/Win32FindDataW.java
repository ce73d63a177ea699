package org.vss4j.abi.struct;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.WinBase.FILETIME;
import java.nio.charset.StandardCharsets;

/**
 * {@code WIN32_FIND_DATAW} (minwinbase.h), 592 bytes on x64: what {@code FindFirstFileW}/{@code FindNextFileW} fill
 * for each directory entry. JNA-Platform's {@code WIN32_FIND_DATA} cannot be used: it declares the names as
 * {@code char[]}, which JNA sizes as {@code wchar_t} (4 bytes on Linux), so its layout is wrong off Windows.
 *
 * <p>{@code dwReserved0} is the entry's reparse tag when {@code dwFileAttributes} has
 * {@code FILE_ATTRIBUTE_REPARSE_POINT} (Microsoft docs, "WIN32_FIND_DATAW structure"). The names are NUL-terminated
 * UTF-16LE in fixed arrays ({@code MAX_PATH} = 260 and 14 WCHARs). Caller-allocated: nothing in it needs freeing.
 */
@NativeStruct(value = "WIN32_FIND_DATAW", x64Size = 592)
@Structure.FieldOrder({"dwFileAttributes", "ftCreationTime", "ftLastAccessTime", "ftLastWriteTime", "nFileSizeHigh",
        "nFileSizeLow", "dwReserved0", "dwReserved1", "cFileName", "cAlternateFileName"})
public class Win32FindDataW extends Structure {
    /** {@code MAX_PATH} (minwindef.h). */
    public static final int MAX_PATH = 260;

    public int dwFileAttributes;
    public FILETIME ftCreationTime;
    public FILETIME ftLastAccessTime;
    public FILETIME ftLastWriteTime;
    public int nFileSizeHigh;
    public int nFileSizeLow;
    public int dwReserved0;
    public int dwReserved1;
    /** {@code WCHAR cFileName[MAX_PATH]}, as bytes so that the layout is the Windows one on every OS. */
    public byte[] cFileName = new byte[MAX_PATH * 2];
    /** {@code WCHAR cAlternateFileName[14]} (the 8.3 name). */
    public byte[] cAlternateFileName = new byte[14 * 2];

    /**
     * Where each member is, as JNA lays this class out (the layout the ABI conformance test checks against the
     * mingw-w64 headers), taken once: for reading and writing many entries through one buffer without building a
     * {@code Structure} per entry.
     */
    public static final Offsets OFFSETS = new Win32FindDataW().offsets();

    /**
     * Byte offsets of the members and the structure's size. A {@code FILETIME} member is two DWORDs, low part first
     * (Microsoft docs, "FILETIME structure"), so it reads as one little-endian 64-bit value at its offset.
     *
     * @param size              {@code sizeof(WIN32_FIND_DATAW)}
     * @param fileAttributes    {@code dwFileAttributes}
     * @param creationTime      {@code ftCreationTime}
     * @param lastAccessTime    {@code ftLastAccessTime}
     * @param lastWriteTime     {@code ftLastWriteTime}
     * @param fileSizeHigh      {@code nFileSizeHigh}
     * @param fileSizeLow       {@code nFileSizeLow}
     * @param reserved0         {@code dwReserved0} (the reparse tag)
     * @param reserved1         {@code dwReserved1}
     * @param fileName          {@code cFileName}, {@code MAX_PATH} WCHARs
     * @param alternateFileName {@code cAlternateFileName}, 14 WCHARs
     */
    public record Offsets(int size, int fileAttributes, int creationTime, int lastAccessTime, int lastWriteTime,
            int fileSizeHigh, int fileSizeLow, int reserved0, int reserved1, int fileName, int alternateFileName) {
    }

    public Win32FindDataW() {
        super(ALIGN_MSVC);
    }

    private Offsets offsets() {
        return new Offsets(size(), fieldOffset("dwFileAttributes"), fieldOffset("ftCreationTime"),
                fieldOffset("ftLastAccessTime"), fieldOffset("ftLastWriteTime"), fieldOffset("nFileSizeHigh"),
                fieldOffset("nFileSizeLow"), fieldOffset("dwReserved0"), fieldOffset("dwReserved1"),
                fieldOffset("cFileName"), fieldOffset("cAlternateFileName"));
    }

    public Win32FindDataW(Pointer p) {
        super(p, ALIGN_MSVC);
        read();
    }

    /** {@code cFileName} up to its NUL. */
    public String fileName() {
        int n = 0;
        while (n + 1 < cFileName.length && (cFileName[n] != 0 || cFileName[n + 1] != 0)) {
            n += 2;
        }
        return new String(cFileName, 0, n, StandardCharsets.UTF_16LE);
    }

    /** The 64-bit size from its two halves. */
    public long fileSize() {
        return ((long) nFileSizeHigh << 32) | (nFileSizeLow & 0xFFFFFFFFL);
    }
}
