package org.vss4j;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The HRESULTs a VSS call can produce: every {@code VSS_S_*} and {@code VSS_E_*} code of {@code vsserror.h} and the common
 * COM/Win32 codes VSS returns, each with a one-line explanation for the user.
 *
 * <p>Values: {@code vsserror.h} (identical in the Windows SDK and mingw-w64); facility 4 (FACILITY_ITF).
 * {@code VSS_S_*} codes have severity 0: they are <b>success</b> codes, returned as values, never thrown.
 */
public enum VssHresult {
    /** 0x00000000. */
    S_OK(0x00000000, "The call succeeded."),
    /** 0x00000001. */
    S_FALSE(0x00000001, "The call succeeded with a qualified result (for example COM was already initialised on this thread)."),
    /** 0x80004001. */
    E_NOTIMPL(0x80004001, "The method is not implemented by this VSS version or provider."),
    /** 0x80004002. */
    E_NOINTERFACE(0x80004002, "The object does not support the requested interface."),
    /** 0x80004003. */
    E_POINTER(0x80004003, "A required pointer argument was NULL: this is a binding bug, please report it."),
    /** 0x80004004. */
    E_ABORT(0x80004004, "The operation was aborted."),
    /** 0x80004005. */
    E_FAIL(0x80004005, "Unspecified failure; see the Application event log for the VSS entry at this time."),
    /** 0x8000FFFF. */
    E_UNEXPECTED(0x8000FFFF, "Unexpected failure (pre-Windows 7 VSS uses this for VSS_E_UNEXPECTED); see the Application event log."),
    /** 0x80070005. */
    E_ACCESSDENIED(0x80070005, "Access denied: VSS requesters must run elevated (Administrator or Backup Operators)."),
    /** 0x8007000E. */
    E_OUTOFMEMORY(0x8007000E, "Out of memory."),
    /** 0x80070057. */
    E_INVALIDARG(0x80070057, "An argument was invalid (unknown id, empty string, bad flag combination); check the values passed."),
    /** 0x800401F0. */
    CO_E_NOTINITIALIZED(0x800401F0, "COM is not initialised on the calling thread; call it from a thread vss4j initialised as MTA."),
    /** 0x80010106. */
    RPC_E_CHANGED_MODE(0x80010106, "The thread is already a single-threaded apartment (STA); make VSS calls from another (MTA) thread."),
    /** 0x80010119. */
    RPC_E_TOO_LATE(0x80010119, "CoInitializeSecurity was already called in this process (by the host application); its settings stay in force."),
    /** 0x80070490. */
    HRESULT_FROM_WIN32_ERROR_NOT_FOUND(0x80070490, "Element not found (HRESULT_FROM_WIN32(ERROR_NOT_FOUND))."),
    /** 0x80070422. */
    HRESULT_FROM_WIN32_ERROR_SERVICE_DISABLED(0x80070422, "The VSS service is disabled: set its startup type to Manual (services.msc, or `sc config VSS start= demand`)."),
    /** 0x00042309. */
    VSS_S_ASYNC_PENDING(0x00042309, "Async operation is still running (QueryStatus pHrResult value; success code)."),
    /** 0x0004230A. */
    VSS_S_ASYNC_FINISHED(0x0004230A, "Async operation completed successfully (QueryStatus pHrResult value; success code)."),
    /** 0x0004230B. */
    VSS_S_ASYNC_CANCELLED(0x0004230B, "Async operation was cancelled by IVssAsync::Cancel (success code)."),
    /** 0x00042321. */
    VSS_S_SOME_SNAPSHOTS_NOT_IMPORTED(0x00042321, "Some shadow copies were not successfully imported (success-severity variant)."),
    /** 0x80042301. */
    VSS_E_BAD_STATE(0x80042301, "Call made when the object was in an incorrect state for that function (e.g. not initialized / wrong call sequence)."),
    /** 0x80042302. */
    VSS_E_UNEXPECTED(0x80042302, "A VSS component hit an unexpected error; see Application event log (before Win7/2008R2 E_UNEXPECTED was used instead)."),
    /** 0x80042303. */
    VSS_E_PROVIDER_ALREADY_REGISTERED(0x80042303, "Provider already registered."),
    /** 0x80042304. */
    VSS_E_PROVIDER_NOT_REGISTERED(0x80042304, "Shadow copy provider not registered in the system."),
    /** 0x80042306. */
    VSS_E_PROVIDER_VETO(0x80042306, "Shadow copy provider had an error (vetoed); see System/Application event logs."),
    /** 0x80042307. */
    VSS_E_PROVIDER_IN_USE(0x80042307, "Provider in use, cannot be unregistered."),
    /** 0x80042308. */
    VSS_E_OBJECT_NOT_FOUND(0x80042308, "Specified object (snapshot, set, volume, component...) was not found."),
    /** 0x8004230C. */
    VSS_E_VOLUME_NOT_SUPPORTED(0x8004230C, "Shadow copying the specified volume is not supported."),
    /** 0x8004230D. */
    VSS_E_OBJECT_ALREADY_EXISTS(0x8004230D, "Object already exists."),
    /** 0x8004230E. */
    VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER(0x8004230E, "Given provider does not support shadow copying the specified volume."),
    /** 0x8004230F. */
    VSS_E_UNEXPECTED_PROVIDER_ERROR(0x8004230F, "Provider had an unexpected error while processing the operation."),
    /** 0x80042310. */
    VSS_E_CORRUPT_XML_DOCUMENT(0x80042310, "Given XML document invalid (deprecated code)."),
    /** 0x80042311. */
    VSS_E_INVALID_XML_DOCUMENT(0x80042311, "Given XML document is ill-formed or does not match the schema."),
    /** 0x80042312. */
    VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED(0x80042312, "Maximum number of volumes for this operation reached."),
    /** 0x80042313. */
    VSS_E_FLUSH_WRITES_TIMEOUT(0x80042313, "Provider timed out while flushing data to the volume (usually heavy I/O); retry later."),
    /** 0x80042314. */
    VSS_E_HOLD_WRITES_TIMEOUT(0x80042314, "Provider timed out while holding writes to the volume; retry when activity is lower."),
    /** 0x80042315. */
    VSS_E_UNEXPECTED_WRITER_ERROR(0x80042315, "VSS encountered problems while sending events to writers."),
    /** 0x80042316. */
    VSS_E_SNAPSHOT_SET_IN_PROGRESS(0x80042316, "Another shadow copy creation is already in progress; wait and retry."),
    /** 0x80042317. */
    VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED(0x80042317, "Volume (or provider) has reached its maximum number of shadow copies."),
    /** 0x80042318. */
    VSS_E_WRITER_INFRASTRUCTURE(0x80042318, "Error in VSS while contacting writers; check Event System and VSS services."),
    /** 0x80042319. */
    VSS_E_WRITER_NOT_RESPONDING(0x80042319, "A writer did not respond to GatherWriterStatus (terminated or stuck)."),
    /** 0x8004231A. */
    VSS_E_WRITER_ALREADY_SUBSCRIBED(0x8004231A, "Writer already called Subscribe successfully; cannot subscribe twice."),
    /** 0x8004231B. */
    VSS_E_UNSUPPORTED_CONTEXT(0x8004231B, "Provider does not support the specified shadow copy type (context)."),
    /** 0x8004231D. */
    VSS_E_VOLUME_IN_USE(0x8004231D, "Shadow copy storage association in use; cannot be deleted."),
    /** 0x8004231E. */
    VSS_E_MAXIMUM_DIFFAREA_ASSOCIATIONS_REACHED(0x8004231E, "Maximum number of shadow copy storage associations reached."),
    /** 0x8004231F. */
    VSS_E_INSUFFICIENT_STORAGE(0x8004231F, "Insufficient storage for the shadow copy storage file or other shadow copy data."),
    /** 0x80042320. */
    VSS_E_NO_SNAPSHOTS_IMPORTED(0x80042320, "No shadow copies were successfully imported."),
    /** 0x80042321. */
    VSS_E_SOME_SNAPSHOTS_NOT_IMPORTED(0x80042321, "Some shadow copies were not successfully imported."),
    /** 0x80042322. */
    VSS_E_MAXIMUM_NUMBER_OF_REMOTE_MACHINES_REACHED(0x80042322, "Maximum number of remote machines for this operation reached."),
    /** 0x80042323. */
    VSS_E_REMOTE_SERVER_UNAVAILABLE(0x80042323, "Remote server unavailable."),
    /** 0x80042324. */
    VSS_E_REMOTE_SERVER_UNSUPPORTED(0x80042324, "Remote server's VSS does not support remote shadow-copy creation."),
    /** 0x80042325. */
    VSS_E_REVERT_IN_PROGRESS(0x80042325, "A revert is already in progress for the volume."),
    /** 0x80042326. */
    VSS_E_REVERT_VOLUME_LOST(0x80042326, "Volume being reverted was lost during revert."),
    /** 0x80042327. */
    VSS_E_REBOOT_REQUIRED(0x80042327, "A reboot is required after completing this operation."),
    /** 0x80042328. */
    VSS_E_TRANSACTION_FREEZE_TIMEOUT(0x80042328, "Timeout while freezing a transaction manager (DTC/KTM)."),
    /** 0x80042329. */
    VSS_E_TRANSACTION_THAW_TIMEOUT(0x80042329, "Too much time between freezing and thawing a transaction manager."),
    /** 0x8004232A. */
    VSS_E_UNSELECTED_VOLUME(0x8004232A, "Operation would overwrite a volume that is not explicitly selected."),
    /** 0x8004232B. */
    VSS_E_SNAPSHOT_NOT_IN_SET(0x8004232B, "Shadow copy ID not found in the backup components document for the set."),
    /** 0x8004232C. */
    VSS_E_NESTED_VOLUME_LIMIT(0x8004232C, "Volume is nested too deeply to participate in the VSS operation."),
    /** 0x8004232D. */
    VSS_E_VOLUME_NOT_LOCAL(0x8004232D, "Volume being backed up is not mounted on the local host."),
    /** 0x8004232E. */
    VSS_E_CLUSTER_TIMEOUT(0x8004232E, "Timeout while preparing a cluster shared volume for backup."),
    /** 0x8004232F. */
    VSS_E_NOT_SUPPORTED(0x8004232F, "Requested operation is not supported."),
    /** 0x80042336. */
    VSS_E_WRITERERROR_PARTIAL_FAILURE(0x80042336, "Writer had a partial failure; check component-level error state."),
    /** 0x800423F0. */
    VSS_E_WRITERERROR_INCONSISTENTSNAPSHOT(0x800423F0, "Shadow-copy set contains only a subset of the volumes needed for the writer's selected components."),
    /** 0x800423F1. */
    VSS_E_WRITERERROR_OUTOFRESOURCES(0x800423F1, "Resource allocation failed while processing (writer)."),
    /** 0x800423F2. */
    VSS_E_WRITERERROR_TIMEOUT(0x800423F2, "Writer's timeout expired between Freeze and Thaw."),
    /** 0x800423F3. */
    VSS_E_WRITERERROR_RETRYABLE(0x800423F3, "Writer had a transient error; retrying the backup may succeed."),
    /** 0x800423F4. */
    VSS_E_WRITERERROR_NONRETRYABLE(0x800423F4, "Writer had a non-transient error; retrying is likely to fail again."),
    /** 0x800423F5. */
    VSS_E_WRITERERROR_RECOVERY_FAILED(0x800423F5, "Writer failed while trying to recover the shadow-copy volume."),
    /** 0x800423F6. */
    VSS_E_BREAK_REVERT_ID_FAILED(0x800423F6, "Break failed: disk/partition identities could not be reverted."),
    /** 0x800423F7. */
    VSS_E_LEGACY_PROVIDER(0x800423F7, "This version of the hardware provider does not support the operation."),
    /** 0x800423F8. */
    VSS_E_MISSING_DISK(0x800423F8, "An expected disk did not arrive in the system."),
    /** 0x800423F9. */
    VSS_E_MISSING_HIDDEN_VOLUME(0x800423F9, "An expected hidden volume did not arrive."),
    /** 0x800423FA. */
    VSS_E_MISSING_VOLUME(0x800423FA, "An expected volume did not arrive."),
    /** 0x800423FB. */
    VSS_E_AUTORECOVERY_FAILED(0x800423FB, "Autorecovery failed on the shadow copy."),
    /** 0x800423FC. */
    VSS_E_DYNAMIC_DISK_ERROR(0x800423FC, "Error processing dynamic disks involved in the operation."),
    /** 0x800423FD. */
    VSS_E_NONTRANSPORTABLE_BCD(0x800423FD, "Backup Components Document is for a non-transportable shadow copy."),
    /** 0x800423FE. */
    VSS_E_CANNOT_REVERT_DISKID(0x800423FE, "MBR signature / GPT ID could not be set to the intended value."),
    /** 0x800423FF. */
    VSS_E_RESYNC_IN_PROGRESS(0x800423FF, "Another LUN resynchronization is already in progress."),
    /** 0x80042400. */
    VSS_E_CLUSTER_ERROR(0x80042400, "Clustered disks could not be enumerated or put into maintenance mode."),
    /** 0x80042401. */
    VSS_E_ASRERROR_DISK_ASSIGNMENT_FAILED(0x80042401, "ASR: too few / too small disks for restore."),
    /** 0x80042402. */
    VSS_E_ASRERROR_DISK_RECREATION_FAILED(0x80042402, "ASR: cannot create a disk needed for restore."),
    /** 0x80042403. */
    VSS_E_ASRERROR_NO_ARCPATH(0x80042403, "ASR: restart needed to finish preparing a disk."),
    /** 0x80042404. */
    VSS_E_ASRERROR_MISSING_DYNDISK(0x80042404, "ASR: missing disk for a dynamic volume."),
    /** 0x80042405. */
    VSS_E_ASRERROR_SHARED_CRIDISK(0x80042405, "ASR: critical volume on a cluster shared disk (unsupported)."),
    /** 0x80042406. */
    VSS_E_ASRERROR_DATADISK_RDISK0(0x80042406, "ASR: a data disk is set active in BIOS."),
    /** 0x80042407. */
    VSS_E_ASRERROR_RDISK0_TOOSMALL(0x80042407, "ASR: BIOS-active disk too small for system disk."),
    /** 0x80042408. */
    VSS_E_ASRERROR_CRITICAL_DISKS_TOO_SMALL(0x80042408, "ASR: not enough suitable disks for critical disks."),
    /** 0x80042409. */
    VSS_E_WRITER_STATUS_NOT_AVAILABLE(0x80042409, "Writer status not available for one or more writers (session-state limit)."),
    /** 0x8004240A. */
    VSS_E_ASRERROR_DYNAMIC_VHD_NOT_SUPPORTED(0x8004240A, "ASR: critical dynamic disk is a VHD (unsupported)."),
    /** 0x80042411. */
    VSS_E_CRITICAL_VOLUME_ON_INVALID_DISK(0x80042411, "Critical volume is on a disk ASR cannot back up."),
    /** 0x80042412. */
    VSS_E_ASRERROR_RDISK_FOR_SYSTEM_DISK_NOT_FOUND(0x80042412, "ASR: no disk usable for recovering the system disk."),
    /** 0x80042413. */
    VSS_E_ASRERROR_NO_PHYSICAL_DISK_AVAILABLE(0x80042413, "ASR: no fixed disk available to recreate volumes."),
    /** 0x80042414. */
    VSS_E_ASRERROR_FIXED_PHYSICAL_DISK_AVAILABLE_AFTER_DISK_EXCLUSION(0x80042414, "ASR: no usable disk after exclusions."),
    /** 0x80042415. */
    VSS_E_ASRERROR_CRITICAL_DISK_CANNOT_BE_EXCLUDED(0x80042415, "ASR: a disk critical at backup is excluded."),
    /** 0x80042416. */
    VSS_E_ASRERROR_SYSTEM_PARTITION_HIDDEN(0x80042416, "ASR: active system partition hidden / unrecognized FS."),
    /** 0x80042417. */
    VSS_E_FSS_TIMEOUT(0x80042417, "Timeout preparing a file share shadow copy for backup.");

