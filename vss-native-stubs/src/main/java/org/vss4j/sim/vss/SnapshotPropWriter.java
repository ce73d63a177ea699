package org.vss4j.sim.vss;

import com.sun.jna.Pointer;
import org.vss4j.SnapshotState;
import org.vss4j.abi.struct.VssSnapshotProp;
import org.vss4j.com.FileTimes;
import org.vss4j.com.Guids;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Snapshot;
import org.vss4j.sim.abi.BlockKind;
import org.vss4j.sim.abi.CoTaskMem;
import org.vss4j.sim.abi.NativeHeap;

/**
 * Fills a caller's {@code VSS_SNAPSHOT_PROP} (layout: the binding's {@link VssSnapshotProp}, vss.h), for
 * {@code GetSnapshotProperties} and for the snapshot elements of {@code IVssEnumObject::Next} (where the structure is
 * the union at element + 8, vss.h with x64 alignment).
 *
 * <p>Ownership: the six strings are CoTaskMem the caller frees with {@code VssFreeSnapshotProperties}; the structure
 * is tracked as a {@link BlockKind#SNAPSHOT_PROPERTIES} block until then, so a missing or double free is reported.
 */
final class SnapshotPropWriter {

    private SnapshotPropWriter() {
    }

    static void fill(Pointer out, Snapshot s, SimulatedMachine machine, String origin) {
        String what = "snapshot " + s.id();
        VssSnapshotProp p = new VssSnapshotProp(out);
        p.m_SnapshotId = Guids.toGuid(s.id());
        p.m_SnapshotSetId = Guids.toGuid(s.setId());
        p.m_lSnapshotsCount = s.snapshotsInSet();
        p.m_pwszSnapshotDeviceObject = CoTaskMem.string(s.deviceObject(), what);
        p.m_pwszOriginalVolumeName = CoTaskMem.string(s.volume().guidName(), what);
        p.m_pwszOriginatingMachine = CoTaskMem.string(machine.name(), what);
        p.m_pwszServiceMachine = CoTaskMem.string(machine.name(), what);
        // m_pwszExposedName / m_pwszExposedPath: the name given to ExposeSnapshot and the shared path from root
        // (NULL when not exposed, or, for the path, when exposed locally).
        p.m_pwszExposedName = s.exposure() == null ? null : CoTaskMem.string(s.exposure().name(), what);
        p.m_pwszExposedPath = s.exposure() == null ? null : CoTaskMem.string(s.exposure().pathFromRoot(), what);
        p.m_ProviderId = Guids.toGuid(machine.provider().id());
        p.m_lSnapshotAttributes = s.attributes();
        p.m_tsCreationTimestamp = FileTimes.fromInstant(s.created());
        p.m_eStatus = SnapshotState.CREATED.value();
        p.write();
        NativeHeap.track(BlockKind.SNAPSHOT_PROPERTIES, out, "filled by " + origin + " for " + what);
    }
}
