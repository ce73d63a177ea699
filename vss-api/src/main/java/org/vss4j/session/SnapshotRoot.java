package org.vss4j.session;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A volume's shadow copy as the file list reads it.
 *
 * @param volumeName the volume as added to the set
 * @param snapshotId the shadow copy
 * @param root       its root directory ({@link org.vss4j.SnapshotMount#root()})
 */
record SnapshotRoot(String volumeName, UUID snapshotId, Path root) {
}
