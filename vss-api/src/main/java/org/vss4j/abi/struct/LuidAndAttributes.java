package org.vss4j.abi.struct;

import com.sun.jna.Structure;

/**
 * {@code LUID_AND_ATTRIBUTES} (winnt.h), 12 bytes on x64 ({@code LUID} is two 4-byte members, so 4-byte aligned): a
 * privilege and its {@code SE_PRIVILEGE_*} attributes.
 */
@NativeStruct(value = "LUID_AND_ATTRIBUTES", x64Size = 12)
@Structure.FieldOrder({"Luid", "Attributes"})
public class LuidAndAttributes extends Structure {
    /** {@code LUID Luid}. */
    public Luid Luid = new Luid();
    /** {@code DWORD Attributes}: {@code SE_PRIVILEGE_ENABLED} (2) to enable it. */
    public int Attributes;

    public LuidAndAttributes() {
        super(ALIGN_MSVC);
    }
}
