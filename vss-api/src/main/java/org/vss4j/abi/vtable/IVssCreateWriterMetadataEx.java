package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of the COM interface {@code IVssCreateWriterMetadataEx} (IID: {@link #IID}); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vswriter.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: IVssCreateWriterMetadata (primary) **and** IUnknown (multiple inheritance, Windows
 * SDK vswriter.h).
 *
 * <p>This interface has <b>no IUnknown</b> (vswriter.h): slot 0 is its first own method, and the object
 * cannot be reference-counted through this vtable.
 */
public enum IVssCreateWriterMetadataEx implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IVssCreateWriterMetadata: HRESULT AddIncludeFiles(LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszAlternateLocation). */
    AddIncludeFiles(IVssCreateWriterMetadata.AddIncludeFiles),
    /** Slot 1 (x64 vtable offset 0x008), declared in IVssCreateWriterMetadata: HRESULT AddExcludeFiles(LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive). */
    AddExcludeFiles(IVssCreateWriterMetadata.AddExcludeFiles),
    /** Slot 2 (x64 vtable offset 0x010), declared in IVssCreateWriterMetadata: HRESULT AddComponent(VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszCaption, const BYTE *pbIcon, UINT cbIcon, bool bRestoreMetadata, bool bNotifyOnBackupComplete, bool bSelectable, bool bSelectableForRestore = false, DWORD dwComponentFlags = 0). */
    AddComponent(IVssCreateWriterMetadata.AddComponent),
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssCreateWriterMetadata: HRESULT AddDatabaseFiles(LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName, LPCWSTR wszPath, LPCWSTR wszFilespec, DWORD dwBackupTypeMask = (VSS_FSBT_ALL_BACKUP_REQUIRED \| VSS_FSBT_ALL_SNAPSHOT_REQUIRED)). */
    AddDatabaseFiles(IVssCreateWriterMetadata.AddDatabaseFiles),
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssCreateWriterMetadata: HRESULT AddDatabaseLogFiles(LPCWSTR wszLogicalPath, LPCWSTR wszDatabaseName, LPCWSTR wszPath, LPCWSTR wszFilespec, DWORD dwBackupTypeMask = (VSS_FSBT_ALL_BACKUP_REQUIRED \| VSS_FSBT_ALL_SNAPSHOT_REQUIRED)). */
    AddDatabaseLogFiles(IVssCreateWriterMetadata.AddDatabaseLogFiles),
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssCreateWriterMetadata: HRESULT AddFilesToFileGroup(LPCWSTR wszLogicalPath, LPCWSTR wszGroupName, LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszAlternateLocation, DWORD dwBackupTypeMask = (VSS_FSBT_ALL_BACKUP_REQUIRED \| VSS_FSBT_ALL_SNAPSHOT_REQUIRED)). */
    AddFilesToFileGroup(IVssCreateWriterMetadata.AddFilesToFileGroup),
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssCreateWriterMetadata: HRESULT SetRestoreMethod(VSS_RESTOREMETHOD_ENUM method, LPCWSTR wszService, LPCWSTR wszUserProcedure, VSS_WRITERRESTORE_ENUM writerRestore, bool bRebootRequired). */
    SetRestoreMethod(IVssCreateWriterMetadata.SetRestoreMethod),
    /** Slot 7 (x64 vtable offset 0x038), declared in IVssCreateWriterMetadata: HRESULT AddAlternateLocationMapping(LPCWSTR wszSourcePath, LPCWSTR wszSourceFilespec, bool bRecursive, LPCWSTR wszDestination). */
    AddAlternateLocationMapping(IVssCreateWriterMetadata.AddAlternateLocationMapping),
    /** Slot 8 (x64 vtable offset 0x040), declared in IVssCreateWriterMetadata: HRESULT AddComponentDependency(LPCWSTR wszForLogicalPath, LPCWSTR wszForComponentName, VSS_ID onWriterId, LPCWSTR wszOnLogicalPath, LPCWSTR wszOnComponentName). */
    AddComponentDependency(IVssCreateWriterMetadata.AddComponentDependency),
    /** Slot 9 (x64 vtable offset 0x048), declared in IVssCreateWriterMetadata: HRESULT SetBackupSchema(DWORD dwSchemaMask). */
    SetBackupSchema(IVssCreateWriterMetadata.SetBackupSchema),
    /** Slot 10 (x64 vtable offset 0x050), declared in IVssCreateWriterMetadata: HRESULT GetDocument(IXMLDOMDocument **pDoc). */
    GetDocument(IVssCreateWriterMetadata.GetDocument),
    /** Slot 11 (x64 vtable offset 0x058), declared in IVssCreateWriterMetadata: HRESULT SaveAsXML(BSTR *pbstrXML). */
    SaveAsXML(IVssCreateWriterMetadata.SaveAsXML),
    /** Slot 12 (x64 vtable offset 0x060), declared in IVssCreateWriterMetadataEx: HRESULT AddExcludeFilesFromSnapshot(LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive). */
    AddExcludeFilesFromSnapshot(INT32, POINTER, POINTER, BOOL8);

    private final NativeSignature signature;

    IVssCreateWriterMetadataEx(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    /** A method inherited from {@code inherited}'s interface: its signature is declared there, once. */
    IVssCreateWriterMetadataEx(ComMethod inherited) {
        this.signature = inherited.signature();
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    /**
     * Byte offset of the second vtable pointer (the IUnknown one) in the object on x64: the SDK declares
     * {@code IVssCreateWriterMetadataEx : public IVssCreateWriterMetadata, public IUnknown} ({@code vswriter.h}).
     */
    public static final int IUNKNOWN_VPTR_OFFSET = 8;

    /**
     * {@code IID_IVssCreateWriterMetadataEx} (vswriter.h): the one source of this interface's id, for
     * {@code QueryInterface} callers and implementations.
     */
    public static final UUID IID = UUID.fromString("9f21981d-d469-4349-b807-39e64e4674e1");
}
