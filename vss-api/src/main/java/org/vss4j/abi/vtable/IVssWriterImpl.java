package org.vss4j.abi.vtable;

import org.vss4j.abi.ComMethod;

/**
 * Vtable of the COM interface {@code IVssWriterImpl} (no IID declared (C++ class in the SDK)); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vswriter.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: IUnknown. NOTE: in the Windows SDK these methods are declared `virtual HRESULT
 * Initialize(...) = 0;` **without STDMETHODCALLTYPE**, i.e. default member convention (`__thiscall` on x86; irrelevant
 * on x64). Methods returning `VSS_ID` by value (slot 10) use a hidden result pointer as the 2nd argument after `this`
 * on x64 (MSVC rule for member functions; windows-rs declares it as `fn(this, *mut GUID)`)..
 */
public enum IVssWriterImpl implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IUnknown: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface,
    /** Slot 1 (x64 vtable offset 0x008), declared in IUnknown: ULONG AddRef(none). */
    AddRef,
    /** Slot 2 (x64 vtable offset 0x010), declared in IUnknown: ULONG Release(none). */
    Release,
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssWriterImpl: HRESULT Initialize(VSS_ID writerId, LPCWSTR wszWriterName, LPCWSTR wszWriterInstanceName, DWORD dwMajorVersion, DWORD dwMinorVersion, VSS_USAGE_TYPE ut, VSS_SOURCE_TYPE st, VSS_APPLICATION_LEVEL nLevel, DWORD dwTimeout, VSS_ALTERNATE_WRITER_STATE aws, bool bIOThrottlingOnly). */
    Initialize,
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssWriterImpl: HRESULT Subscribe(DWORD dwSubscribeTimeout, DWORD dwEventFlags). */
    Subscribe,
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssWriterImpl: HRESULT Unsubscribe(none). */
    Unsubscribe,
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssWriterImpl: void Uninitialize(none). */
    Uninitialize,
    /** Slot 7 (x64 vtable offset 0x038), declared in IVssWriterImpl: LPCWSTR * (const member) GetCurrentVolumeArray(none). */
    GetCurrentVolumeArray,
    /** Slot 8 (x64 vtable offset 0x040), declared in IVssWriterImpl: UINT (const member) GetCurrentVolumeCount(none). */
    GetCurrentVolumeCount,
    /** Slot 9 (x64 vtable offset 0x048), declared in IVssWriterImpl: HRESULT (const member) GetSnapshotDeviceName(LPCWSTR wszOriginalVolume, LPCWSTR *ppwszSnapshotDevice). */
    GetSnapshotDeviceName,
    /** Slot 10 (x64 vtable offset 0x050), declared in IVssWriterImpl: VSS_ID (const member) GetCurrentSnapshotSetId(none). */
    GetCurrentSnapshotSetId,
    /** Slot 11 (x64 vtable offset 0x058), declared in IVssWriterImpl: LONG (const member) GetContext(none). */
    GetContext,
    /** Slot 12 (x64 vtable offset 0x060), declared in IVssWriterImpl: VSS_APPLICATION_LEVEL (const member) GetCurrentLevel(none). */
    GetCurrentLevel,
    /** Slot 13 (x64 vtable offset 0x068), declared in IVssWriterImpl: bool (const member) IsPathAffected(LPCWSTR wszPath). */
    IsPathAffected,
    /** Slot 14 (x64 vtable offset 0x070), declared in IVssWriterImpl: bool (const member) IsBootableSystemStateBackedUp(none). */
    IsBootableSystemStateBackedUp,
    /** Slot 15 (x64 vtable offset 0x078), declared in IVssWriterImpl: bool (const member) AreComponentsSelected(none). */
    AreComponentsSelected,
    /** Slot 16 (x64 vtable offset 0x080), declared in IVssWriterImpl: VSS_BACKUP_TYPE (const member) GetBackupType(none). */
    GetBackupType,
    /** Slot 17 (x64 vtable offset 0x088), declared in IVssWriterImpl: VSS_RESTORE_TYPE (const member) GetRestoreType(none). */
    GetRestoreType,
    /** Slot 18 (x64 vtable offset 0x090), declared in IVssWriterImpl: HRESULT SetWriterFailure(HRESULT hr). */
    SetWriterFailure,
    /** Slot 19 (x64 vtable offset 0x098), declared in IVssWriterImpl: bool (const member) IsPartialFileSupportEnabled(none). */
    IsPartialFileSupportEnabled,
    /** Slot 20 (x64 vtable offset 0x0A0), declared in IVssWriterImpl: HRESULT InstallAlternateWriter(VSS_ID idWriter, CLSID clsid). */
    InstallAlternateWriter,
    /** Slot 21 (x64 vtable offset 0x0A8), declared in IVssWriterImpl: IVssExamineWriterMetadata* (const member) GetIdentityInformation(none). */
    GetIdentityInformation,
    /** Slot 22 (x64 vtable offset 0x0B0), declared in IVssWriterImpl: HRESULT SetWriterFailureEx(HRESULT hr, HRESULT hrApplication, LPCWSTR wszApplicationMessage). */
    SetWriterFailureEx,
    /** Slot 23 (x64 vtable offset 0x0B8), declared in IVssWriterImpl: HRESULT GetSessionId(VSS_ID *idSession). */
    GetSessionId,
    /** Slot 24 (x64 vtable offset 0x0C0), declared in IVssWriterImpl: bool IsWriterShuttingDown(none). */
    IsWriterShuttingDown;
}
