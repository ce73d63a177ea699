package org.vss4j.files;

import java.nio.file.Path;

/**
 * The name the binding gives a Win32 file function for a {@link Path}: its extended-length form, so that no path is
 * held to MAX_PATH (260 characters). Without the {@code \\?\} prefix "the maximum length for a path is MAX_PATH", and
 * only a process whose manifest declares {@code longPathAware} on a machine with {@code LongPathsEnabled} escapes it
 * (Microsoft docs, "Maximum Path Length Limitation"); files read under a shadow copy's mount folder easily pass it.
 * The prefix also turns off the normalisation of the name ("Naming Files, Paths, and Namespaces": no {@code /} for
 * {@code \}, no {@code .} or {@code ..}), so the path is made absolute and normalised first:
 * <ul>
 * <li>{@code C:\x} becomes {@code \\?\C:\x}; {@code \\server\share\x} becomes {@code \\?\UNC\server\share\x};</li>
 * <li>{@code \\?\...} and {@code \\.\...} are left as they are;</li>
 * <li>an absolute host path of a non-Windows host ({@code /tmp/x}, which only the simulator opens) becomes
 * {@code \\?\/tmp/x}, the simulator's extended form of a host path (docs/long-paths.md);</li>
 * <li>anything else (a drive-relative {@code C:x}) is left as it is.</li>
 * </ul>
 */
public final class Win32FileName {

    /** The extended-length prefix (Microsoft docs, "Naming Files, Paths, and Namespaces"). */
    public static final String EXTENDED = "\\\\?\\";
    private static final String DEVICE = "\\\\.\\";
    private static final String UNC = EXTENDED + "UNC\\";

    private Win32FileName() {
    }

    /**
     * The extended-length name of {@code file}, made absolute and normalised first.
     *
     * @param file the path
     * @return its Win32 name with the {@code \\?\} prefix where it can have one
     */
    public static String of(Path file) {
        return extended(file.toAbsolutePath().normalize().toString());
    }

    /**
     * The extended-length form of an absolute, normalised name (see the class comment).
     *
     * @param name the name
     * @return the name with the {@code \\?\} (or {@code \\?\UNC\}) prefix where it can have one
     */
    public static String extended(String name) {
        if (name.startsWith(EXTENDED) || name.startsWith(DEVICE)) {
            return name;
        }
        if (name.startsWith("/")) {
            return EXTENDED + name;
        }
        String w = name.replace('/', '\\');
        if (w.startsWith("\\\\")) {
            return UNC + w.substring(2);
        }
        if (w.length() >= 3 && Character.isLetter(w.charAt(0)) && w.charAt(1) == ':' && w.charAt(2) == '\\') {
            return EXTENDED + w;
        }
        return name;
    }
}
