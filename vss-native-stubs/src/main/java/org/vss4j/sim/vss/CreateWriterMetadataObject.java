package org.vss4j.sim.vss;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.vss4j.ComponentType;
import org.vss4j.NativeEnum;
import org.vss4j.RestoreMethod;
import org.vss4j.VssHresult;
import org.vss4j.WriterRestore;
import org.vss4j.abi.vtable.IVssCreateWriterMetadata;
import org.vss4j.abi.vtable.IVssCreateWriterMetadataEx;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedWriterMetadata;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.abi.BstrAllocator;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.Declarations;
import org.vss4j.sim.abi.LeakLedger;
import org.vss4j.sim.abi.LentObject;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.sim.abi.SlotTable;

/**
 * The simulator's {@code IVssCreateWriterMetadata}, lent to a hosted writer's {@code OnIdentify} (vswriter.h: twelve
 * slots, no IUnknown), or its {@code IVssCreateWriterMetadataEx}, lent to {@code OnIdentifyEx} ({@link #ex}): it builds
 * the Writer Metadata Document the requester then reads with {@code GetWriterMetadata} ({@link #build()}). Rules from
 * Microsoft's IVssCreateWriterMetadata docs: files are added to a component declared before (VSS_E_OBJECT_NOT_FOUND
 * otherwise), a component is declared once (VSS_E_OBJECT_ALREADY_EXISTS), and {@code AddIncludeFiles} is "Not
 * supported" (E_NOTIMPL here).
 */
final class CreateWriterMetadataObject extends LentObject {

    private static final Class<?> GUID_BY_VALUE = GUID.ByValue.class;

    private static final Pointer TABLE = SlotTable.of("IVssCreateWriterMetadata")
            .table(CreateWriterMetadataObject::slot);
    private static final Pointer TABLE_EX = SlotTable.of("IVssCreateWriterMetadataEx")
            .table(CreateWriterMetadataObject::slot);
    private static final Pointer UNKNOWN_TABLE_EX = unknownTable("IVssCreateWriterMetadataEx",
            IVssCreateWriterMetadataEx.IID);

    private final SimulatedWriterMetadata identity;
    private final List<WriterComponent> components = new ArrayList<>();
    private final List<FileSpec> excludes = new ArrayList<>();
    private final List<FileSpec> mappings = new ArrayList<>();
    private final List<FileSpec> excludeFromSnapshot = new ArrayList<>();
    private SimulatedWriterMetadata.Restore restore = SimulatedWriterMetadata.Restore.DEFAULT;
    private int backupSchema;

    private CreateWriterMetadataObject(boolean ex, SimulatedWriterMetadata identity, String lentTo, LeakLedger ledger) {
        super(ex ? TABLE_EX : TABLE, ex ? UNKNOWN_TABLE_EX : null,
                ex ? "IVssCreateWriterMetadataEx" : "IVssCreateWriterMetadata", lentTo, ledger);
        this.identity = identity;
    }

    /**
     * The {@code IVssCreateWriterMetadata} lent to {@code OnIdentify}.
     *
     * @param identity the writer's identity (ids, names, usage, source); its components etc. are ignored
     */
    static CreateWriterMetadataObject plain(SimulatedWriterMetadata identity, String lentTo, LeakLedger ledger) {
        return new CreateWriterMetadataObject(false, identity, lentTo, ledger);
    }

    /**
     * The {@code IVssCreateWriterMetadataEx} lent to {@code OnIdentifyEx}: the same twelve slots, then
     * {@code AddExcludeFilesFromSnapshot}, and an IUnknown behind a second vtable pointer at +8 (vswriter.h,
     * {@code : public IVssCreateWriterMetadata, public IUnknown}, MSVC layout).
     */
    static CreateWriterMetadataObject ex(SimulatedWriterMetadata identity, String lentTo, LeakLedger ledger) {
        return new CreateWriterMetadataObject(true, identity, lentTo, ledger);
    }

