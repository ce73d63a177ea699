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

    /**
     * A NUL-terminated UTF-16LE copy of {@code s} in JNA-owned memory (freed by the GC), or null for null.
     *
     * @throws IllegalArgumentException if {@code s} holds a NUL ({@link #toNative(String, String)})
     */
    public static Memory toNative(String s) {
        return toNative("a string passed to Windows", s);
    }

    /**
     * As {@link #toNative(String)}, naming the parameter in the refusal. A wide string ({@code LPCWSTR}) ends at its
     * first NUL (Microsoft docs, "Windows Data Types": "a null-terminated string of 16-bit Unicode characters"), so
     * Windows would read {@code C:\}, a NUL and {@code D:\} as {@code C:\}: the rest would be dropped without an
     * error. Refused before any native code runs.
     *
     * @throws IllegalArgumentException if {@code s} holds a NUL, naming {@code parameter} and where the NUL is
     */
    public static Memory toNative(String parameter, String s) {
        if (s == null) {
            return null;
        }
        refuseNul(parameter, s);
        byte[] chars = s.getBytes(StandardCharsets.UTF_16LE);
        Memory m = new Memory(chars.length + 2L);
        m.write(0, chars, 0, chars.length);
        m.setShort(chars.length, (short) 0);
        return m;
    }

    /**
     * The one NUL check of every string bound for Windows (a wide string ends at its first NUL: see
     * {@link #toNative(String, String)}); callers that take a string early, before any native call, use it too.
     *
     * @throws IllegalArgumentException if {@code s} holds a NUL, naming {@code parameter} and where the NUL is
     */
    public static void refuseNul(String parameter, String s) {
        int nul = s.indexOf('\0');
        if (nul >= 0) {
            throw new IllegalArgumentException(parameter + " holds a NUL character at index " + nul + " (of "
                    + s.length() + "): Windows reads a wide string up to its first NUL, so it would see only \""
                    + s.substring(0, nul) + "\"");
        }
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
