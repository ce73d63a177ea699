package org.vss4j.sim.vss;

import static org.vss4j.sim.abi.VtableSpec.params;

import com.sun.jna.Pointer;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.vss4j.RestoreMethod;
import org.vss4j.VssHresult;
import org.vss4j.WriterRestore;
import org.vss4j.abi.vtable.IVssExamineWriterMetadata;
import org.vss4j.abi.vtable.IVssExamineWriterMetadataEx;
import org.vss4j.abi.vtable.IVssExamineWriterMetadataEx2;
import org.vss4j.com.Guids;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedWriterMetadata;
import org.vss4j.sim.abi.BstrAllocator;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.NativeComObject;
import org.vss4j.sim.abi.VtableSpec;

/**
 * The native {@code IVssExamineWriterMetadataEx2} (QueryInterface also answers {@code IVssExamineWriterMetadata} and
 * {@code IVssExamineWriterMetadataEx}, whose slots it starts with; vsbackup.h): a read-only view of one Writer Metadata
 * Document. File sets, components and dependencies are handed out as new {@code IVssWMFiledesc},
 * {@code IVssWMComponent} and {@code IVssWMDependency} objects, each owned by the caller; {@code GetDocument} hands out
 * a minimal {@code IXMLDOMDocument} ({@link XmlDocumentObject}).
 */
public final class ExamineWriterMetadataObject extends NativeComObject {

    static final VtableSpec<ExamineWriterMetadataObject> VTABLE = VtableSpec
            .of("IVssExamineWriterMetadataEx2",
                    Set.of(IVssExamineWriterMetadata.IID, IVssExamineWriterMetadataEx.IID,
                            IVssExamineWriterMetadataEx2.IID),
                    ExamineWriterMetadataObject.class)
            .bind(IVssExamineWriterMetadata.GetIdentity,
                    params(Pointer.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class),
                    ExamineWriterMetadataObject::getIdentity)
            .bind(IVssExamineWriterMetadata.GetFileCounts, params(Pointer.class, Pointer.class, Pointer.class),
                    ExamineWriterMetadataObject::getFileCounts)
            .bind(IVssExamineWriterMetadata.GetRestoreMethod,
                    params(Pointer.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class),
                    ExamineWriterMetadataObject::getRestoreMethod)
            .bind(IVssExamineWriterMetadata.GetBackupSchema, params(Pointer.class),
                    ExamineWriterMetadataObject::getBackupSchema)
            .bind(IVssExamineWriterMetadata.SaveAsXML, params(Pointer.class), ExamineWriterMetadataObject::saveAsXml)
            .bind(IVssExamineWriterMetadata.LoadFromXML, params(Pointer.class),
                    ExamineWriterMetadataObject::loadFromXml)
            .bind(IVssExamineWriterMetadata.GetIncludeFile, params(int.class, Pointer.class),
                    (o, a) -> o.fileDesc(a, List.of(), IVssExamineWriterMetadata.GetIncludeFile.qualifiedName()))
            .bind(IVssExamineWriterMetadata.GetExcludeFile, params(int.class, Pointer.class),
                    (o, a) -> o.fileDesc(a, o.metadata.excludes(),
                            IVssExamineWriterMetadata.GetExcludeFile.qualifiedName()))
            .bind(IVssExamineWriterMetadata.GetAlternateLocationMapping, params(int.class, Pointer.class),
                    (o, a) -> o.fileDesc(a, o.metadata.alternateLocationMappings(),
                            IVssExamineWriterMetadata.GetAlternateLocationMapping.qualifiedName()))
            .bind(IVssExamineWriterMetadata.GetComponent, params(int.class, Pointer.class),
                    (o, a) -> o.indexed(a, o.metadata.components(), c -> new WmComponentObject(c,
                            IVssExamineWriterMetadata.GetComponent.qualifiedName())))
            .bind(IVssExamineWriterMetadata.GetDocument, params(Pointer.class),
                    ExamineWriterMetadataObject::getDocument)
            .bind(IVssExamineWriterMetadataEx.GetIdentityEx,
                    params(Pointer.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class),
                    ExamineWriterMetadataObject::getIdentityEx)
            .bind(IVssExamineWriterMetadataEx2.GetVersion, params(Pointer.class, Pointer.class),
                    ExamineWriterMetadataObject::getVersion)
            .bind(IVssExamineWriterMetadataEx2.GetExcludeFromSnapshotCount, params(Pointer.class),
                    ExamineWriterMetadataObject::getExcludeFromSnapshotCount)
            .bind(IVssExamineWriterMetadataEx2.GetExcludeFromSnapshotFile, params(int.class, Pointer.class),
                    (o, a) -> o.fileDesc(a, o.metadata.excludeFromSnapshot(),
                            IVssExamineWriterMetadataEx2.GetExcludeFromSnapshotFile.qualifiedName()));

    private volatile SimulatedWriterMetadata metadata;

    /**
     * A new {@code IVssExamineWriterMetadata} showing {@code metadata}, with one reference, the caller's.
     *
     * @param metadata the writer metadata it shows
     * @param origin what created it (for leak reports), e.g. {@code IVssBackupComponents::GetWriterMetadata}
     */
    public ExamineWriterMetadataObject(SimulatedWriterMetadata metadata, String origin) {
        super(VTABLE, origin);
        this.metadata = metadata;
    }

    private static int invalid() {
        return VssHresult.E_INVALIDARG.code();
    }

