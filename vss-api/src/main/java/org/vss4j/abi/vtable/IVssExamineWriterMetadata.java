package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of the COM interface {@code IVssExamineWriterMetadata} (IID: {@link #IID}); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vsbackup.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: IUnknown.
 */
public enum IVssExamineWriterMetadata implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IUnknown: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface(IUnknown.QueryInterface),
    /** Slot 1 (x64 vtable offset 0x008), declared in IUnknown: ULONG AddRef(none). */
    AddRef(IUnknown.AddRef),
    /** Slot 2 (x64 vtable offset 0x010), declared in IUnknown: ULONG Release(none). */
    Release(IUnknown.Release),
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssExamineWriterMetadata: HRESULT GetIdentity(VSS_ID *pidInstance, VSS_ID *pidWriter, BSTR *pbstrWriterName, VSS_USAGE_TYPE *pUsage, VSS_SOURCE_TYPE *pSource). */
    GetIdentity(INT32, POINTER, POINTER, POINTER, POINTER, POINTER),
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssExamineWriterMetadata: HRESULT GetFileCounts(UINT *pcIncludeFiles, UINT *pcExcludeFiles, UINT *pcComponents). */
    GetFileCounts(INT32, POINTER, POINTER, POINTER),
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssExamineWriterMetadata: HRESULT GetIncludeFile(UINT iFile, IVssWMFiledesc **ppFiledesc). */
    GetIncludeFile(INT32, INT32, POINTER),
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssExamineWriterMetadata: HRESULT GetExcludeFile(UINT iFile, IVssWMFiledesc **ppFiledesc). */
    GetExcludeFile(INT32, INT32, POINTER),
    /** Slot 7 (x64 vtable offset 0x038), declared in IVssExamineWriterMetadata: HRESULT GetComponent(UINT iComponent, IVssWMComponent **ppComponent). */
    GetComponent(INT32, INT32, POINTER),
    /** Slot 8 (x64 vtable offset 0x040), declared in IVssExamineWriterMetadata: HRESULT GetRestoreMethod(VSS_RESTOREMETHOD_ENUM *pMethod, BSTR *pbstrService, BSTR *pbstrUserProcedure, VSS_WRITERRESTORE_ENUM *pwriterRestore, bool *pbRebootRequired, UINT *pcMappings). */
    GetRestoreMethod(INT32, POINTER, POINTER, POINTER, POINTER, POINTER, POINTER),
    /** Slot 9 (x64 vtable offset 0x048), declared in IVssExamineWriterMetadata: HRESULT GetAlternateLocationMapping(UINT iMapping, IVssWMFiledesc **ppFiledesc). */
    GetAlternateLocationMapping(INT32, INT32, POINTER),
    /** Slot 10 (x64 vtable offset 0x050), declared in IVssExamineWriterMetadata: HRESULT GetBackupSchema(DWORD *pdwSchemaMask). */
    GetBackupSchema(INT32, POINTER),
    /** Slot 11 (x64 vtable offset 0x058), declared in IVssExamineWriterMetadata: HRESULT GetDocument(IXMLDOMDocument **pDoc). */
    GetDocument(INT32, POINTER),
    /** Slot 12 (x64 vtable offset 0x060), declared in IVssExamineWriterMetadata: HRESULT SaveAsXML(BSTR *pbstrXML). */
    SaveAsXML(INT32, POINTER),
    /** Slot 13 (x64 vtable offset 0x068), declared in IVssExamineWriterMetadata: HRESULT LoadFromXML(BSTR bstrXML). */
    LoadFromXML(INT32, POINTER);

    private final NativeSignature signature;

    IVssExamineWriterMetadata(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    /** A method inherited from {@code inherited}'s interface: its signature is declared there, once. */
    IVssExamineWriterMetadata(ComMethod inherited) {
        this.signature = inherited.signature();
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    /**
     * {@code IID_IVssExamineWriterMetadata} (vsbackup.h): the one source of this interface's id, for
     * {@code QueryInterface} callers and implementations.
     */
    public static final UUID IID = UUID.fromString("902fcf7f-b7fd-42f8-81f1-b2e400b1e5bd");
}
