package org.vss4j.sim.vss;

import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;

/**
 * The volume name {@code AddToSnapshotSet} and {@code IsVolumeSupported} take (Microsoft docs,
 * "IVssBackupComponents::AddToSnapshotSet" and "IVssBackupComponents::IsVolumeSupported"): a mounted folder
 * ({@code Y:\MountX\}), a drive letter ({@code D:\}) or a volume GUID path ({@code \\?\Volume{GUID}\}), each of which
 * "must include a trailing backslash".
 *
 * <p>Microsoft documents no code for a name without it. VSS resolves the name as
 * {@code GetVolumeNameForVolumeMountPointW} does, which also needs the trailing backslash, so such a name names no
 * volume: the simulator answers with the code both pages give for "does not correspond to an existing volume",
 * {@code VSS_E_OBJECT_NOT_FOUND} (docs/simulator-call-rules.md). A host directory path is no Windows volume name and is
 * refused the same way.
 */
final class VolumeNameRule {

    private VolumeNameRule() {
    }

    /** The volume {@code name} designates, or null when it designates none (no trailing backslash, unknown). */
    static Volume volume(SimulatedMachine machine, String name) {
        if (name == null || !name.endsWith("\\")) {
            return null;
        }
        return machine.volume(name).orElse(null);
    }
}
