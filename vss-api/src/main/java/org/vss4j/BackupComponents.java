package org.vss4j;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeExport;
import org.vss4j.abi.struct.VssSnapshotProp;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.abi.vtable.IVssBackupComponentsEx;
import org.vss4j.abi.vtable.IVssBackupComponentsEx2;
import org.vss4j.abi.vtable.IVssBackupComponentsEx3;
import org.vss4j.abi.vtable.IVssBackupComponentsEx4;
import org.vss4j.com.Bstr;
import org.vss4j.com.CoTaskMemStrings;
import org.vss4j.com.ComApartment;
import org.vss4j.com.CppBool;
import org.vss4j.com.Exports;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;

/**
 * {@code IVssBackupComponents}: the requester's interface to VSS, one method per COM method.
 *
 * <p>One object serves <b>one</b> backup (Microsoft docs, "Overview of Backup Initialization"): create it, go through
 * the sequence, and close it. If a backup must end early after {@code PrepareForBackup}, call {@link #abortBackup()}
 * before closing. Closing releases the object; VSS then deletes the non-persistent shadow copies it created.
 *
 * <p>Parameter conventions ({@code vsbackup.h} declarations; Microsoft docs, "x64 calling convention"): {@code VSS_ID}
 * by value is passed as {@code Structure.ByValue}; C++ {@code bool} as one byte; {@code BOOL} and {@code LONG} as
 * 32-bit ints; strings as NUL-terminated UTF-16LE.
 */
public final class BackupComponents extends ComGetters {

    /** {@code GUID_NULL}: "any provider" for AddToSnapshotSet, IsVolumeSupported. */
    public static final UUID GUID_NULL = new UUID(0, 0);

    /** Shadow copy roots opened through {@link #mountSnapshot}; closed before this object is released. */
    private final List<SnapshotMount> mounts = new CopyOnWriteArrayList<>();

    private BackupComponents(Pointer p) {
        super(p, "IVssBackupComponents", 0);
    }

    /**
     * The root of shadow copy {@code snapshotId} as a {@link java.nio.file.Path} ordinary Java I/O can read (see
     * {@link SnapshotMount}). The mount is closed at the latest when this object is closed, which is when VSS releases
     * the non-persistent shadow copies: on Windows the temporary link to the device goes with them.
     */
    public SnapshotMount mountSnapshot(UUID snapshotId) {
        SnapshotMount mount = SnapshotMount.open(getSnapshotProperties(snapshotId));
        mounts.add(mount);
        return mount;
    }

    /** Closes the snapshot mounts opened here, then releases the IVssBackupComponents reference. */
    @Override
    public void close() {
        for (SnapshotMount m : mounts) {
            m.close();
        }
        mounts.clear();
        super.close();
    }

    /** {@code CreateVssBackupComponents}. Requires Administrator or Backup Operator rights on Windows. */
    public static BackupComponents create() {
        ComApartment.ensureMta();
        PointerByReference out = new PointerByReference();
        int hr = Exports.current().createVssBackupComponents(out);
        if (hr < 0) {
            throw new VssException(hr, NativeExport.CreateVssBackupComponentsInternal.name(), null);
        }
        return new BackupComponents(out.getValue());
    }


    private VssAsync async(ComMethod method) {
        PointerByReference out = new PointerByReference();
        check(method, out);
        return new VssAsync(out.getValue(), method);
    }

    /** {@code InitializeForBackup(bstrXML)}: empty document when {@code bcdXml} is null, else a stored BCD. */
    public void initializeForBackup(String bcdXml) {
        Pointer bstr = Bstr.alloc(bcdXml);
        try {
            check(IVssBackupComponents.InitializeForBackup, bstr);
        } finally {
            Bstr.free(bstr);
        }
    }

    /** {@code SetContext(lContext)}: a {@link SnapshotContext} value, possibly OR-ed with snapshot attributes. */
    public void setContext(int context) {
        check("context " + context, IVssBackupComponents.SetContext, context);
    }

    /** {@code SetContext} with a named context. */
    public void setContext(SnapshotContext context) {
        setContext(context.value());
    }

    /**
     * {@code SetBackupState(bSelectComponents, bBackupBootableSystemState, backupType, bPartialFileSupport)}.
     */
    public void setBackupState(boolean selectComponents, boolean bootableSystemState, BackupType type,
            boolean partialFileSupport) {
        check(IVssBackupComponents.SetBackupState, CppBool.of(selectComponents), CppBool.of(bootableSystemState), type.value(),
                CppBool.of(partialFileSupport));
    }

    /** {@code GatherWriterMetadata}: sends Identify to the writers. */
    public VssAsync gatherWriterMetadata() {
        return async(IVssBackupComponents.GatherWriterMetadata);
    }

    /** {@code GetWriterMetadataCount}: writers that answered Identify. */
    public int getWriterMetadataCount() {
        return getInt32(IVssBackupComponents.GetWriterMetadataCount);
    }

