package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of the COM interface {@code IVssComponentEx2} (IID: {@link #IID}); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vswriter.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: IVssComponentEx.
 */
public enum IVssComponentEx2 implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IUnknown: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface(IUnknown.QueryInterface),
    /** Slot 1 (x64 vtable offset 0x008), declared in IUnknown: ULONG AddRef(none). */
    AddRef(IUnknown.AddRef),
    /** Slot 2 (x64 vtable offset 0x010), declared in IUnknown: ULONG Release(none). */
    Release(IUnknown.Release),
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssComponent: HRESULT GetLogicalPath(BSTR *pbstrPath). */
    GetLogicalPath(IVssComponent.GetLogicalPath),
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssComponent: HRESULT GetComponentType(VSS_COMPONENT_TYPE *pct). */
    GetComponentType(IVssComponent.GetComponentType),
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssComponent: HRESULT GetComponentName(BSTR *pbstrName). */
    GetComponentName(IVssComponent.GetComponentName),
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssComponent: HRESULT GetBackupSucceeded(bool *pbSucceeded). */
    GetBackupSucceeded(IVssComponent.GetBackupSucceeded),
    /** Slot 7 (x64 vtable offset 0x038), declared in IVssComponent: HRESULT GetAlternateLocationMappingCount(UINT *pcMappings). */
    GetAlternateLocationMappingCount(IVssComponent.GetAlternateLocationMappingCount),
    /** Slot 8 (x64 vtable offset 0x040), declared in IVssComponent: HRESULT GetAlternateLocationMapping(UINT iMapping, IVssWMFiledesc **ppFiledesc). */
    GetAlternateLocationMapping(IVssComponent.GetAlternateLocationMapping),
    /** Slot 9 (x64 vtable offset 0x048), declared in IVssComponent: HRESULT SetBackupMetadata(LPCWSTR wszData). */
    SetBackupMetadata(IVssComponent.SetBackupMetadata),
    /** Slot 10 (x64 vtable offset 0x050), declared in IVssComponent: HRESULT GetBackupMetadata(BSTR *pbstrData). */
    GetBackupMetadata(IVssComponent.GetBackupMetadata),
    /** Slot 11 (x64 vtable offset 0x058), declared in IVssComponent: HRESULT AddPartialFile(LPCWSTR wszPath, LPCWSTR wszFilename, LPCWSTR wszRanges, LPCWSTR wszMetadata). */
    AddPartialFile(IVssComponent.AddPartialFile),
    /** Slot 12 (x64 vtable offset 0x060), declared in IVssComponent: HRESULT GetPartialFileCount(UINT *pcPartialFiles). */
    GetPartialFileCount(IVssComponent.GetPartialFileCount),
    /** Slot 13 (x64 vtable offset 0x068), declared in IVssComponent: HRESULT GetPartialFile(UINT iPartialFile, BSTR *pbstrPath, BSTR *pbstrFilename, BSTR *pbstrRange, BSTR *pbstrMetadata). */
    GetPartialFile(IVssComponent.GetPartialFile),
    /** Slot 14 (x64 vtable offset 0x070), declared in IVssComponent: HRESULT IsSelectedForRestore(bool *pbSelectedForRestore). */
    IsSelectedForRestore(IVssComponent.IsSelectedForRestore),
    /** Slot 15 (x64 vtable offset 0x078), declared in IVssComponent: HRESULT GetAdditionalRestores(bool *pbAdditionalRestores). */
    GetAdditionalRestores(IVssComponent.GetAdditionalRestores),
    /** Slot 16 (x64 vtable offset 0x080), declared in IVssComponent: HRESULT GetNewTargetCount(UINT *pcNewTarget). */
    GetNewTargetCount(IVssComponent.GetNewTargetCount),
    /** Slot 17 (x64 vtable offset 0x088), declared in IVssComponent: HRESULT GetNewTarget(UINT iNewTarget, IVssWMFiledesc **ppFiledesc). */
    GetNewTarget(IVssComponent.GetNewTarget),
    /** Slot 18 (x64 vtable offset 0x090), declared in IVssComponent: HRESULT AddDirectedTarget(LPCWSTR wszSourcePath, LPCWSTR wszSourceFilename, LPCWSTR wszSourceRangeList, LPCWSTR wszDestinationPath, LPCWSTR wszDestinationFilename, LPCWSTR wszDestinationRangeList). */
    AddDirectedTarget(IVssComponent.AddDirectedTarget),
    /** Slot 19 (x64 vtable offset 0x098), declared in IVssComponent: HRESULT GetDirectedTargetCount(UINT *pcDirectedTarget). */
    GetDirectedTargetCount(IVssComponent.GetDirectedTargetCount),
    /** Slot 20 (x64 vtable offset 0x0A0), declared in IVssComponent: HRESULT GetDirectedTarget(UINT iDirectedTarget, BSTR *pbstrSourcePath, BSTR *pbstrSourceFileName, BSTR *pbstrSourceRangeList, BSTR *pbstrDestinationPath, BSTR *pbstrDestinationFilename, BSTR *pbstrDestinationRangeList). */
    GetDirectedTarget(IVssComponent.GetDirectedTarget),
    /** Slot 21 (x64 vtable offset 0x0A8), declared in IVssComponent: HRESULT SetRestoreMetadata(LPCWSTR wszRestoreMetadata). */
    SetRestoreMetadata(IVssComponent.SetRestoreMetadata),
    /** Slot 22 (x64 vtable offset 0x0B0), declared in IVssComponent: HRESULT GetRestoreMetadata(BSTR *pbstrRestoreMetadata). */
    GetRestoreMetadata(IVssComponent.GetRestoreMetadata),
    /** Slot 23 (x64 vtable offset 0x0B8), declared in IVssComponent: HRESULT SetRestoreTarget(VSS_RESTORE_TARGET target). */
    SetRestoreTarget(IVssComponent.SetRestoreTarget),
    /** Slot 24 (x64 vtable offset 0x0C0), declared in IVssComponent: HRESULT GetRestoreTarget(VSS_RESTORE_TARGET *pTarget). */
    GetRestoreTarget(IVssComponent.GetRestoreTarget),
    /** Slot 25 (x64 vtable offset 0x0C8), declared in IVssComponent: HRESULT SetPreRestoreFailureMsg(LPCWSTR wszPreRestoreFailureMsg). */
    SetPreRestoreFailureMsg(IVssComponent.SetPreRestoreFailureMsg),
    /** Slot 26 (x64 vtable offset 0x0D0), declared in IVssComponent: HRESULT GetPreRestoreFailureMsg(BSTR *pbstrPreRestoreFailureMsg). */
    GetPreRestoreFailureMsg(IVssComponent.GetPreRestoreFailureMsg),
    /** Slot 27 (x64 vtable offset 0x0D8), declared in IVssComponent: HRESULT SetPostRestoreFailureMsg(LPCWSTR wszPostRestoreFailureMsg). */
    SetPostRestoreFailureMsg(IVssComponent.SetPostRestoreFailureMsg),
    /** Slot 28 (x64 vtable offset 0x0E0), declared in IVssComponent: HRESULT GetPostRestoreFailureMsg(BSTR *pbstrPostRestoreFailureMsg). */
    GetPostRestoreFailureMsg(IVssComponent.GetPostRestoreFailureMsg),
    /** Slot 29 (x64 vtable offset 0x0E8), declared in IVssComponent: HRESULT SetBackupStamp(LPCWSTR wszBackupStamp). */
    SetBackupStamp(IVssComponent.SetBackupStamp),
    /** Slot 30 (x64 vtable offset 0x0F0), declared in IVssComponent: HRESULT GetBackupStamp(BSTR *pbstrBackupStamp). */
    GetBackupStamp(IVssComponent.GetBackupStamp),
    /** Slot 31 (x64 vtable offset 0x0F8), declared in IVssComponent: HRESULT GetPreviousBackupStamp(BSTR *pbstrBackupStamp). */
    GetPreviousBackupStamp(IVssComponent.GetPreviousBackupStamp),
    /** Slot 32 (x64 vtable offset 0x100), declared in IVssComponent: HRESULT GetBackupOptions(BSTR *pbstrBackupOptions). */
    GetBackupOptions(IVssComponent.GetBackupOptions),
    /** Slot 33 (x64 vtable offset 0x108), declared in IVssComponent: HRESULT GetRestoreOptions(BSTR *pbstrRestoreOptions). */
    GetRestoreOptions(IVssComponent.GetRestoreOptions),
    /** Slot 34 (x64 vtable offset 0x110), declared in IVssComponent: HRESULT GetRestoreSubcomponentCount(UINT *pcRestoreSubcomponent). */
    GetRestoreSubcomponentCount(IVssComponent.GetRestoreSubcomponentCount),
    /** Slot 35 (x64 vtable offset 0x118), declared in IVssComponent: HRESULT GetRestoreSubcomponent(UINT iComponent, BSTR *pbstrLogicalPath, BSTR *pbstrComponentName, bool *pbRepair). */
    GetRestoreSubcomponent(IVssComponent.GetRestoreSubcomponent),
    /** Slot 36 (x64 vtable offset 0x120), declared in IVssComponent: HRESULT GetFileRestoreStatus(VSS_FILE_RESTORE_STATUS *pStatus). */
    GetFileRestoreStatus(IVssComponent.GetFileRestoreStatus),
    /** Slot 37 (x64 vtable offset 0x128), declared in IVssComponent: HRESULT AddDifferencedFilesByLastModifyTime(LPCWSTR wszPath, LPCWSTR wszFilespec, BOOL bRecursive, FILETIME ftLastModifyTime). */
    AddDifferencedFilesByLastModifyTime(IVssComponent.AddDifferencedFilesByLastModifyTime),
    /** Slot 38 (x64 vtable offset 0x130), declared in IVssComponent: HRESULT AddDifferencedFilesByLastModifyLSN(LPCWSTR wszPath, LPCWSTR wszFilespec, BOOL bRecursive, BSTR bstrLsnString). */
    AddDifferencedFilesByLastModifyLSN(IVssComponent.AddDifferencedFilesByLastModifyLSN),
    /** Slot 39 (x64 vtable offset 0x138), declared in IVssComponent: HRESULT GetDifferencedFilesCount(UINT *pcDifferencedFiles). */
    GetDifferencedFilesCount(IVssComponent.GetDifferencedFilesCount),
    /** Slot 40 (x64 vtable offset 0x140), declared in IVssComponent: HRESULT GetDifferencedFile(UINT iDifferencedFile, BSTR *pbstrPath, BSTR *pbstrFilespec, BOOL *pbRecursive, BSTR *pbstrLsnString, FILETIME *pftLastModifyTime). */
    GetDifferencedFile(IVssComponent.GetDifferencedFile),
    /** Slot 41 (x64 vtable offset 0x148), declared in IVssComponentEx: HRESULT SetPrepareForBackupFailureMsg(LPCWSTR wszFailureMsg). */
    SetPrepareForBackupFailureMsg(IVssComponentEx.SetPrepareForBackupFailureMsg),
    /** Slot 42 (x64 vtable offset 0x150), declared in IVssComponentEx: HRESULT SetPostSnapshotFailureMsg(LPCWSTR wszFailureMsg). */
    SetPostSnapshotFailureMsg(IVssComponentEx.SetPostSnapshotFailureMsg),
    /** Slot 43 (x64 vtable offset 0x158), declared in IVssComponentEx: HRESULT GetPrepareForBackupFailureMsg(BSTR *pbstrFailureMsg). */
    GetPrepareForBackupFailureMsg(IVssComponentEx.GetPrepareForBackupFailureMsg),
    /** Slot 44 (x64 vtable offset 0x160), declared in IVssComponentEx: HRESULT GetPostSnapshotFailureMsg(BSTR *pbstrFailureMsg). */
    GetPostSnapshotFailureMsg(IVssComponentEx.GetPostSnapshotFailureMsg),
    /** Slot 45 (x64 vtable offset 0x168), declared in IVssComponentEx: HRESULT GetAuthoritativeRestore(bool *pbAuth). */
    GetAuthoritativeRestore(IVssComponentEx.GetAuthoritativeRestore),
    /** Slot 46 (x64 vtable offset 0x170), declared in IVssComponentEx: HRESULT GetRollForward(VSS_ROLLFORWARD_TYPE *pRollType, BSTR *pbstrPoint). */
    GetRollForward(IVssComponentEx.GetRollForward),
    /** Slot 47 (x64 vtable offset 0x178), declared in IVssComponentEx: HRESULT GetRestoreName(BSTR *pbstrName). */
    GetRestoreName(IVssComponentEx.GetRestoreName),
    /** Slot 48 (x64 vtable offset 0x180), declared in IVssComponentEx2: HRESULT SetFailure(HRESULT hr, HRESULT hrApplication, LPCWSTR wszApplicationMessage, DWORD dwReserved). */
    SetFailure(INT32, INT32, INT32, POINTER, INT32),
    /** Slot 49 (x64 vtable offset 0x188), declared in IVssComponentEx2: HRESULT GetFailure(HRESULT *phr, HRESULT *phrApplication, BSTR *pbstrApplicationMessage, DWORD *pdwReserved). */
    GetFailure(INT32, POINTER, POINTER, POINTER, POINTER);

    private final NativeSignature signature;

    IVssComponentEx2(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    /** A method inherited from {@code inherited}'s interface: its signature is declared there, once. */
    IVssComponentEx2(ComMethod inherited) {
        this.signature = inherited.signature();
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    /**
     * {@code IID_IVssComponentEx2} (vswriter.h): the one source of this interface's id, for
     * {@code QueryInterface} callers and implementations.
     */
    public static final UUID IID = UUID.fromString("3b5be0f2-07a9-4e4b-bdd3-cfdc8e2c0d2d");
}
