package org.vss4j.sim.vss;

import static org.vss4j.sim.abi.VtableSpec.params;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.vss4j.BackupType;
import org.vss4j.ComponentType;
import org.vss4j.FileRestoreStatus;
import org.vss4j.ObjectType;
import org.vss4j.RestoreType;
import org.vss4j.RollForwardType;
import org.vss4j.SnapshotContext;
import org.vss4j.VssHresult;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeExport;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.abi.vtable.IVssBackupComponentsEx;
import org.vss4j.abi.vtable.IVssBackupComponentsEx2;
import org.vss4j.abi.vtable.IVssBackupComponentsEx3;
import org.vss4j.abi.vtable.IVssBackupComponentsEx4;
import org.vss4j.com.Guids;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Snapshot;
import org.vss4j.sim.Volume;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;
import org.vss4j.sim.abi.BstrAllocator;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.NativeComObject;
import org.vss4j.sim.abi.VtableSpec;

/**
 * The native {@code IVssBackupComponents} of the simulator: one requester, one backup (Microsoft docs,
 * "Overview of Backup Initialization"). The state machine follows Microsoft's overview pages
 * ("Overview of Backup Initialization", "Overview of Pre-Backup Tasks", "Overview of Actual Backup Of Files",
 * "VSS Backup State") and its per-method documentation:
 * <ul>
 * <li>everything but SetContext-free queries needs {@code InitializeForBackup} first, which may be called once
 * ({@code VSS_E_BAD_STATE} otherwise);</li>
 * <li>{@code PrepareForBackup} needs a completed {@code GatherWriterMetadata}; {@code AddToSnapshotSet} and
 * {@code DoSnapshotSet} need {@code StartSnapshotSet}; in a context with writers {@code DoSnapshotSet} needs a
 * completed {@code PrepareForBackup}; {@code BackupComplete} needs a successful {@code DoSnapshotSet};</li>
 * <li>one asynchronous operation at a time per requester; machine-wide one shadow copy set being built (from
 * StartSnapshotSet until DoSnapshotSet returns) and one being created (DoSnapshotSet's asynchronous part), each
 * reported as {@code VSS_E_SNAPSHOT_SET_IN_PROGRESS} (docs/simulator-in-progress.md);</li>
 * <li>NULL out-pointers and out-of-range indexes give {@code E_INVALIDARG}; unknown ids
 * {@code VSS_E_OBJECT_NOT_FOUND}.</li>
 * <li>{@code InitializeForRestore(bcd)} makes the object a restore requester (Microsoft docs, "Overview of Restore
 * Initialization" and "Overview of Preparing for Restore"): GatherWriterMetadata, then selection and restore settings
 * on components of the loaded document whose writer runs, then PreRestore, SetFileRestoreStatus, PostRestore. Backup
 * and snapshot-management calls on a restore object and restore calls on a backup object give
 * {@code VSS_E_BAD_STATE}.</li>
 * </ul>
 * Its vtable is {@code IVssBackupComponentsEx4}'s, whose slots 0-63 are those of {@code Ex3}, {@code Ex2}, {@code Ex} and
 * {@code IVssBackupComponents} in turn (vsbackup.h, single inheritance): QueryInterface for any of the five IIDs
 * returns the same object, as on Windows.
 */
public final class BackupComponentsObject extends NativeComObject {

    /** {@code VSS_VOLSNAP_ATTR_NO_WRITERS} (vss.h): contexts with it involve no writers. */
    private static final int NO_WRITERS = 16;
    /** {@code VSS_VOLSNAP_ATTR_DIFFERENTIAL}: what the software provider adds to every shadow copy's attributes. */
    private static final int DIFFERENTIAL = 131072;
    /** Attribute bits SetContext accepts on top of a context (Microsoft SetContext docs). */
    private static final int CONTEXT_MODIFIERS = 32 | 8388608 | 33554432;

    private static final Class<?> GUID_BY_VALUE = GUID.ByValue.class;

