package org.vss4j.abi.vtable;

import java.util.UUID;
import org.vss4j.abi.ComMethod;

/**
 * Vtable of the COM interface {@code IVssAsync} (IID: {@link #IID}); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vss.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: IUnknown.
 */
public enum IVssAsync implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IUnknown: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface,
    /** Slot 1 (x64 vtable offset 0x008), declared in IUnknown: ULONG AddRef(none). */
    AddRef,
    /** Slot 2 (x64 vtable offset 0x010), declared in IUnknown: ULONG Release(none). */
    Release,
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssAsync: HRESULT Cancel(none). */
    Cancel,
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssAsync: HRESULT Wait(DWORD dwMilliseconds = INFINITE (0xFFFFFFFF)). */
    Wait,
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssAsync: HRESULT QueryStatus(HRESULT *pHrResult, INT *pReserved). */
    QueryStatus;

    /**
     * {@code IID_IVssAsync} (vss.h): the one source of this interface's id, for
     * {@code QueryInterface} callers and implementations.
     */
    public static final UUID IID = UUID.fromString("507c37b4-cf5b-4e95-b0af-14eb9767467e");
}
