package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of the COM interface {@code IVssAsync} (IID: {@link #IID}); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vss.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: IUnknown.
 */
public enum IVssAsync implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IUnknown: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface(IUnknown.QueryInterface),
    /** Slot 1 (x64 vtable offset 0x008), declared in IUnknown: ULONG AddRef(none). */
    AddRef(IUnknown.AddRef),
    /** Slot 2 (x64 vtable offset 0x010), declared in IUnknown: ULONG Release(none). */
    Release(IUnknown.Release),
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssAsync: HRESULT Cancel(none). */
    Cancel(INT32),
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssAsync: HRESULT Wait(DWORD dwMilliseconds = INFINITE (0xFFFFFFFF)). */
    Wait(INT32, INT32),
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssAsync: HRESULT QueryStatus(HRESULT *pHrResult, INT *pReserved). */
    QueryStatus(INT32, POINTER, POINTER);

    private final NativeSignature signature;

    IVssAsync(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    /** A method inherited from {@code inherited}'s interface: its signature is declared there, once. */
    IVssAsync(ComMethod inherited) {
        this.signature = inherited.signature();
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    /**
     * {@code IID_IVssAsync} (vss.h): the one source of this interface's id, for
     * {@code QueryInterface} callers and implementations.
     */
    public static final UUID IID = UUID.fromString("507c37b4-cf5b-4e95-b0af-14eb9767467e");
}