    /**
     * The function of slot {@code m} of IVssCreateWriterMetadata(Ex)'s table, chosen by its name; its classes are
     * checked against the binding's declaration of the same {@code Interface::Method} when the table is built
     * ({@link LentObject#slot}).
     */
    static NativeCallback slot(SlotTable.Slot m) {
        return switch (m.name()) {
            case "AddIncludeFiles" -> slot(m, (o, a) -> VssHresult.E_NOTIMPL.code(),
                    Pointer.class, Pointer.class, byte.class, Pointer.class);
            case "AddExcludeFiles" -> slot(m, (o, a) -> o.addFiles(a, o.excludes),
                    Pointer.class, Pointer.class, byte.class);
            case "AddComponent" -> slot(m, CreateWriterMetadataObject::addComponent,
                    int.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class, int.class, byte.class,
                    byte.class, byte.class, byte.class, int.class);
            case "AddDatabaseFiles" -> slot(m, (o, a) -> o.addDatabaseFiles(a, false),
                    Pointer.class, Pointer.class, Pointer.class, Pointer.class, int.class);
            case "AddDatabaseLogFiles" -> slot(m, (o, a) -> o.addDatabaseFiles(a, true),
                    Pointer.class, Pointer.class, Pointer.class, Pointer.class, int.class);
            case "AddFilesToFileGroup" -> slot(m, CreateWriterMetadataObject::addFilesToFileGroup,
                    Pointer.class, Pointer.class, Pointer.class, Pointer.class, byte.class, Pointer.class,
                    int.class);
            case "SetRestoreMethod" -> slot(m, CreateWriterMetadataObject::setRestoreMethod,
                    int.class, Pointer.class, Pointer.class, int.class, byte.class);
            case "AddAlternateLocationMapping" -> slot(m, CreateWriterMetadataObject::addMapping,
                    Pointer.class, Pointer.class, byte.class, Pointer.class);
            case "AddComponentDependency" -> slot(m, CreateWriterMetadataObject::addDependency,
                    Pointer.class, Pointer.class, GUID_BY_VALUE, Pointer.class, Pointer.class);
            case "SetBackupSchema" -> slot(m, CreateWriterMetadataObject::setBackupSchema, int.class);
            case "GetDocument" -> slot(m, CreateWriterMetadataObject::getDocument, Pointer.class);
            case "SaveAsXML" -> slot(m, CreateWriterMetadataObject::saveAsXml, Pointer.class);
            case "AddExcludeFilesFromSnapshot" -> slot(m, (o, a) -> o.addFiles(a, o.excludeFromSnapshot),
                    Pointer.class, Pointer.class, byte.class);
            default -> throw new IllegalStateException("no simulation of " + m.qualifiedName());
        };
    }

    private static NativeCallback slot(SlotTable.Slot m, Body<CreateWriterMetadataObject> body,
            Class<?>... parameters) {
        return LentObject.slot(CreateWriterMetadataObject.class, Declarations.of(m), body, parameters);
    }

    /** The Writer Metadata Document declared so far. */
    synchronized SimulatedWriterMetadata build() {
        return new SimulatedWriterMetadata(identity.instanceId(), identity.writerClassId(), identity.writerName(),
                identity.instanceName(), identity.usage(), identity.source(), components, excludes, mappings, restore,
                backupSchema, identity.version(), excludeFromSnapshot);
    }

    private static int ok() {
        return VssHresult.S_OK.code();
    }

    private static int invalid() {
        return VssHresult.E_INVALIDARG.code();
    }

    private static <E extends Enum<E> & NativeEnum> E decode(Class<E> type, int value) {
        for (E e : type.getEnumConstants()) {
            if (e.value() == value) {
                return e;
            }
        }
        return null;
    }

    private static String path(CallArgs a, int i) {
        String p = a.wideString(i);
        return p == null ? "" : p;
    }

    /** AddExcludeFiles / AddExcludeFilesFromSnapshot(wszPath, wszFilespec, bRecursive) into {@code into}. */
    private synchronized int addFiles(CallArgs a, List<FileSpec> into) {
        String path = a.wideString(1);
        String filespec = a.wideString(2);
        if (path == null || filespec == null) {
            return invalid();
        }
        into.add(FileSpec.of(path, filespec, a.cppBool(3)));
        return ok();
    }

    /**
     * AddComponent(ct, logicalPath, name, caption, pbIcon, cbIcon, bRestoreMetadata, bNotifyOnBackupComplete,
     * bSelectable, bSelectableForRestore, dwComponentFlags).
     */
    private synchronized int addComponent(CallArgs a) {
        ComponentType type = decode(ComponentType.class, a.int32(1));
        String name = a.wideString(3);
        int iconSize = a.int32(6);
        if (type == null || type == ComponentType.UNDEFINED || name == null || name.isEmpty() || iconSize < 0
                || (iconSize > 0 && a.pointer(5) == null)) {
            return invalid();
        }
        String logicalPath = path(a, 2);
        if (index(logicalPath, name) >= 0) {
            return VssHresult.VSS_E_OBJECT_ALREADY_EXISTS.code();
        }
        byte[] icon = iconSize == 0 ? null : a.pointer(5).getByteArray(0, iconSize);
        String caption = a.wideString(4);
        WriterComponent c = new WriterComponent(type, logicalPath, name, caption, null, a.cppBool(7), a.cppBool(8),
                a.cppBool(9), a.cppBool(10), a.int32(11), List.of(), List.of(), List.of(), List.of());
        components.add(icon == null ? c : c.withIcon(icon));
        return ok();
    }

