package org.vss4j.com;

/**
 * C++ {@code bool} on the Windows ABI: one byte, 0 or 1 (the SDK headers use C++ {@code bool}, not {@code BOOL}, for
 * these parameters and flags). Passed as a Java {@code byte} so JNA gives it exactly that width, never the 4 bytes of
 * {@code BOOL}.
 */
public final class CppBool {

    private CppBool() {
    }

    /** The one-byte C++ {@code bool} for {@code b}. */
    public static byte of(boolean b) {
        return (byte) (b ? 1 : 0);
    }
}
