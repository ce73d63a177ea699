package org.vss4j.session;

import java.util.Locale;

/**
 * A path split at the volume it lives on.
 *
 * @param volumeName   the volume's mount point as {@code AddToSnapshotSet} takes it, with a trailing backslash
 *                     ({@code C:\}, a mount folder {@code C:\mnt\data\}, or a volume GUID name)
 * @param volumeId     a name that is the same for every way of reaching the volume (its volume GUID name)
 * @param relativePath the rest of the path, without a leading backslash ({@code ""} for the volume root)
 */
public record ResolvedPath(String volumeName, String volumeId, String relativePath) {

    public ResolvedPath {
        relativePath = trimSlashes(relativePath.replace('/', '\\'));
        for (String name : relativePath.split("\\\\")) {
            // A relative path is read below a snapshot root, name by name: "." and ".." would leave the volume's own
            // tree, and a wildcard would make FindFirstFileW match some other name.
            if (name.equals(".") || name.equals("..")) {
                // Whoever resolved it: the Windows resolver never gives one (WindowsPath refuses such paths first).
                throw new UnresolvablePathException(volumeName + relativePath,
                        UnresolvablePathException.Reason.NOT_CANONICAL, "a path below the volume " + volumeName
                        + " must be canonical, without '.' or '..': " + relativePath);
            }
            String bad = WindowsNames.problem(name);
            if (!name.isEmpty() && bad != null) {
                throw new UnresolvablePathException(volumeName + relativePath, UnresolvablePathException.Reason
                        .INVALID_NAME, bad);
            }
        }
    }

    /** The volume and the relative path together, as a case-insensitive key. */
    String key() {
        return (volumeId + "|" + relativePath).toLowerCase(Locale.ROOT);
    }

    /** {@code volumeName} joined with a relative path. */
    String original(String relative) {
        return relative.isEmpty() ? volumeName : volumeName + relative;
    }

    private static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '\\') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '\\') {
            end--;
        }
        return s.substring(start, end);
    }
}
