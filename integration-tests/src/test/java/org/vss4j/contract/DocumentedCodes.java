package org.vss4j.contract;

import static org.vss4j.VssHresult.E_INVALIDARG;
import static org.vss4j.VssHresult.VSS_E_BAD_STATE;
import static org.vss4j.VssHresult.VSS_E_OBJECT_NOT_FOUND;
import static org.vss4j.VssHresult.VSS_E_VOLUME_NOT_SUPPORTED;

import java.util.Set;
import org.vss4j.VssHresult;

/**
 * For each misuse the contract suite commits, the codes whose meaning in Microsoft's "Return value" table of that
 * method describes it: exactly that set, no fewer (Windows may answer any of them) and no more (an undocumented code
 * is a finding, not a pass). Generic codes (E_OUTOFMEMORY, VSS_E_UNEXPECTED, E_ACCESSDENIED) describe no misuse and
 * are in no set.
 */
final class DocumentedCodes {

    /**
     * Microsoft docs, "IVssBackupComponents::SetBackupState method", "...::GatherWriterMetadata method",
     * "...::AddToSnapshotSet method", "...::SetContext method": VSS_E_BAD_STATE, "The
     * backup components object is not initialized, ... or this method has not been called within the correct
     * sequence"; "...::DoSnapshotSet method": VSS_E_BAD_STATE, "not been initialized or the prerequisite calls for a
     * given shadow copy context have not been made". No other code of these tables describes a call out of sequence.
     */
    static final Set<VssHresult> OUT_OF_SEQUENCE = Set.of(VSS_E_BAD_STATE);

    /**
     * Microsoft docs, "IVssBackupComponents::GetSnapshotProperties method": VSS_E_OBJECT_NOT_FOUND, "The specified
     * shadow copy does not exist" (E_INVALIDARG is for a parameter value that is not valid, and a well-formed id is).
     */
    static final Set<VssHresult> GET_SNAPSHOT_PROPERTIES_UNKNOWN_ID = Set.of(VSS_E_OBJECT_NOT_FOUND);

    /**
     * Microsoft docs, "IVssBackupComponents::AddToSnapshotSet method", for a well-formed volume GUID path of no
     * volume, with the default provider (GUID_NULL): VSS_E_OBJECT_NOT_FOUND, "pwszVolumeName does not correspond to
     * an existing volume or remote file share", and VSS_E_VOLUME_NOT_SUPPORTED, "The value of the ProviderId
     * parameter is GUID_NULL and no VSS provider indicates that it supports the specified volume".
     */
    static final Set<VssHresult> ADD_TO_SNAPSHOT_SET_NO_SUCH_VOLUME = Set.of(VSS_E_OBJECT_NOT_FOUND,
            VSS_E_VOLUME_NOT_SUPPORTED);

    /**
     * Microsoft docs, "IVssBackupComponents::AddToSnapshotSet method": the name "must include a trailing backslash";
     * without it the name is no valid parameter value (E_INVALIDARG, "One of the parameter values is not valid"),
     * corresponds to no volume (VSS_E_OBJECT_NOT_FOUND), and no provider supports it (VSS_E_VOLUME_NOT_SUPPORTED).
     */
    static final Set<VssHresult> ADD_TO_SNAPSHOT_SET_NO_TRAILING_BACKSLASH = Set.of(E_INVALIDARG,
            VSS_E_OBJECT_NOT_FOUND, VSS_E_VOLUME_NOT_SUPPORTED);

    /**
     * Microsoft docs, "IVssBackupComponents::IsVolumeSupported method": the name "must include a trailing backslash";
     * the table has VSS_E_OBJECT_NOT_FOUND, "The specified volume or remote file share was not found or was not
     * available", and no E_INVALIDARG at all.
     */
    static final Set<VssHresult> IS_VOLUME_SUPPORTED_NO_TRAILING_BACKSLASH = Set.of(VSS_E_OBJECT_NOT_FOUND);

    /**
     * Microsoft docs, "IVssBackupComponents::GetWriterMetadata method": E_INVALIDARG, "One of the parameter values is
     * not valid", and VSS_E_OBJECT_NOT_FOUND, which "IVssBackupComponentsEx::GetWriterMetadataEx method" describes
     * for the same index as "The iWriter parameter does not point to a valid writer".
     */
    static final Set<VssHresult> GET_WRITER_METADATA_INDEX_OUT_OF_RANGE = Set.of(E_INVALIDARG,
            VSS_E_OBJECT_NOT_FOUND);

    /**
     * Microsoft docs, "IVssBackupComponents::ExposeSnapshot method": wszExpose may be NULL only with
     * VSS_VOLSNAP_ATTR_EXPOSED_REMOTELY; the code for a parameter value that is not valid is E_INVALIDARG.
     */
    static final Set<VssHresult> EXPOSE_LOCALLY_WITHOUT_A_NAME = Set.of(E_INVALIDARG);

    /**
     * Microsoft docs, "IVssBackupComponents::DeleteSnapshots method": VSS_E_OBJECT_NOT_FOUND, "The specified shadow
     * copy does not exist", for one that is not in the requester's context.
     */
    static final Set<VssHresult> DELETE_SNAPSHOTS_OUTSIDE_THE_CONTEXT = Set.of(VSS_E_OBJECT_NOT_FOUND);

    private DocumentedCodes() {
    }
}
