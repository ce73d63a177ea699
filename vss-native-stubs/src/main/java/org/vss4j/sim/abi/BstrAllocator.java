package org.vss4j.sim.abi;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * BSTRs laid out as {@code oleaut32} does: a 4-byte length prefix holding the byte length (without the terminator),
 * the UTF-16LE characters, and a 2-byte NUL; the BSTR points at the characters (Microsoft "BSTR" data type docs).
 */
public final class BstrAllocator {

    private BstrAllocator() {
    }

    /**
     * {@code SysAllocStringLen(chars, units)}: copies {@code units} code units, or zero-fills when chars is NULL.
     *
     * @param chars the characters copied, or NULL
     * @param units how many UTF-16 code units the string has
     * @param what what the BSTR holds, for leak reports
     * @return the BSTR, or null if {@code units} is negative
     */
    public static Pointer allocLen(Pointer chars, int units, String what) {
        if (units < 0) {
            return null;
        }
        long bytes = units * 2L;
        Pointer bstr = NativeHeap.allocate(BlockKind.BSTR, 4 + bytes + 2, 4, what);
        bstr.setInt(-4, (int) bytes);
        if (chars != null && bytes > 0) {
            bstr.write(0, chars.getByteArray(0, (int) bytes), 0, (int) bytes);
        }
        bstr.setShort(bytes, (short) 0);
        return bstr;
    }

    /**
     * A BSTR holding {@code s}, allocated by the simulator for an out-parameter (the caller frees it).
     *
     * @param s the string
     * @param what what the BSTR holds, for leak reports
     * @return the BSTR
     */
    public static Pointer alloc(String s, String what) {
        byte[] chars = s.getBytes(StandardCharsets.UTF_16LE);
        Pointer bstr = NativeHeap.allocate(BlockKind.BSTR, 4L + chars.length + 2, 4, what);
        bstr.setInt(-4, chars.length);
        bstr.write(0, chars, 0, chars.length);
        bstr.setShort(chars.length, (short) 0);
        return bstr;
    }

    /**
     * {@code SysStringLen}: the prefix divided by two; 0 for NULL (as oleaut32 documents).
     *
     * @param bstr the BSTR, or NULL
     * @return its length in UTF-16 code units
     */
    public static int length(Pointer bstr) {
        return bstr == null ? 0 : bstr.getInt(-4) / 2;
    }

    /**
     * Reads a BSTR by its prefix (so embedded NULs survive); null for a NULL BSTR.
     *
     * @param bstr the BSTR, or NULL
     * @return the string, or null
     */
    public static String read(Pointer bstr) {
        if (bstr == null) {
            return null;
        }
        int bytes = bstr.getInt(-4);
        return new String(bstr.getByteArray(0, bytes), StandardCharsets.UTF_16LE);
    }
}
