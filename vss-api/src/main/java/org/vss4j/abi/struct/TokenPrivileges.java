package org.vss4j.abi.struct;

import com.sun.jna.Structure;

/**
 * {@code TOKEN_PRIVILEGES} (winnt.h) with its {@code ANYSIZE_ARRAY} (1) of privileges, 16 bytes on x64: what
 * {@code AdjustTokenPrivileges} takes as {@code NewState}. The binding changes one privilege per call, so the one
 * declared element is all it needs. Caller-allocated.
 */
@NativeStruct(value = "TOKEN_PRIVILEGES", x64Size = 16)
@Structure.FieldOrder({"PrivilegeCount", "Privileges"})
public class TokenPrivileges extends Structure {
    /** {@code DWORD PrivilegeCount}. */
    public int PrivilegeCount;
    /** {@code LUID_AND_ATTRIBUTES Privileges[ANYSIZE_ARRAY]}. */
    public LuidAndAttributes[] Privileges = new LuidAndAttributes[1];

    public TokenPrivileges() {
        super(ALIGN_MSVC);
        Privileges[0] = new LuidAndAttributes();
    }
}
