package org.vss4j.abi.vtable;

import org.vss4j.abi.ComMethod;

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
    AddIncludeFiles,
    /** Slot 1 (x64 vtable offset 0x008), declared in IVssCreateWriterMetadata: HRESULT AddExcludeFiles(LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive). */
    AddExcludeFiles,
    /** Slot 2 (x64 vtable offset 0x010), declared in IVssCreateWriterMetadata: HRESULT AddComponent(VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszCaption, const BYTE *pbIcon, UINT cbIcon, bool bRestoreMetadata, bool bNotifyOnBackupComplete, bool bSelectable, bool bSelectableForRestore = false, DWORD dwComponentFlags = 0). */
    AddComponent,
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssCreateWriterMetadata: HRESULT AddDatabaseFiles(LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName, LPCWSTR wszPath, LPCWSTR wszFilespec, DWORD dwBackupTypeMask = (VSS_FSBT_ALL_BACKUP_REQUIRED \| VSS_FSBT_ALL_SNAPSHOT_REQUIRED)). */
    AddDatabaseFiles,
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssCreateWriterMetadata: HRESULT AddDatabaseLogFiles(LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName, LPCWSTR wszPath, LPCWSTR wszFilespec, DWORD dwBackupTypeMask = (VSS_FSBT_ALL_BACKUP_REQUIRED \| VSS_FSBT_ALL_SNAPSHOT_REQUIRED)). */
    AddDatabaseLogFiles,
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssCreateWriterMetadata: HRESULT AddFilesToFileGroup(LPCWSTR wszLogicalPath, LPCWSTR wszGroupName, LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszAlternateLocation, DWORD dwBackupTypeMask = (VSS_FSBT_ALL_BACKUP_REQUIRED \| VSS_FSBT_ALL_SNAPSHOT_REQUIRED)). */
    AddFilesToFileGroup,
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssCreateWriterMetadata: HRESULT SetRestoreMethod(VSS_RESTOREMETHOD_ENUM method, LPCWSTR wszService, LPCWSTR wszUserProcedure, VSS_WRITERRESTORE_ENUM writerRestore, bool bRebootRequired). */
    SetRestoreMethod,
    /** Slot 7 (x64 vtable offset 0x038), declared in IVssCreateWriterMetadata: HRESULT AddAlternateLocationMapping(LPCWSTR wszSourcePath, LPCWSTR wszSourceFilespec, bool bRecursive, LPCWSTR wszDestination). */
    AddAlternateLocationMapping,
    /** Slot 8 (x64 vtable offset 0x040), declared in IVssCreateWriterMetadata: HRESULT AddComponentDependency(LPCWSTR wszForLogicalPath, LPCWSTR wszForComponentName, VSS_ID onWriterId, LPCWSTR wszOnLogicalPath, LPCWSTR wszOnComponentName). */
    AddComponentDependency,
    /** Slot 9 (x64 vtable offset 0x048), declared in IVssCreateWriterMetadata: HRESULT SetBackupSchema(DWORD dwSchemaMask). */
    SetBackupSchema,
    /** Slot 10 (x64 vtable offset 0x050), declared in IVssCreateWriterMetadata: HRESULT GetDocument(IXMLDOMDocument **pDoc). */
    GetDocument,
    /** Slot 11 (x64 vtable offset 0x058), declared in IVssCreateWriterMetadata: HRESULT SaveAsXML(BSTR *pbstrXML). */
    SaveAsXML;
}
