package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of the COM interface {@code IVssWMComponent} (no IID declared (C++ class in the SDK)); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vsbackup.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: IUnknown.
 */
public enum IVssWMComponent implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IUnknown: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface(IUnknown.QueryInterface),
    /** Slot 1 (x64 vtable offset 0x008), declared in IUnknown: ULONG AddRef(none). */
    AddRef(IUnknown.AddRef),
    /** Slot 2 (x64 vtable offset 0x010), declared in IUnknown: ULONG Release(none). */
    Release(IUnknown.Release),
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssWMComponent: HRESULT GetComponentInfo(PVSSCOMPONENTINFO *ppInfo). */
    GetComponentInfo(INT32, POINTER),
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssWMComponent: HRESULT FreeComponentInfo(PVSSCOMPONENTINFO pInfo). */
    FreeComponentInfo(INT32, POINTER),
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssWMComponent: HRESULT GetFile(UINT iFile, IVssWMFiledesc **ppFiledesc). */
    GetFile(INT32, INT32, POINTER),
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssWMComponent: HRESULT GetDatabaseFile(UINT iDBFile, IVssWMFiledesc **ppFiledesc). */
    GetDatabaseFile(INT32, INT32, POINTER),
    /** Slot 7 (x64 vtable offset 0x038), declared in IVssWMComponent: HRESULT GetDatabaseLogFile(UINT iDbLogFile, IVssWMFiledesc **ppFiledesc). */
    GetDatabaseLogFile(INT32, INT32, POINTER),
    /** Slot 8 (x64 vtable offset 0x040), declared in IVssWMComponent: HRESULT GetDependency(UINT iDependency, IVssWMDependency **ppDependency). */
    GetDependency(INT32, INT32, POINTER);

    private final NativeSignature signature;

    IVssWMComponent(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    /** A method inherited from {@code inherited}'s interface: its signature is declared there, once. */
    IVssWMComponent(ComMethod inherited) {
        this.signature = inherited.signature();
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }
}
