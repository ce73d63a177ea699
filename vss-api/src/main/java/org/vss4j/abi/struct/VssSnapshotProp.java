package org.vss4j.abi.struct;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Guid.GUID;

/**
 * {@code VSS_SNAPSHOT_PROP} (vss.h), 128 bytes on x64: two pads of 4 bytes after the LONGs at 32 and 104 because the
 * following pointer/LONGLONG is 8-aligned, and 4 bytes of tail padding.
 *
 * <p>Ownership: the six {@code VSS_PWSZ} members are allocated by VSS; the caller frees them with
 * {@code VssFreeSnapshotProperties(&prop)} (never {@code CoTaskMemFree} one by one, never twice).
 */
@NativeStruct(value = "VSS_SNAPSHOT_PROP", x64Size = 128)
@Structure.FieldOrder({"m_SnapshotId", "m_SnapshotSetId", "m_lSnapshotsCount", "m_pwszSnapshotDeviceObject",
        "m_pwszOriginalVolumeName", "m_pwszOriginatingMachine", "m_pwszServiceMachine", "m_pwszExposedName",
        "m_pwszExposedPath", "m_ProviderId", "m_lSnapshotAttributes", "m_tsCreationTimestamp", "m_eStatus"})
public class VssSnapshotProp extends Structure {
    public GUID m_SnapshotId;
    public GUID m_SnapshotSetId;
    /** LONG: 32-bit on Windows. */
    public int m_lSnapshotsCount;
    public Pointer m_pwszSnapshotDeviceObject;
    public Pointer m_pwszOriginalVolumeName;
    public Pointer m_pwszOriginatingMachine;
    public Pointer m_pwszServiceMachine;
    public Pointer m_pwszExposedName;
    public Pointer m_pwszExposedPath;
    public GUID m_ProviderId;
    /** LONG: a VSS_VOLUME_SNAPSHOT_ATTRIBUTES mask. */
    public int m_lSnapshotAttributes;
    /** VSS_TIMESTAMP (LONGLONG): FILETIME ticks, 100 ns since 1601-01-01 UTC. */
    public long m_tsCreationTimestamp;
    /** VSS_SNAPSHOT_STATE (C enum, 4 bytes). */
    public int m_eStatus;

    public VssSnapshotProp() {
        super(ALIGN_MSVC);
    }

    public VssSnapshotProp(Pointer p) {
        super(p, ALIGN_MSVC);
        read();
    }
}
