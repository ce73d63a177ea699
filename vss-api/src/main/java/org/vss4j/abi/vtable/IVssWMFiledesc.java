package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of the COM interface {@code IVssWMFiledesc} (no IID declared (C++ class in the SDK)); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vswriter.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: IUnknown.
 */
public enum IVssWMFiledesc implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IUnknown: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface(IUnknown.QueryInterface),
    /** Slot 1 (x64 vtable offset 0x008), declared in IUnknown: ULONG AddRef(none). */
    AddRef(IUnknown.AddRef),
    /** Slot 2 (x64 vtable offset 0x010), declared in IUnknown: ULONG Release(none). */
    Release(IUnknown.Release),
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssWMFiledesc: HRESULT GetPath(BSTR *pbstrPath). */
    GetPath(INT32, POINTER),
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssWMFiledesc: HRESULT GetFilespec(BSTR *pbstrFilespec). */
    GetFilespec(INT32, POINTER),
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssWMFiledesc: HRESULT GetRecursive(bool *pbRecursive). */
    GetRecursive(INT32, POINTER),
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssWMFiledesc: HRESULT GetAlternateLocation(BSTR *pbstrAlternateLocation). */
    GetAlternateLocation(INT32, POINTER),
    /** Slot 7 (x64 vtable offset 0x038), declared in IVssWMFiledesc: HRESULT GetBackupTypeMask(DWORD *pdwTypeMask). */
    GetBackupTypeMask(INT32, POINTER);

    private final NativeSignature signature;

    IVssWMFiledesc(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    /** A method inherited from {@code inherited}'s interface: its signature is declared there, once. */
    IVssWMFiledesc(ComMethod inherited) {
        this.signature = inherited.signature();
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }
}
