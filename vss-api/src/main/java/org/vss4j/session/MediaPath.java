package org.vss4j.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a file with a Windows original path is stored under a media directory, such that no original path can lead
 * outside it: {@code C:\Users\a.txt} becomes {@code C/Users/a.txt}, a mount folder path {@code C:\mnt\data\x} stays
 * under {@code C/mnt/data}, a volume GUID path {@code \\?\Volume{…}\x} becomes {@code Volume{…}/x} and a UNC path
 * {@code \\server\share\x} becomes {@code UNC/server/share/x}. The path forms are those of Microsoft docs, "Naming
 * Files, Paths, and Namespaces".
 */
public final class MediaPath {

    private MediaPath() {
    }

    /**
     * {@code originalPath} as a path under {@code media}.
     *
     * @throws IllegalArgumentException if the path is relative, drive-relative ({@code C:x}), or has a component that
     *                                  is {@code .} or {@code ..}, holds a character no Windows name may hold, is a
     *                                  Windows device name ({@code CON}, {@code nul.txt}, {@code COM1}...) or ends in
     *                                  a period or a space
     */
    public static Path under(Path media, String originalPath) {
        List<String> parts = segments(originalPath);
        Path p = media;
        for (String s : parts) {
            p = p.resolve(s);
        }
        Path base = media.toAbsolutePath().normalize();
        if (!p.toAbsolutePath().normalize().startsWith(base) || p.toAbsolutePath().normalize().equals(base)) {
            throw new IllegalArgumentException("the original path " + originalPath + " does not name a place under "
                    + media);
        }
        return p;
    }

    /** The components of {@code originalPath} below the media directory. */
    static List<String> segments(String originalPath) {
        String p = originalPath;
        List<String> out = new ArrayList<>();
        if (p.startsWith("\\\\?\\") || p.startsWith("\\\\.\\")) {
            p = p.substring(4);
            if (p.regionMatches(true, 0, "UNC\\", 0, 4)) {
                out.add("UNC");
                p = p.substring(4);
            }
        } else if (p.startsWith("\\\\")) {
            out.add("UNC");
            p = p.substring(2);
        }
        if (p.length() >= 2 && p.charAt(1) == ':' && Character.isLetter(p.charAt(0))) {
            if (p.length() > 2 && p.charAt(2) != '\\') {
                throw new IllegalArgumentException("drive-relative path " + originalPath + ": the backup needs "
                        + "absolute paths (" + p.substring(0, 2) + "\\...)");
            }
            out.add(p.substring(0, 1).toUpperCase(Locale.ROOT));
            p = p.length() > 2 ? p.substring(3) : "";
        } else if (out.isEmpty() && !originalPath.startsWith("\\\\")) {
            throw new IllegalArgumentException("not an absolute Windows path: " + originalPath);
        }
        for (String s : p.split("\\\\")) {
            if (s.isEmpty()) {
                continue;
            }
            if (s.equals(".") || s.equals("..") || s.chars().anyMatch(c -> WindowsNames.isReserved((char) c))) {
                throw new IllegalArgumentException("the original path " + originalPath + " has a component ("
                        + s + ") that cannot be stored safely");
            }
            String collision = windowsNameProblem(s);
            if (collision != null) {
                throw new IllegalArgumentException("the original path " + originalPath + " has a component (" + s
                        + ") that cannot be stored on Windows media: " + collision);
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the original path " + originalPath + " names no file");
        }
        return out;
    }

    /**
     * Why {@code name} cannot be a file name under a media directory on Windows, or null ({@link WindowsNames}): a
     * device name would send the file to the device, and a trailing space or period, which Windows strips, would
     * store {@code a.} as (and over) {@code a}. Refused on every host, so that media written anywhere have the same
     * layout and can be copied to Windows.
     */
    static String windowsNameProblem(String name) {
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') {
            return "Windows drops a trailing " + (last == '.' ? "period" : "space") + ", so the name would collide "
                    + "with the one without it";
        }
        String device = WindowsNames.deviceName(name);
        return device != null ? "it is the reserved device name " + device + " (Microsoft docs, \"Naming Files, "
                + "Paths, and Namespaces\")" : null;
    }
}
