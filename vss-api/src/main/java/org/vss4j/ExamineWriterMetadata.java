package org.vss4j;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import com.sun.jna.ptr.ByteByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;
import org.vss4j.abi.NativeExport;
import org.vss4j.abi.vtable.IVssExamineWriterMetadata;
import org.vss4j.abi.vtable.IVssExamineWriterMetadataEx;
import org.vss4j.abi.vtable.IVssExamineWriterMetadataEx2;
import org.vss4j.com.Bstr;
import org.vss4j.com.Exports;
import org.vss4j.com.Guids;

/**
 * {@code IVssExamineWriterMetadata}: a writer's Writer Metadata Document, read-only; {@link #read()} reads all of it.
 * The {@code Ex} and {@code Ex2} methods are reached through {@code QueryInterface} with
 * {@link IVssExamineWriterMetadataEx#IID} and {@link IVssExamineWriterMetadataEx2#IID}; the interface pointer that
 * answers is released right after the call.
 */
public final class ExamineWriterMetadata extends ComGetters {

    /** Takes ownership of one reference to {@code p}. */
    public ExamineWriterMetadata(Pointer p) {
        this(p, 0);
    }

    private ExamineWriterMetadata(Pointer p, int unknownOffset) {
        super(p, "IVssExamineWriterMetadata", unknownOffset);
    }

