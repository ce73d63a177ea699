package org.vss4j.sim.vss;

import static org.vss4j.abi.NativeKind.INT32;
import static org.vss4j.abi.NativeKind.POINTER;

import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of MSXML's {@code IXMLDOMDocument}, for the simulator's answer to {@code IVssExamineWriterMetadata::
 * GetDocument}: every slot exists (so a caller that drives MSXML gets {@code E_NOTIMPL}, never a call past the end of
 * the table), one constant per method in slot order: IUnknown, IDispatch, IXMLDOMNode, then IXMLDOMDocument's own.
 *
 * <p>Source: mingw-w64 {@code msxml2.h}, {@code IXMLDOMDocumentVtbl} (76 entries). vss4j's binding does not call
 * MSXML, so this table lives in the simulator, not among the binding's ABI enums.
 */
public enum IXMLDOMDocument implements ComMethod {
    /** Slot 0: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface(INT32, POINTER, POINTER),
    /** Slot 1: ULONG AddRef(). */
    AddRef(INT32),
    /** Slot 2: ULONG Release(). */
    Release(INT32),
    /** Slot 3. */
    GetTypeInfoCount,
    /** Slot 4. */
    GetTypeInfo,
    /** Slot 5. */
    GetIDsOfNames,
    /** Slot 6. */
    Invoke,
    /** Slot 7. */
    get_nodeName,
    /** Slot 8. */
    get_nodeValue,
    /** Slot 9. */
    put_nodeValue,
    /** Slot 10. */
    get_nodeType,
    /** Slot 11. */
    get_parentNode,
    /** Slot 12. */
    get_childNodes,
    /** Slot 13. */
    get_firstChild,
    /** Slot 14. */
    get_lastChild,
    /** Slot 15. */
    get_previousSibling,
    /** Slot 16. */
    get_nextSibling,
    /** Slot 17. */
    get_attributes,
    /** Slot 18. */
    insertBefore,
    /** Slot 19. */
    replaceChild,
    /** Slot 20. */
    removeChild,
    /** Slot 21. */
    appendChild,
    /** Slot 22. */
    hasChildNodes,
    /** Slot 23. */
    get_ownerDocument,
    /** Slot 24. */
    cloneNode,
    /** Slot 25. */
    get_nodeTypeString,
    /** Slot 26. */
    get_text,
    /** Slot 27. */
    put_text,
    /** Slot 28. */
    get_specified,
    /** Slot 29. */
    get_definition,
    /** Slot 30. */
    get_nodeTypedValue,
    /** Slot 31. */
    put_nodeTypedValue,
    /** Slot 32. */
    get_dataType,
    /** Slot 33. */
    put_dataType,
    /** Slot 34: HRESULT get_xml(BSTR *xmlString). */
    get_xml(INT32, POINTER),
    /** Slot 35. */
    transformNode,
    /** Slot 36. */
    selectNodes,
    /** Slot 37. */
    selectSingleNode,
    /** Slot 38. */
    get_parsed,
    /** Slot 39. */
    get_namespaceURI,
    /** Slot 40. */
    get_prefix,
    /** Slot 41. */
    get_baseName,
    /** Slot 42. */
    transformNodeToObject,
    /** Slot 43. */
    get_doctype,
    /** Slot 44. */
    get_implementation,
    /** Slot 45. */
    get_documentElement,
    /** Slot 46. */
    putref_documentElement,
    /** Slot 47. */
    createElement,
    /** Slot 48. */
    createDocumentFragment,
    /** Slot 49. */
    createTextNode,
    /** Slot 50. */
    createComment,
    /** Slot 51. */
    createCDATASection,
    /** Slot 52. */
    createProcessingInstruction,
    /** Slot 53. */
    createAttribute,
    /** Slot 54. */
    createEntityReference,
    /** Slot 55. */
    getElementsByTagName,
    /** Slot 56. */
    createNode,
    /** Slot 57. */
    nodeFromID,
    /** Slot 58. */
    load,
    /** Slot 59. */
    get_readyState,
    /** Slot 60. */
    get_parseError,
    /** Slot 61. */
    get_url,
    /** Slot 62. */
    get_async,
    /** Slot 63. */
    put_async,
    /** Slot 64: HRESULT abort(). */
    abort(INT32),
    /** Slot 65. */
    loadXML,
    /** Slot 66. */
    save,
    /** Slot 67. */
    get_validateOnParse,
    /** Slot 68. */
    put_validateOnParse,
    /** Slot 69. */
    get_resolveExternals,
    /** Slot 70. */
    put_resolveExternals,
    /** Slot 71. */
    get_preserveWhiteSpace,
    /** Slot 72. */
    put_preserveWhiteSpace,
    /** Slot 73. */
    put_onreadystatechange,
    /** Slot 74. */
    put_ondataavailable,
    /** Slot 75. */
    put_ontransformnode;

    /** Null for the slots whose prototype is not declared here: a call through one is refused. */
    private final NativeSignature signature;

    IXMLDOMDocument() {
        this.signature = null;
    }

    IXMLDOMDocument(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    /**
     * The mingw-w64 {@code msxml2.h} prototype, declared only for the slots a test calls through (the binding itself
     * only releases the document); the others throw {@link UnsupportedOperationException}.
     */
    @Override
    public NativeSignature signature() {
        return signature != null ? signature : ComMethod.super.signature();
    }

    /** {@code IID_IXMLDOMDocument}, read from mingw-w64's {@code libuuid.a} ({@code msxml-uuid.o}). */
    public static final UUID IID = UUID.fromString("2933bf81-7b36-11d2-b20e-00c04f983e60");
}