    private int index(String logicalPath, String name) {
        for (int i = 0; i < components.size(); i++) {
            WriterComponent c = components.get(i);
            if (c.logicalPath().equals(logicalPath) && c.name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Applies {@code edit} to the declared component (logicalPath, name) of type {@code type}. */
    private int editComponent(String logicalPath, String name, ComponentType type,
            UnaryOperator<WriterComponent> edit) {
        int i = name == null ? -1 : index(logicalPath, name);
        if (i < 0 || components.get(i).type() != type) {
            return VssHresult.VSS_E_OBJECT_NOT_FOUND.code();
        }
        components.set(i, edit.apply(components.get(i)));
        return ok();
    }

    /** AddDatabaseFiles / AddDatabaseLogFiles(logicalPath, databaseName, path, filespec, mask). */
    private synchronized int addDatabaseFiles(CallArgs a, boolean log) {
        String path = a.wideString(3);
        String filespec = a.wideString(4);
        if (path == null || filespec == null) {
            return invalid();
        }
        FileSpec f = new FileSpec(path, filespec, false, null, a.int32(5));
        return editComponent(path(a, 1), a.wideString(2), ComponentType.DATABASE,
                c -> log ? c.withLogFile(f) : c.withDatabaseFile(f));
    }

    /** AddFilesToFileGroup(logicalPath, groupName, path, filespec, bRecursive, alternateLocation, mask). */
    private synchronized int addFilesToFileGroup(CallArgs a) {
        String path = a.wideString(3);
        String filespec = a.wideString(4);
        if (path == null || filespec == null) {
            return invalid();
        }
        FileSpec f = new FileSpec(path, filespec, a.cppBool(5), a.wideString(6), a.int32(7));
        return editComponent(path(a, 1), a.wideString(2), ComponentType.FILEGROUP, c -> c.withFile(f));
    }

    private synchronized int setRestoreMethod(CallArgs a) {
        RestoreMethod method = decode(RestoreMethod.class, a.int32(1));
        WriterRestore writerRestore = decode(WriterRestore.class, a.int32(4));
        if (method == null || writerRestore == null) {
            return invalid();
        }
        restore = new SimulatedWriterMetadata.Restore(method, a.wideString(2), a.wideString(3), writerRestore,
                a.cppBool(5));
        return ok();
    }

    private synchronized int addMapping(CallArgs a) {
        String path = a.wideString(1);
        String filespec = a.wideString(2);
        String destination = a.wideString(4);
        if (path == null || filespec == null || destination == null) {
            return invalid();
        }
        mappings.add(new FileSpec(path, filespec, a.cppBool(3), destination, FileSpec.DEFAULT_MASK));
        return ok();
    }

    /** AddComponentDependency(forLogicalPath, forComponentName, VSS_ID onWriterId by value, onLogicalPath, onName). */
    private synchronized int addDependency(CallArgs a) {
        String forName = a.wideString(2);
        String onName = a.wideString(5);
        if (forName == null || onName == null) {
            return invalid();
        }
        UUID onWriter = a.guidByValue(3);
        String onPath = a.wideString(4);
        int i = index(path(a, 1), forName);
        if (i < 0) {
            return VssHresult.VSS_E_OBJECT_NOT_FOUND.code();
        }
        components.set(i, components.get(i).withDependency(onWriter, onPath, onName));
        return ok();
    }

    private synchronized int setBackupSchema(CallArgs a) {
        backupSchema = a.int32(1);
        return ok();
    }

    private int getDocument(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalid();
        }
        a.pointer(1).setPointer(0, new XmlDocumentObject(WriterMetadataXml.write(build()),
                IVssCreateWriterMetadata.GetDocument.qualifiedName()).pointer());
        return ok();
    }

    private int saveAsXml(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalid();
        }
        a.pointer(1).setPointer(0, BstrAllocator.alloc(WriterMetadataXml.write(build()),
                "Writer Metadata Document from IVssCreateWriterMetadata::SaveAsXML"));
        return ok();
    }
}
