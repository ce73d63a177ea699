package org.vss4j;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import com.sun.jna.ptr.ByteByReference;
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

    /** {@code GetFileCounts(&cIncludeFiles, &cExcludeFiles, &cComponents)}: UINT out-parameters. */
    public WriterFileCounts getFileCounts() {
        IntByReference include = new IntByReference();
        IntByReference exclude = new IntByReference();
        IntByReference components = new IntByReference();
        check(IVssExamineWriterMetadata.GetFileCounts, include, exclude, components);
        return new WriterFileCounts(include.getValue(), exclude.getValue(), components.getValue());
    }

    /** {@code GetBackupSchema(&dwSchemaMask)}: the DWORD {@code VSS_BACKUP_SCHEMA} mask. */
    public WriterBackupSchema getBackupSchema() {
        IntByReference mask = new IntByReference();
        check(IVssExamineWriterMetadata.GetBackupSchema, mask);
        return new WriterBackupSchema(mask.getValue());
    }

    /**
     * {@code GetRestoreMethod(&method, &bstrService, &bstrUserProcedure, &writerRestore, &bRebootRequired,
     * &cMappings)}. {@code pbRebootRequired} is a C++ {@code bool*}: VSS writes <b>one byte</b> (reference section 1,
     * type notes). The two BSTRs become the caller's and are freed here (either may be NULL).
     */
    public WriterRestoreMethod getRestoreMethod() {
        IntByReference method = new IntByReference();
        PointerByReference service = new PointerByReference();
        PointerByReference userProcedure = new PointerByReference();
        IntByReference writerRestore = new IntByReference();
        ByteByReference rebootRequired = new ByteByReference();
        IntByReference mappings = new IntByReference();
        check(IVssExamineWriterMetadata.GetRestoreMethod, method, service, userProcedure, writerRestore,
                rebootRequired, mappings);
        try {
            return new WriterRestoreMethod(RestoreMethod.fromValue(method.getValue()), Bstr.read(service.getValue()),
                    Bstr.read(userProcedure.getValue()), WriterRestore.fromValue(writerRestore.getValue()),
                    rebootRequired.getValue() != 0, mappings.getValue());
        } finally {
            Bstr.free(service.getValue());
            Bstr.free(userProcedure.getValue());
        }
    }

    /** {@code SaveAsXML}: the Writer Metadata Document, to store on the backup media. */
    public String saveAsXml() {
        PointerByReference xml = new PointerByReference();
        check(IVssExamineWriterMetadata.SaveAsXML, xml);
        return Bstr.readAndFree(xml.getValue());
    }
}
