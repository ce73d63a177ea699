package org.vss4j.sim;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * A shadow copy on a simulated machine: a point-in-time copy of a volume's directory in {@link #directory()}, which
 * the simulator reports as the snapshot's device object. {@code owner} is the requester whose release deletes a
 * non-persistent snapshot (null once nothing owns it). {@code copyMethod} says whether the copy is a reflink clone or
 * plain copies. {@code exposure} is how it is exposed ({@code ExposeSnapshot}), or null.
 */
public record Snapshot(UUID id, UUID setId, Volume volume, Path directory, int attributes, Instant created,
        int snapshotsInSet, Object owner, CopyMethod copyMethod, Exposure exposure) {

    /** {@code VSS_VOLSNAP_ATTR_TRANSPORTABLE} (reference section 5). */
    public static final int TRANSPORTABLE = 32;
    /** {@code VSS_VOLSNAP_ATTR_HARDWARE_ASSISTED} (reference section 5): made by a hardware provider. */
    public static final int HARDWARE_ASSISTED = 65536;
    /** {@code VSS_VOLSNAP_ATTR_IMPORTED} (reference section 5). */
    public static final int IMPORTED = 524288;

    /** A snapshot that is not exposed. */
    public Snapshot(UUID id, UUID setId, Volume volume, Path directory, int attributes, Instant created,
            int snapshotsInSet, Object owner, CopyMethod copyMethod) {
        this(id, setId, volume, directory, attributes, created, snapshotsInSet, owner, copyMethod, null);
    }

    /** This snapshot exposed as {@code e} (null: unexposed), with the EXPOSED_LOCALLY/REMOTELY bit to match. */
    public Snapshot withExposure(Exposure e) {
        int bits = attributes & ~(Exposure.EXPOSED_LOCALLY | Exposure.EXPOSED_REMOTELY);
        if (e != null) {
            bits |= e.attribute();
        }
        return new Snapshot(id, setId, volume, directory, bits, created, snapshotsInSet, owner, copyMethod, e);
    }

    /** This snapshot with {@code bit} added to its attributes. */
    public Snapshot withAttribute(int bit) {
        return new Snapshot(id, setId, volume, directory, attributes | bit, created, snapshotsInSet, owner, copyMethod,
                exposure);
    }

    /** Whether a hardware provider made it ({@code BreakSnapshotSet} and imports need one; Microsoft docs). */
    public boolean isHardwareAssisted() {
        return (attributes & HARDWARE_ASSISTED) != 0;
    }

    /** Whether the snapshot outlives its requester ({@code VSS_VOLSNAP_ATTR_PERSISTENT}, reference section 5). */
    public boolean isPersistent() {
        return (attributes & 1) != 0;
    }

    /**
     * The {@code VSS_CTX_*} it was created in: its attribute bits PERSISTENT (1), CLIENT_ACCESSIBLE (4),
     * NO_AUTO_RELEASE (8) and NO_WRITERS (16), of which every context is made (reference section 5, "Defined as").
     */
    public int context() {
        return attributes & (1 | 4 | 8 | 16);
    }
}
