package org.vss4j.sim;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * A shadow copy on a simulated machine: a point-in-time copy of a volume's directory in {@link #directory()}, which
 * the simulator reports as the snapshot's device object. {@code owner} is the requester whose release deletes a
 * non-persistent snapshot (null once nothing owns it). {@code copyMethod} says whether the copy is a reflink clone or
 * plain copies. {@code exposure} is how it is exposed ({@code ExposeSnapshot}), or null. {@code deviceNumber} is the N
 * of its device object {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN}, unique on the machine.
 *
 * <p>The directory is the simulator's own business: programs never see it. They see the device object, which, as on
 * Windows, Win32 functions open ({@code FindFirstFileW} lists it) but java.nio cannot; a Java program reads the
 * content through a link to it ({@code CreateSymbolicLinkW}, {@code SnapshotMount}), or an exposed name.
 */
public record Snapshot(UUID id, UUID setId, Volume volume, Path directory, int attributes, Instant created,
        int snapshotsInSet, Object owner, CopyMethod copyMethod, Exposure exposure, int deviceNumber) {

    /** The prefix of every shadow copy device object (Microsoft docs, "VSS_SNAPSHOT_PROP structure"). */
    public static final String DEVICE_PREFIX = "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy";

    /** {@code VSS_VOLSNAP_ATTR_TRANSPORTABLE} (vss.h). */
    public static final int TRANSPORTABLE = 32;
    /** {@code VSS_VOLSNAP_ATTR_HARDWARE_ASSISTED} (vss.h): made by a hardware provider. */
    public static final int HARDWARE_ASSISTED = 65536;
    /** {@code VSS_VOLSNAP_ATTR_IMPORTED} (vss.h). */
    public static final int IMPORTED = 524288;

    /**
     * The device object VSS reports for it ({@code m_pwszSnapshotDeviceObject}), without a trailing backslash.
     *
     * @return {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN}, N its device number
     */
    public String deviceObject() {
        return DEVICE_PREFIX + deviceNumber;
    }

    /**
     * This snapshot exposed as {@code e} (null: unexposed), with the EXPOSED_LOCALLY/REMOTELY bit to match.
     *
     * @param e the exposure, or null for none
     * @return a copy of this record with the exposure and its attribute bit
     */
    public Snapshot withExposure(Exposure e) {
        int bits = attributes & ~(Exposure.EXPOSED_LOCALLY | Exposure.EXPOSED_REMOTELY);
        if (e != null) {
            bits |= e.attribute();
        }
        return new Snapshot(id, setId, volume, directory, bits, created, snapshotsInSet, owner, copyMethod, e,
                deviceNumber);
    }

    /**
     * This snapshot with {@code bit} added to its attributes.
     *
     * @param bit a {@code VSS_VOLSNAP_ATTR_*} bit (vss.h)
     * @return a copy of this record with the bit set
     */
    public Snapshot withAttribute(int bit) {
        return new Snapshot(id, setId, volume, directory, attributes | bit, created, snapshotsInSet, owner, copyMethod,
                exposure, deviceNumber);
    }

    /**
     * Whether a hardware provider made it ({@code BreakSnapshotSet} and imports need one; Microsoft docs).
     *
     * @return true if its attributes have {@link #HARDWARE_ASSISTED}
     */
    public boolean isHardwareAssisted() {
        return (attributes & HARDWARE_ASSISTED) != 0;
    }

    /**
     * Whether the snapshot outlives its requester ({@code VSS_VOLSNAP_ATTR_PERSISTENT}, vss.h).
     *
     * @return true if its attributes have {@code VSS_VOLSNAP_ATTR_PERSISTENT}
     */
    public boolean isPersistent() {
        return (attributes & 1) != 0;
    }

    /**
     * The {@code VSS_CTX_*} it was created in: its attribute bits PERSISTENT (1), CLIENT_ACCESSIBLE (4),
     * NO_AUTO_RELEASE (8) and NO_WRITERS (16), from which vss.h composes every context.
     *
     * @return the context's bits of its attributes, e.g. 0 for {@code VSS_CTX_BACKUP}
     */
    public int context() {
        return attributes & (1 | 4 | 8 | 16);
    }
}
