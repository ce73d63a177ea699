package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinBase.FILETIME;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vss4j.abi.struct.Win32FindDataW;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;

/** FindFirstFileW, FindNextFileW and FindClose called through the binding's exports, as the binding's walker does. */
final class FindCalls {

    static final int ERROR_FILE_NOT_FOUND = 2;
    static final int ERROR_PATH_NOT_FOUND = 3;
    static final int ERROR_ACCESS_DENIED = 5;
    static final int ERROR_INVALID_HANDLE = 6;
    static final int ERROR_NO_MORE_FILES = 18;
    static final int ERROR_INVALID_PARAMETER = 87;
    static final int ERROR_DIRECTORY = 267;

    static final int DIRECTORY = 0x10;
    static final int ARCHIVE = 0x20;
    static final int HIDDEN = 0x2;
    static final int SYSTEM = 0x4;
    static final int SPARSE_FILE = 0x200;
    static final int REPARSE_POINT = 0x400;
    static final int OFFLINE = 0x1000;
    static final int RECALL_ON_DATA_ACCESS = 0x00400000;

    static final int IO_REPARSE_TAG_MOUNT_POINT = 0xA0000003;
    static final int IO_REPARSE_TAG_SYMLINK = 0xA000000C;
    static final int IO_REPARSE_TAG_DEDUP = 0x80000013;
    static final int IO_REPARSE_TAG_WOF = 0x80000017;
    static final int IO_REPARSE_TAG_CLOUD = 0x9000001A;

    /** One WIN32_FIND_DATAW as the caller reads it. */
    record Found(String name, int attributes, int reparseTag, long size, long creationTime, long lastAccessTime,
            long lastWriteTime, String alternateName) {

        static Found of(Win32FindDataW d) {
            d.read();
            return new Found(d.fileName(), d.dwFileAttributes, d.dwReserved0, d.fileSize(), time(d.ftCreationTime),
                    time(d.ftLastAccessTime), time(d.ftLastWriteTime),
                    Utf16.read(d.getPointer().share(Win32FindDataW.MAX_PATH * 2L + 44)));
        }

        private static long time(FILETIME t) {
            return ((long) t.dwHighDateTime << 32) | (t.dwLowDateTime & 0xFFFFFFFFL);
        }
    }

    private FindCalls() {
    }

    /** Every entry {@code fileName} finds, in the order found; the search is closed. Fails if FindFirstFileW fails. */
    static List<Found> list(String fileName) {
        Exports x = Exports.current();
        Win32FindDataW data = new Win32FindDataW();
        Pointer h = x.findFirstFile(Utf16.toNative(fileName), data.getPointer());
        assertThat(Pointer.nativeValue(h)).as("FindFirstFileW(%s), last error %d", fileName, x.lastError())
                .isNotEqualTo(Exports.INVALID_HANDLE_VALUE);
        List<Found> all = new ArrayList<>();
        all.add(Found.of(data));
        while (x.findNextFile(h, data.getPointer())) {
            all.add(Found.of(data));
        }
        assertThat(x.lastError()).as("FindNextFileW's last error at the end").isEqualTo(ERROR_NO_MORE_FILES);
        assertThat(x.findClose(h)).isTrue();
        return all;
    }

    /** The entries by name. */
    static Map<String, Found> byName(String fileName) {
        Map<String, Found> m = new LinkedHashMap<>();
        list(fileName).forEach(f -> m.put(f.name(), f));
        return m;
    }

    static List<String> names(String fileName) {
        return list(fileName).stream().map(Found::name).toList();
    }

    /** The Win32 error FindFirstFileW fails with for {@code fileName} (it must return INVALID_HANDLE_VALUE). */
    static int failure(String fileName) {
        Exports x = Exports.current();
        Win32FindDataW data = new Win32FindDataW();
        Pointer h = x.findFirstFile(fileName == null ? null : Utf16.toNative(fileName), data.getPointer());
        assertThat(Pointer.nativeValue(h)).as("FindFirstFileW(%s)", fileName).isEqualTo(Exports.INVALID_HANDLE_VALUE);
        return x.lastError();
    }

    /** {@code t} (a host time) as a FILETIME, computed independently of the simulator. */
    static long fileTime(java.nio.file.attribute.FileTime t) {
        java.time.Instant i = t.toInstant();
        long unixEpochIn1601 = java.time.Duration.between(java.time.Instant.parse("1601-01-01T00:00:00Z"),
                java.time.Instant.EPOCH).toSeconds();
        return (i.getEpochSecond() + unixEpochIn1601) * 10_000_000L + i.getNano() / 100;
    }
}