    /** {@code GetWriterMetadata(iWriter)}: the instance id and the metadata document (close it). */
    public WriterMetadataEntry getWriterMetadata(int index) {
        GUID instance = new GUID();
        PointerByReference metadata = new PointerByReference();
        check("writer index " + index, IVssBackupComponents.GetWriterMetadata, index, instance, metadata);
        return new WriterMetadataEntry(Guids.toUuid(instance), new ExamineWriterMetadata(metadata.getValue()));
    }

    /** {@code FreeWriterMetadata}: frees the metadata gathered by GatherWriterMetadata. */
    public void freeWriterMetadata() {
        check(IVssBackupComponents.FreeWriterMetadata);
    }

    /** {@code StartSnapshotSet}: the id of the new shadow copy set. */
    public UUID startSnapshotSet() {
        return getGuid(IVssBackupComponents.StartSnapshotSet);
    }

    /** {@code IsVolumeSupported(ProviderId, pwszVolumeName, &bSupported)}; provider {@link #GUID_NULL} = any. */
    public boolean isVolumeSupported(UUID providerId, String volumeName) {
        IntByReference supported = new IntByReference();
        Memory name = Utf16.toNative("IsVolumeSupported: pwszVolumeName", volumeName);
        check("volume " + volumeName, IVssBackupComponents.IsVolumeSupported, Guids.byValue(providerId), name,
                supported);
        return supported.getValue() != 0;
    }

    /** {@code AddToSnapshotSet(pwszVolumeName, ProviderId, &idSnapshot)}: the id of the volume's shadow copy. */
    public UUID addToSnapshotSet(String volumeName, UUID providerId) {
        GUID id = new GUID();
        Memory name = Utf16.toNative("AddToSnapshotSet: pwszVolumeName", volumeName);
        check("volume " + volumeName, IVssBackupComponents.AddToSnapshotSet, name, Guids.byValue(providerId), id);
        return Guids.toUuid(id);
    }

    /** {@code PrepareForBackup}: sends PrepareForBackup to the writers. */
    public VssAsync prepareForBackup() {
        return async(IVssBackupComponents.PrepareForBackup);
    }

    /** {@code DoSnapshotSet}: PrepareForSnapshot, Freeze, the shadow copies, Thaw, PostSnapshot. */
    public VssAsync doSnapshotSet() {
        return async(IVssBackupComponents.DoSnapshotSet);
    }

    /**
     * {@code GetSnapshotProperties(SnapshotId, &prop)}: copies the properties out and frees the native strings with
     * {@code VssFreeSnapshotProperties}.
     */
    public SnapshotProperties getSnapshotProperties(UUID snapshotId) {
        VssSnapshotProp prop = new VssSnapshotProp();
        check("snapshot " + snapshotId, IVssBackupComponents.GetSnapshotProperties, Guids.byValue(snapshotId), prop);
        return SnapshotProps.readAndFree(prop);
    }

    /**
     * {@code Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_SNAPSHOT, &enum)}, read to the end: the completed shadow
     * copies of the <b>current context</b> (Microsoft IVssBackupComponents::Query docs). With the default
     * {@link SnapshotContext#BACKUP} only backup-context shadow copies are listed; call
     * {@code setContext(SnapshotContext.ALL)} first to see every shadow copy on the machine. Needs
     * {@link #initializeForBackup} first. Empty when VSS answers {@code S_FALSE} (nothing matches), with an empty
     * enumerator or none.
     */
    public List<SnapshotProperties> querySnapshots() {
        return readAll(openSnapshotQuery());
    }

    /**
     * As {@link #querySnapshots()}, as an open enumerator (close it). Empty when Query answered {@code S_FALSE}
     * without an enumerator: the SDK's samples treat S_FALSE as "no shadow copies" and Microsoft does not document
     * whether {@code *ppEnum} is set then, so a NULL one is accepted rather than dereferenced.
     */
    public Optional<VssEnumObject<SnapshotProperties>> openSnapshotQuery() {
        return query(ObjectType.SNAPSHOT).map(p -> new VssEnumObject<>(p, ObjectPropElement::snapshot));
    }

    /** {@code Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_PROVIDER, &enum)}, read to the end: the registered providers. */
    public List<ProviderProperties> queryProviders() {
        return readAll(openProviderQuery());
    }

    /** As {@link #queryProviders()}, as an open enumerator (close it); empty as for {@link #openSnapshotQuery()}. */
    public Optional<VssEnumObject<ProviderProperties>> openProviderQuery() {
        return query(ObjectType.PROVIDER).map(p -> new VssEnumObject<>(p, ObjectPropElement::provider));
    }

    /** Every element of {@code query}, closing it; none when there is no enumerator. */
    private static <T> List<T> readAll(Optional<VssEnumObject<T>> query) {
        if (query.isEmpty()) {
            return List.of();
        }
        try (VssEnumObject<T> e = query.get()) {
            return e.readAll();
        }
    }

