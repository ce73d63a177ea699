package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

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
    QueryInterface(IUnknown.QueryInterface),
    /** Slot 1 (x64 vtable offset 0x008), declared in IUnknown: ULONG AddRef(none). */
    AddRef(IUnknown.AddRef),
    /** Slot 2 (x64 vtable offset 0x010), declared in IUnknown: ULONG Release(none). */
    Release(IUnknown.Release),
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssWriterImpl: HRESULT Initialize(VSS_ID writerId, LPCWSTR wszWriterName, LPCWSTR wszWriterInstanceName, DWORD dwMajorVersion, DWORD dwMinorVersion, VSS_USAGE_TYPE ut, VSS_SOURCE_TYPE st, VSS_APPLICATION_LEVEL nLevel, DWORD dwTimeout, VSS_ALTERNATE_WRITER_STATE aws, bool bIOThrottlingOnly). */
    Initialize(INT32, GUID, POINTER, POINTER, INT32, INT32, INT32, INT32, INT32, INT32, INT32, BOOL8),
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssWriterImpl: HRESULT Subscribe(DWORD dwSubscribeTimeout, DWORD dwEventFlags). */
    Subscribe(INT32, INT32, INT32),
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssWriterImpl: HRESULT Unsubscribe(none). */
    Unsubscribe(INT32),
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssWriterImpl: void Uninitialize(none). */
    Uninitialize(VOID),
    /** Slot 7 (x64 vtable offset 0x038), declared in IVssWriterImpl: LPCWSTR * (const member) GetCurrentVolumeArray(none). */
    GetCurrentVolumeArray(POINTER),
    /** Slot 8 (x64 vtable offset 0x040), declared in IVssWriterImpl: UINT (const member) GetCurrentVolumeCount(none). */
    GetCurrentVolumeCount(INT32),
    /** Slot 9 (x64 vtable offset 0x048), declared in IVssWriterImpl: HRESULT (const member) GetSnapshotDeviceName(LPCWSTR wszOriginalVolume, LPCWSTR *ppwszSnapshotDevice). */
    GetSnapshotDeviceName(INT32, POINTER, POINTER),
    /** Slot 10 (x64 vtable offset 0x050), declared in IVssWriterImpl: VSS_ID (const member) GetCurrentSnapshotSetId(none). */
    GetCurrentSnapshotSetId(GUID),
    /** Slot 11 (x64 vtable offset 0x058), declared in IVssWriterImpl: LONG (const member) GetContext(none). */
    GetContext(INT32),
    /** Slot 12 (x64 vtable offset 0x060), declared in IVssWriterImpl: VSS_APPLICATION_LEVEL (const member) GetCurrentLevel(none). */
    GetCurrentLevel(INT32),
    /** Slot 13 (x64 vtable offset 0x068), declared in IVssWriterImpl: bool (const member) IsPathAffected(LPCWSTR wszPath). */
    IsPathAffected(BOOL8, POINTER),
    /** Slot 14 (x64 vtable offset 0x070), declared in IVssWriterImpl: bool (const member) IsBootableSystemStateBackedUp(none). */
    IsBootableSystemStateBackedUp(BOOL8),
    /** Slot 15 (x64 vtable offset 0x078), declared in IVssWriterImpl: bool (const member) AreComponentsSelected(none). */
    AreComponentsSelected(BOOL8),
    /** Slot 16 (x64 vtable offset 0x080), declared in IVssWriterImpl: VSS_BACKUP_TYPE (const member) GetBackupType(none). */
    GetBackupType(INT32),
    /** Slot 17 (x64 vtable offset 0x088), declared in IVssWriterImpl: VSS_RESTORE_TYPE (const member) GetRestoreType(none). */
    GetRestoreType(INT32),
    /** Slot 18 (x64 vtable offset 0x090), declared in IVssWriterImpl: HRESULT SetWriterFailure(HRESULT hr). */
    SetWriterFailure(INT32, INT32),
    /** Slot 19 (x64 vtable offset 0x098), declared in IVssWriterImpl: bool (const member) IsPartialFileSupportEnabled(none). */
    IsPartialFileSupportEnabled(BOOL8),
    /** Slot 20 (x64 vtable offset 0x0A0), declared in IVssWriterImpl: HRESULT InstallAlternateWriter(VSS_ID idWriter, CLSID clsid). */
    InstallAlternateWriter(INT32, GUID, GUID),
    /** Slot 21 (x64 vtable offset 0x0A8), declared in IVssWriterImpl: IVssExamineWriterMetadata* (const member) GetIdentityInformation(none). */
    GetIdentityInformation(POINTER),
    /** Slot 22 (x64 vtable offset 0x0B0), declared in IVssWriterImpl: HRESULT SetWriterFailureEx(HRESULT hr, HRESULT hrApplication, LPCWSTR wszApplicationMessage). */
    SetWriterFailureEx(INT32, INT32, INT32, POINTER),
    /** Slot 23 (x64 vtable offset 0x0B8), declared in IVssWriterImpl: HRESULT GetSessionId(VSS_ID *idSession). */
    GetSessionId(INT32, POINTER),
    /** Slot 24 (x64 vtable offset 0x0C0), declared in IVssWriterImpl: bool IsWriterShuttingDown(none). */
    IsWriterShuttingDown(BOOL8);

    private final NativeSignature signature;

    IVssWriterImpl(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    /** A method inherited from {@code inherited}'s interface: its signature is declared there, once. */
    IVssWriterImpl(ComMethod inherited) {
        this.signature = inherited.signature();
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }
}
