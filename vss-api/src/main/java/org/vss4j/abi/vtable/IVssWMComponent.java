package org.vss4j.abi.vtable;

import org.vss4j.abi.ComMethod;

/**
 * Vtable of the COM interface {@code IVssWMComponent} (no IID declared (C++ class in the SDK)); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vsbackup.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: IUnknown.
 */
public enum IVssWMComponent implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IUnknown: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface,
    /** Slot 1 (x64 vtable offset 0x008), declared in IUnknown: ULONG AddRef(none). */
    AddRef,
    /** Slot 2 (x64 vtable offset 0x010), declared in IUnknown: ULONG Release(none). */
    Release,
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssWMComponent: HRESULT GetComponentInfo(PVSSCOMPONENTINFO *ppInfo). */
    GetComponentInfo,
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssWMComponent: HRESULT FreeComponentInfo(PVSSCOMPONENTINFO pInfo). */
    FreeComponentInfo,
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssWMComponent: HRESULT GetFile(UINT iFile, IVssWMFiledesc **ppFiledesc). */
    GetFile,
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssWMComponent: HRESULT GetDatabaseFile(UINT iDBFile, IVssWMFiledesc **ppFiledesc). */
    GetDatabaseFile,
    /** Slot 7 (x64 vtable offset 0x038), declared in IVssWMComponent: HRESULT GetDatabaseLogFile(UINT iDbLogFile, IVssWMFiledesc **ppFiledesc). */
    GetDatabaseLogFile,
    /** Slot 8 (x64 vtable offset 0x040), declared in IVssWMComponent: HRESULT GetDependency(UINT iDependency, IVssWMDependency **ppDependency). */
    GetDependency;
}