    /**
     * The {@code IVssEnumObject} of a query, if VSS returned one; {@code QueriedObjectId} must be GUID_NULL, the
     * queried type NONE. S_OK and S_FALSE (nothing matches) both succeed.
     */
    private Optional<Pointer> query(ObjectType returned) {
        PointerByReference out = new PointerByReference();
        check(returned.nativeName(), IVssBackupComponents.Query, Guids.byValue(GUID_NULL), ObjectType.NONE.value(),
                returned.value(), out);
        return Optional.ofNullable(out.getValue());
    }

    // ---- the Backup Components Document --------------------------------------------------------------------------

    /**
     * {@code AddComponent(instanceId, writerId, ct, wszLogicalPath, wszComponentName)}: selects a writer's component
     * for the backup (after GatherWriterMetadata, before PrepareForBackup). {@code logicalPath} may be null.
     */
    public void addComponent(UUID instanceId, UUID writerId, ComponentType type, String logicalPath,
            String componentName) {
        check(component(writerId, logicalPath, componentName), IVssBackupComponents.AddComponent,
                Guids.byValue(instanceId), Guids.byValue(writerId), type.value(), Utf16.toNative(logicalPath),
                Utf16.toNative(componentName));
    }

    /**
     * {@code SetBackupSucceeded(instanceId, writerId, ct, wszLogicalPath, wszComponentName, bSucceded)}: records
     * whether the component's data reached the backup media (after DoSnapshotSet, before BackupComplete).
     */
    public void setBackupSucceeded(UUID instanceId, UUID writerId, ComponentType type, String logicalPath,
            String componentName, boolean succeeded) {
        check(component(writerId, logicalPath, componentName), IVssBackupComponents.SetBackupSucceeded,
                Guids.byValue(instanceId), Guids.byValue(writerId), type.value(), Utf16.toNative(logicalPath),
                Utf16.toNative(componentName), CppBool.of(succeeded));
    }

    /**
     * {@code SetBackupOptions(writerId, ct, wszLogicalPath, wszComponentName, wszBackupOptions)}: a writer-specific
     * option string for an added component (before PrepareForBackup).
     */
    public void setBackupOptions(UUID writerId, ComponentType type, String logicalPath, String componentName,
            String options) {
        check(component(writerId, logicalPath, componentName), IVssBackupComponents.SetBackupOptions,
                Guids.byValue(writerId), type.value(), Utf16.toNative(logicalPath), Utf16.toNative(componentName),
                Utf16.toNative(options));
    }

    /**
     * {@code SetPreviousBackupStamp(writerId, ct, wszLogicalPath, wszComponentName, wszPreviousBackupStamp)}: the stamp
     * of the backup an incremental or differential backup builds on (before PrepareForBackup).
     */
    public void setPreviousBackupStamp(UUID writerId, ComponentType type, String logicalPath, String componentName,
            String stamp) {
        check(component(writerId, logicalPath, componentName), IVssBackupComponents.SetPreviousBackupStamp,
                Guids.byValue(writerId), type.value(), Utf16.toNative(logicalPath), Utf16.toNative(componentName),
                Utf16.toNative(stamp));
    }

    /** {@code SaveAsXML(&bstr)}: the Backup Components Document, to store with the backup; the BSTR is freed here. */
    public String saveAsXml() {
        return getBstr(IVssBackupComponents.SaveAsXML);
    }

    /**
     * {@code GetWriterComponentsCount(&cComponents)}: how many writers have components in the Backup Components
     * Document ({@link #getWriterComponents} indexes them).
     */
    public int getWriterComponentsCount() {
        return getInt32(IVssBackupComponents.GetWriterComponentsCount);
    }

    /**
     * {@code GetWriterComponents(iWriter, &pWriterComponents)}: one writer's components in the document, as an
     * {@code IVssWriterComponentsExt} (owned: close it; it is released through the IUnknown at +8, the second base of
     * that class in {@code vsbackup.h}).
     */
    public WriterComponents getWriterComponents(int index) {
        PointerByReference out = new PointerByReference();
        check("writer index " + index, IVssBackupComponents.GetWriterComponents, index, out);
        return new WriterComponents(out.getValue());
    }

    private static String component(UUID writerId, String logicalPath, String componentName) {
        return "writer " + writerId + ", component "
                + (logicalPath == null || logicalPath.isEmpty() ? "" : logicalPath + "\\") + componentName;
    }

    // ---- writer selection ---------------------------------------------------------------------------------------

    /**
     * {@code DisableWriterClasses(rgWriterClassId, cClassId)}: writers of these classes are left out of the backup.
     * Only effective before GatherWriterMetadata (Microsoft docs). An empty list sends nothing.
     */
    public void disableWriterClasses(List<UUID> writerClassIds) {
        sendIds(IVssBackupComponents.DisableWriterClasses, writerClassIds);
    }

    /**
     * {@code EnableWriterClasses(rgWriterClassId, cClassId)}: only writers of enabled classes take part once any class
     * is enabled. Only effective before GatherWriterMetadata. An empty list sends nothing.
     */
    public void enableWriterClasses(List<UUID> writerClassIds) {
        sendIds(IVssBackupComponents.EnableWriterClasses, writerClassIds);
    }

