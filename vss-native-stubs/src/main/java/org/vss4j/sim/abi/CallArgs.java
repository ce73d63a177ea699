package org.vss4j.sim.abi;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.util.UUID;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;

/**
 * The arguments of one native call, read by their C types. Index 0 is {@code this} for COM methods; index 1 is the
 * first declared parameter (Microsoft docs, "x64 calling convention": {@code this} travels first).
 */
public final class CallArgs {

    private final Object[] args;

    public CallArgs(Object[] args) {
        this.args = args == null ? new Object[0] : args;
    }

    public int count() {
        return args.length;
    }

    public Pointer pointer(int i) {
        return (Pointer) args[i];
    }

    /** A 32-bit argument (UINT, LONG, BOOL, DWORD, an enum). */
    public int int32(int i) {
        return ((Number) args[i]).intValue();
    }

    /** A 64-bit argument (SIZE_T). */
    public long int64(int i) {
        return ((Number) args[i]).longValue();
    }

    /** A C++ {@code bool} (1 byte, as the SDK headers declare it). */
    public boolean cppBool(int i) {
        return ((Number) args[i]).byteValue() != 0;
    }

    /**
     * A {@code VSS_ID} passed by value. JNA hands a by-value structure to a {@link com.sun.jna.CallbackProxy} either as
     * the structure or as a pointer to the caller's copy, depending on its version; both are read here.
     */
    public UUID guidByValue(int i) {
        Object a = args[i];
        if (a instanceof Structure s) {
            s.write();
            return Guids.read(s.getPointer());
        }
        return Guids.read((Pointer) a);
    }

    /** A NUL-terminated UTF-16LE string ({@code LPCWSTR}, {@code VSS_PWSZ}); null for NULL. */
    public String wideString(int i) {
        return Utf16.read(pointer(i));
    }
}
