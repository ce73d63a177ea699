package org.vss4j.com;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-16LE strings as Windows lays them out ({@code WCHAR} is 2 bytes on Windows). Never JNA's {@code WString} or
 * {@code getWideString}: those use the host's {@code wchar_t}, which is 4 bytes on Linux and macOS.
 */
public final class Utf16 {

    private Utf16() {
    }

    /** A NUL-terminated UTF-16LE copy of {@code s} in JNA-owned memory (freed by the GC), or null for null. */
    public static Memory toNative(String s) {
        if (s == null) {
            return null;
        }
        byte[] chars = s.getBytes(StandardCharsets.UTF_16LE);
        Memory m = new Memory(chars.length + 2L);
        m.write(0, chars, 0, chars.length);
        m.setShort(chars.length, (short) 0);
        return m;
    }

    /** Reads a NUL-terminated UTF-16LE string; null for a NULL pointer. */
    public static String read(Pointer p) {
        if (p == null) {
            return null;
        }
        int units = 0;
        while (p.getShort(units * 2L) != 0) {
            units++;
        }
        return read(p, units);
    }

    /** Reads exactly {@code units} UTF-16 code units (surrogate pairs count as two). */
    public static String read(Pointer p, int units) {
        if (units == 0) {
            return "";
        }
        return new String(p.getByteArray(0, units * 2), StandardCharsets.UTF_16LE);
    }

    /** Writes {@code s} NUL-terminated at {@code p}; the caller guarantees room for {@code 2 * (length + 1)} bytes. */
    public static void write(Pointer p, String s) {
        byte[] chars = s.getBytes(StandardCharsets.UTF_16LE);
        p.write(0, chars, 0, chars.length);
        p.setShort(chars.length, (short) 0);
    }
}
