package org.vss4j;

import com.sun.jna.Pointer;
import org.vss4j.com.ComObject;

/**
 * The {@code IXMLDOMDocument} (MSXML) that {@code IVssExamineWriterMetadata::GetDocument} returns: an owned COM
 * reference, handed over as is for callers that drive MSXML themselves; close it to release it. vss4j binds no MSXML
 * method: {@link ExamineWriterMetadata#saveAsXml()} gives the same document as a string.
 */
public final class XmlDomDocument extends ComObject {

    /** Takes ownership of one reference to {@code p}. */
    public XmlDomDocument(Pointer p) {
        super(p, "IXMLDOMDocument", 0);
    }
}
