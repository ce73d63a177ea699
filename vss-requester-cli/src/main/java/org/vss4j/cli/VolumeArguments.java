package org.vss4j.cli;

/**
 * Volume names from the command line as {@code AddToSnapshotSet} takes them: a drive letter, a mounted folder or a
 * volume GUID path, each with its trailing backslash (Microsoft docs, "IVssBackupComponents::AddToSnapshotSet": the
 * name "must include a trailing backslash"). A user who types {@code C:} means the volume, not the current directory
 * of drive C that the drive-relative path {@code C:} names in Windows paths, so {@code C:} and {@code C:\} both
 * become {@code C:\}; {@code D:\mnt\data} and {@code \\?\Volume{...}} get their backslash the same way.
 */
final class VolumeArguments {

    private VolumeArguments() {
    }

    /** {@code name} with a trailing backslash; a usage error for an empty name. */
    static String forAddToSnapshotSet(String name) {
        if (name == null || name.isBlank()) {
            throw new UsageException("an empty volume name: give a drive letter (C:), a mounted folder or a "
                    + "\\\\?\\Volume{...}\\ name");
        }
        return name.endsWith("\\") ? name : name + "\\";
    }
}
