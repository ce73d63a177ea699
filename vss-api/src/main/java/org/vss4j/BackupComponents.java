package org.vss4j;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Guid.GUID;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.struct.VssSnapshotProp;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.com.Bstr;
import org.vss4j.com.ComApartment;
import org.vss4j.com.ComObject;
import org.vss4j.com.Exports;
import org.vss4j.com.FileTimes;
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
        return readAndFree(prop);
    }

    /** Copies a filled {@code VSS_SNAPSHOT_PROP} into a record and frees its strings (exactly once). */
    static SnapshotProperties readAndFree(VssSnapshotProp prop) {
        prop.read();
        try {
            return new SnapshotProperties(Guids.toUuid(prop.m_SnapshotId), Guids.toUuid(prop.m_SnapshotSetId),
                    prop.m_lSnapshotsCount, Utf16.read(prop.m_pwszSnapshotDeviceObject),
                    Utf16.read(prop.m_pwszOriginalVolumeName), Utf16.read(prop.m_pwszOriginatingMachine),
                    Utf16.read(prop.m_pwszServiceMachine), Utf16.read(prop.m_pwszExposedName),
                    Utf16.read(prop.m_pwszExposedPath), Guids.toUuid(prop.m_ProviderId), prop.m_lSnapshotAttributes,
                    FileTimes.toInstant(prop.m_tsCreationTimestamp), SnapshotState.fromValue(prop.m_eStatus));
        } finally {
            Exports.current().vssFreeSnapshotProperties(prop.getPointer());
        }
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
