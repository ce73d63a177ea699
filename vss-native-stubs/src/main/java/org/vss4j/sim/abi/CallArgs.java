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

    /**
     * The arguments JNA passed to a callback.
     *
     * @param args the arguments; null for none
     */
    public CallArgs(Object[] args) {
        this.args = args == null ? new Object[0] : args;
    }

    /**
     * How many arguments the call has, {@code this} included.
     *
     * @return the number of arguments
     */
    public int count() {
        return args.length;
    }

    /**
     * A pointer argument.
     *
     * @param i the argument's index (0 is {@code this} for COM methods)
     * @return the pointer, null for NULL
     */
    public Pointer pointer(int i) {
        return (Pointer) args[i];
    }

    /**
     * A 32-bit argument (UINT, LONG, BOOL, DWORD, an enum).
     *
     * @param i the argument's index (0 is {@code this} for COM methods)
     * @return the value
     */
    public int int32(int i) {
        return ((Number) args[i]).intValue();
    }

    /**
     * A 64-bit argument (SIZE_T).
     *
     * @param i the argument's index (0 is {@code this} for COM methods)
     * @return the value
     */
    public long int64(int i) {
        return ((Number) args[i]).longValue();
    }

    /**
     * A C++ {@code bool} (1 byte, as the SDK headers declare it).
     *
     * @param i the argument's index (0 is {@code this} for COM methods)
     * @return true for any non-zero byte
     */
    public boolean cppBool(int i) {
        return ((Number) args[i]).byteValue() != 0;
    }

    /**
     * A {@code VSS_ID} passed by value. JNA hands a by-value structure to a {@link com.sun.jna.CallbackProxy} either as
     * the structure or as a pointer to the caller's copy, depending on its version; both are read here.
     *
     * @param i the argument's index (0 is {@code this} for COM methods)
     * @return the GUID
     */
    public UUID guidByValue(int i) {
        Object a = args[i];
        if (a instanceof Structure s) {
            s.write();
            return Guids.read(s.getPointer());
        }
        return Guids.read((Pointer) a);
    }

    /**
     * A NUL-terminated UTF-16LE string ({@code LPCWSTR}, {@code VSS_PWSZ}); null for NULL.
     *
     * @param i the argument's index (0 is {@code this} for COM methods)
     * @return the string, or null for NULL
     */
    public String wideString(int i) {
        return Utf16.read(pointer(i));
    }
}