    static final VtableSpec<BackupComponentsObject> VTABLE = VtableSpec
            .of("IVssBackupComponentsEx4", Set.of(IVssBackupComponents.IID, IVssBackupComponentsEx.IID,
                    IVssBackupComponentsEx2.IID, IVssBackupComponentsEx3.IID, IVssBackupComponentsEx4.IID),
                    BackupComponentsObject.class)
            .bind(IVssBackupComponents.InitializeForBackup, params(Pointer.class),
                    BackupComponentsObject::initializeForBackup)
            // ---- restore (slots: vsbackup.h) ----
            .bind(IVssBackupComponents.InitializeForRestore, params(Pointer.class),
                    BackupComponentsObject::initializeForRestore)
            .bind(IVssBackupComponents.SetRestoreState, params(int.class), BackupComponentsObject::setRestoreState)
            .bind(IVssBackupComponents.SetSelectedForRestore,
                    params(GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, byte.class),
                    (o, a) -> o.setSelectedForRestore(a, null))
            .bind(IVssBackupComponentsEx.SetSelectedForRestoreEx,
                    params(GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, byte.class, GUID_BY_VALUE),
                    (o, a) -> o.setSelectedForRestore(a, a.guidByValue(6)))
            .bind(IVssBackupComponents.SetRestoreOptions,
                    params(GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, Pointer.class),
                    BackupComponentsObject::setRestoreOptions)
            .bind(IVssBackupComponents.SetAdditionalRestores,
                    params(GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, byte.class),
                    BackupComponentsObject::setAdditionalRestores)
            .bind(IVssBackupComponentsEx2.SetAuthoritativeRestore,
                    params(GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, byte.class),
                    BackupComponentsObject::setAuthoritativeRestore)
            .bind(IVssBackupComponentsEx2.SetRollForward,
                    params(GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, int.class, Pointer.class),
                    BackupComponentsObject::setRollForward)
            .bind(IVssBackupComponentsEx2.SetRestoreName,
                    params(GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, Pointer.class),
                    BackupComponentsObject::setRestoreName)
            .bind(IVssBackupComponents.AddRestoreSubcomponent,
                    params(GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class,
                            byte.class),
                    BackupComponentsObject::addRestoreSubcomponent)
            .bind(IVssBackupComponents.AddAlternativeLocationMapping,
                    params(GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class,
                            byte.class, Pointer.class),
                    (o, a) -> o.addFileMapping(a, true))
            .bind(IVssBackupComponents.AddNewTarget,
                    params(GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class,
                            byte.class, Pointer.class),
                    (o, a) -> o.addFileMapping(a, false))
            .bind(IVssBackupComponents.SetRangesFilePath,
                    params(GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, int.class, Pointer.class),
                    BackupComponentsObject::setRangesFilePath)
            .bind(IVssBackupComponents.SetFileRestoreStatus,
                    params(GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, int.class),
                    BackupComponentsObject::setFileRestoreStatus)
            .bind(IVssBackupComponents.PreRestore, params(Pointer.class), BackupComponentsObject::preRestore)
            .bind(IVssBackupComponents.PostRestore, params(Pointer.class), BackupComponentsObject::postRestore)
            // ---- snapshot management ----
            .bind(IVssBackupComponents.ExposeSnapshot,
                    params(GUID_BY_VALUE, Pointer.class, int.class, Pointer.class, Pointer.class),
                    (o, a) -> o.manage(a, o.management::expose))
            .bind(IVssBackupComponentsEx2.UnexposeSnapshot, params(GUID_BY_VALUE),
                    (o, a) -> o.manage(a, o.management::unexpose))
            .bind(IVssBackupComponents.BreakSnapshotSet, params(GUID_BY_VALUE),
                    (o, a) -> o.manage(a, o.management::breakSet))
            .bind(IVssBackupComponents.RevertToSnapshot, params(GUID_BY_VALUE, int.class),
                    (o, a) -> o.manage(a, o.management::revert))
            .bind(IVssBackupComponents.QueryRevertStatus, params(Pointer.class, Pointer.class),
                    (o, a) -> o.manage(a, o.management::queryRevertStatus))
            .bind(IVssBackupComponents.ImportSnapshots, params(Pointer.class), BackupComponentsObject::importSnapshots)
            .bind(IVssBackupComponentsEx3.GetSessionId, params(Pointer.class), BackupComponentsObject::getSessionId)
            .bind(IVssBackupComponentsEx3.GetWriterStatusEx, params(int.class, Pointer.class, Pointer.class,
                    Pointer.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class),
                    BackupComponentsObject::getWriterStatusEx)
            .bind(IVssBackupComponentsEx4.GetRootAndLogicalPrefixPaths,
                    params(Pointer.class, Pointer.class, Pointer.class, int.class),
                    (o, a) -> o.management.rootAndLogicalPrefix(a))
            .bind(IVssBackupComponents.SetContext, params(int.class), BackupComponentsObject::setContext)
            .bind(IVssBackupComponents.SetBackupState, params(byte.class, byte.class, int.class, byte.class),
                    BackupComponentsObject::setBackupState)
            .bind(IVssBackupComponents.GatherWriterMetadata, params(Pointer.class),
                    BackupComponentsObject::gatherWriterMetadata)
            .bind(IVssBackupComponents.GetWriterMetadataCount, params(Pointer.class),
                    BackupComponentsObject::getWriterMetadataCount)
            .bind(IVssBackupComponents.GetWriterMetadata, params(int.class, Pointer.class, Pointer.class),
                    BackupComponentsObject::getWriterMetadata)
            .bind(IVssBackupComponents.FreeWriterMetadata, params(), BackupComponentsObject::freeWriterMetadata)
            .bind(IVssBackupComponents.AddComponent,
                    params(GUID_BY_VALUE, GUID_BY_VALUE, int.class, Pointer.class, Pointer.class),
                    BackupComponentsObject::addComponent)
            .bind(IVssBackupComponents.PrepareForBackup, params(Pointer.class),
                    BackupComponentsObject::prepareForBackup)
            .bind(IVssBackupComponents.AbortBackup, params(), BackupComponentsObject::abortBackup)
            .bind(IVssBackupComponents.GatherWriterStatus, params(Pointer.class),
                    BackupComponentsObject::gatherWriterStatus)
            .bind(IVssBackupComponents.GetWriterStatusCount, params(Pointer.class),
                    BackupComponentsObject::getWriterStatusCount)
            .bind(IVssBackupComponents.FreeWriterStatus, params(), BackupComponentsObject::freeWriterStatus)
            .bind(IVssBackupComponents.GetWriterStatus,
                    params(int.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class, Pointer.class),
                    BackupComponentsObject::getWriterStatus)
            .bind(IVssBackupComponents.SetBackupSucceeded,
                    params(GUID_BY_VALUE, GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, byte.class),
                    BackupComponentsObject::setBackupSucceeded)
            .bind(IVssBackupComponents.SetBackupOptions,
                    params(GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, Pointer.class),
                    (o, a) -> o.setComponentText(a, true))
            .bind(IVssBackupComponents.SetPreviousBackupStamp,
                    params(GUID_BY_VALUE, int.class, Pointer.class, Pointer.class, Pointer.class),
                    (o, a) -> o.setComponentText(a, false))
            .bind(IVssBackupComponents.SaveAsXML, params(Pointer.class), BackupComponentsObject::saveAsXml)
            .bind(IVssBackupComponents.GetWriterComponentsCount, params(Pointer.class),
                    BackupComponentsObject::getWriterComponentsCount)
            .bind(IVssBackupComponents.GetWriterComponents, params(int.class, Pointer.class),
                    BackupComponentsObject::getWriterComponents)
            .bind(IVssBackupComponents.BackupComplete, params(Pointer.class), BackupComponentsObject::backupComplete)
            .bind(IVssBackupComponents.StartSnapshotSet, params(Pointer.class),
                    BackupComponentsObject::startSnapshotSet)
            .bind(IVssBackupComponents.AddToSnapshotSet, params(Pointer.class, GUID_BY_VALUE, Pointer.class),
                    BackupComponentsObject::addToSnapshotSet)
            .bind(IVssBackupComponents.DoSnapshotSet, params(Pointer.class), BackupComponentsObject::doSnapshotSet)
            .bind(IVssBackupComponents.DeleteSnapshots,
                    params(GUID_BY_VALUE, int.class, int.class, Pointer.class, Pointer.class),
                    BackupComponentsObject::deleteSnapshots)
            .bind(IVssBackupComponents.GetSnapshotProperties, params(GUID_BY_VALUE, Pointer.class),
                    BackupComponentsObject::getSnapshotProperties)
            .bind(IVssBackupComponents.Query, params(GUID_BY_VALUE, int.class, int.class, Pointer.class),
                    BackupComponentsObject::query)
            .bind(IVssBackupComponents.IsVolumeSupported, params(GUID_BY_VALUE, Pointer.class, Pointer.class),
                    BackupComponentsObject::isVolumeSupported)
            .bind(IVssBackupComponents.DisableWriterClasses, params(Pointer.class, int.class),
                    (o, a) -> o.writerFilter(a, o.writerSelection::disableClass))
            .bind(IVssBackupComponents.EnableWriterClasses, params(Pointer.class, int.class),
                    (o, a) -> o.writerFilter(a, o.writerSelection::enableClass))
            .bind(IVssBackupComponents.DisableWriterInstances, params(Pointer.class, int.class),
                    (o, a) -> o.writerFilter(a, o.writerSelection::disableInstance));

    private final SimulatedMachine machine;
    private final SnapshotManagement management;
    /** GetSessionId (Ex3): one opaque id per backup or restore session, i.e. per requester object (Microsoft docs). */
    private final UUID sessionId = UUID.randomUUID();

    private boolean initialized;
    /** InitializeForRestore was called: a restore requester. */
    private boolean restoring;
    /** InitializeForBackup loaded a stored document (what ImportSnapshots imports from). */
    private boolean loadedDocument;
    private AsyncOperation preRestore;
    private AsyncOperation postRestore;
    private int context = SnapshotContext.BACKUP.value();
    /** SetContext succeeded once: it may not be called again on this object. */
    private boolean contextSet;
    private BackupDocument document = new BackupDocument();
    private final WriterSelection writerSelection = new WriterSelection();
    private AsyncOperation pending;
    private AsyncOperation gather;
    private AsyncOperation prepare;
    private AsyncOperation snapshot;
    private AsyncOperation status;
    private List<WriterSession> sessions = List.of();
    private final WriterSessionContext sessionContext = new Session();
    private List<WriterSession> statusView;
    private UUID snapshotSetId;
    private final Map<UUID, Volume> snapshotVolumes = new LinkedHashMap<>();
    private boolean aborted;

    /**
     * A new {@code IVssBackupComponents} of {@code machine}, with one reference, the caller's
     * ({@code CreateVssBackupComponents}).
     *
     * @param machine the machine it acts on
     */
    public BackupComponentsObject(SimulatedMachine machine) {
        super(VTABLE, NativeExport.CreateVssBackupComponentsInternal.name());
        this.machine = machine;
        this.management = new SnapshotManagement(machine);
    }

    private static int ok() {
        return VssHresult.S_OK.code();
    }

    private static int badState() {
        return VssHresult.VSS_E_BAD_STATE.code();
    }

    private static int invalidArg() {
        return VssHresult.E_INVALIDARG.code();
    }

