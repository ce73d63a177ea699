package org.vss4j;

import org.vss4j.abi.struct.VssSnapshotProp;
import org.vss4j.com.Exports;
import org.vss4j.com.FileTimes;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;

/**
 * Copies a filled {@code VSS_SNAPSHOT_PROP} ({@code vss.h}) into a {@link SnapshotProperties} record.
 *
 * <p>Ownership: the six {@code VSS_PWSZ} strings belong to the caller of the VSS method that filled the structure and
 * are freed with {@code VssFreeSnapshotProperties} — exactly once, never with {@code CoTaskMemFree} one by one.
 */
final class SnapshotProps {

    private SnapshotProps() {
    }

    /** The record of {@code prop} (read from native memory first); frees nothing. */
    static SnapshotProperties copy(VssSnapshotProp prop) {
        prop.read();
        return new SnapshotProperties(Guids.toUuid(prop.m_SnapshotId), Guids.toUuid(prop.m_SnapshotSetId),
                prop.m_lSnapshotsCount, Utf16.read(prop.m_pwszSnapshotDeviceObject),
                Utf16.read(prop.m_pwszOriginalVolumeName), Utf16.read(prop.m_pwszOriginatingMachine),
                Utf16.read(prop.m_pwszServiceMachine), Utf16.read(prop.m_pwszExposedName),
                Utf16.read(prop.m_pwszExposedPath), Guids.toUuid(prop.m_ProviderId), prop.m_lSnapshotAttributes,
                FileTimes.toInstant(prop.m_tsCreationTimestamp), SnapshotState.fromValue(prop.m_eStatus));
    }

    /** {@link #copy} and then {@code VssFreeSnapshotProperties(prop)}, even if the copy fails. */
    static SnapshotProperties readAndFree(VssSnapshotProp prop) {
        try {
            return copy(prop);
        } finally {
            Exports.current().vssFreeSnapshotProperties(prop.getPointer());
        }
    }
}
