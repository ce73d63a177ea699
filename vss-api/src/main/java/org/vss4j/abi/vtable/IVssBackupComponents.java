package org.vss4j.abi.vtable;

import java.util.UUID;
import static org.vss4j.abi.NativeKind.*;

import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of the COM interface {@code IVssBackupComponents} (IID: {@link #IID}); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vsbackup.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: IUnknown.
 */
public enum IVssBackupComponents implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IUnknown: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface(IUnknown.QueryInterface),
    /** Slot 1 (x64 vtable offset 0x008), declared in IUnknown: ULONG AddRef(none). */
    AddRef(IUnknown.AddRef),
    /** Slot 2 (x64 vtable offset 0x010), declared in IUnknown: ULONG Release(none). */
    Release(IUnknown.Release),
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssBackupComponents: HRESULT GetWriterComponentsCount(UINT *pcComponents). */
    GetWriterComponentsCount(INT32, POINTER),
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssBackupComponents: HRESULT GetWriterComponents(UINT iWriter, IVssWriterComponentsExt **ppWriter). */
    GetWriterComponents(INT32, INT32, POINTER),
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssBackupComponents: HRESULT InitializeForBackup(BSTR bstrXML = NULL). */
    InitializeForBackup(INT32, POINTER),
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssBackupComponents: HRESULT SetBackupState(bool bSelectComponents, bool bBackupBootableSystemState, VSS_BACKUP_TYPE backupType, bool bPartialFileSupport = false). */
    SetBackupState(INT32, BOOL8, BOOL8, INT32, BOOL8),
    /** Slot 7 (x64 vtable offset 0x038), declared in IVssBackupComponents: HRESULT InitializeForRestore(BSTR bstrXML). */
    InitializeForRestore(INT32, POINTER),
    /** Slot 8 (x64 vtable offset 0x040), declared in IVssBackupComponents: HRESULT SetRestoreState(VSS_RESTORE_TYPE restoreType). */
    SetRestoreState(INT32, INT32),
    /** Slot 9 (x64 vtable offset 0x048), declared in IVssBackupComponents: HRESULT GatherWriterMetadata(IVssAsync **pAsync). */
    GatherWriterMetadata(INT32, POINTER),
    /** Slot 10 (x64 vtable offset 0x050), declared in IVssBackupComponents: HRESULT GetWriterMetadataCount(UINT *pcWriters). */
    GetWriterMetadataCount(INT32, POINTER),
    /** Slot 11 (x64 vtable offset 0x058), declared in IVssBackupComponents: HRESULT GetWriterMetadata(UINT iWriter, VSS_ID *pidInstance, IVssExamineWriterMetadata **ppMetadata). */
    GetWriterMetadata(INT32, INT32, POINTER, POINTER),
    /** Slot 12 (x64 vtable offset 0x060), declared in IVssBackupComponents: HRESULT FreeWriterMetadata(none). */
    FreeWriterMetadata(INT32),
    /** Slot 13 (x64 vtable offset 0x068), declared in IVssBackupComponents: HRESULT AddComponent(VSS_ID instanceId, VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName). */
    AddComponent(INT32, GUID, GUID, INT32, POINTER, POINTER),
    /** Slot 14 (x64 vtable offset 0x070), declared in IVssBackupComponents: HRESULT PrepareForBackup(IVssAsync **ppAsync). */
    PrepareForBackup(INT32, POINTER),
    /** Slot 15 (x64 vtable offset 0x078), declared in IVssBackupComponents: HRESULT AbortBackup(none). */
    AbortBackup(INT32),
    /** Slot 16 (x64 vtable offset 0x080), declared in IVssBackupComponents: HRESULT GatherWriterStatus(IVssAsync **pAsync). */
    GatherWriterStatus(INT32, POINTER),
    /** Slot 17 (x64 vtable offset 0x088), declared in IVssBackupComponents: HRESULT GetWriterStatusCount(UINT *pcWriters). */
    GetWriterStatusCount(INT32, POINTER),
    /** Slot 18 (x64 vtable offset 0x090), declared in IVssBackupComponents: HRESULT FreeWriterStatus(none). */
    FreeWriterStatus(INT32),
    /** Slot 19 (x64 vtable offset 0x098), declared in IVssBackupComponents: HRESULT GetWriterStatus(UINT iWriter, VSS_ID *pidInstance, VSS_ID *pidWriter, BSTR *pbstrWriter, VSS_WRITER_STATE *pnStatus, HRESULT *phResultFailure). */
    GetWriterStatus(INT32, INT32, POINTER, POINTER, POINTER, POINTER, POINTER),
    /** Slot 20 (x64 vtable offset 0x0A0), declared in IVssBackupComponents: HRESULT SetBackupSucceeded(VSS_ID instanceId, VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, bool bSucceded). */
    SetBackupSucceeded(INT32, GUID, GUID, INT32, POINTER, POINTER, BOOL8),
    /** Slot 21 (x64 vtable offset 0x0A8), declared in IVssBackupComponents: HRESULT SetBackupOptions(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszBackupOptions). */
    SetBackupOptions(INT32, GUID, INT32, POINTER, POINTER, POINTER),
    /** Slot 22 (x64 vtable offset 0x0B0), declared in IVssBackupComponents: HRESULT SetSelectedForRestore(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, bool bSelectedForRestore). */
    SetSelectedForRestore(INT32, GUID, INT32, POINTER, POINTER, BOOL8),
    /** Slot 23 (x64 vtable offset 0x0B8), declared in IVssBackupComponents: HRESULT SetRestoreOptions(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszRestoreOptions). */
    SetRestoreOptions(INT32, GUID, INT32, POINTER, POINTER, POINTER),
    /** Slot 24 (x64 vtable offset 0x0C0), declared in IVssBackupComponents: HRESULT SetAdditionalRestores(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, bool bAdditionalRestores). */
    SetAdditionalRestores(INT32, GUID, INT32, POINTER, POINTER, BOOL8),
    /** Slot 25 (x64 vtable offset 0x0C8), declared in IVssBackupComponents: HRESULT SetPreviousBackupStamp(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszPreviousBackupStamp). */
    SetPreviousBackupStamp(INT32, GUID, INT32, POINTER, POINTER, POINTER),
    /** Slot 26 (x64 vtable offset 0x0D0), declared in IVssBackupComponents: HRESULT SaveAsXML(BSTR *pbstrXML). */
    SaveAsXML(INT32, POINTER),
    /** Slot 27 (x64 vtable offset 0x0D8), declared in IVssBackupComponents: HRESULT BackupComplete(IVssAsync **ppAsync). */
    BackupComplete(INT32, POINTER),
    /** Slot 28 (x64 vtable offset 0x0E0), declared in IVssBackupComponents: HRESULT AddAlternativeLocationMapping(VSS_ID writerId, VSS_COMPONENT_TYPE componentType, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszDestination). */
    AddAlternativeLocationMapping(INT32, GUID, INT32, POINTER, POINTER, POINTER, POINTER, BOOL8, POINTER),
    /** Slot 29 (x64 vtable offset 0x0E8), declared in IVssBackupComponents: HRESULT AddRestoreSubcomponent(VSS_ID writerId, VSS_COMPONENT_TYPE componentType, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszSubComponentLogicalPath, LPCWSTR wszSubComponentName, bool bRepair). */
    AddRestoreSubcomponent(INT32, GUID, INT32, POINTER, POINTER, POINTER, POINTER, BOOL8),
    /** Slot 30 (x64 vtable offset 0x0F0), declared in IVssBackupComponents: HRESULT SetFileRestoreStatus(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, VSS_FILE_RESTORE_STATUS status). */
    SetFileRestoreStatus(INT32, GUID, INT32, POINTER, POINTER, INT32),
    /** Slot 31 (x64 vtable offset 0x0F8), declared in IVssBackupComponents: HRESULT AddNewTarget(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszPath, LPCWSTR wszFileName, bool bRecursive, LPCWSTR wszAlternatePath). */
    AddNewTarget(INT32, GUID, INT32, POINTER, POINTER, POINTER, POINTER, BOOL8, POINTER),
    /** Slot 32 (x64 vtable offset 0x100), declared in IVssBackupComponents: HRESULT SetRangesFilePath(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, UINT iPartialFile, LPCWSTR wszRangesFile). */
    SetRangesFilePath(INT32, GUID, INT32, POINTER, POINTER, INT32, POINTER),
    /** Slot 33 (x64 vtable offset 0x108), declared in IVssBackupComponents: HRESULT PreRestore(IVssAsync **ppAsync). */
    PreRestore(INT32, POINTER),
    /** Slot 34 (x64 vtable offset 0x110), declared in IVssBackupComponents: HRESULT PostRestore(IVssAsync **ppAsync). */
    PostRestore(INT32, POINTER),
    /** Slot 35 (x64 vtable offset 0x118), declared in IVssBackupComponents: HRESULT SetContext(LONG lContext). */
    SetContext(INT32, INT32),
    /** Slot 36 (x64 vtable offset 0x120), declared in IVssBackupComponents: HRESULT StartSnapshotSet(VSS_ID *pSnapshotSetId). */
    StartSnapshotSet(INT32, POINTER),
    /** Slot 37 (x64 vtable offset 0x128), declared in IVssBackupComponents: HRESULT AddToSnapshotSet(VSS_PWSZ pwszVolumeName, VSS_ID ProviderId, VSS_ID *pidSnapshot). */
    AddToSnapshotSet(INT32, POINTER, GUID, POINTER),
    /** Slot 38 (x64 vtable offset 0x130), declared in IVssBackupComponents: HRESULT DoSnapshotSet(IVssAsync **ppAsync). */
    DoSnapshotSet(INT32, POINTER),
    /** Slot 39 (x64 vtable offset 0x138), declared in IVssBackupComponents: HRESULT DeleteSnapshots(VSS_ID SourceObjectId, VSS_OBJECT_TYPE eSourceObjectType, BOOL bForceDelete, LONG *plDeletedSnapshots, VSS_ID *pNondeletedSnapshotID). */
    DeleteSnapshots(INT32, GUID, INT32, INT32, POINTER, POINTER),
    /** Slot 40 (x64 vtable offset 0x140), declared in IVssBackupComponents: HRESULT ImportSnapshots(IVssAsync **ppAsync). */
    ImportSnapshots(INT32, POINTER),
    /** Slot 41 (x64 vtable offset 0x148), declared in IVssBackupComponents: HRESULT BreakSnapshotSet(VSS_ID SnapshotSetId). */
    BreakSnapshotSet(INT32, GUID),
    /** Slot 42 (x64 vtable offset 0x150), declared in IVssBackupComponents: HRESULT GetSnapshotProperties(VSS_ID SnapshotId, VSS_SNAPSHOT_PROP *pProp). */
    GetSnapshotProperties(INT32, GUID, POINTER),
    /** Slot 43 (x64 vtable offset 0x158), declared in IVssBackupComponents: HRESULT Query(VSS_ID QueriedObjectId, VSS_OBJECT_TYPE eQueriedObjectType, VSS_OBJECT_TYPE eReturnedObjectsType, IVssEnumObject **ppEnum). */
    Query(INT32, GUID, INT32, INT32, POINTER),
    /** Slot 44 (x64 vtable offset 0x160), declared in IVssBackupComponents: HRESULT IsVolumeSupported(VSS_ID ProviderId, VSS_PWSZ pwszVolumeName, BOOL *pbSupportedByThisProvider). */
    IsVolumeSupported(INT32, GUID, POINTER, POINTER),
    /** Slot 45 (x64 vtable offset 0x168), declared in IVssBackupComponents: HRESULT DisableWriterClasses(const VSS_ID *rgWriterClassId, UINT cClassId). */
    DisableWriterClasses(INT32, POINTER, INT32),
    /** Slot 46 (x64 vtable offset 0x170), declared in IVssBackupComponents: HRESULT EnableWriterClasses(const VSS_ID *rgWriterClassId, UINT cClassId). */
    EnableWriterClasses(INT32, POINTER, INT32),
    /** Slot 47 (x64 vtable offset 0x178), declared in IVssBackupComponents: HRESULT DisableWriterInstances(const VSS_ID *rgWriterInstanceId, UINT cInstanceId). */
    DisableWriterInstances(INT32, POINTER, INT32),
    /** Slot 48 (x64 vtable offset 0x180), declared in IVssBackupComponents: HRESULT ExposeSnapshot(VSS_ID SnapshotId, VSS_PWSZ wszPathFromRoot, LONG lAttributes, VSS_PWSZ wszExpose, VSS_PWSZ *pwszExposed). */
    ExposeSnapshot(INT32, GUID, POINTER, INT32, POINTER, POINTER),
    /** Slot 49 (x64 vtable offset 0x188), declared in IVssBackupComponents: HRESULT RevertToSnapshot(VSS_ID SnapshotId, BOOL bForceDismount). */
    RevertToSnapshot(INT32, GUID, INT32),
    /** Slot 50 (x64 vtable offset 0x190), declared in IVssBackupComponents: HRESULT QueryRevertStatus(VSS_PWSZ pwszVolume, IVssAsync **ppAsync). */
    QueryRevertStatus(INT32, POINTER, POINTER);

    private final NativeSignature signature;

    IVssBackupComponents(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    /** A method inherited from {@code inherited}'s interface: its signature is declared there, once. */
    IVssBackupComponents(ComMethod inherited) {
        this.signature = inherited.signature();
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    /**
     * {@code IID_IVssBackupComponents} (vsbackup.h): the one source of this interface's id, for
     * {@code QueryInterface} callers and implementations.
     */
    public static final UUID IID = UUID.fromString("665c1d5f-c218-414d-a05d-7fef5f9d5c86");
}