    private boolean writersInvolved() {
        return (context & NO_WRITERS) == 0;
    }

    private boolean busy() {
        return pending != null && !pending.isDone();
    }

    /** Starts an async operation and writes its new IVssAsync into {@code *out}. */
    private int startAsync(Pointer out, ComMethod origin, AsyncOperation.Work work, boolean track) {
        AsyncOperation op = AsyncOperation.start(machine, origin, work);
        if (track) {
            pending = op;
        }
        out.setPointer(0, new AsyncObject(op).pointer());
        return ok();
    }

    // ---- initialisation --------------------------------------------------------------------------------------

    private synchronized int initializeForBackup(CallArgs a) {
        if (initialized) {
            return badState();
        }
        Pointer bstr = a.pointer(1);
        if (bstr != null) {
            BackupDocument loaded = BackupDocument.fromXml(BstrAllocator.read(bstr));
            if (loaded == null) {
                return VssHresult.VSS_E_INVALID_XML_DOCUMENT.code();
            }
            document = loaded;
            context = loaded.context;
            loadedDocument = true;
        }
        initialized = true;
        return ok();
    }

    /**
     * SetContext (Microsoft docs, "IVssBackupComponents::SetContext"): "SetContext can be called only once, and it must
     * be called prior to calling most VSS functions"; a second call, a call before initialisation, on a restore object
     * or once a snapshot set was started is out of sequence (VSS_E_BAD_STATE, the page's code for "not called within
     * the correct sequence"). A call rejected with E_INVALIDARG has set nothing and does not count.
     */
    private synchronized int setContext(CallArgs a) {
        if (!initialized || restoring || contextSet || snapshotSetId != null) {
            return badState();
        }
        int requested = a.int32(1);
        if (requested == SnapshotContext.ALL.value()) {
            // Microsoft SetContext docs: VSS_CTX_ALL is valid for every call but StartSnapshotSet and DoSnapshotSet
            // (used for queries and deletes of any shadow copy).
            context = requested;
            document.context = requested;
            contextSet = true;
            return ok();
        }
        int base = requested & ~CONTEXT_MODIFIERS;
        boolean known = false;
        for (SnapshotContext c : SnapshotContext.values()) {
            known |= c.value() == base && c != SnapshotContext.ALL;
        }
        if (!known) {
            return invalidArg();
        }
        context = requested;
        document.context = requested;
        contextSet = true;
        return ok();
    }

    private synchronized int setBackupState(CallArgs a) {
        if (!initialized || restoring || gather != null) {
            return badState();
        }
        int type = a.int32(3);
        if (type <= BackupType.UNDEFINED.value() || type > BackupType.OTHER.value()) {
            return invalidArg();
        }
        document.selectComponents = a.cppBool(1);
        document.bootableSystemState = a.cppBool(2);
        document.backupType = BackupType.fromValue(type);
        document.partialFileSupport = a.cppBool(4);
        return ok();
    }

    /** Enable/disable writer classes or instances: {@code const VSS_ID *rg, UINT c}, 16 bytes per id. */
    private synchronized int writerFilter(CallArgs a, Consumer<UUID> change) {
        int count = a.int32(2);
        if (count < 0 || (count > 0 && a.pointer(1) == null)) {
            return invalidArg();
        }
        if (!initialized) {
            return badState();
        }
        // Microsoft docs: enabling/disabling writers only matters before GatherWriterMetadata.
        if (gather != null) {
            return ok();
        }
        for (int i = 0; i < count; i++) {
            change.accept(Guids.read(a.pointer(1).share(16L * i)));
        }
        return ok();
    }

    // ---- writer metadata ----------------------------------------------------------------------------------------

    private synchronized int gatherWriterMetadata(CallArgs a) {
        Pointer out = a.pointer(1);
        if (out == null) {
            return invalidArg();
        }
        if (!initialized || gather != null || busy()) {
            return badState();
        }
        List<WriterSession> all = new ArrayList<>();
        for (WriterParticipant w : machine.participants()) {
            if (writerSelection.takesPart(w.metadata())) {
                all.add(new WriterSession(w, sessionContext));
            }
        }
        sessions = List.copyOf(all);
        gather = AsyncOperation.start(machine, IVssBackupComponents.GatherWriterMetadata, op -> {
            for (WriterSession s : all) {
                if (op.isCancelRequested()) {
                    return VssHresult.VSS_S_ASYNC_CANCELLED.code();
                }
                s.send(WriterEvent.IDENTIFY, op);
            }
            return ok();
        });
        pending = gather;
        out.setPointer(0, new AsyncObject(gather).pointer());
        return ok();
    }

    /** Writers that answered Identify (a writer failing Identify has no metadata). */
    private List<WriterSession> identified() {
        return sessions.stream().filter(s -> s.state() != WriterEvent.IDENTIFY.failedState()).toList();
    }

    private boolean metadataReady() {
        return gather != null && gather.succeeded();
    }

