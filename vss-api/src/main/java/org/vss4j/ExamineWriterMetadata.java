package org.vss4j;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.vss4j.abi.vtable.IVssExamineWriterMetadata;
import org.vss4j.com.Bstr;
import org.vss4j.com.ComObject;
import org.vss4j.com.Exports;
import org.vss4j.com.Guids;

/** {@code IVssExamineWriterMetadata}: a writer's Writer Metadata Document, read-only. */
public final class ExamineWriterMetadata extends ComObject {

    /** Takes ownership of one reference to {@code p}. */
    public ExamineWriterMetadata(Pointer p) {
        super(p, "IVssExamineWriterMetadata", 0);
    }

    /**
     * {@code CreateVssExamineWriterMetadata}: loads a Writer Metadata Document saved earlier (for example from backup
     * media).
     */
    public static ExamineWriterMetadata fromXml(String xml) {
        Pointer bstr = Bstr.alloc(xml);
        try {
            PointerByReference out = new PointerByReference();
            int hr = Exports.current().createVssExamineWriterMetadata(bstr, out);
            if (hr < 0) {
                throw new VssException(hr, Exports.CREATE_VSS_EXAMINE_WRITER_METADATA, null);
            }
            return new ExamineWriterMetadata(out.getValue());
        } finally {
            // [in] BSTR: the caller keeps ownership.
            Bstr.free(bstr);
        }
    }

    /** {@code GetIdentity}: instance and class ids, name, usage and source type. */
    public WriterIdentity getIdentity() {
        GUID instance = new GUID();
        GUID writer = new GUID();
        PointerByReference name = new PointerByReference();
        IntByReference usage = new IntByReference();
        IntByReference source = new IntByReference();
        check(IVssExamineWriterMetadata.GetIdentity, instance, writer, name, usage, source);
        String writerName = Bstr.readAndFree(name.getValue());
        return new WriterIdentity(Guids.toUuid(instance), Guids.toUuid(writer), writerName,
                UsageType.fromValue(usage.getValue()), SourceType.fromValue(source.getValue()));
    }

    /** {@code SaveAsXML}: the Writer Metadata Document, to store on the backup media. */
    public String saveAsXml() {
        PointerByReference xml = new PointerByReference();
        check(IVssExamineWriterMetadata.SaveAsXML, xml);
        return Bstr.readAndFree(xml.getValue());
    }
}
