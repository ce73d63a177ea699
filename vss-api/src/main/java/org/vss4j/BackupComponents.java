package org.vss4j;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;
import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.struct.VssSnapshotProp;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.com.Bstr;
import org.vss4j.com.ComApartment;
import org.vss4j.com.ComObject;
import org.vss4j.com.Exports;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;

/**
 * {@code IVssBackupComponents}: the requester's interface to VSS, one method per COM method.
 *
 * <p>One object serves <b>one</b> backup (seeds, "Overview of Backup Initialization"): create it, go through the
 * sequence, and close it. If a backup must end early after {@code PrepareForBackup}, call {@link #abortBackup()} before
 * closing. Closing releases the object; VSS then deletes the non-persistent shadow copies it created.
 *
 * <p>Parameter conventions (reference section 1 and 7): {@code VSS_ID} by value is passed as
 * {@code Structure.ByValue}; C++ {@code bool} as one byte; {@code BOOL} and {@code LONG} as 32-bit ints; strings as
 * NUL-terminated UTF-16LE.
 */
public final class BackupComponents extends ComObject {

    /** {@code GUID_NULL}: "any provider" for AddToSnapshotSet, IsVolumeSupported. */
    public static final UUID GUID_NULL = new UUID(0, 0);

    private BackupComponents(Pointer p) {
        super(p, "IVssBackupComponents", 0);
    }

    /** {@code CreateVssBackupComponents}. Requires Administrator or Backup Operator rights on Windows. */
    public static BackupComponents create() {
        ComApartment.ensureMta();
        PointerByReference out = new PointerByReference();
        int hr = Exports.current().createVssBackupComponents(out);
        if (hr < 0) {
            throw new VssException(hr, Exports.CREATE_VSS_BACKUP_COMPONENTS, null);
        }
        return new BackupComponents(out.getValue());
    }

    private static byte bool(boolean b) {
        return (byte) (b ? 1 : 0);
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
        check(IVssBackupComponents.SetBackupState, bool(selectComponents), bool(bootableSystemState), type.value(),
                bool(partialFileSupport));
    }

    /** {@code GatherWriterMetadata}: sends Identify to the writers. */
    public VssAsync gatherWriterMetadata() {
        return async(IVssBackupComponents.GatherWriterMetadata);
    }

    /** {@code GetWriterMetadataCount}: writers that answered Identify. */
    public int getWriterMetadataCount() {
        IntByReference count = new IntByReference();
        check(IVssBackupComponents.GetWriterMetadataCount, count);
        return count.getValue();
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
        GUID id = new GUID();
        check(IVssBackupComponents.StartSnapshotSet, id);
        return Guids.toUuid(id);
    }

    /** {@code IsVolumeSupported(ProviderId, pwszVolumeName, &bSupported)}; provider {@link #GUID_NULL} = any. */
    public boolean isVolumeSupported(UUID providerId, String volumeName) {
        IntByReference supported = new IntByReference();
        Memory name = Utf16.toNative(volumeName);
        check("volume " + volumeName, IVssBackupComponents.IsVolumeSupported, Guids.byValue(providerId), name,
                supported);
        return supported.getValue() != 0;
    }

    /** {@code AddToSnapshotSet(pwszVolumeName, ProviderId, &idSnapshot)}: the id of the volume's shadow copy. */
    public UUID addToSnapshotSet(String volumeName, UUID providerId) {
        GUID id = new GUID();
        check("volume " + volumeName, IVssBackupComponents.AddToSnapshotSet, Utf16.toNative(volumeName),
                Guids.byValue(providerId), id);
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
     * {@link #initializeForBackup} first.
     */
    public List<SnapshotProperties> querySnapshots() {
        try (VssEnumObject<SnapshotProperties> e = openSnapshotQuery()) {
            return e.readAll();
        }
    }

    /** As {@link #querySnapshots()}, as an open enumerator (close it). */
    public VssEnumObject<SnapshotProperties> openSnapshotQuery() {
        return new VssEnumObject<>(query(ObjectType.SNAPSHOT), ObjectPropElement::snapshot);
    }

    /** {@code Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_PROVIDER, &enum)}, read to the end: the registered providers. */
    public List<ProviderProperties> queryProviders() {
        try (VssEnumObject<ProviderProperties> e = openProviderQuery()) {
            return e.readAll();
        }
    }

    /** As {@link #queryProviders()}, as an open enumerator (close it). */
    public VssEnumObject<ProviderProperties> openProviderQuery() {
        return new VssEnumObject<>(query(ObjectType.PROVIDER), ObjectPropElement::provider);
    }

    /** The {@code IVssEnumObject} of a query; {@code QueriedObjectId} must be GUID_NULL, the queried type NONE. */
    private Pointer query(ObjectType returned) {
        PointerByReference out = new PointerByReference();
        check(returned.nativeName(), IVssBackupComponents.Query, Guids.byValue(GUID_NULL), ObjectType.NONE.value(),
                returned.value(), out);
        return out.getValue();
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
                Utf16.toNative(componentName), bool(succeeded));
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
        PointerByReference xml = new PointerByReference();
        check(IVssBackupComponents.SaveAsXML, xml);
        return Bstr.readAndFree(xml.getValue());
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

    /** {@code const VSS_ID *rg, UINT c}: a contiguous array of 16-byte GUIDs in Windows memory order (section 4.1). */
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
        IntByReference count = new IntByReference();
        check(IVssBackupComponents.GetWriterStatusCount, count);
        return count.getValue();
    }

    /** {@code GetWriterStatus(iWriter, ...)}; the writer-name BSTR is freed here. */
    public WriterStatus getWriterStatus(int index) {
        GUID instance = new GUID();
        GUID writer = new GUID();
        PointerByReference name = new PointerByReference();
        IntByReference state = new IntByReference();
        IntByReference failure = new IntByReference();
        check("writer index " + index, IVssBackupComponents.GetWriterStatus, index, instance, writer, name, state,
                failure);
        String writerName = Bstr.readAndFree(name.getValue());
        return new WriterStatus(Guids.toUuid(instance), Guids.toUuid(writer), writerName,
                WriterState.fromValue(state.getValue()), failure.getValue());
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
}
