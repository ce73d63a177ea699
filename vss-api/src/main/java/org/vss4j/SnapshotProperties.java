package org.vss4j;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The properties of one shadow copy, copied out of a {@code VSS_SNAPSHOT_PROP} (whose native strings vss4j frees).
 *
 * @param snapshotId         the shadow copy id
 * @param snapshotSetId      the shadow copy set it belongs to
 * @param snapshotsCount     the number of shadow copies in the set
 * @param deviceObject       the shadow copy device, e.g. {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy3}
 * @param originalVolumeName the original volume, e.g. {@code \\?\Volume{...}\}
 * @param originatingMachine the machine the original volume belongs to
 * @param serviceMachine     the machine running the VSS service that created it
 * @param exposedName        the drive letter or mount point it is exposed at, or null
 * @param exposedPath        the share path it is exposed at, or null
 * @param providerId         the provider that created it
 * @param attributeMask      the raw {@code VSS_VOLUME_SNAPSHOT_ATTRIBUTES} mask
 * @param creationTime       when it was created
 * @param state              its state
 */
public record SnapshotProperties(UUID snapshotId, UUID snapshotSetId, int snapshotsCount, String deviceObject,
        String originalVolumeName, String originatingMachine, String serviceMachine, String exposedName,
        String exposedPath, UUID providerId, int attributeMask, Instant creationTime, SnapshotState state) {

    /** The attribute bits vss4j knows. */
    public Set<SnapshotAttribute> attributes() {
        return SnapshotAttribute.fromMask(attributeMask);
    }

    /** Whether {@code attribute}'s bit is set in {@link #attributeMask}. */
    public boolean hasAttribute(SnapshotAttribute attribute) {
        return (attributeMask & attribute.value()) != 0;
    }

    /** Whether the shadow copy outlives the requester ({@code VSS_VOLSNAP_ATTR_PERSISTENT}). */
    public boolean isPersistent() {
        return (attributeMask & SnapshotAttribute.PERSISTENT.value()) != 0;
    }
}
