package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of the COM interface {@code IVssEnumObject} (IID: {@link #IID}); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vss.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: IUnknown.
 */
public enum IVssEnumObject implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IUnknown: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface(IUnknown.QueryInterface),
    /** Slot 1 (x64 vtable offset 0x008), declared in IUnknown: ULONG AddRef(none). */
    AddRef(IUnknown.AddRef),
    /** Slot 2 (x64 vtable offset 0x010), declared in IUnknown: ULONG Release(none). */
    Release(IUnknown.Release),
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssEnumObject: HRESULT Next(ULONG celt, VSS_OBJECT_PROP *rgelt, ULONG *pceltFetched). */
    Next(INT32, INT32, POINTER, POINTER),
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssEnumObject: HRESULT Skip(ULONG celt). */
    Skip(INT32, INT32),
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssEnumObject: HRESULT Reset(none). */
    Reset(INT32),
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssEnumObject: HRESULT Clone(IVssEnumObject **ppenum). */
    Clone(INT32, POINTER);

    private final NativeSignature signature;

    IVssEnumObject(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    /** A method inherited from {@code inherited}'s interface: its signature is declared there, once. */
    IVssEnumObject(ComMethod inherited) {
        this.signature = inherited.signature();
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    /**
     * {@code IID_IVssEnumObject} (vss.h): the one source of this interface's id, for
     * {@code QueryInterface} callers and implementations.
     */
    public static final UUID IID = UUID.fromString("ae1c7110-2f60-11d3-8a39-00c04f72d8e3");
}