    private static final Map<Integer, VssHresult> BY_CODE = new HashMap<>();

    static {
        for (VssHresult h : values()) {
            BY_CODE.putIfAbsent(h.code, h);
        }
    }

    private final int code;
    private final String explanation;

    VssHresult(int code, String explanation) {
        this.code = code;
        this.explanation = explanation;
    }

    /** The HRESULT as a signed 32-bit value, as native code returns it. */
    public int code() {
        return code;
    }

    /** One line saying what the code means for the user and, where there is one, what to do. */
    public String explanation() {
        return explanation;
    }

    /** True for failure codes (severity bit set), i.e. {@code FAILED(hr)}. */
    public boolean isFailure() {
        return code < 0;
    }

    /** The known code with this value, if any. */
    public static Optional<VssHresult> of(int code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** {@code NAME (0xXXXXXXXX)} for known codes, {@code 0xXXXXXXXX} otherwise. */
    public static String describe(int code) {
        return of(code).map(h -> h.name() + " (" + hex(code) + ")").orElse(hex(code));
    }

    /** The explanation of a known code, or a generic one naming the facility and Win32 error where that applies. */
    public static String explain(int code) {
        return of(code).map(VssHresult::explanation).orElseGet(() -> {
            int facility = (code >>> 16) & 0x1FFF;
            if (facility == 7) {
                return "Win32 error " + (code & 0xFFFF) + " (HRESULT_FROM_WIN32); see the Windows system error codes.";
            }
            return code < 0 ? "An HRESULT vss4j does not know; see the Application event log for VSS entries."
                    : "A success code vss4j does not know.";
        });
    }

    /** Formats an HRESULT as eight upper-case hex digits with a 0x prefix. */
    public static String hex(int code) {
        return String.format("0x%08X", code);
    }
}