    /**
     * {@code DisableWriterInstances(rgWriterInstanceId, cInstanceId)}: these writer instances are left out. Only
     * effective before GatherWriterMetadata. An empty list sends nothing.
     */
    public void disableWriterInstances(List<UUID> writerInstanceIds) {
        sendIds(IVssBackupComponents.DisableWriterInstances, writerInstanceIds);
    }

    /** {@code const VSS_ID *rg, UINT c}: a contiguous array of 16-byte GUIDs in Windows memory order (guiddef.h). */
    private void sendIds(ComMethod method, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Memory array = new Memory(16L * ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Guids.write(array.share(16L * i), ids.get(i));
        }
        check(ids.size() + " id(s)", method, array, ids.size());
    }

    /** {@code GatherWriterStatus}: asks every writer for its status. */
    public VssAsync gatherWriterStatus() {
        return async(IVssBackupComponents.GatherWriterStatus);
    }

    /** {@code GetWriterStatusCount}. */
    public int getWriterStatusCount() {
        return getInt32(IVssBackupComponents.GetWriterStatusCount);
    }

    /** {@code GetWriterStatus(iWriter, ...)}; the writer-name BSTR is freed here, also when the call fails. */
    public WriterStatus getWriterStatus(int index) {
        WriterStatusOut out = new WriterStatusOut();
        int hr = invoke(IVssBackupComponents.GetWriterStatus, out.arguments(index));
        WriterStatus status = out.readAndFree();
        if (hr < 0) {
            throw new VssException(hr, IVssBackupComponents.GetWriterStatus.qualifiedName(), "writer index " + index);
        }
        return status;
    }

    /**
     * {@code IVssBackupComponentsEx3::GetWriterStatusEx(iWriter, ...)}: the status with the writer's application
     * HRESULT and message ({@code SetWriterFailureEx}). Both BSTRs are freed here, also when the call fails.
     */
    public WriterStatusEx getWriterStatusEx(int index) {
        WriterStatusOut out = new WriterStatusOut();
        IntByReference application = new IntByReference();
        PointerByReference message = new PointerByReference();
        int hr;
        try (QueriedInterface ex3 = extension(BackupComponentsExtension.EX3,
                IVssBackupComponentsEx3.GetWriterStatusEx)) {
            Object[] args = out.arguments(index);
            Object[] all = Arrays.copyOf(args, args.length + 2);
            all[args.length] = application;
            all[args.length + 1] = message;
            hr = ex3.callRaw(IVssBackupComponentsEx3.GetWriterStatusEx, all);
        }
        WriterStatus status = out.readAndFree();
        String applicationMessage = Bstr.readAndFree(message.getValue());
        if (hr < 0) {
            throw new VssException(hr, IVssBackupComponentsEx3.GetWriterStatusEx.qualifiedName(),
                    "writer index " + index);
        }
        return new WriterStatusEx(status, application.getValue(), applicationMessage);
    }

    /**
     * The out-parameters GetWriterStatus and GetWriterStatusEx share ({@code VSS_ID *pidInstance, VSS_ID *pidWriter,
     * BSTR *pbstrWriter, VSS_WRITER_STATE *pnStatus, HRESULT *phResultFailure}, vsbackup.h).
     */
    private static final class WriterStatusOut {
        private final GUID instance = new GUID();
        private final GUID writer = new GUID();
        private final PointerByReference name = new PointerByReference();
        private final IntByReference state = new IntByReference();
        private final IntByReference failure = new IntByReference();

        /** {@code iWriter} followed by the five out-parameters. */
        Object[] arguments(int index) {
            return new Object[] {index, instance, writer, name, state, failure};
        }

        /** The status read from the out-parameters; frees the writer-name BSTR (exactly once). */
        WriterStatus readAndFree() {
            String writerName = Bstr.readAndFree(name.getValue());
            return new WriterStatus(Guids.toUuid(instance), Guids.toUuid(writer), writerName,
                    WriterState.fromValue(state.getValue()), failure.getValue());
        }
    }

