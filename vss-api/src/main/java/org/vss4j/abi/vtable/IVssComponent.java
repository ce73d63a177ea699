package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of the COM interface {@code IVssComponent} (IID: {@link #IID}); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vswriter.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: IUnknown.
 */
public enum IVssComponent implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IUnknown: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface(IUnknown.QueryInterface),
    /** Slot 1 (x64 vtable offset 0x008), declared in IUnknown: ULONG AddRef(none). */
    AddRef(IUnknown.AddRef),
    /** Slot 2 (x64 vtable offset 0x010), declared in IUnknown: ULONG Release(none). */
    Release(IUnknown.Release),
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssComponent: HRESULT GetLogicalPath(BSTR *pbstrPath). */
    GetLogicalPath(INT32, POINTER),
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssComponent: HRESULT GetComponentType(VSS_COMPONENT_TYPE *pct). */
    GetComponentType(INT32, POINTER),
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssComponent: HRESULT GetComponentName(BSTR *pbstrName). */
    GetComponentName(INT32, POINTER),
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssComponent: HRESULT GetBackupSucceeded(bool *pbSucceeded). */
    GetBackupSucceeded(INT32, POINTER),
    /** Slot 7 (x64 vtable offset 0x038), declared in IVssComponent: HRESULT GetAlternateLocationMappingCount(UINT *pcMappings). */
    GetAlternateLocationMappingCount(INT32, POINTER),
    /** Slot 8 (x64 vtable offset 0x040), declared in IVssComponent: HRESULT GetAlternateLocationMapping(UINT iMapping, IVssWMFiledesc **ppFiledesc). */
    GetAlternateLocationMapping(INT32, INT32, POINTER),
    /** Slot 9 (x64 vtable offset 0x048), declared in IVssComponent: HRESULT SetBackupMetadata(LPCWSTR wszData). */
    SetBackupMetadata(INT32, POINTER),
    /** Slot 10 (x64 vtable offset 0x050), declared in IVssComponent: HRESULT GetBackupMetadata(BSTR *pbstrData). */
    GetBackupMetadata(INT32, POINTER),
    /** Slot 11 (x64 vtable offset 0x058), declared in IVssComponent: HRESULT AddPartialFile(LPCWSTR wszPath, LPCWSTR wszFilename, LPCWSTR wszRanges, LPCWSTR wszMetadata). */
    AddPartialFile(INT32, POINTER, POINTER, POINTER, POINTER),
    /** Slot 12 (x64 vtable offset 0x060), declared in IVssComponent: HRESULT GetPartialFileCount(UINT *pcPartialFiles). */
    GetPartialFileCount(INT32, POINTER),
    /** Slot 13 (x64 vtable offset 0x068), declared in IVssComponent: HRESULT GetPartialFile(UINT iPartialFile, BSTR *pbstrPath, BSTR *pbstrFilename, BSTR *pbstrRange, BSTR *pbstrMetadata). */
    GetPartialFile(INT32, INT32, POINTER, POINTER, POINTER, POINTER),
    /** Slot 14 (x64 vtable offset 0x070), declared in IVssComponent: HRESULT IsSelectedForRestore(bool *pbSelectedForRestore). */
    IsSelectedForRestore(INT32, POINTER),
    /** Slot 15 (x64 vtable offset 0x078), declared in IVssComponent: HRESULT GetAdditionalRestores(bool *pbAdditionalRestores). */
    GetAdditionalRestores(INT32, POINTER),
    /** Slot 16 (x64 vtable offset 0x080), declared in IVssComponent: HRESULT GetNewTargetCount(UINT *pcNewTarget). */
    GetNewTargetCount(INT32, POINTER),
    /** Slot 17 (x64 vtable offset 0x088), declared in IVssComponent: HRESULT GetNewTarget(UINT iNewTarget, IVssWMFiledesc **ppFiledesc). */
    GetNewTarget(INT32, INT32, POINTER),
    /** Slot 18 (x64 vtable offset 0x090), declared in IVssComponent: HRESULT AddDirectedTarget(LPCWSTR wszSourcePath, LPCWSTR wszSourceFilename, LPCWSTR wszSourceRangeList, LPCWSTR wszDestinationPath, LPCWSTR wszDestinationFilename, LPCWSTR wszDestinationRangeList). */
    AddDirectedTarget(INT32, POINTER, POINTER, POINTER, POINTER, POINTER, POINTER),
    /** Slot 19 (x64 vtable offset 0x098), declared in IVssComponent: HRESULT GetDirectedTargetCount(UINT *pcDirectedTarget). */
    GetDirectedTargetCount(INT32, POINTER),
    /** Slot 20 (x64 vtable offset 0x0A0), declared in IVssComponent: HRESULT GetDirectedTarget(UINT iDirectedTarget, BSTR *pbstrSourcePath, BSTR *pbstrSourceFileName, BSTR *pbstrSourceRangeList, BSTR *pbstrDestinationPath, BSTR *pbstrDestinationFilename, BSTR *pbstrDestinationRangeList). */
    GetDirectedTarget(INT32, INT32, POINTER, POINTER, POINTER, POINTER, POINTER, POINTER),
    /** Slot 21 (x64 vtable offset 0x0A8), declared in IVssComponent: HRESULT SetRestoreMetadata(LPCWSTR wszRestoreMetadata). */
    SetRestoreMetadata(INT32, POINTER),
    /** Slot 22 (x64 vtable offset 0x0B0), declared in IVssComponent: HRESULT GetRestoreMetadata(BSTR *pbstrRestoreMetadata). */
    GetRestoreMetadata(INT32, POINTER),
    /** Slot 23 (x64 vtable offset 0x0B8), declared in IVssComponent: HRESULT SetRestoreTarget(VSS_RESTORE_TARGET target). */
    SetRestoreTarget(INT32, INT32),
    /** Slot 24 (x64 vtable offset 0x0C0), declared in IVssComponent: HRESULT GetRestoreTarget(VSS_RESTORE_TARGET *pTarget). */
    GetRestoreTarget(INT32, POINTER),
    /** Slot 25 (x64 vtable offset 0x0C8), declared in IVssComponent: HRESULT SetPreRestoreFailureMsg(LPCWSTR wszPreRestoreFailureMsg). */
    SetPreRestoreFailureMsg(INT32, POINTER),
    /** Slot 26 (x64 vtable offset 0x0D0), declared in IVssComponent: HRESULT GetPreRestoreFailureMsg(BSTR *pbstrPreRestoreFailureMsg). */
    GetPreRestoreFailureMsg(INT32, POINTER),
    /** Slot 27 (x64 vtable offset 0x0D8), declared in IVssComponent: HRESULT SetPostRestoreFailureMsg(LPCWSTR wszPostRestoreFailureMsg). */
    SetPostRestoreFailureMsg(INT32, POINTER),
    /** Slot 28 (x64 vtable offset 0x0E0), declared in IVssComponent: HRESULT GetPostRestoreFailureMsg(BSTR *pbstrPostRestoreFailureMsg). */
    GetPostRestoreFailureMsg(INT32, POINTER),
    /** Slot 29 (x64 vtable offset 0x0E8), declared in IVssComponent: HRESULT SetBackupStamp(LPCWSTR wszBackupStamp). */
    SetBackupStamp(INT32, POINTER),
    /** Slot 30 (x64 vtable offset 0x0F0), declared in IVssComponent: HRESULT GetBackupStamp(BSTR *pbstrBackupStamp). */
    GetBackupStamp(INT32, POINTER),
    /** Slot 31 (x64 vtable offset 0x0F8), declared in IVssComponent: HRESULT GetPreviousBackupStamp(BSTR *pbstrBackupStamp). */
    GetPreviousBackupStamp(INT32, POINTER),
    /** Slot 32 (x64 vtable offset 0x100), declared in IVssComponent: HRESULT GetBackupOptions(BSTR *pbstrBackupOptions). */
    GetBackupOptions(INT32, POINTER),
    /** Slot 33 (x64 vtable offset 0x108), declared in IVssComponent: HRESULT GetRestoreOptions(BSTR *pbstrRestoreOptions). */
    GetRestoreOptions(INT32, POINTER),
    /** Slot 34 (x64 vtable offset 0x110), declared in IVssComponent: HRESULT GetRestoreSubcomponentCount(UINT *pcRestoreSubcomponent). */
    GetRestoreSubcomponentCount(INT32, POINTER),
    /** Slot 35 (x64 vtable offset 0x118), declared in IVssComponent: HRESULT GetRestoreSubcomponent(UINT iComponent, BSTR *pbstrLogicalPath, BSTR *pbstrComponentName, bool *pbRepair). */
    GetRestoreSubcomponent(INT32, INT32, POINTER, POINTER, POINTER),
    /** Slot 36 (x64 vtable offset 0x120), declared in IVssComponent: HRESULT GetFileRestoreStatus(VSS_FILE_RESTORE_STATUS *pStatus). */
    GetFileRestoreStatus(INT32, POINTER),
    /** Slot 37 (x64 vtable offset 0x128), declared in IVssComponent: HRESULT AddDifferencedFilesByLastModifyTime(LPCWSTR wszPath, LPCWSTR wszFilespec, BOOL bRecursive, FILETIME ftLastModifyTime). */
    AddDifferencedFilesByLastModifyTime(INT32, POINTER, POINTER, INT32, STRUCT8),
    /** Slot 38 (x64 vtable offset 0x130), declared in IVssComponent: HRESULT AddDifferencedFilesByLastModifyLSN(LPCWSTR wszPath, LPCWSTR wszFilespec, BOOL bRecursive, BSTR bstrLsnString). */
    AddDifferencedFilesByLastModifyLSN(INT32, POINTER, POINTER, INT32, POINTER),
    /** Slot 39 (x64 vtable offset 0x138), declared in IVssComponent: HRESULT GetDifferencedFilesCount(UINT *pcDifferencedFiles). */
    GetDifferencedFilesCount(INT32, POINTER),
    /** Slot 40 (x64 vtable offset 0x140), declared in IVssComponent: HRESULT GetDifferencedFile(UINT iDifferencedFile, BSTR *pbstrPath, BSTR *pbstrFilespec, BOOL *pbRecursive, BSTR *pbstrLsnString, FILETIME *pftLastModifyTime). */
    GetDifferencedFile(INT32, INT32, POINTER, POINTER, POINTER, POINTER, POINTER);

    private final NativeSignature signature;

    IVssComponent(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    /** A method inherited from {@code inherited}'s interface: its signature is declared there, once. */
    IVssComponent(ComMethod inherited) {
        this.signature = inherited.signature();
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    /**
     * {@code IID_IVssComponent} (vswriter.h): the one source of this interface's id, for
     * {@code QueryInterface} callers and implementations.
     */
    public static final UUID IID = UUID.fromString("d2c72c96-c121-4518-b627-e5a93d010ead");
}