    /**
     * A view of an object whose reference someone else holds: {@link #close()} never releases it. For the metadata a
     * writer reads with {@code CVssWriterEx::GetIdentifyInformation}: "Writers must not set the returned pointer to
     * NULL or call IUnknown::Release on it, because the VSS service holds a reference to the object" (Microsoft docs,
     * "CVssWriterEx::GetIdentifyInformation"). Interfaces obtained through it (QueryInterface, components, file
     * descriptions) are owned as usual.
     */
    public static ExamineWriterMetadata borrowed(Pointer p) {
        return new ExamineWriterMetadata(p, -1);
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
                throw new VssException(hr, NativeExport.CreateVssExamineWriterMetadataInternal.name(), null);
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
     * &cMappings)}. {@code pbRebootRequired} is a C++ {@code bool*}: VSS writes <b>one byte</b> (vsbackup.h
     * declares C++ {@code bool}). The two BSTRs become the caller's and are freed here (either may be NULL).
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

    /** {@code GetIncludeFile(iFile, &pFiledesc)}: reserved by Windows (no writer declares include files). */
    public WmFiledesc getIncludeFile(int index) {
        return new WmFiledesc(getIndexed(IVssExamineWriterMetadata.GetIncludeFile, index));
    }

    /** {@code GetExcludeFile(iFile, &pFiledesc)}, {@code 0 <= index < getFileCounts().excludeFiles()}. */
    public WmFiledesc getExcludeFile(int index) {
        return new WmFiledesc(getIndexed(IVssExamineWriterMetadata.GetExcludeFile, index));
    }

    /** {@code GetComponent(iComponent, &pComponent)}, {@code 0 <= index < getFileCounts().components()}. */
    public WmComponent getComponent(int index) {
        return new WmComponent(getIndexed(IVssExamineWriterMetadata.GetComponent, index));
    }

    /**
     * {@code GetAlternateLocationMapping(iMapping, &pFiledesc)},
     * {@code 0 <= index < getRestoreMethod().alternateLocationMappings()}.
     */
    public WmFiledesc getAlternateLocationMapping(int index) {
        return new WmFiledesc(getIndexed(IVssExamineWriterMetadata.GetAlternateLocationMapping, index));
    }

    /** {@code GetDocument(&pDoc)}: the document as an MSXML {@code IXMLDOMDocument} (owned: close it). */
    public XmlDomDocument getDocument() {
        PointerByReference doc = new PointerByReference();
        check(IVssExamineWriterMetadata.GetDocument, doc);
        return new XmlDomDocument(doc.getValue());
    }

    /**
     * {@code LoadFromXML(bstrXML)}: replaces this object's document with {@code xml} (a document saved earlier with
     * {@link #saveAsXml()}). The {@code [in] BSTR} stays the caller's and is freed here after the call.
     */
    public void loadFromXml(String xml) {
        Pointer bstr = Bstr.alloc(xml);
        try {
            check(IVssExamineWriterMetadata.LoadFromXML, bstr);
        } finally {
            Bstr.free(bstr);
        }
    }

    private QueriedInterface ex() {
        return queryInterface(IVssExamineWriterMetadata.QueryInterface, IVssExamineWriterMetadataEx.IID,
                "IVssExamineWriterMetadataEx");
    }

    private QueriedInterface ex2() {
        return queryInterface(IVssExamineWriterMetadata.QueryInterface, IVssExamineWriterMetadataEx2.IID,
                "IVssExamineWriterMetadataEx2");
    }

    /** {@code IVssExamineWriterMetadataEx::GetIdentityEx}: the identity plus the writer instance name. */
    public WriterIdentityEx getIdentityEx() {
        GUID instance = new GUID();
        GUID writer = new GUID();
        PointerByReference name = new PointerByReference();
        PointerByReference instanceName = new PointerByReference();
        IntByReference usage = new IntByReference();
        IntByReference source = new IntByReference();
        try (QueriedInterface ex = ex()) {
            ex.call(null, IVssExamineWriterMetadataEx.GetIdentityEx, instance, writer, name, instanceName, usage, source);
        }
        String writerName = Bstr.readAndFree(name.getValue());
        String instanceText = Bstr.readAndFree(instanceName.getValue());
        return new WriterIdentityEx(new WriterIdentity(Guids.toUuid(instance), Guids.toUuid(writer), writerName,
                UsageType.fromValue(usage.getValue()), SourceType.fromValue(source.getValue())), instanceText);
    }

    /** {@code IVssExamineWriterMetadataEx2::GetVersion(&dwMajor, &dwMinor)}. */
    public WriterVersion getVersion() {
        IntByReference major = new IntByReference();
        IntByReference minor = new IntByReference();
        try (QueriedInterface ex2 = ex2()) {
            ex2.call(null, IVssExamineWriterMetadataEx2.GetVersion, major, minor);
        }
        return new WriterVersion(major.getValue(), minor.getValue());
    }

    /** {@code IVssExamineWriterMetadataEx2::GetExcludeFromSnapshotCount(&c)}. */
    public int getExcludeFromSnapshotCount() {
        try (QueriedInterface ex2 = ex2()) {
            return ex2.getInt32(IVssExamineWriterMetadataEx2.GetExcludeFromSnapshotCount);
        }
    }

    /** {@code IVssExamineWriterMetadataEx2::GetExcludeFromSnapshotFile(iFile, &pFiledesc)}. */
    public WmFiledesc getExcludeFromSnapshotFile(int index) {
        try (QueriedInterface ex2 = ex2()) {
            return new WmFiledesc(ex2.getIndexed(IVssExamineWriterMetadataEx2.GetExcludeFromSnapshotFile, index));
        }
    }

    /**
     * The whole document in one call: identity (with instance name), include and exclude files, every component with
     * its file sets and dependencies, restore method and alternate location mappings, backup schema, version and the
     * files excluded from the snapshot. Every BSTR is freed and every sub-object released before this returns.
     */
    public WriterMetadata read() {
        WriterIdentityEx identity = getIdentityEx();
        WriterFileCounts counts = getFileCounts();
        WriterRestoreMethod restore = getRestoreMethod();
        List<WriterComponentInfo> components = new ArrayList<>(counts.components());
        for (int i = 0; i < counts.components(); i++) {
            try (WmComponent c = getComponent(i)) {
                components.add(c.read());
            }
        }
        List<FileSet> excludeFromSnapshot;
        try (QueriedInterface ex2 = ex2()) {
            int count = ex2.getInt32(IVssExamineWriterMetadataEx2.GetExcludeFromSnapshotCount);
            excludeFromSnapshot = WmFiledesc.readAll(count, i -> new WmFiledesc(
                    ex2.getIndexed(IVssExamineWriterMetadataEx2.GetExcludeFromSnapshotFile, i)));
        }
        return new WriterMetadata(identity.identity(), identity.instanceName(),
                WmFiledesc.readAll(counts.includeFiles(), this::getIncludeFile),
                WmFiledesc.readAll(counts.excludeFiles(), this::getExcludeFile), components, restore,
                WmFiledesc.readAll(restore.alternateLocationMappings(), this::getAlternateLocationMapping),
                getBackupSchema(), getVersion(), excludeFromSnapshot);
    }
}