    /**
     * Every writer's status now: {@code GatherWriterStatus} waited for up to {@code timeout} (its handle released),
     * {@code GetWriterStatus} for each of {@code GetWriterStatusCount} writers, then {@code FreeWriterStatus}, also when
     * a read fails, so the gathered status is never left held.
     */
    public List<WriterStatus> writerStatuses(Duration timeout) {
        gatherWriterStatus().finish(timeout);
        try {
            int count = getWriterStatusCount();
            List<WriterStatus> all = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                all.add(getWriterStatus(i));
            }
            return List.copyOf(all);
        } finally {
            freeWriterStatus();
        }
    }

    /** {@code FreeWriterStatus}: frees the status gathered by GatherWriterStatus. */
    public void freeWriterStatus() {
        check(IVssBackupComponents.FreeWriterStatus);
    }

    /** {@code BackupComplete}: sends BackupComplete to the writers. */
    public VssAsync backupComplete() {
        return async(IVssBackupComponents.BackupComplete);
    }

    /** {@code AbortBackup}: ends the backup early; call it on any failure after PrepareForBackup. */
    public void abortBackup() {
        check(IVssBackupComponents.AbortBackup);
    }

    /**
     * {@code DeleteSnapshots(SourceObjectId, eSourceObjectType, bForceDelete, &lDeleted, &idNondeleted)} for a shadow
     * copy ({@link ObjectType#SNAPSHOT}) or a whole set ({@link ObjectType#SNAPSHOT_SET}).
     */
    public DeleteSnapshotsResult deleteSnapshots(UUID sourceId, ObjectType type, boolean forceDelete) {
        IntByReference deleted = new IntByReference();
        GUID nonDeleted = new GUID();
        int hr = invoke(IVssBackupComponents.DeleteSnapshots, Guids.byValue(sourceId), type.value(),
                forceDelete ? 1 : 0, deleted, nonDeleted);
        UUID failedId = Guids.toUuid(nonDeleted);
        if (hr < 0) {
            throw new VssException(hr, IVssBackupComponents.DeleteSnapshots.qualifiedName(),
                    type.nativeName() + " " + sourceId + ", deleted " + deleted.getValue()
                            + (GUID_NULL.equals(failedId) ? "" : ", could not delete " + failedId));
        }
        return new DeleteSnapshotsResult(deleted.getValue(), GUID_NULL.equals(failedId) ? null : failedId);
    }

    // ---- snapshot management ------------------------------------------------------------------------------------

    /**
     * {@code ExposeSnapshot(SnapshotId, wszPathFromRoot, lAttributes, wszExpose, &pwszExposed)}: makes a shadow copy
     * readable by other processes and returns the exposed name (Microsoft docs, "Exposing and Surfacing Shadow Copied
     * Volumes"). {@code exposure} is {@link SnapshotAttribute#EXPOSED_LOCALLY} (then {@code pathFromRoot} must be null
     * and {@code expose} a drive letter such as {@code "X:"} or an empty mounted folder; only persistent shadow copies)
     * or {@link SnapshotAttribute#EXPOSED_REMOTELY} ({@code expose} the share name, or null to let VSS choose;
     * {@code pathFromRoot} the shared part, or null for all). The CoTaskMem string VSS returns is freed here.
     */
    public String exposeSnapshot(UUID snapshotId, String pathFromRoot, SnapshotAttribute exposure, String expose) {
        PointerByReference exposed = new PointerByReference();
        int hr = invoke(IVssBackupComponents.ExposeSnapshot, Guids.byValue(snapshotId), Utf16.toNative(pathFromRoot),
                exposure.value(), Utf16.toNative(expose), exposed);
        // *pwszExposed is documented NULL on failure; freed (once) whatever the result, in case it is not.
        String name = CoTaskMemStrings.readAndFree(exposed.getValue());
        if (hr < 0) {
            throw new VssException(hr, IVssBackupComponents.ExposeSnapshot.qualifiedName(),
                    "snapshot " + snapshotId + ", " + exposure.nativeName() + " at " + expose);
        }
        return name;
    }

    /** {@link #exposeSnapshot} locally, at a drive letter ({@code "X:"}) or an empty mounted folder. */
    public String exposeSnapshotLocally(UUID snapshotId, String driveLetterOrMountedFolder) {
        return exposeSnapshot(snapshotId, null, SnapshotAttribute.EXPOSED_LOCALLY, driveLetterOrMountedFolder);
    }

    /**
     * {@code IVssBackupComponentsEx2::UnexposeSnapshot(snapshotId)}: removes the drive letter, mounted folder or share
     * of an exposed shadow copy; {@code VSS_E_OBJECT_NOT_FOUND} when it is not exposed.
     */
    public void unexposeSnapshot(UUID snapshotId) {
        try (QueriedInterface ex2 = extension(BackupComponentsExtension.EX2, IVssBackupComponentsEx2.UnexposeSnapshot)) {
            ex2.call("snapshot " + snapshotId, IVssBackupComponentsEx2.UnexposeSnapshot, Guids.byValue(snapshotId));
        }
    }

    /**
     * {@code BreakSnapshotSet(SnapshotSetId)}: VSS forgets the set; its shadow copies become ordinary volumes. Only for
     * shadow copies of a hardware provider ({@code VSS_E_PROVIDER_VETO} for the software provider's; Microsoft docs).
     */
    public void breakSnapshotSet(UUID snapshotSetId) {
        check("snapshot set " + snapshotSetId, IVssBackupComponents.BreakSnapshotSet, Guids.byValue(snapshotSetId));
    }

    /**
     * {@code ImportSnapshots(&pAsync)}: imports the transportable shadow copy set described by the document given to
     * {@link #initializeForBackup(String)} (hardware providers, Windows Server; Microsoft docs).
     */
    public VssAsync importSnapshots() {
        return async(IVssBackupComponents.ImportSnapshots);
    }

    /**
     * {@code RevertToSnapshot(SnapshotId, BOOL bForceDismount)}: reverts the volume to the shadow copy; only shadow
     * copies of persistent contexts ({@code VSS_E_UNSUPPORTED_CONTEXT} otherwise; Microsoft docs). The revert goes on
     * after the call returns: follow it with {@link #queryRevertStatus(String)}.
     */
    public void revertToSnapshot(UUID snapshotId, boolean forceDismount) {
        check("snapshot " + snapshotId, IVssBackupComponents.RevertToSnapshot, Guids.byValue(snapshotId),
                forceDismount ? 1 : 0);
    }

    /**
     * {@code QueryRevertStatus(pwszVolume, &pAsync)}: an operation that finishes when the volume's revert does;
     * {@code volume} as for AddToSnapshotSet (drive letter, mounted folder or volume GUID name, trailing backslash).
     */
    public VssAsync queryRevertStatus(String volume) {
        PointerByReference out = new PointerByReference();
        Memory name = Utf16.toNative("QueryRevertStatus: pwszVolume", volume);
        check("volume " + volume, IVssBackupComponents.QueryRevertStatus, name, out);
        return new VssAsync(out.getValue(), IVssBackupComponents.QueryRevertStatus);
    }

    /**
     * {@code IVssBackupComponentsEx4::GetRootAndLogicalPrefixPaths(pwszFilePath, &root, &prefix,
     * bNormalizeFQDNforRootPath)}: splits a local or UNC path into what to pass to AddToSnapshotSet and its volume
     * GUID name or share path. Both CoTaskMem strings are freed here.
     */
    public RootAndLogicalPrefixPaths getRootAndLogicalPrefixPaths(String filePath, boolean normalizeFqdnForRootPath) {
        ComMethod method = IVssBackupComponentsEx4.GetRootAndLogicalPrefixPaths;
        try (QueriedInterface ex4 = extension(BackupComponentsExtension.EX4, method)) {
            PointerByReference root = new PointerByReference();
            PointerByReference prefix = new PointerByReference();
            int hr = ex4.callRaw(method, Utf16.toNative(filePath), root, prefix, normalizeFqdnForRootPath ? 1 : 0);
            String rootPath = CoTaskMemStrings.readAndFree(root.getValue());
            String logicalPrefix = CoTaskMemStrings.readAndFree(prefix.getValue());
            if (hr < 0) {
                throw new VssException(hr, method.qualifiedName(), "path " + filePath);
            }
            return new RootAndLogicalPrefixPaths(rootPath, logicalPrefix);
        }
    }

    /** {@code IVssBackupComponentsEx3::GetSessionId(&idSession)}: the id of this backup or restore session. */
    public UUID getSessionId() {
        try (QueriedInterface ex3 = extension(BackupComponentsExtension.EX3, IVssBackupComponentsEx3.GetSessionId)) {
            GUID id = new GUID();
            ex3.call(null, IVssBackupComponentsEx3.GetSessionId, id);
            return Guids.toUuid(id);
        }
    }

    /**
     * {@code QueryInterface(IID_IVssBackupComponentsExN)} on this object, for a call of {@code method}; the caller
     * releases the pointer. Windows older than the extension answers {@code E_NOINTERFACE}, reported as the Windows
     * version {@code method} needs.
     */
    private QueriedInterface extension(BackupComponentsExtension extension, ComMethod method) {
        try {
            return queryInterface(IVssBackupComponents.QueryInterface, extension.iid(), extension.interfaceName());
        } catch (VssException e) {
            if (!e.is(VssHresult.E_NOINTERFACE)) {
                throw e;
            }
            throw new VssException(e.hresult(), method.qualifiedName(), extension.interfaceName()
                    + " is not available on this Windows; it needs " + extension.minimumWindows() + " or later", e);
        }
    }

    // ---- restore ------------------------------------------------------------------------------------------------

    /**
     * {@code InitializeForRestore(bstrXML)}: makes this object a restore requester, loaded with the Backup Components
     * Document {@link #saveAsXml()} returned at backup time. Then {@link #gatherWriterMetadata()}, the selection
     * ({@link #setSelectedForRestore}, {@link #addRestoreSubcomponent}, options, targets), {@link #preRestore()},
     * the file copies and {@link #setFileRestoreStatus}, {@link #postRestore()}.
     */
    public void initializeForRestore(String bcdXml) {
        Pointer bstr = Bstr.alloc(bcdXml);
        try {
            check(IVssBackupComponents.InitializeForRestore, bstr);
        } finally {
            Bstr.free(bstr);
        }
    }

    /** {@code SetRestoreState(restoreType)}: before PreRestore; the default is {@link RestoreType#UNDEFINED}. */
    public void setRestoreState(RestoreType type) {
        check(type.nativeName(), IVssBackupComponents.SetRestoreState, type.value());
    }

    /**
     * {@code SetSelectedForRestore(writerId, ct, wszLogicalPath, wszComponentName, bSelectedForRestore)}: for a
     * component added at backup time whose writer runs now ({@code VSS_E_OBJECT_NOT_FOUND} otherwise); before
     * PreRestore.
     */
    public void setSelectedForRestore(UUID writerId, ComponentType type, String logicalPath, String componentName,
            boolean selected) {
        check(component(writerId, logicalPath, componentName), IVssBackupComponents.SetSelectedForRestore,
                Guids.byValue(writerId), type.value(), Utf16.toNative(logicalPath), Utf16.toNative(componentName),
                CppBool.of(selected));
    }

    /**
     * {@code IVssBackupComponentsEx::SetSelectedForRestoreEx(..., bSelectedForRestore, instanceId)}: as
     * {@link #setSelectedForRestore}, for the writer instance {@code instanceId} ({@link #GUID_NULL}: the one that
     * backed it up).
     */
    public void setSelectedForRestoreEx(UUID writerId, ComponentType type, String logicalPath, String componentName,
            boolean selected, UUID instanceId) {
        ComMethod method = IVssBackupComponentsEx.SetSelectedForRestoreEx;
        try (QueriedInterface ex = extension(BackupComponentsExtension.EX, method)) {
            ex.call(component(writerId, logicalPath, componentName) + ", instance " + instanceId, method,
                    Guids.byValue(writerId), type.value(), Utf16.toNative(logicalPath),
                    Utf16.toNative(componentName), CppBool.of(selected), Guids.byValue(instanceId));
        }
    }

    /** {@code SetRestoreOptions(writerId, ct, wszLogicalPath, wszComponentName, wszRestoreOptions)}: before PreRestore. */
    public void setRestoreOptions(UUID writerId, ComponentType type, String logicalPath, String componentName,
            String options) {
        check(component(writerId, logicalPath, componentName), IVssBackupComponents.SetRestoreOptions,
                Guids.byValue(writerId), type.value(), Utf16.toNative(logicalPath), Utf16.toNative(componentName),
                Utf16.toNative(options));
    }

    /**
     * {@code SetAdditionalRestores(writerId, ct, wszLogicalPath, wszComponentName, bAdditionalRestores)}: whether more
     * (incremental or differential) restores of the component follow this one.
     */
    public void setAdditionalRestores(UUID writerId, ComponentType type, String logicalPath, String componentName,
            boolean additionalRestores) {
        check(component(writerId, logicalPath, componentName), IVssBackupComponents.SetAdditionalRestores,
                Guids.byValue(writerId), type.value(), Utf16.toNative(logicalPath), Utf16.toNative(componentName),
                CppBool.of(additionalRestores));
    }

    /**
     * {@code IVssBackupComponentsEx2::SetAuthoritativeRestore(writerId, ct, wszLogicalPath, wszComponentName, bAuth)}:
     * marks the restore of the component as authoritative for a replicated data store (default false). Restore only
     * ({@code VSS_E_BAD_STATE} otherwise; Microsoft docs), before PreRestore, in which the writer reads it
     * ({@code IVssComponentEx::GetAuthoritativeRestore}), for a writer whose backup schema has
     * {@link BackupSchema#AUTHORITATIVE_RESTORE}; {@code VSS_E_OBJECT_NOT_FOUND} for a component not in the document.
     */
    public void setAuthoritativeRestore(UUID writerId, ComponentType type, String logicalPath, String componentName,
            boolean authoritative) {
        ComMethod method = IVssBackupComponentsEx2.SetAuthoritativeRestore;
        try (QueriedInterface ex2 = extension(BackupComponentsExtension.EX2, method)) {
            ex2.call(component(writerId, logicalPath, componentName), method, Guids.byValue(writerId), type.value(),
                    Utf16.toNative(logicalPath), Utf16.toNative(componentName), CppBool.of(authoritative));
        }
    }

    /**
     * {@code IVssBackupComponentsEx2::SetRollForward(writerId, ct, wszLogicalPath, wszComponentName, rollType,
     * wszRollForwardPoint)}: how far the writer rolls forward through its logs; {@code point} is the writer-defined
     * restore point of a {@link RollForwardType#PARTIAL} roll-forward (a time stamp, a log sequence number...).
     * {@link RollForwardType#UNDEFINED} is a requester error ("VSS_ROLLFORWARD_TYPE"). Restore only
     * ({@code VSS_E_BAD_STATE} otherwise; Microsoft docs), before PreRestore ({@code IVssComponentEx::GetRollForward}),
     * for a writer whose backup schema has {@link BackupSchema#ROLLFORWARD_RESTORE}.
     */
    public void setRollForward(UUID writerId, ComponentType type, String logicalPath, String componentName,
            RollForwardType rollType, String point) {
        ComMethod method = IVssBackupComponentsEx2.SetRollForward;
        try (QueriedInterface ex2 = extension(BackupComponentsExtension.EX2, method)) {
            ex2.call(component(writerId, logicalPath, componentName) + ", " + rollType.nativeName(), method,
                    Guids.byValue(writerId), type.value(), Utf16.toNative(logicalPath),
                    Utf16.toNative(componentName), rollType.value(), Utf16.toNative(point));
        }
    }

    /**
     * {@code IVssBackupComponentsEx2::SetRestoreName(writerId, ct, wszLogicalPath, wszComponentName, wszRestoreName)}:
     * a new logical name for the component being restored. Restore only ({@code VSS_E_BAD_STATE} otherwise; Microsoft
     * docs), before PreRestore ({@code IVssComponentEx::GetRestoreName}), for a writer whose backup schema has
     * {@link BackupSchema#RESTORE_RENAME}.
     */
    public void setRestoreName(UUID writerId, ComponentType type, String logicalPath, String componentName,
            String restoreName) {
        ComMethod method = IVssBackupComponentsEx2.SetRestoreName;
        try (QueriedInterface ex2 = extension(BackupComponentsExtension.EX2, method)) {
            ex2.call(component(writerId, logicalPath, componentName) + ", restore name " + restoreName, method,
                    Guids.byValue(writerId), type.value(), Utf16.toNative(logicalPath),
                    Utf16.toNative(componentName), Utf16.toNative(restoreName));
        }
    }

    /**
     * {@code AddRestoreSubcomponent(writerId, ct, wszLogicalPath, wszComponentName, wszSubComponentLogicalPath,
     * wszSubComponentName, bRepair)}: restores only a subcomponent of the component set the component defines.
     */
    public void addRestoreSubcomponent(UUID writerId, ComponentType type, String logicalPath, String componentName,
            String subcomponentLogicalPath, String subcomponentName, boolean repair) {
        check(component(writerId, logicalPath, componentName) + ", subcomponent " + subcomponentName,
                IVssBackupComponents.AddRestoreSubcomponent, Guids.byValue(writerId), type.value(),
                Utf16.toNative(logicalPath), Utf16.toNative(componentName), Utf16.toNative(subcomponentLogicalPath),
                Utf16.toNative(subcomponentName), CppBool.of(repair));
    }

    /**
     * {@code AddAlternativeLocationMapping(writerId, ct, wszLogicalPath, wszComponentName, wszPath, wszFilespec,
     * bRecursive, wszDestination)}: the component's file set (path, filespec, recursive, exactly as the writer
     * declared it) was restored to {@code destination}.
     */
    public void addAlternativeLocationMapping(UUID writerId, ComponentType type, String logicalPath,
            String componentName, String path, String filespec, boolean recursive, String destination) {
        check(component(writerId, logicalPath, componentName) + ", files " + path + "\\" + filespec,
                IVssBackupComponents.AddAlternativeLocationMapping, Guids.byValue(writerId), type.value(),
                Utf16.toNative(logicalPath), Utf16.toNative(componentName), Utf16.toNative(path),
                Utf16.toNative(filespec), CppBool.of(recursive), Utf16.toNative(destination));
    }

    /**
     * {@code AddNewTarget(writerId, ct, wszLogicalPath, wszComponentName, wszPath, wszFileName, bRecursive,
     * wszAlternatePath)}: the component's file set will be restored to {@code alternatePath}; before PreRestore.
     */
    public void addNewTarget(UUID writerId, ComponentType type, String logicalPath, String componentName, String path,
            String fileName, boolean recursive, String alternatePath) {
        check(component(writerId, logicalPath, componentName) + ", files " + path + "\\" + fileName,
                IVssBackupComponents.AddNewTarget, Guids.byValue(writerId), type.value(), Utf16.toNative(logicalPath),
                Utf16.toNative(componentName), Utf16.toNative(path), Utf16.toNative(fileName), CppBool.of(recursive),
                Utf16.toNative(alternatePath));
    }

    /**
     * {@code SetRangesFilePath(writerId, ct, wszLogicalPath, wszComponentName, iPartialFile, wszRangesFile)}: where the
     * ranges file of partial file {@code partialFileIndex} was restored (restore only).
     */
    public void setRangesFilePath(UUID writerId, ComponentType type, String logicalPath, String componentName,
            int partialFileIndex, String rangesFile) {
        check(component(writerId, logicalPath, componentName) + ", partial file " + partialFileIndex,
                IVssBackupComponents.SetRangesFilePath, Guids.byValue(writerId), type.value(),
                Utf16.toNative(logicalPath), Utf16.toNative(componentName), partialFileIndex,
                Utf16.toNative(rangesFile));
    }

    /**
     * {@code SetFileRestoreStatus(writerId, ct, wszLogicalPath, wszComponentName, status)}: how many of the component's
     * files were restored ({@link FileRestoreStatus#ALL}, {@code NONE} or {@code FAILED}); between PreRestore and
     * PostRestore.
     */
    public void setFileRestoreStatus(UUID writerId, ComponentType type, String logicalPath, String componentName,
            FileRestoreStatus status) {
        check(component(writerId, logicalPath, componentName) + ", " + status.nativeName(),
                IVssBackupComponents.SetFileRestoreStatus, Guids.byValue(writerId), type.value(),
                Utf16.toNative(logicalPath), Utf16.toNative(componentName), status.value());
    }

    /** {@code PreRestore(&pAsync)}: sends PreRestore to the writers of the selected components. */
    public VssAsync preRestore() {
        return async(IVssBackupComponents.PreRestore);
    }

    /** {@code PostRestore(&pAsync)}: sends PostRestore to the writers of the selected components, after the copies. */
    public VssAsync postRestore() {
        return async(IVssBackupComponents.PostRestore);
    }
}
