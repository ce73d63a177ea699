package org.vss4j.sim;

/** How the simulator made a snapshot's point-in-time copy of a volume directory. */
public enum CopyMethod {
    /**
     * A copy-on-write clone made by the clone command ({@code cp --reflink=always -a} on Linux): instant and sharing
     * blocks with the volume until either side is written, where the file system supports it (Btrfs, XFS, ...).
     */
    REFLINK,
    /**
     * A real copy: one {@code cp -a} of the tree on Linux, file-by-file copies in Java elsewhere or
     * where it fails. Works on every file system, costs time and space proportional to the volume.
     */
    PLAIN_COPY
}
