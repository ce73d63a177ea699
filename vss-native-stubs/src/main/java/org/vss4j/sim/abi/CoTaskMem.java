package org.vss4j.sim.abi;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/** The COM task allocator ({@code CoTaskMemAlloc}/{@code CoTaskMemFree}), tracked. */
public final class CoTaskMem {

    private CoTaskMem() {
    }

    /**
     * {@code CoTaskMemAlloc(size)}: a zeroed, tracked block the caller frees with {@code CoTaskMemFree}.
     *
     * @param size the size in bytes
     * @param what what the block holds, for leak reports
     * @return the block
     */
    public static Pointer alloc(long size, String what) {
        return NativeHeap.allocate(BlockKind.CO_TASK_MEM, size, 0, what);
    }

    /**
     * A NUL-terminated UTF-16LE copy of {@code s} in CoTaskMem ({@code VSS_PWSZ} out-values); null for null.
     *
     * @param s the string, or null
     * @param what what the string is, for leak reports
     * @return the block, or null for null
     */
    public static Pointer string(String s, String what) {
        if (s == null) {
            return null;
        }
        byte[] chars = s.getBytes(StandardCharsets.UTF_16LE);
        Pointer p = alloc(chars.length + 2L, what);
        p.write(0, chars, 0, chars.length);
        p.setShort(chars.length, (short) 0);
        return p;
    }

    /**
     * {@code CoTaskMemFree}: NULL is a no-op, as documented.
     *
     * @param p the block, or NULL
     */
    public static void free(Pointer p) {
        if (p != null) {
            NativeHeap.free(BlockKind.CO_TASK_MEM, p, "CoTaskMemFree");
        }
    }
}
