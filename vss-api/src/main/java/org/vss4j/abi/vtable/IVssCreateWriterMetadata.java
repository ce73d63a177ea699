package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of the COM interface {@code IVssCreateWriterMetadata} (no IID declared (C++ class in the SDK)); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vswriter.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: **none (no IUnknown)**.
 *
 * <p>This interface has <b>no IUnknown</b> (vswriter.h): slot 0 is its first own method, and the object
 * cannot be reference-counted through this vtable.
 */
public enum IVssCreateWriterMetadata implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IVssCreateWriterMetadata: HRESULT AddIncludeFiles(LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszAlternateLocation). */
    AddIncludeFiles(INT32, POINTER, POINTER, BOOL8, POINTER),
    /** Slot 1 (x64 vtable offset 0x008), declared in IVssCreateWriterMetadata: HRESULT AddExcludeFiles(LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive). */
    AddExcludeFiles(INT32, POINTER, POINTER, BOOL8),
    /** Slot 2 (x64 vtable offset 0x010), declared in IVssCreateWriterMetadata: HRESULT AddComponent(VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszCaption, const BYTE *pbIcon, UINT cbIcon, bool bRestoreMetadata, bool bNotifyOnBackupComplete, bool bSelectable, bool bSelectableForRestore = false, DWORD dwComponentFlags = 0). */
    AddComponent(INT32, INT32, POINTER, POINTER, POINTER, POINTER, INT32, BOOL8, BOOL8, BOOL8, BOOL8, INT32),
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssCreateWriterMetadata: HRESULT AddDatabaseFiles(LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName, LPCWSTR wszPath, LPCWSTR wszFilespec, DWORD dwBackupTypeMask = (VSS_FSBT_ALL_BACKUP_REQUIRED \| VSS_FSBT_ALL_SNAPSHOT_REQUIRED)). */
    AddDatabaseFiles(INT32, POINTER, POINTER, POINTER, POINTER, INT32),
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssCreateWriterMetadata: HRESULT AddDatabaseLogFiles(LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName, LPCWSTR wszPath, LPCWSTR wszFilespec, DWORD dwBackupTypeMask = (VSS_FSBT_ALL_BACKUP_REQUIRED \| VSS_FSBT_ALL_SNAPSHOT_REQUIRED)). */
    AddDatabaseLogFiles(INT32, POINTER, POINTER, POINTER, POINTER, INT32),
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssCreateWriterMetadata: HRESULT AddFilesToFileGroup(LPCWSTR wszLogicalPath, LPCWSTR wszGroupName, LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszAlternateLocation, DWORD dwBackupTypeMask = (VSS_FSBT_ALL_BACKUP_REQUIRED \| VSS_FSBT_ALL_SNAPSHOT_REQUIRED)). */
    AddFilesToFileGroup(INT32, POINTER, POINTER, POINTER, POINTER, BOOL8, POINTER, INT32),
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssCreateWriterMetadata: HRESULT SetRestoreMethod(VSS_RESTOREMETHOD_ENUM method, LPCWSTR wszService, LPCWSTR wszUserProcedure, VSS_WRITERRESTORE_ENUM writerRestore, bool bRebootRequired). */
    SetRestoreMethod(INT32, INT32, POINTER, POINTER, INT32, BOOL8),
    /** Slot 7 (x64 vtable offset 0x038), declared in IVssCreateWriterMetadata: HRESULT AddAlternateLocationMapping(LPCWSTR wszSourcePath, LPCWSTR wszSourceFilespec, bool bRecursive, LPCWSTR wszDestination). */
    AddAlternateLocationMapping(INT32, POINTER, POINTER, BOOL8, POINTER),
    /** Slot 8 (x64 vtable offset 0x040), declared in IVssCreateWriterMetadata: HRESULT AddComponentDependency(LPCWSTR wszForLogicalPath, LPCWSTR wszForComponentName, VSS_ID onWriterId, LPCWSTR wszOnLogicalPath, LPCWSTR wszOnComponentName). */
    AddComponentDependency(INT32, POINTER, POINTER, GUID, POINTER, POINTER),
    /** Slot 9 (x64 vtable offset 0x048), declared in IVssCreateWriterMetadata: HRESULT SetBackupSchema(DWORD dwSchemaMask). */
    SetBackupSchema(INT32, INT32),
    /** Slot 10 (x64 vtable offset 0x050), declared in IVssCreateWriterMetadata: HRESULT GetDocument(IXMLDOMDocument **pDoc). */
    GetDocument(INT32, POINTER),
    /** Slot 11 (x64 vtable offset 0x058), declared in IVssCreateWriterMetadata: HRESULT SaveAsXML(BSTR *pbstrXML). */
    SaveAsXML(INT32, POINTER);

    private final NativeSignature signature;

    IVssCreateWriterMetadata(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }
}