    private int getIdentity(CallArgs a) {
        for (int i = 1; i <= 5; i++) {
            if (a.pointer(i) == null) {
                return invalid();
            }
        }
        SimulatedWriterMetadata m = metadata;
        Guids.write(a.pointer(1), m.instanceId());
        Guids.write(a.pointer(2), m.writerClassId());
        a.pointer(3).setPointer(0, BstrAllocator.alloc(m.writerName(), "writer name from GetIdentity"));
        a.pointer(4).setInt(0, m.usage().value());
        a.pointer(5).setInt(0, m.source().value());
        return VssHresult.S_OK.code();
    }

    /** Include files are always 0: {@code AddIncludeFiles} is reserved (Microsoft IVssCreateWriterMetadata docs). */
    private int getFileCounts(CallArgs a) {
        if (a.pointer(1) == null || a.pointer(2) == null || a.pointer(3) == null) {
            return invalid();
        }
        a.pointer(1).setInt(0, 0);
        a.pointer(2).setInt(0, metadata.excludes().size());
        a.pointer(3).setInt(0, metadata.components().size());
        return VssHresult.S_OK.code();
    }

    /**
     * {@code pbRebootRequired} is a C++ {@code bool*} (vsbackup.h): one byte is written. A
     * document without a restore method (Windows' Shadow Copy Optimization and BITS writers declare none) answers
     * {@code S_FALSE}, "A restore method does not exist" (Microsoft docs,
     * "IVssExamineWriterMetadata::GetRestoreMethod"); the out-parameters then read as undefined, NULL and false, the
     * simulator's choice since Microsoft documents no values for that case.
     */
    private int getRestoreMethod(CallArgs a) {
        for (int i = 1; i <= 6; i++) {
            if (a.pointer(i) == null) {
                return invalid();
            }
        }
        SimulatedWriterMetadata.Restore r = metadata.restore();
        if (r == null) {
            a.pointer(1).setInt(0, RestoreMethod.UNDEFINED.value());
            a.pointer(2).setPointer(0, null);
            a.pointer(3).setPointer(0, null);
            a.pointer(4).setInt(0, WriterRestore.UNDEFINED.value());
            a.pointer(5).setByte(0, (byte) 0);
            a.pointer(6).setInt(0, metadata.alternateLocationMappings().size());
            return VssHresult.S_FALSE.code();
        }
        a.pointer(1).setInt(0, r.method().value());
        a.pointer(2).setPointer(0, r.service() == null ? null : BstrAllocator.alloc(r.service(), "restore service"));
        a.pointer(3).setPointer(0, r.userProcedure() == null ? null
                : BstrAllocator.alloc(r.userProcedure(), "restore user procedure"));
        a.pointer(4).setInt(0, r.writerRestore().value());
        a.pointer(5).setByte(0, (byte) (r.rebootRequired() ? 1 : 0));
        a.pointer(6).setInt(0, metadata.alternateLocationMappings().size());
        return VssHresult.S_OK.code();
    }

    private int getBackupSchema(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalid();
        }
        a.pointer(1).setInt(0, metadata.backupSchema());
        return VssHresult.S_OK.code();
    }

    private int saveAsXml(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalid();
        }
        a.pointer(1).setPointer(0, BstrAllocator.alloc(WriterMetadataXml.write(metadata), "Writer Metadata XML"));
        return VssHresult.S_OK.code();
    }

    private int loadFromXml(CallArgs a) {
        SimulatedWriterMetadata m = WriterMetadataXml.read(BstrAllocator.read(a.pointer(1)));
        if (m == null) {
            return VssHresult.VSS_E_INVALID_XML_DOCUMENT.code();
        }
        metadata = m;
        return VssHresult.S_OK.code();
    }

    /** {@code (UINT index, IVssXxx **out)}: a new object for item {@code index}; a bad index is E_INVALIDARG. */
    private <T> int indexed(CallArgs a, List<T> items, Function<T, NativeComObject> make) {
        int index = a.int32(1);
        if (a.pointer(2) == null || index < 0 || index >= items.size()) {
            return invalid();
        }
        a.pointer(2).setPointer(0, make.apply(items.get(index)).pointer());
        return VssHresult.S_OK.code();
    }

    private int fileDesc(CallArgs a, List<FileSpec> files, String origin) {
        return indexed(a, files, f -> new WmFiledescObject(f, origin));
    }

    private int getDocument(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalid();
        }
        a.pointer(1).setPointer(0, new XmlDocumentObject(WriterMetadataXml.write(metadata),
                IVssExamineWriterMetadata.GetDocument.qualifiedName()).pointer());
        return VssHresult.S_OK.code();
    }

    private int getIdentityEx(CallArgs a) {
        for (int i = 1; i <= 6; i++) {
            if (a.pointer(i) == null) {
                return invalid();
            }
        }
        SimulatedWriterMetadata m = metadata;
        Guids.write(a.pointer(1), m.instanceId());
        Guids.write(a.pointer(2), m.writerClassId());
        a.pointer(3).setPointer(0, BstrAllocator.alloc(m.writerName(), "writer name from GetIdentityEx"));
        a.pointer(4).setPointer(0, BstrAllocator.alloc(m.instanceName(), "instance name from GetIdentityEx"));
        a.pointer(5).setInt(0, m.usage().value());
        a.pointer(6).setInt(0, m.source().value());
        return VssHresult.S_OK.code();
    }

    private int getVersion(CallArgs a) {
        if (a.pointer(1) == null || a.pointer(2) == null) {
            return invalid();
        }
        a.pointer(1).setInt(0, metadata.version().major());
        a.pointer(2).setInt(0, metadata.version().minor());
        return VssHresult.S_OK.code();
    }

    private int getExcludeFromSnapshotCount(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalid();
        }
        a.pointer(1).setInt(0, metadata.excludeFromSnapshot().size());
        return VssHresult.S_OK.code();
    }
}
