package org.vss4j.sim.vss;

import static org.vss4j.sim.abi.VtableSpec.params;

import com.sun.jna.Pointer;
import org.vss4j.VssHresult;
import org.vss4j.sim.abi.BstrAllocator;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.NativeComObject;
import org.vss4j.sim.abi.VtableSpec;

/**
 * The simulator's {@code IXMLDOMDocument} from {@code IVssExamineWriterMetadata::GetDocument}: a minimal MSXML
 * document that holds the Writer Metadata Document's XML. Only {@code IXMLDOMNode::get_xml} is implemented (the one
 * read that gives the whole document); every other MSXML method returns {@code E_NOTIMPL}. Releasing it is what a
 * requester must do, and the leak check sees it.
 */
final class XmlDocumentObject extends NativeComObject {

    static final VtableSpec<XmlDocumentObject> VTABLE = VtableSpec
            .of("IXMLDOMDocument", IXMLDOMDocument.IID, XmlDocumentObject.class)
            .bind(IXMLDOMDocument.get_xml, params(Pointer.class), XmlDocumentObject::getXml);

    private final String xml;

    XmlDocumentObject(String xml, String origin) {
        super(VTABLE, origin);
        this.xml = xml;
    }

    /** {@code get_xml(BSTR *xmlString)}: the caller frees the BSTR. */
    private int getXml(CallArgs a) {
        if (a.pointer(1) == null) {
            return VssHresult.E_INVALIDARG.code();
        }
        a.pointer(1).setPointer(0, BstrAllocator.alloc(xml, "IXMLDOMDocument xml"));
        return VssHresult.S_OK.code();
    }
}
