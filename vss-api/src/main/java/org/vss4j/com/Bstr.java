package org.vss4j.com;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/**
 * BSTRs through the process's BSTR allocator ({@code oleaut32!SysAllocStringLen}/{@code SysFreeString}).
 *
 * <p>Ownership rules (COM): an {@code [in] BSTR} is owned by the caller, who frees it after the call; a
 * {@code BSTR*} out-parameter transfers ownership to the caller, who frees it with {@code SysFreeString}.
 */
public final class Bstr {

    private Bstr() {
    }

    /** Allocates a BSTR holding {@code s}; the caller must {@link #free} it. Null gives a NULL BSTR. */
    public static Pointer alloc(String s) {
        if (s == null) {
            return null;
        }
        byte[] chars = s.getBytes(StandardCharsets.UTF_16LE);
        Memory tmp = new Memory(chars.length + 2L);
        tmp.write(0, chars, 0, chars.length);
        tmp.setShort(chars.length, (short) 0);
        Pointer bstr = Exports.current().sysAllocStringLen(tmp, chars.length / 2);
        if (bstr == null) {
            throw new VssException(VssHresult.E_OUTOFMEMORY.code(), "SysAllocStringLen", chars.length / 2 + " chars");
        }
        return bstr;
    }

    /** Reads a BSTR by its length prefix (so embedded NULs survive); null for a NULL BSTR. Does not free. */
    public static String read(Pointer bstr) {
        if (bstr == null) {
            return null;
        }
        return Utf16.read(bstr, Exports.current().sysStringLen(bstr));
    }

    /** Reads and frees a BSTR received through an out-parameter. */
    public static String readAndFree(Pointer bstr) {
        try {
            return read(bstr);
        } finally {
            free(bstr);
        }
    }

    /** Frees a BSTR; NULL is a no-op (as {@code SysFreeString} documents). */
    public static void free(Pointer bstr) {
        if (bstr != null) {
            Exports.current().sysFreeString(bstr);
        }
    }
}
