package org.vss4j.abi.struct;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code LUID} (winnt.h), 8 bytes: a locally unique identifier, here a privilege's ({@code LookupPrivilegeValueW}).
 * Caller-allocated: nothing in it needs freeing.
 */
@NativeStruct(value = "LUID", x64Size = 8)
@Structure.FieldOrder({"LowPart", "HighPart"})
public class Luid extends Structure {
    /** {@code DWORD LowPart}. */
    public int LowPart;
    /** {@code LONG HighPart}. */
    public int HighPart;

    public Luid() {
        super(ALIGN_MSVC);
    }

    public Luid(Pointer p) {
        super(p, ALIGN_MSVC);
        read();
    }
}