    private synchronized int getWriterMetadataCount(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalidArg();
        }
        if (!metadataReady()) {
            return badState();
        }
        a.pointer(1).setInt(0, identified().size());
        return ok();
    }

    private synchronized int getWriterMetadata(CallArgs a) {
        if (a.pointer(2) == null || a.pointer(3) == null) {
            return invalidArg();
        }
        if (!metadataReady()) {
            return badState();
        }
        List<WriterSession> list = identified();
        int index = a.int32(1);
        if (index < 0 || index >= list.size()) {
            return invalidArg();
        }
        WriterParticipant w = list.get(index).writer;
        Guids.write(a.pointer(2), w.metadata().instanceId());
        a.pointer(3).setPointer(0, new ExamineWriterMetadataObject(w.metadata(),
                IVssBackupComponents.GetWriterMetadata.qualifiedName()).pointer());
        return ok();
    }

    private synchronized int freeWriterMetadata(CallArgs a) {
        return metadataReady() ? ok() : badState();
    }

    // ---- components (Backup Components Document) -----------------------------------------------------------------

    private synchronized int addComponent(CallArgs a) {
        if (!metadataReady() || restoring || prepare != null) {
            return badState();
        }
        ComponentType type = componentType(a.int32(3));
        String name = a.wideString(5);
        if (type == null || name == null || name.isEmpty()) {
            return invalidArg();
        }
        UUID instance = a.guidByValue(1);
        UUID writer = a.guidByValue(2);
        String path = a.wideString(4);
        boolean declared = identified().stream().anyMatch(s -> s.writer.metadata().instanceId().equals(instance)
                && s.writer.metadata().writerClassId().equals(writer)
                && s.writer.metadata().components().stream().anyMatch(c -> c.type() == type
                        && c.name().equals(name) && c.logicalPath().equals(path == null ? "" : path)));
        if (!declared) {
            return VssHresult.VSS_E_OBJECT_NOT_FOUND.code();
        }
        if (document.find(writer, type, path, name) != null) {
            return VssHresult.VSS_E_OBJECT_ALREADY_EXISTS.code();
        }
        document.components.add(new BackupDocument.Component(instance, writer, type, path, name));
        return ok();
    }

    private static ComponentType componentType(int v) {
        for (ComponentType t : ComponentType.values()) {
            if (t.value() == v && t != ComponentType.UNDEFINED) {
                return t;
            }
        }
        return null;
    }

    /** SetBackupSucceeded is valid once the shadow copies exist (Microsoft docs: after DoSnapshotSet). */
    private synchronized int setBackupSucceeded(CallArgs a) {
        if (snapshot == null || !snapshot.succeeded()) {
            return badState();
        }
        ComponentType type = componentType(a.int32(3));
        if (type == null) {
            return invalidArg();
        }
        BackupDocument.Component c = document.find(a.guidByValue(2), type, a.wideString(4), a.wideString(5));
        if (c == null) {
            return VssHresult.VSS_E_OBJECT_NOT_FOUND.code();
        }
        c.backupSucceeded = a.cppBool(6);
        return ok();
    }

    /** SetBackupOptions / SetPreviousBackupStamp: before PrepareForBackup, on a component already added. */
    private synchronized int setComponentText(CallArgs a, boolean options) {
        if (!metadataReady() || restoring || prepare != null) {
            return badState();
        }
        ComponentType type = componentType(a.int32(2));
        String text = a.wideString(5);
        if (type == null || text == null) {
            return invalidArg();
        }
        BackupDocument.Component c = document.find(a.guidByValue(1), type, a.wideString(3), a.wideString(4));
        if (c == null) {
            return VssHresult.VSS_E_OBJECT_NOT_FOUND.code();
        }
        if (options) {
            c.backupOptions = text;
        } else {
            c.previousBackupStamp = text;
        }
        return ok();
    }

    private synchronized int saveAsXml(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalidArg();
        }
        if (!initialized) {
            return badState();
        }
        if (snapshotSetId != null) {
            document.snapshotSetId = snapshotSetId;
        }
        if (!restoring) {
            keepWriterRecords();
        }
        a.pointer(1).setPointer(0, BstrAllocator.alloc(document.toXml(), "Backup Components Document"));
        return ok();
    }

    /** Copies what the writers recorded so far (backup stamp, backup metadata) into the document SaveAsXML writes. */
    private void keepWriterRecords() {
        for (BackupDocument.Component c : document.components) {
            sessions.stream().map(s -> s.writer).filter(w -> w.metadata().instanceId().equals(c.instanceId))
                    .findFirst().map(w -> w.recorded(c.logicalPath, c.name)).ifPresent(w -> {
                        if (w.backupStamp() != null) {
                            c.savedBackupStamp = w.backupStamp();
                        }
                        if (w.backupMetadata() != null) {
                            c.savedBackupMetadata = w.backupMetadata();
                        }
                    });
        }
    }

    /** GetWriterComponentsCount: writers with components in the Backup Components Document (after initialisation). */
    private synchronized int getWriterComponentsCount(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalidArg();
        }
        if (!initialized) {
            return badState();
        }
        a.pointer(1).setInt(0, DocumentComponents.of(document, machine.participants()).size());
        return ok();
    }

    /** GetWriterComponents: one writer's components, as the two-vtable IVssWriterComponentsExt object. */
    private synchronized int getWriterComponents(CallArgs a) {
        if (a.pointer(2) == null) {
            return invalidArg();
        }
        if (!initialized) {
            return badState();
        }
        List<DocumentComponents.WriterPart> parts = DocumentComponents.of(document, machine.participants());
        int index = a.int32(1);
        if (index < 0 || index >= parts.size()) {
            return invalidArg();
        }
        a.pointer(2).setPointer(0, new WriterComponentsObject(parts.get(index),
                IVssBackupComponents.GetWriterComponents.qualifiedName()).interfacePointer());
        return ok();
    }

    // ---- backup sequence ----------------------------------------------------------------------------------------

    /**
     * The writers the backup events go to. In component mode only writers with a component in the document take part
     * (Microsoft "Working with Selectability and Logical Paths": writers with no components added before
     * PrepareForBackup "receive no events after this point and will not participate"); in volume mode every writer
     * that answered Identify does; in a context without writers none.
     */
    private List<WriterSession> participants() {
        if (!writersInvolved()) {
            return List.of();
        }
        if (!document.selectComponents) {
            return identified();
        }
        return identified().stream().filter(s -> document.components.stream()
                .anyMatch(c -> c.instanceId.equals(s.writer.metadata().instanceId()))).toList();
    }

    /** Sends {@code event} to every participant that has not failed; the first failure, or null. */
    private Integer broadcast(WriterEvent event, AsyncOperation op) throws InterruptedException {
        Integer first = null;
        for (WriterSession s : participants()) {
            if (s.hasFailed() || !s.receives(event)) {
                continue;
            }
            Integer failed = s.send(event, op);
            if (failed != null && first == null) {
                first = failed;
            }
        }
        return first;
    }

    /** Abort to the participants that have not had it yet nor PostSnapshot ({@link WriterSession#takesAbort()}). */
    private void abortWriters() throws InterruptedException {
        for (WriterSession s : participants()) {
            if (!s.receives(WriterEvent.ABORT) || !s.takesAbort()) {
                continue;
            }
            s.send(WriterEvent.ABORT, null);
        }
    }

    private synchronized int prepareForBackup(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalidArg();
        }
        if (!metadataReady() || restoring || prepare != null || busy() || aborted) {
            return badState();
        }
        int r = startAsync(a.pointer(1), IVssBackupComponents.PrepareForBackup, op -> {
            Integer failed = broadcast(WriterEvent.PREPARE_FOR_BACKUP, op);
            if (op.isCancelRequested()) {
                return VssHresult.VSS_S_ASYNC_CANCELLED.code();
            }
            return failed != null ? failed : ok();
        }, true);
        prepare = pending;
        return r;
    }

    private synchronized int startSnapshotSet(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalidArg();
        }
        if (!initialized || restoring || aborted || context == SnapshotContext.ALL.value()) {
            return badState();
        }
        if (snapshotSetId != null) {
            return snapshot == null ? VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS.code() : badState();
        }
        if (!machine.beginSnapshotSet(this)) {
            return VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS.code();
        }
        snapshotSetId = UUID.randomUUID();
        Guids.write(a.pointer(1), snapshotSetId);
        return ok();
    }

    private boolean knownProvider(UUID provider) {
        return provider.equals(new UUID(0, 0)) || provider.equals(machine.provider().id());
    }

    private synchronized int isVolumeSupported(CallArgs a) {
        String name = a.wideString(2);
        if (name == null || name.isEmpty() || a.pointer(3) == null) {
            return invalidArg();
        }
        if (!initialized) {
            return badState();
        }
        if (!knownProvider(a.guidByValue(1))) {
            return VssHresult.VSS_E_PROVIDER_NOT_REGISTERED.code();
        }
        Volume v = VolumeNameRule.volume(machine, name);
        if (v == null) {
            return VssHresult.VSS_E_OBJECT_NOT_FOUND.code();
        }
        a.pointer(3).setInt(0, v.isSupported() ? 1 : 0);
        return ok();
    }

    private synchronized int addToSnapshotSet(CallArgs a) {
        String name = a.wideString(1);
        if (name == null || name.isEmpty() || a.pointer(3) == null) {
            return invalidArg();
        }
        if (snapshotSetId == null || snapshot != null || aborted) {
            return badState();
        }
        if (machine.isCreatingOtherThan(this)) {
            // Another requester's DoSnapshotSet is creating its shadow copies (docs/simulator-in-progress.md).
            return VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS.code();
        }
        if (!knownProvider(a.guidByValue(2))) {
            return VssHresult.VSS_E_PROVIDER_NOT_REGISTERED.code();
        }
        Volume v = VolumeNameRule.volume(machine, name);
        if (v == null) {
            return VssHresult.VSS_E_OBJECT_NOT_FOUND.code();
        }
        if (!v.isSupported()) {
            return VssHresult.VSS_E_VOLUME_NOT_SUPPORTED.code();
        }
        if (snapshotVolumes.containsValue(v)) {
            return VssHresult.VSS_E_OBJECT_ALREADY_EXISTS.code();
        }
        if (snapshotVolumes.size() >= SimulatedMachine.MAX_VOLUMES_PER_SET) {
            return VssHresult.VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED.code();
        }
        UUID id = UUID.randomUUID();
        snapshotVolumes.put(id, v);
        Guids.write(a.pointer(3), id);
        return ok();
    }

    private synchronized int doSnapshotSet(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalidArg();
        }
        if (snapshotSetId == null || snapshot != null || busy() || aborted || snapshotVolumes.isEmpty()) {
            return badState();
        }
        if (writersInvolved() && (prepare == null || !prepare.succeeded())) {
            return badState();
        }
        Map<UUID, Volume> volumes = new LinkedHashMap<>(snapshotVolumes);
        UUID setId = snapshotSetId;
        // The software provider makes differential shadow copies; a hardware provider's are HARDWARE_ASSISTED.
        int attributes = context | (machine.hasHardwareProvider() ? Snapshot.HARDWARE_ASSISTED : DIFFERENTIAL);
        int r = startAsync(a.pointer(1), IVssBackupComponents.DoSnapshotSet,
                op -> createSnapshotSet(op, setId, volumes, attributes), true);
        snapshot = pending;
        // The set is no longer being built once DoSnapshotSet returns (Microsoft docs, "State Transitions in Shadow
        // Copy Providers"); its creation holds the machine separately (createSnapshotSet).
        machine.endSnapshotSet(this);
        return r;
    }

    /** PrepareForSnapshot, Freeze, the copies, Thaw, PostSnapshot (Microsoft docs, "Overview of Pre-Backup Tasks"). */
    private int createSnapshotSet(AsyncOperation op, UUID setId, Map<UUID, Volume> volumes, int attributes)
            throws InterruptedException {
        try {
            return prepareAndCommit(op, setId, volumes, attributes);
        } finally {
            // Released before the operation's result is published: a requester that saw it finish can start a set.
            machine.releaseSetLock(this);
        }
    }

    private int prepareAndCommit(AsyncOperation op, UUID setId, Map<UUID, Volume> volumes, int attributes)
            throws InterruptedException {
        Integer failed = broadcast(WriterEvent.PREPARE_FOR_SNAPSHOT, op);
        if (failed != null || op.isCancelRequested()) {
            abortWriters();
            return failed != null ? failed : VssHresult.VSS_S_ASYNC_CANCELLED.code();
        }
        // Only one creation at a time: a DoSnapshotSet meeting another requester's creation fails with
        // VSS_E_SNAPSHOT_SET_IN_PROGRESS as its asynchronous result, and the writers that prepared get Abort
        // (Microsoft docs, "Aborting VSS Operations": any failure during creation after PrepareForSnapshot).
        if (!machine.beginCreation(this)) {
            abortWriters();
            return VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS.code();
        }
        try {
            return commit(op, setId, volumes, attributes);
        } finally {
            machine.endCreation(this);
        }
    }

    /** Freeze, the copies, Thaw, PostSnapshot, while this requester's creation holds the machine. */
    private int commit(AsyncOperation op, UUID setId, Map<UUID, Volume> volumes, int attributes)
            throws InterruptedException {
        org.vss4j.sim.Gate hold = machine.faults().creationHold();
        if (hold != null) {
            op.block(hold);
        }
        Integer failed = op.isCancelRequested() ? null : broadcast(WriterEvent.FREEZE, op);
        if (failed != null || op.isCancelRequested()) {
            abortWriters();
            return failed != null ? failed : VssHresult.VSS_S_ASYNC_CANCELLED.code();
        }
        // All or nothing, journaled ahead with a state directory (SnapshotStore.createSet).
        machine.snapshotStore().createSet(setId, volumes, attributes, this);
        // After commit a writer failing Thaw or PostSnapshot does not undo the set: the requester sees it in
        // GatherWriterStatus (Microsoft docs: check writer status after DoSnapshotSet).
        broadcast(WriterEvent.THAW, op);
        broadcast(WriterEvent.POST_SNAPSHOT, op);
        return ok();
    }

    /**
     * {@code Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_SNAPSHOT | VSS_OBJECT_PROVIDER, &enum)} (Microsoft
     * IVssBackupComponents::Query docs): the id must be GUID_NULL and the queried type VSS_OBJECT_NONE. Snapshots are
     * those of the requester's current context, machine-wide; {@code VSS_CTX_ALL} sees all of them.
     */
    private synchronized int query(CallArgs a) {
        Pointer out = a.pointer(4);
        int returned = a.int32(3);
        if (out == null || !a.guidByValue(1).equals(new UUID(0, 0)) || a.int32(2) != ObjectType.NONE.value()
                || (returned != ObjectType.SNAPSHOT.value() && returned != ObjectType.PROVIDER.value())) {
            return invalidArg();
        }
        if (!initialized) {
            return badState();
        }
        String origin = IVssBackupComponents.Query.qualifiedName();
        if (returned == ObjectType.PROVIDER.value()) {
            out.setPointer(0, EnumObject.ofProviders(List.of(machine.provider()), origin).pointer());
            return ok();
        }
        List<Snapshot> matching = machine.snapshotStore().all().stream().filter(this::inContext).toList();
        out.setPointer(0, EnumObject.ofSnapshots(matching, machine, origin).pointer());
        // No shadow copy matches: S_FALSE, as Windows answers (the SDK's vshadow sample reads S_FALSE from Query as
        // "there are no shadow copies"). The simulator still hands out an (empty) enumerator for the caller to release;
        // Microsoft does not document whether *ppEnum is set then, so the binding accepts NULL as well.
        return matching.isEmpty() ? VssHresult.S_FALSE.code() : ok();
    }

    /** Whether {@code s} belongs to the current context (attribute modifiers such as TRANSPORTABLE do not count). */
    private boolean inContext(Snapshot s) {
        return context == SnapshotContext.ALL.value() || s.context() == (context & ~CONTEXT_MODIFIERS);
    }

    private synchronized int getSnapshotProperties(CallArgs a) {
        Pointer out = a.pointer(2);
        if (out == null) {
            return invalidArg();
        }
        Snapshot s = machine.snapshotStore().find(a.guidByValue(1));
        if (s == null) {
            return VssHresult.VSS_E_OBJECT_NOT_FOUND.code();
        }
        SnapshotPropWriter.fill(out, s, machine, IVssBackupComponents.GetSnapshotProperties.qualifiedName());
        return ok();
    }

    private synchronized int gatherWriterStatus(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalidArg();
        }
        if (!metadataReady() || busy()) {
            return badState();
        }
        int r = startAsync(a.pointer(1), IVssBackupComponents.GatherWriterStatus, op -> ok(), true);
        status = pending;
        statusView = List.copyOf(sessions);
        return r;
    }

    private boolean statusReady() {
        return status != null && status.succeeded() && statusView != null;
    }

    private synchronized int getWriterStatusCount(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalidArg();
        }
        if (!statusReady()) {
            return badState();
        }
        a.pointer(1).setInt(0, statusView.size());
        return ok();
    }

    private synchronized int getWriterStatus(CallArgs a) {
        for (int i = 2; i <= 6; i++) {
            if (a.pointer(i) == null) {
                return invalidArg();
            }
        }
        if (!statusReady()) {
            return badState();
        }
        int index = a.int32(1);
        if (index < 0 || index >= statusView.size()) {
            return invalidArg();
        }
        WriterSession s = statusView.get(index);
        Guids.write(a.pointer(2), s.writer.metadata().instanceId());
        Guids.write(a.pointer(3), s.writer.metadata().writerClassId());
        a.pointer(4).setPointer(0, BstrAllocator.alloc(s.writer.name(), "writer name from GetWriterStatus"));
        a.pointer(5).setInt(0, s.state().value());
        a.pointer(6).setInt(0, s.failure());
        return ok();
    }

    /**
     * GetWriterStatusEx (IVssBackupComponentsEx3): GetWriterStatus's six arguments, then {@code HRESULT
     * *phrApplication} and {@code BSTR *pbstrApplicationMessage}, both optional (SDK default NULL, vsbackup.h).
     */
    private synchronized int getWriterStatusEx(CallArgs a) {
        int r = getWriterStatus(a);
        if (r < 0) {
            return r;
        }
        WriterSession s = statusView.get(a.int32(1));
        if (a.pointer(7) != null) {
            a.pointer(7).setInt(0, s.applicationFailure());
        }
        if (a.pointer(8) != null) {
            String m = s.applicationMessage();
            a.pointer(8).setPointer(0, m == null ? null
                    : BstrAllocator.alloc(m, "application message from GetWriterStatusEx"));
        }
        return r;
    }

    private synchronized int freeWriterStatus(CallArgs a) {
        statusView = null;
        return ok();
    }

    private synchronized int backupComplete(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalidArg();
        }
        if (snapshot == null || !snapshot.succeeded() || busy() || aborted) {
            return badState();
        }
        return startAsync(a.pointer(1), IVssBackupComponents.BackupComplete, op -> {
            broadcast(WriterEvent.BACKUP_COMPLETE, op);
            return ok();
        }, true);
    }

    /**
     * AbortBackup: writers that were prepared receive Abort, a snapshot set not yet created is dropped and the
     * machine no longer holds it as the set being built. Not valid before initialisation or while an operation runs.
     */
    private synchronized int abortBackup(CallArgs a) {
        if (!initialized || busy()) {
            return badState();
        }
        aborted = true;
        if (snapshot == null) {
            snapshotVolumes.clear();
        }
        machine.endSnapshotSet(this);
        machine.releaseSetLock(this);
        if (prepare != null) {
            try {
                abortWriters();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return VssHresult.VSS_E_UNEXPECTED.code();
            }
        }
        return ok();
    }

    /**
     * DeleteSnapshots(SourceObjectId, eSourceObjectType, bForceDelete, *plDeletedSnapshots, *pNondeletedSnapshotID):
     * like Query it sees only the shadow copies of the context set with SetContext (Microsoft docs,
     * "IVssBackupComponents::SetContext": the context of "subsequent shadow copy-related operations";
     * "_VSS_SNAPSHOT_CONTEXT": VSS_CTX_ALL makes every shadow copy available to administrative operations, which is why
     * the SDK's VShadow sample deletes in VSS_CTX_ALL). A shadow copy of another context is not found:
     * VSS_E_OBJECT_NOT_FOUND, the DeleteSnapshots page's code for "The specified shadow copy does not exist".
     */
    private synchronized int deleteSnapshots(CallArgs a) {
        if (a.pointer(4) == null || a.pointer(5) == null) {
            return invalidArg();
        }
        if (!initialized) {
            return badState();
        }
        UUID id = a.guidByValue(1);
        int type = a.int32(2);
        a.pointer(4).setInt(0, 0);
        Guids.write(a.pointer(5), new UUID(0, 0));
        List<Snapshot> targets;
        if (type == ObjectType.SNAPSHOT.value()) {
            Snapshot s = machine.snapshotStore().find(id);
            targets = s == null ? List.of() : List.of(s);
        } else if (type == ObjectType.SNAPSHOT_SET.value()) {
            targets = machine.snapshotStore().inSet(id);
        } else {
            return invalidArg();
        }
        targets = targets.stream().filter(this::inContext).toList();
        if (targets.isEmpty()) {
            return VssHresult.VSS_E_OBJECT_NOT_FOUND.code();
        }
        int deleted = machine.snapshotStore().deleteAll(targets);
        a.pointer(4).setInt(0, deleted);
        return ok();
    }

    // ---- snapshot management ----------------------------------------------------------------------------------

    /**
     * Snapshot management (ExposeSnapshot, UnexposeSnapshot, BreakSnapshotSet, RevertToSnapshot, QueryRevertStatus):
     * VSS_E_BAD_STATE before initialisation and on a restore object (Microsoft docs of each: "called during a restore
     * operation").
     */
    private synchronized int manage(CallArgs a, java.util.function.ToIntFunction<CallArgs> handler) {
        return !initialized || restoring ? badState() : handler.applyAsInt(a);
    }

    /**
     * ImportSnapshots (Microsoft docs, "Importing Transportable Shadow Copied Volumes"): after InitializeForBackup with
     * the stored document of a transportable set; imports the set's transportable hardware shadow copies (IMPORTED
     * attribute). The operation fails with VSS_E_NO_SNAPSHOTS_IMPORTED when none is importable.
     */
    private synchronized int importSnapshots(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalidArg();
        }
        if (!initialized || restoring || !loadedDocument || document.snapshotSetId == null || busy()) {
            return badState();
        }
        UUID setId = document.snapshotSetId;
        return startAsync(a.pointer(1), IVssBackupComponents.ImportSnapshots, op -> {
            List<Snapshot> importable = machine.snapshotStore().inSet(setId).stream()
                    .filter(s -> s.isHardwareAssisted() && (s.attributes() & Snapshot.TRANSPORTABLE) != 0).toList();
            if (importable.isEmpty()) {
                return VssHresult.VSS_E_NO_SNAPSHOTS_IMPORTED.code();
            }
            importable.forEach(s -> machine.snapshotStore().update(s.withAttribute(Snapshot.IMPORTED)));
            return ok();
        }, true);
    }

    /** GetSessionId (IVssBackupComponentsEx3): this requester's session id. */
    private int getSessionId(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalidArg();
        }
        Guids.write(a.pointer(1), sessionId);
        return ok();
    }

    // ---- restore ------------------------------------------------------------------------------------------------

    /**
     * InitializeForRestore(bstrXML) (Microsoft docs): loads the document SaveAsXML produced at backup time; once per
     * object (VSS_E_BAD_STATE after any initialisation), VSS_E_INVALID_XML_DOCUMENT when it is not one.
     */
    private synchronized int initializeForRestore(CallArgs a) {
        if (initialized) {
            return badState();
        }
        Pointer bstr = a.pointer(1);
        if (bstr == null) {
            return invalidArg();
        }
        BackupDocument loaded = BackupDocument.fromXml(BstrAllocator.read(bstr));
        if (loaded == null) {
            return VssHresult.VSS_E_INVALID_XML_DOCUMENT.code();
        }
        document = loaded;
        context = loaded.context;
        initialized = true;
        restoring = true;
        return ok();
    }

    private boolean restoreStarted() {
        return preRestore != null;
    }

    /** SetRestoreState (Microsoft docs): on a restore object, before PreRestore. */
    private synchronized int setRestoreState(CallArgs a) {
        if (!initialized || !restoring || restoreStarted()) {
            return badState();
        }
        int type = a.int32(1);
        for (RestoreType t : RestoreType.values()) {
            if (t.value() == type) {
                document.restoreType = t;
                return ok();
            }
        }
        return invalidArg();
    }

    /** When a restore setting of a component may be made. */
    private enum RestorePhase {
        /** Selection and settings the writers read at PreRestore: after GatherWriterMetadata, before PreRestore. */
        BEFORE_PRE_RESTORE,
        /** SetFileRestoreStatus: between a completed PreRestore and PostRestore (Microsoft docs). */
        FILES_RESTORED,
        /** SetRangesFilePath: any time of the restore before PostRestore. */
        BEFORE_POST_RESTORE
    }

    /** A restore call's component, or the HRESULT that ends the call. */
    private record Resolved(BackupDocument.Component component, WriterParticipant writer, int hresult) {
        static Resolved failed(int hresult) {
            return new Resolved(null, null, hresult);
        }
    }

    /**
     * Checks a restore call on component (writerId, ct, wszLogicalPath, wszComponentName) at arguments 1-4: a restore
     * object in {@code phase} (VSS_E_BAD_STATE), a valid type and name (E_INVALIDARG), a component of the document
     * whose writer runs now (VSS_E_OBJECT_NOT_FOUND: Microsoft SetSelectedForRestore docs, "does not exist in the
     * Backup Components Document, or a live instance of the writer ... is not running").
     */
    private Resolved resolve(CallArgs a, RestorePhase phase) {
        boolean inPhase = switch (phase) {
            case BEFORE_PRE_RESTORE -> metadataReady() && !restoreStarted();
            case FILES_RESTORED -> preRestore != null && preRestore.succeeded() && postRestore == null;
            case BEFORE_POST_RESTORE -> metadataReady() && postRestore == null;
        };
        if (!initialized || !restoring || !inPhase || busy()) {
            return Resolved.failed(badState());
        }
        ComponentType type = componentType(a.int32(2));
        String name = a.wideString(4);
        if (type == null || name == null || name.isEmpty()) {
            return Resolved.failed(invalidArg());
        }
        UUID writerId = a.guidByValue(1);
        BackupDocument.Component c = document.find(writerId, type, a.wideString(3), name);
        WriterParticipant live = identified().stream().map(s -> s.writer)
                .filter(w -> w.metadata().writerClassId().equals(writerId)).findFirst().orElse(null);
        if (c == null || live == null) {
            return Resolved.failed(VssHresult.VSS_E_OBJECT_NOT_FOUND.code());
        }
        return new Resolved(c, live, ok());
    }

    /**
     * SetSelectedForRestore / SetSelectedForRestoreEx (IVssBackupComponentsEx; {@code instance} is its instanceId,
     * GUID_NULL meaning "the instance that backed it up"). A given instance must be the component's and be running.
     */
    private synchronized int setSelectedForRestore(CallArgs a, UUID instance) {
        Resolved r = resolve(a, RestorePhase.BEFORE_PRE_RESTORE);
        if (r.component() == null) {
            return r.hresult();
        }
        boolean explicitInstance = instance != null && !instance.equals(new UUID(0, 0));
        if (explicitInstance && identified().stream().noneMatch(s -> s.writer.metadata().instanceId().equals(instance)
                && s.writer.metadata().writerClassId().equals(r.component().writerId))) {
            return VssHresult.VSS_E_OBJECT_NOT_FOUND.code();
        }
        r.component().selectedForRestore = a.cppBool(5);
        r.component().restoreInstanceId = explicitInstance ? instance : null;
        return ok();
    }

    private synchronized int setRestoreOptions(CallArgs a) {
        Resolved r = resolve(a, RestorePhase.BEFORE_PRE_RESTORE);
        if (r.component() == null) {
            return r.hresult();
        }
        String options = a.wideString(5);
        if (options == null) {
            return invalidArg();
        }
        r.component().restoreOptions = options;
        return ok();
    }

    private synchronized int setAdditionalRestores(CallArgs a) {
        Resolved r = resolve(a, RestorePhase.BEFORE_PRE_RESTORE);
        if (r.component() == null) {
            return r.hresult();
        }
        r.component().additionalRestores = a.cppBool(5);
        return ok();
    }

    /**
     * IVssBackupComponentsEx2::SetAuthoritativeRestore(..., bool bAuth) (Microsoft docs): restore only; the writer
     * reads it at PreRestore ({@code IVssComponentEx::GetAuthoritativeRestore}), so before PreRestore.
     */
    private synchronized int setAuthoritativeRestore(CallArgs a) {
        Resolved r = resolve(a, RestorePhase.BEFORE_PRE_RESTORE);
        if (r.component() == null) {
            return r.hresult();
        }
        r.component().authoritativeRestore = a.cppBool(5);
        return ok();
    }

    /**
     * IVssBackupComponentsEx2::SetRollForward(..., VSS_ROLLFORWARD_TYPE rollType, wszRollForwardPoint) (Microsoft
     * docs): restore only, before PreRestore. VSS_RF_UNDEFINED "indicates an error on the part of the requester"
     * ("VSS_ROLLFORWARD_TYPE"), so it is E_INVALIDARG like a value outside the enumeration; a partial roll-forward
     * needs its restore point (E_INVALIDARG without one: chosen, docs/restore-session.md).
     */
    private synchronized int setRollForward(CallArgs a) {
        Resolved r = resolve(a, RestorePhase.BEFORE_PRE_RESTORE);
        if (r.component() == null) {
            return r.hresult();
        }
        RollForwardType type = RollForwardType.UNDEFINED;
        for (RollForwardType t : RollForwardType.values()) {
            if (t.value() == a.int32(5)) {
                type = t;
            }
        }
        String point = a.wideString(6);
        if (type == RollForwardType.UNDEFINED
                || type == RollForwardType.PARTIAL && (point == null || point.isEmpty())) {
            return invalidArg();
        }
        r.component().rollForwardType = type;
        r.component().rollForwardPoint = point;
        return ok();
    }

    /**
     * IVssBackupComponentsEx2::SetRestoreName(..., wszRestoreName) (Microsoft docs): restore only, before PreRestore; a
     * NULL or empty name is E_INVALIDARG (chosen: the page gives the new logical name as a string).
     */
    private synchronized int setRestoreName(CallArgs a) {
        Resolved r = resolve(a, RestorePhase.BEFORE_PRE_RESTORE);
        if (r.component() == null) {
            return r.hresult();
        }
        String name = a.wideString(5);
        if (name == null || name.isEmpty()) {
            return invalidArg();
        }
        r.component().restoreName = name;
        return ok();
    }

    /**
     * AddRestoreSubcomponent(..., wszSubComponentLogicalPath, wszSubComponentName, bool bRepair): the subcomponent
     * must be one the writer declares under the component (Microsoft docs, "Working with Selectability for Restore and
     * Subcomponents"); VSS_E_OBJECT_NOT_FOUND otherwise.
     */
    private synchronized int addRestoreSubcomponent(CallArgs a) {
        Resolved r = resolve(a, RestorePhase.BEFORE_PRE_RESTORE);
        if (r.component() == null) {
            return r.hresult();
        }
        String subPath = a.wideString(5);
        String subName = a.wideString(6);
        if (subName == null || subName.isEmpty()) {
            return invalidArg();
        }
        WriterComponent parent = declared(r.writer(), r.component());
        boolean isSub = parent != null && r.writer().metadata().subcomponentsOf(parent).stream()
                .anyMatch(c -> c.name().equals(subName) && c.logicalPath().equals(subPath == null ? "" : subPath));
        if (!isSub) {
            return VssHresult.VSS_E_OBJECT_NOT_FOUND.code();
        }
        r.component().restoreSubcomponents.add(
                new BackupDocument.RestoreSubcomponent(subPath == null ? "" : subPath, subName, a.cppBool(7)));
        return ok();
    }

    /** The writer's declaration of a document component, or null. */
    private static WriterComponent declared(WriterParticipant w, BackupDocument.Component c) {
        return w.metadata().components().stream().filter(d -> d.type() == c.type && d.name().equals(c.name)
                && d.logicalPath().equals(c.logicalPath)).findFirst().orElse(null);
    }

    /**
     * AddAlternativeLocationMapping / AddNewTarget(..., wszPath, wszFilespec, bool bRecursive, wszDestination): the
     * path, file specification and recursion flag must be one of the component's file sets (Microsoft docs of both);
     * before PreRestore (AddNewTarget docs).
     */
    private synchronized int addFileMapping(CallArgs a, boolean alternativeLocation) {
        Resolved r = resolve(a, RestorePhase.BEFORE_PRE_RESTORE);
        if (r.component() == null) {
            return r.hresult();
        }
        String path = a.wideString(5);
        String filespec = a.wideString(6);
        boolean recursive = a.cppBool(7);
        String destination = a.wideString(8);
        if (path == null || filespec == null || destination == null || destination.isEmpty()) {
            return invalidArg();
        }
        WriterComponent declared = declared(r.writer(), r.component());
        List<FileSpec> sets = declared == null ? List.of() : java.util.stream.Stream.of(declared.files(),
                declared.databaseFiles(), declared.logFiles()).flatMap(List::stream).toList();
        boolean known = sets.stream().anyMatch(f -> f.path().equalsIgnoreCase(path)
                && f.filespec().equalsIgnoreCase(filespec) && f.recursive() == recursive);
        if (!known) {
            return VssHresult.VSS_E_OBJECT_NOT_FOUND.code();
        }
        BackupDocument.FileMapping m = new BackupDocument.FileMapping(path, filespec, recursive, destination);
        (alternativeLocation ? r.component().alternativeLocationMappings : r.component().newTargets).add(m);
        return ok();
    }

    /** SetRangesFilePath(..., UINT iPartialFile, wszRangesFile): restore only (Microsoft docs). */
    private synchronized int setRangesFilePath(CallArgs a) {
        Resolved r = resolve(a, RestorePhase.BEFORE_POST_RESTORE);
        if (r.component() == null) {
            return r.hresult();
        }
        int index = a.int32(5);
        String rangesFile = a.wideString(6);
        if (index < 0 || rangesFile == null || rangesFile.isEmpty()) {
            return invalidArg();
        }
        r.component().rangesFiles.put(index, rangesFile);
        return ok();
    }

    /** SetFileRestoreStatus(..., VSS_FILE_RESTORE_STATUS): VSS_RS_NONE, _ALL or _FAILED, between PreRestore and PostRestore. */
    private synchronized int setFileRestoreStatus(CallArgs a) {
        Resolved r = resolve(a, RestorePhase.FILES_RESTORED);
        if (r.component() == null) {
            return r.hresult();
        }
        int status = a.int32(5);
        for (FileRestoreStatus s : FileRestoreStatus.values()) {
            if (s.value() == status && s != FileRestoreStatus.UNDEFINED) {
                r.component().fileRestoreStatus = s;
                return ok();
            }
        }
        return invalidArg();
    }

    /** Writers with a component selected for restore, whole or by subcomponent: the only ones sent restore events. */
    private List<WriterSession> restoreParticipants() {
        return identified().stream().filter(s -> document.components.stream().anyMatch(c -> c.writerId.equals(
                s.writer.metadata().writerClassId())
                && (c.restoreInstanceId == null || c.restoreInstanceId.equals(s.writer.metadata().instanceId()))
                && (c.selectedForRestore || !c.restoreSubcomponents.isEmpty()))).toList();
    }

    /** Sends a restore event to the participants; the first failure, or null. */
    private Integer broadcastRestore(WriterEvent event, List<WriterSession> to, AsyncOperation op)
            throws InterruptedException {
        Integer first = null;
        for (WriterSession s : to) {
            if (!s.receives(event)) {
                continue;
            }
            Integer failed = s.send(event, op);
            if (failed != null && first == null) {
                first = failed;
            }
        }
        return first;
    }

    /** PreRestore (Microsoft docs): after GatherWriterMetadata on a restore object, once. */
    private synchronized int preRestore(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalidArg();
        }
        if (!initialized || !restoring || !metadataReady() || restoreStarted() || busy()) {
            return badState();
        }
        List<WriterSession> to = restoreParticipants();
        int r = startAsync(a.pointer(1), IVssBackupComponents.PreRestore, op -> {
            Integer failed = broadcastRestore(WriterEvent.PRE_RESTORE, to, op);
            return failed != null ? failed : ok();
        }, true);
        preRestore = pending;
        return r;
    }

    /** PostRestore (Microsoft docs): after a successful PreRestore, once. */
    private synchronized int postRestore(CallArgs a) {
        if (a.pointer(1) == null) {
            return invalidArg();
        }
        if (!initialized || !restoring || preRestore == null || !preRestore.succeeded() || postRestore != null
                || busy()) {
            return badState();
        }
        List<WriterSession> to = restoreParticipants();
        int r = startAsync(a.pointer(1), IVssBackupComponents.PostRestore, op -> {
            Integer failed = broadcastRestore(WriterEvent.POST_RESTORE, to, op);
            return failed != null ? failed : ok();
        }, true);
        postRestore = pending;
        return r;
    }

    /**
     * The last reference is gone: non-persistent shadow copies of this requester vanish (Microsoft docs,
     * "IVssBackupComponents::DeleteSnapshots": they are released with the IVssBackupComponents instance), and the
     * hosted writers of a backup that was prepared receive OnBackupShutdown with its snapshot set id (GUID_NULL if none
     * was started).
     */
    @Override
    protected void onFinalRelease() {
        machine.endSnapshotSet(this);
        machine.releaseSetLock(this);
        machine.snapshotStore().releaseOwner(this);
        List<WriterSession> prepared;
        UUID setId;
        synchronized (this) {
            prepared = prepare != null && !restoring ? participants() : List.of();
            setId = snapshotSetId == null ? new UUID(0, 0) : snapshotSetId;
        }
        for (WriterSession s : prepared) {
            if (s.writer instanceof HostedWriter h) {
                h.backupShutdown(setId);
            }
        }
    }

    /** What the writers may ask about this requester's backup or restore ({@link WriterSessionContext}). */
    private final class Session implements WriterSessionContext {

        @Override
        public BackupType backupType() {
            synchronized (BackupComponentsObject.this) {
                return document.backupType;
            }
        }

        @Override
        public RestoreType restoreType() {
            synchronized (BackupComponentsObject.this) {
                return document.restoreType;
            }
        }

        @Override
        public int context() {
            synchronized (BackupComponentsObject.this) {
                return context;
            }
        }

        @Override
        public boolean componentsSelected() {
            synchronized (BackupComponentsObject.this) {
                return document.selectComponents;
            }
        }

        @Override
        public boolean bootableSystemState() {
            synchronized (BackupComponentsObject.this) {
                return document.bootableSystemState;
            }
        }

        @Override
        public boolean partialFileSupport() {
            synchronized (BackupComponentsObject.this) {
                return document.partialFileSupport;
            }
        }

        @Override
        public UUID snapshotSetId() {
            synchronized (BackupComponentsObject.this) {
                return snapshotSetId == null ? new UUID(0, 0) : snapshotSetId;
            }
        }

        @Override
        public UUID sessionId() {
            return sessionId;
        }

        @Override
        public List<Volume> volumes() {
            synchronized (BackupComponentsObject.this) {
                return List.copyOf(snapshotVolumes.values());
            }
        }

        /** The shadow copy's device object, as GetSnapshotProperties reports it. */
        @Override
        public String snapshotDeviceName(String volume) {
            // The same volume names as AddToSnapshotSet (docs/simulator-call-rules.md).
            Volume wanted = VolumeNameRule.volume(machine, volume);
            synchronized (BackupComponentsObject.this) {
                for (Map.Entry<UUID, Volume> e : snapshotVolumes.entrySet()) {
                    if (e.getValue().equals(wanted)) {
                        Snapshot s = machine.snapshotStore().find(e.getKey());
                        return s == null ? null : s.deviceObject();
                    }
                }
                return null;
            }
        }

        @Override
        public DocumentComponents.WriterPart componentsOf(UUID instanceId, WriterParticipant writer) {
            synchronized (BackupComponentsObject.this) {
                return DocumentComponents.partOf(document, instanceId, writer);
            }
        }
    }
}
