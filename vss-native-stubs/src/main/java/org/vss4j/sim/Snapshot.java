package org.vss4j.sim;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * A shadow copy on a simulated machine: a point-in-time copy of a volume's directory in {@link #directory()}, which
 * the simulator reports as the snapshot's device object. {@code owner} is the requester whose release deletes a
 * non-persistent snapshot (null once nothing owns it). {@code copyMethod} says whether the copy is a reflink clone or
 * plain copies.
 */
public record Snapshot(UUID id, UUID setId, Volume volume, Path directory, int attributes, Instant created,
        int snapshotsInSet, Object owner, CopyMethod copyMethod) {

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
