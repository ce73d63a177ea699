package org.vss4j.abi;

/**
 * How one parameter or return value of a native method travels on Windows x64: the distinctions that decide which
 * register or stack slot holds it and how many of its bytes are meaningful (Microsoft docs, "x64 calling
 * convention": integer arguments in RCX, RDX, R8, R9 then the stack, one 8-byte slot each; aggregates of 1, 2, 4 or
 * 8 bytes passed as if they were integers of that size; larger aggregates passed as a pointer to a caller-made copy
 * and returned through a hidden result pointer).
 *
 * <p>Each constant names the SDK types it stands for; {@link NativeSignature} composes them per method.
 */
public enum NativeKind {
    /** No value: {@code void}, return only. */
    VOID(0),
    /**
     * A one-byte boolean: C++ {@code bool}, and {@code BOOLEAN} (winnt.h: {@code typedef BYTE BOOLEAN}) of
     * {@code CreateSymbolicLinkW}; returned in AL (the upper bits of RAX are unspecified). Not {@code BOOL}.
     */
    BOOL8(1),
    /**
     * A 4-byte integer: {@code BOOL}, {@code UINT}, {@code INT}, {@code DWORD}, {@code LONG}, {@code ULONG},
     * {@code HRESULT} and every VSS enum ({@code VSS_OBJECT_TYPE}, ...; C enums are {@code int}-sized).
     */
    INT32(4),
    /** An 8-byte integer: {@code LONGLONG}, {@code ULONGLONG}, {@code VSS_TIMESTAMP}, {@code SIZE_T}. */
    INT64(8),
    /**
     * Any pointer: interface pointers, {@code BSTR}, {@code LPCWSTR}/{@code VSS_PWSZ}, {@code REFIID} (a reference,
     * i.e. a pointer, in C), out-parameters ({@code T *}) and arrays.
     */
    POINTER(8),
    /** An 8-byte structure by value ({@code FILETIME}): passed in one integer register as its bytes. */
    STRUCT8(8),
    /**
     * A 16-byte {@code GUID}/{@code VSS_ID}/{@code CLSID} by value. As a parameter it arrives as a pointer to a
     * caller-made copy; as the return value of a member function the caller passes a hidden result pointer right
     * after {@code this} and the callee returns that pointer in RAX (Microsoft docs, "x64 calling convention", return
     * values).
     */
    GUID(16);

    private final int size;

    NativeKind(int size) {
        this.size = size;
    }

    /** The size of the value in bytes ({@code sizeof} of the C type), 0 for {@link #VOID}. */
    public int size() {
        return size;
    }
}
