package org.vss4j.sim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A simulated volume: a directory of the host. Its volume GUID name {@code \\?\Volume{uuid}\} is derived from the
 * directory's canonical path (the same directory gives the same name in every run), and it can be reached by aliases
 * such as a drive letter ({@code C:\}) or a mount point, as {@code AddToSnapshotSet} accepts (Microsoft docs of
 * {@code AddToSnapshotSet}: mount point, drive letter or volume GUID name, each with a trailing backslash).
 */
public final class Volume {

    private final Path root;
    private final String guidName;
    private final List<String> aliases;
    private final boolean supported;
    private final FileSystemFacts facts;

    Volume(Path root, List<String> aliases, boolean supported) {
        this(root, aliases, supported, new FileSystemFacts(root));
    }

    /** A volume whose file-system facts are {@code facts} (kept when a volume known from a record is added again). */
    Volume(Path root, List<String> aliases, boolean supported, FileSystemFacts facts) {
        this.root = root;
        this.facts = facts;
        this.guidName = "\\\\?\\Volume{" + UUID.nameUUIDFromBytes(root.toString().getBytes(StandardCharsets.UTF_8))
                + "}\\";
        this.aliases = List.copyOf(aliases);
        this.supported = supported;
    }

    /**
     * The directory that holds the volume's files.
     *
     * @return the host directory, a real path
     */
    public Path root() {
        return root;
    }

    /**
     * What the volume's file system knows beyond the host directory: reparse points, denied directories, ...
     *
     * @return the facts, mutable
     */
    public FileSystemFacts facts() {
        return facts;
    }

    /**
     * {@code \\?\Volume{...}\}, what VSS reports as the original volume name.
     *
     * @return the GUID name, derived from the root, with its trailing backslash
     */
    public String guidName() {
        return guidName;
    }

    /**
     * The volume's mount points: for an added volume its drive roots ({@code C:\}) and mounted folders, each with its
     * trailing backslash; for a shadow copy exposed locally its exposed name.
     *
     * @return the mount points in the order given, empty for a volume known only from a recorded shadow copy
     */
    public List<String> aliases() {
        return aliases;
    }

    /**
     * Whether a shadow copy provider supports this volume ({@code IsVolumeSupported}).
     *
     * @return true if the volume can be added to a shadow copy set
     */
    public boolean isSupported() {
        return supported;
    }

    @Override
    public String toString() {
        return guidName + " -> " + root + (aliases.isEmpty() ? "" : " " + aliases);
    }
}
