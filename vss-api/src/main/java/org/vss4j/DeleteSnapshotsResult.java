package org.vss4j;

import java.util.UUID;

/**
 * The outcome of {@code IVssBackupComponents::DeleteSnapshots}.
 *
 * @param deletedCount        how many shadow copies were deleted
 * @param nonDeletedSnapshotId the shadow copy that could not be deleted when the call failed part-way, or null
 */
public record DeleteSnapshotsResult(int deletedCount, UUID nonDeletedSnapshotId) {
}
