package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of the COM interface {@code IVssExamineWriterMetadataEx} (IID: {@link #IID}); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vsbackup.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: IVssExamineWriterMetadata.
 */
public enum IVssExamineWriterMetadataEx implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IUnknown: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface(IUnknown.QueryInterface),
    /** Slot 1 (x64 vtable offset 0x008), declared in IUnknown: ULONG AddRef(none). */
    AddRef(IUnknown.AddRef),
    /** Slot 2 (x64 vtable offset 0x010), declared in IUnknown: ULONG Release(none). */
    Release(IUnknown.Release),
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssExamineWriterMetadata: HRESULT GetIdentity(VSS_ID *pidInstance, VSS_ID *pidWriter, BSTR *pbstrWriterName, VSS_USAGE_TYPE *pUsage, VSS_SOURCE_TYPE *pSource). */
    GetIdentity(IVssExamineWriterMetadata.GetIdentity),
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssExamineWriterMetadata: HRESULT GetFileCounts(UINT *pcIncludeFiles, UINT *pcExcludeFiles, UINT *pcComponents). */
    GetFileCounts(IVssExamineWriterMetadata.GetFileCounts),
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssExamineWriterMetadata: HRESULT GetIncludeFile(UINT iFile, IVssWMFiledesc **ppFiledesc). */
    GetIncludeFile(IVssExamineWriterMetadata.GetIncludeFile),
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssExamineWriterMetadata: HRESULT GetExcludeFile(UINT iFile, IVssWMFiledesc **ppFiledesc). */
    GetExcludeFile(IVssExamineWriterMetadata.GetExcludeFile),
    /** Slot 7 (x64 vtable offset 0x038), declared in IVssExamineWriterMetadata: HRESULT GetComponent(UINT iComponent, IVssWMComponent **ppComponent). */
    GetComponent(IVssExamineWriterMetadata.GetComponent),
    /** Slot 8 (x64 vtable offset 0x040), declared in IVssExamineWriterMetadata: HRESULT GetRestoreMethod(VSS_RESTOREMETHOD_ENUM *pMethod, BSTR *pbstrService, BSTR *pbstrUserProcedure, VSS_WRITERRESTORE_ENUM *pwriterRestore, bool *pbRebootRequired, UINT *pcMappings). */
    GetRestoreMethod(IVssExamineWriterMetadata.GetRestoreMethod),
    /** Slot 9 (x64 vtable offset 0x048), declared in IVssExamineWriterMetadata: HRESULT GetAlternateLocationMapping(UINT iMapping, IVssWMFiledesc **ppFiledesc). */
    GetAlternateLocationMapping(IVssExamineWriterMetadata.GetAlternateLocationMapping),
    /** Slot 10 (x64 vtable offset 0x050), declared in IVssExamineWriterMetadata: HRESULT GetBackupSchema(DWORD *pdwSchemaMask). */
    GetBackupSchema(IVssExamineWriterMetadata.GetBackupSchema),
    /** Slot 11 (x64 vtable offset 0x058), declared in IVssExamineWriterMetadata: HRESULT GetDocument(IXMLDOMDocument **pDoc). */
    GetDocument(IVssExamineWriterMetadata.GetDocument),
    /** Slot 12 (x64 vtable offset 0x060), declared in IVssExamineWriterMetadata: HRESULT SaveAsXML(BSTR *pbstrXML). */
    SaveAsXML(IVssExamineWriterMetadata.SaveAsXML),
    /** Slot 13 (x64 vtable offset 0x068), declared in IVssExamineWriterMetadata: HRESULT LoadFromXML(BSTR bstrXML). */
    LoadFromXML(IVssExamineWriterMetadata.LoadFromXML),
    /** Slot 14 (x64 vtable offset 0x070), declared in IVssExamineWriterMetadataEx: HRESULT GetIdentityEx(VSS_ID *pidInstance, VSS_ID *pidWriter, BSTR *pbstrWriterName, BSTR *pbstrInstanceName, VSS_USAGE_TYPE *pUsage, VSS_SOURCE_TYPE *pSource). */
    GetIdentityEx(INT32, POINTER, POINTER, POINTER, POINTER, POINTER, POINTER);

    private final NativeSignature signature;

    IVssExamineWriterMetadataEx(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    /** A method inherited from {@code inherited}'s interface: its signature is declared there, once. */
    IVssExamineWriterMetadataEx(ComMethod inherited) {
        this.signature = inherited.signature();
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    /**
     * {@code IID_IVssExamineWriterMetadataEx} (vsbackup.h): the one source of this interface's id, for
     * {@code QueryInterface} callers and implementations.
     */
    public static final UUID IID = UUID.fromString("0c0e5ec0-ca44-472b-b702-e652db1c0451");
}
