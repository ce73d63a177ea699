package org.vss4j.abi.vtable;

import static org.vss4j.abi.NativeKind.*;

import java.util.UUID;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;

/**
 * Vtable of the COM interface {@code IVssBackupComponentsEx3} (IID: {@link #IID}); one constant per method, ordinal = slot.
 *
 * <p>Source: the Windows SDK declaration in {@code vsbackup.h}; slot order checked against the mingw-w64 headers by
 * {@code AbiConformanceTest}. Base: IVssBackupComponentsEx2.
 */
public enum IVssBackupComponentsEx3 implements ComMethod {
    /** Slot 0 (x64 vtable offset 0x000), declared in IUnknown: HRESULT QueryInterface(REFIID riid, void **ppvObject). */
    QueryInterface(IUnknown.QueryInterface),
    /** Slot 1 (x64 vtable offset 0x008), declared in IUnknown: ULONG AddRef(none). */
    AddRef(IUnknown.AddRef),
    /** Slot 2 (x64 vtable offset 0x010), declared in IUnknown: ULONG Release(none). */
    Release(IUnknown.Release),
    /** Slot 3 (x64 vtable offset 0x018), declared in IVssBackupComponents: HRESULT GetWriterComponentsCount(UINT *pcComponents). */
    GetWriterComponentsCount(IVssBackupComponents.GetWriterComponentsCount),
    /** Slot 4 (x64 vtable offset 0x020), declared in IVssBackupComponents: HRESULT GetWriterComponents(UINT iWriter, IVssWriterComponentsExt **ppWriter). */
    GetWriterComponents(IVssBackupComponents.GetWriterComponents),
    /** Slot 5 (x64 vtable offset 0x028), declared in IVssBackupComponents: HRESULT InitializeForBackup(BSTR bstrXML = NULL). */
    InitializeForBackup(IVssBackupComponents.InitializeForBackup),
    /** Slot 6 (x64 vtable offset 0x030), declared in IVssBackupComponents: HRESULT SetBackupState(bool bSelectComponents, bool bBackupBootableSystemState, VSS_BACKUP_TYPE backupType, bool bPartialFileSupport = false). */
    SetBackupState(IVssBackupComponents.SetBackupState),
    /** Slot 7 (x64 vtable offset 0x038), declared in IVssBackupComponents: HRESULT InitializeForRestore(BSTR bstrXML). */
    InitializeForRestore(IVssBackupComponents.InitializeForRestore),
    /** Slot 8 (x64 vtable offset 0x040), declared in IVssBackupComponents: HRESULT SetRestoreState(VSS_RESTORE_TYPE restoreType). */
    SetRestoreState(IVssBackupComponents.SetRestoreState),
    /** Slot 9 (x64 vtable offset 0x048), declared in IVssBackupComponents: HRESULT GatherWriterMetadata(IVssAsync **pAsync). */
    GatherWriterMetadata(IVssBackupComponents.GatherWriterMetadata),
    /** Slot 10 (x64 vtable offset 0x050), declared in IVssBackupComponents: HRESULT GetWriterMetadataCount(UINT *pcWriters). */
    GetWriterMetadataCount(IVssBackupComponents.GetWriterMetadataCount),
    /** Slot 11 (x64 vtable offset 0x058), declared in IVssBackupComponents: HRESULT GetWriterMetadata(UINT iWriter, VSS_ID *pidInstance, IVssExamineWriterMetadata **ppMetadata). */
    GetWriterMetadata(IVssBackupComponents.GetWriterMetadata),
    /** Slot 12 (x64 vtable offset 0x060), declared in IVssBackupComponents: HRESULT FreeWriterMetadata(none). */
    FreeWriterMetadata(IVssBackupComponents.FreeWriterMetadata),
    /** Slot 13 (x64 vtable offset 0x068), declared in IVssBackupComponents: HRESULT AddComponent(VSS_ID instanceId, VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName). */
    AddComponent(IVssBackupComponents.AddComponent),
    /** Slot 14 (x64 vtable offset 0x070), declared in IVssBackupComponents: HRESULT PrepareForBackup(IVssAsync **ppAsync). */
    PrepareForBackup(IVssBackupComponents.PrepareForBackup),
    /** Slot 15 (x64 vtable offset 0x078), declared in IVssBackupComponents: HRESULT AbortBackup(none). */
    AbortBackup(IVssBackupComponents.AbortBackup),
    /** Slot 16 (x64 vtable offset 0x080), declared in IVssBackupComponents: HRESULT GatherWriterStatus(IVssAsync **pAsync). */
    GatherWriterStatus(IVssBackupComponents.GatherWriterStatus),
    /** Slot 17 (x64 vtable offset 0x088), declared in IVssBackupComponents: HRESULT GetWriterStatusCount(UINT *pcWriters). */
    GetWriterStatusCount(IVssBackupComponents.GetWriterStatusCount),
    /** Slot 18 (x64 vtable offset 0x090), declared in IVssBackupComponents: HRESULT FreeWriterStatus(none). */
    FreeWriterStatus(IVssBackupComponents.FreeWriterStatus),
    /** Slot 19 (x64 vtable offset 0x098), declared in IVssBackupComponents: HRESULT GetWriterStatus(UINT iWriter, VSS_ID *pidInstance, VSS_ID *pidWriter, BSTR *pbstrWriter, VSS_WRITER_STATE *pnStatus, HRESULT *phResultFailure). */
    GetWriterStatus(IVssBackupComponents.GetWriterStatus),
    /** Slot 20 (x64 vtable offset 0x0A0), declared in IVssBackupComponents: HRESULT SetBackupSucceeded(VSS_ID instanceId, VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, bool bSucceded). */
    SetBackupSucceeded(IVssBackupComponents.SetBackupSucceeded),
    /** Slot 21 (x64 vtable offset 0x0A8), declared in IVssBackupComponents: HRESULT SetBackupOptions(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszBackupOptions). */
    SetBackupOptions(IVssBackupComponents.SetBackupOptions),
    /** Slot 22 (x64 vtable offset 0x0B0), declared in IVssBackupComponents: HRESULT SetSelectedForRestore(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, bool bSelectedForRestore). */
    SetSelectedForRestore(IVssBackupComponents.SetSelectedForRestore),
    /** Slot 23 (x64 vtable offset 0x0B8), declared in IVssBackupComponents: HRESULT SetRestoreOptions(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszRestoreOptions). */
    SetRestoreOptions(IVssBackupComponents.SetRestoreOptions),
    /** Slot 24 (x64 vtable offset 0x0C0), declared in IVssBackupComponents: HRESULT SetAdditionalRestores(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, bool bAdditionalRestores). */
    SetAdditionalRestores(IVssBackupComponents.SetAdditionalRestores),
    /** Slot 25 (x64 vtable offset 0x0C8), declared in IVssBackupComponents: HRESULT SetPreviousBackupStamp(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszPreviousBackupStamp). */
    SetPreviousBackupStamp(IVssBackupComponents.SetPreviousBackupStamp),
    /** Slot 26 (x64 vtable offset 0x0D0), declared in IVssBackupComponents: HRESULT SaveAsXML(BSTR *pbstrXML). */
    SaveAsXML(IVssBackupComponents.SaveAsXML),
    /** Slot 27 (x64 vtable offset 0x0D8), declared in IVssBackupComponents: HRESULT BackupComplete(IVssAsync **ppAsync). */
    BackupComplete(IVssBackupComponents.BackupComplete),
    /** Slot 28 (x64 vtable offset 0x0E0), declared in IVssBackupComponents: HRESULT AddAlternativeLocationMapping(VSS_ID writerId, VSS_COMPONENT_TYPE componentType, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszPath, LPCWSTR wszFilespec, bool bRecursive, LPCWSTR wszDestination). */
    AddAlternativeLocationMapping(IVssBackupComponents.AddAlternativeLocationMapping),
    /** Slot 29 (x64 vtable offset 0x0E8), declared in IVssBackupComponents: HRESULT AddRestoreSubcomponent(VSS_ID writerId, VSS_COMPONENT_TYPE componentType, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszSubComponentLogicalPath, LPCWSTR wszSubComponentName, bool bRepair). */
    AddRestoreSubcomponent(IVssBackupComponents.AddRestoreSubcomponent),
    /** Slot 30 (x64 vtable offset 0x0F0), declared in IVssBackupComponents: HRESULT SetFileRestoreStatus(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, VSS_FILE_RESTORE_STATUS status). */
    SetFileRestoreStatus(IVssBackupComponents.SetFileRestoreStatus),
    /** Slot 31 (x64 vtable offset 0x0F8), declared in IVssBackupComponents: HRESULT AddNewTarget(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszPath, LPCWSTR wszFileName, bool bRecursive, LPCWSTR wszAlternatePath). */
    AddNewTarget(IVssBackupComponents.AddNewTarget),
    /** Slot 32 (x64 vtable offset 0x100), declared in IVssBackupComponents: HRESULT SetRangesFilePath(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, UINT iPartialFile, LPCWSTR wszRangesFile). */
    SetRangesFilePath(IVssBackupComponents.SetRangesFilePath),
    /** Slot 33 (x64 vtable offset 0x108), declared in IVssBackupComponents: HRESULT PreRestore(IVssAsync **ppAsync). */
    PreRestore(IVssBackupComponents.PreRestore),
    /** Slot 34 (x64 vtable offset 0x110), declared in IVssBackupComponents: HRESULT PostRestore(IVssAsync **ppAsync). */
    PostRestore(IVssBackupComponents.PostRestore),
    /** Slot 35 (x64 vtable offset 0x118), declared in IVssBackupComponents: HRESULT SetContext(LONG lContext). */
    SetContext(IVssBackupComponents.SetContext),
    /** Slot 36 (x64 vtable offset 0x120), declared in IVssBackupComponents: HRESULT StartSnapshotSet(VSS_ID *pSnapshotSetId). */
    StartSnapshotSet(IVssBackupComponents.StartSnapshotSet),
    /** Slot 37 (x64 vtable offset 0x128), declared in IVssBackupComponents: HRESULT AddToSnapshotSet(VSS_PWSZ pwszVolumeName, VSS_ID ProviderId, VSS_ID *pidSnapshot). */
    AddToSnapshotSet(IVssBackupComponents.AddToSnapshotSet),
    /** Slot 38 (x64 vtable offset 0x130), declared in IVssBackupComponents: HRESULT DoSnapshotSet(IVssAsync **ppAsync). */
    DoSnapshotSet(IVssBackupComponents.DoSnapshotSet),
    /** Slot 39 (x64 vtable offset 0x138), declared in IVssBackupComponents: HRESULT DeleteSnapshots(VSS_ID SourceObjectId, VSS_OBJECT_TYPE eSourceObjectType, BOOL bForceDelete, LONG *plDeletedSnapshots, VSS_ID *pNondeletedSnapshotID). */
    DeleteSnapshots(IVssBackupComponents.DeleteSnapshots),
    /** Slot 40 (x64 vtable offset 0x140), declared in IVssBackupComponents: HRESULT ImportSnapshots(IVssAsync **ppAsync). */
    ImportSnapshots(IVssBackupComponents.ImportSnapshots),
    /** Slot 41 (x64 vtable offset 0x148), declared in IVssBackupComponents: HRESULT BreakSnapshotSet(VSS_ID SnapshotSetId). */
    BreakSnapshotSet(IVssBackupComponents.BreakSnapshotSet),
    /** Slot 42 (x64 vtable offset 0x150), declared in IVssBackupComponents: HRESULT GetSnapshotProperties(VSS_ID SnapshotId, VSS_SNAPSHOT_PROP *pProp). */
    GetSnapshotProperties(IVssBackupComponents.GetSnapshotProperties),
    /** Slot 43 (x64 vtable offset 0x158), declared in IVssBackupComponents: HRESULT Query(VSS_ID QueriedObjectId, VSS_OBJECT_TYPE eQueriedObjectType, VSS_OBJECT_TYPE eReturnedObjectsType, IVssEnumObject **ppEnum). */
    Query(IVssBackupComponents.Query),
    /** Slot 44 (x64 vtable offset 0x160), declared in IVssBackupComponents: HRESULT IsVolumeSupported(VSS_ID ProviderId, VSS_PWSZ pwszVolumeName, BOOL *pbSupportedByThisProvider). */
    IsVolumeSupported(IVssBackupComponents.IsVolumeSupported),
    /** Slot 45 (x64 vtable offset 0x168), declared in IVssBackupComponents: HRESULT DisableWriterClasses(const VSS_ID *rgWriterClassId, UINT cClassId). */
    DisableWriterClasses(IVssBackupComponents.DisableWriterClasses),
    /** Slot 46 (x64 vtable offset 0x170), declared in IVssBackupComponents: HRESULT EnableWriterClasses(const VSS_ID *rgWriterClassId, UINT cClassId). */
    EnableWriterClasses(IVssBackupComponents.EnableWriterClasses),
    /** Slot 47 (x64 vtable offset 0x178), declared in IVssBackupComponents: HRESULT DisableWriterInstances(const VSS_ID *rgWriterInstanceId, UINT cInstanceId). */
    DisableWriterInstances(IVssBackupComponents.DisableWriterInstances),
    /** Slot 48 (x64 vtable offset 0x180), declared in IVssBackupComponents: HRESULT ExposeSnapshot(VSS_ID SnapshotId, VSS_PWSZ wszPathFromRoot, LONG lAttributes, VSS_PWSZ wszExpose, VSS_PWSZ *pwszExposed). */
    ExposeSnapshot(IVssBackupComponents.ExposeSnapshot),
    /** Slot 49 (x64 vtable offset 0x188), declared in IVssBackupComponents: HRESULT RevertToSnapshot(VSS_ID SnapshotId, BOOL bForceDismount). */
    RevertToSnapshot(IVssBackupComponents.RevertToSnapshot),
    /** Slot 50 (x64 vtable offset 0x190), declared in IVssBackupComponents: HRESULT QueryRevertStatus(VSS_PWSZ pwszVolume, IVssAsync **ppAsync). */
    QueryRevertStatus(IVssBackupComponents.QueryRevertStatus),
    /** Slot 51 (x64 vtable offset 0x198), declared in IVssBackupComponentsEx: HRESULT GetWriterMetadataEx(UINT iWriter, VSS_ID *pidInstance, IVssExamineWriterMetadataEx **ppMetadata). */
    GetWriterMetadataEx(IVssBackupComponentsEx.GetWriterMetadataEx),
    /** Slot 52 (x64 vtable offset 0x1A0), declared in IVssBackupComponentsEx: HRESULT SetSelectedForRestoreEx(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, bool bSelectedForRestore, VSS_ID instanceId = GUID_NULL). */
    SetSelectedForRestoreEx(IVssBackupComponentsEx.SetSelectedForRestoreEx),
    /** Slot 53 (x64 vtable offset 0x1A8), declared in IVssBackupComponentsEx2: HRESULT UnexposeSnapshot(VSS_ID snapshotId). */
    UnexposeSnapshot(IVssBackupComponentsEx2.UnexposeSnapshot),
    /** Slot 54 (x64 vtable offset 0x1B0), declared in IVssBackupComponentsEx2: HRESULT SetAuthoritativeRestore(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, bool bAuth). */
    SetAuthoritativeRestore(IVssBackupComponentsEx2.SetAuthoritativeRestore),
    /** Slot 55 (x64 vtable offset 0x1B8), declared in IVssBackupComponentsEx2: HRESULT SetRollForward(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, VSS_ROLLFORWARD_TYPE rollType, LPCWSTR wszRollForwardPoint). */
    SetRollForward(IVssBackupComponentsEx2.SetRollForward),
    /** Slot 56 (x64 vtable offset 0x1C0), declared in IVssBackupComponentsEx2: HRESULT SetRestoreName(VSS_ID writerId, VSS_COMPONENT_TYPE ct, LPCWSTR wszLogicalPath, LPCWSTR wszComponentName, LPCWSTR wszRestoreName). */
    SetRestoreName(IVssBackupComponentsEx2.SetRestoreName),
    /** Slot 57 (x64 vtable offset 0x1C8), declared in IVssBackupComponentsEx2: HRESULT BreakSnapshotSetEx(VSS_ID SnapshotSetID, DWORD dwBreakFlags, IVssAsync **ppAsync). */
    BreakSnapshotSetEx(IVssBackupComponentsEx2.BreakSnapshotSetEx),
    /** Slot 58 (x64 vtable offset 0x1D0), declared in IVssBackupComponentsEx2: HRESULT PreFastRecovery(VSS_ID SnapshotSetID, DWORD dwPreFastRecoveryFlags, IVssAsync **ppAsync). */
    PreFastRecovery(IVssBackupComponentsEx2.PreFastRecovery),
    /** Slot 59 (x64 vtable offset 0x1D8), declared in IVssBackupComponentsEx2: HRESULT FastRecovery(VSS_ID SnapshotSetID, DWORD dwFastRecoveryFlags, IVssAsync **ppAsync). */
    FastRecovery(IVssBackupComponentsEx2.FastRecovery),
    /** Slot 60 (x64 vtable offset 0x1E0), declared in IVssBackupComponentsEx3: HRESULT GetWriterStatusEx(UINT iWriter, VSS_ID *pidInstance, VSS_ID *pidWriter, BSTR *pbstrWriter, VSS_WRITER_STATE *pnStatus, HRESULT *phrFailureWriter, HRESULT *phrApplication = NULL, BSTR *pbstrApplicationMessage = NULL). */
    GetWriterStatusEx(INT32, INT32, POINTER, POINTER, POINTER, POINTER, POINTER, POINTER, POINTER),
    /** Slot 61 (x64 vtable offset 0x1E8), declared in IVssBackupComponentsEx3: HRESULT AddSnapshotToRecoverySet(VSS_ID snapshotId, DWORD dwFlags, VSS_PWSZ pwszDestinationVolume = NULL). */
    AddSnapshotToRecoverySet(INT32, GUID, INT32, POINTER),
    /** Slot 62 (x64 vtable offset 0x1F0), declared in IVssBackupComponentsEx3: HRESULT RecoverSet(DWORD dwFlags, IVssAsync **ppAsync). */
    RecoverSet(INT32, INT32, POINTER),
    /** Slot 63 (x64 vtable offset 0x1F8), declared in IVssBackupComponentsEx3: HRESULT GetSessionId(VSS_ID *idSession). */
    GetSessionId(INT32, POINTER);

    private final NativeSignature signature;

    IVssBackupComponentsEx3(NativeKind returns, NativeKind... parameters) {
        this.signature = NativeSignature.of(returns, parameters);
    }

    /** A method inherited from {@code inherited}'s interface: its signature is declared there, once. */
    IVssBackupComponentsEx3(ComMethod inherited) {
        this.signature = inherited.signature();
    }

    @Override
    public NativeSignature signature() {
        return signature;
    }

    /**
     * {@code IID_IVssBackupComponentsEx3} (vsbackup.h): the one source of this interface's id, for
     * {@code QueryInterface} callers and implementations.
     */
    public static final UUID IID = UUID.fromString("c191bfbc-b602-4675-8bd1-67d642f529d5");
}
