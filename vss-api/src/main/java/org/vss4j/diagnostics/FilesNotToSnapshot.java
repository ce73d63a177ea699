package org.vss4j.diagnostics;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;

/**
 * The files VSS deletes from every shadow copy it creates: the {@code REG_MULTI_SZ} values of
 * {@code HKLM\SYSTEM\CurrentControlSet\Control\BackupRestore\FilesNotToSnapshot}, one per application, each a list of
 * paths that may use {@code *}, {@code $UserProfile$} and {@code $AllVolumes$}, with {@code /s} for a directory tree
 * (Microsoft docs, "Excluding Files from Shadow Copies"). A backup read from a shadow copy therefore lacks them without
 * any error. Read through the provider seam with {@code RegOpenKeyExW}, {@code RegEnumValueW} and {@code RegCloseKey}.
 */
public final class FilesNotToSnapshot {

    /** The key, under HKEY_LOCAL_MACHINE. */
    public static final String KEY = "SYSTEM\\CurrentControlSet\\Control\\BackupRestore\\FilesNotToSnapshot";

    /** {@code KEY_QUERY_VALUE} (winnt.h): what RegEnumValueW needs. */
    static final int KEY_QUERY_VALUE = 0x0001;
    /** {@code REG_SZ}, {@code REG_EXPAND_SZ}, {@code REG_MULTI_SZ} (winnt.h). */
    static final int REG_SZ = 1;
    static final int REG_EXPAND_SZ = 2;
    static final int REG_MULTI_SZ = 7;
    /** "Value name: 16,383 characters" (Microsoft docs, "Registry Element Size Limits"), plus the NUL. */
    private static final int MAX_VALUE_NAME_CHARS = 16_384;

    private FilesNotToSnapshot() {
    }

    /** The values of this machine, through {@link Exports#current()}. */
    public static Map<String, List<String>> ofThisMachine() {
        return read(Exports.current());
    }

    /**
     * Value name to its paths, in the order the registry enumerates them; empty if the key does not exist. Values of
     * other types than strings are skipped.
     *
     * @throws Win32CallException naming the call that failed
     */
    public static Map<String, List<String>> read(Exports exports) {
        PointerByReference opened = new PointerByReference();
        int r = exports.regOpenKeyEx(new Pointer(Exports.HKEY_LOCAL_MACHINE), Utf16.toNative(KEY), 0,
                KEY_QUERY_VALUE, opened);
        if (r == Win32Error.ERROR_FILE_NOT_FOUND) {
            return Map.of();
        }
        if (r != Win32Error.ERROR_SUCCESS) {
            throw new Win32CallException("RegOpenKeyExW(HKLM\\" + KEY + ")", r);
        }
        Pointer key = opened.getValue();
        try {
            return values(exports, key);
        } finally {
            exports.regCloseKey(key);
        }
    }

    private static Map<String, List<String>> values(Exports exports, Pointer key) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Memory name = new Memory(2L * MAX_VALUE_NAME_CHARS);
        Memory data = new Memory(4096);
        for (int index = 0; ; index++) {
            IntByReference nameChars = new IntByReference();
            IntByReference type = new IntByReference();
            int at = index;
            // "the function returns ERROR_MORE_DATA and stores the required buffer size" in lpcbData (Microsoft
            // docs, "RegEnumValueW function"): the same index again with a buffer that size.
            SizedBuffer.Outcome filled = SizedBuffer.fill(data, 1, 3, Win32Error.ERROR_MORE_DATA,
                    (buffer, size, dataBytes) -> {
                        nameChars.setValue(MAX_VALUE_NAME_CHARS);
                        dataBytes.setValue(size);
                        return exports.regEnumValue(key, at, name, nameChars, type, buffer, dataBytes);
                    });
            data = filled.buffer();
            int r = filled.error();
            if (r == Win32Error.ERROR_NO_MORE_ITEMS) {
                return Collections.unmodifiableMap(out);
            }
            if (r != Win32Error.ERROR_SUCCESS) {
                throw new Win32CallException("RegEnumValueW(HKLM\\" + KEY + ", " + index + ")", r);
            }
            int t = type.getValue();
            if (t == REG_MULTI_SZ || t == REG_SZ || t == REG_EXPAND_SZ) {
                out.put(Utf16.read(name, nameChars.getValue()), strings(data, filled.needed()));
            }
        }
    }

    /**
     * The strings of {@code REG_MULTI_SZ} data of {@code bytes} bytes: NUL-terminated strings ending with an empty
     * one. The data "may not have been stored with the proper terminating null characters" (Microsoft docs,
     * "RegEnumValueW function"), so it is read by its size, and a last string without its NUL still counts.
     */
    static List<String> strings(Pointer data, int bytes) {
        List<String> out = new ArrayList<>();
        int units = bytes / 2;
        int start = 0;
        for (int i = 0; i <= units; i++) {
            if (i == units || data.getShort(2L * i) == 0) {
                if (i == start) {
                    break;
                }
                out.add(Utf16.read(data.share(2L * start), i - start));
                start = i + 1;
            }
        }
        return List.copyOf(out);
    }
}
