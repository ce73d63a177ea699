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
            if (s.equals(".") || s.equals("..") || s.chars().anyMatch(c -> c < 32 || "/:*?\"<>|".indexOf(c) >= 0)) {
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
     * Why {@code name} cannot be a file name under a media directory on Windows, or null. Microsoft docs, "Naming
     * Files, Paths, and Namespaces": CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9 (also with the superscript
     * digits ¹, ² and ³) are device names, in any case and also when an extension follows ({@code NUL.txt} is
     * {@code NUL}), so a file stored under such a name would go to the device; and a name must not end in a space or
     * a period, which Windows strips, so {@code a.} would be stored as (and over) {@code a}. Refused on every host,
     * so that media written anywhere have the same layout and can be copied to Windows.
     */
    static String windowsNameProblem(String name) {
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') {
            return "Windows drops a trailing " + (last == '.' ? "period" : "space") + ", so the name would collide "
                    + "with the one without it";
        }
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
        boolean device = switch (stem.length()) {
            case 3 -> stem.equals("CON") || stem.equals("PRN") || stem.equals("AUX") || stem.equals("NUL");
            case 4 -> (stem.startsWith("COM") || stem.startsWith("LPT")) && "123456789\u00b9\u00b2\u00b3"
                    .indexOf(stem.charAt(3)) >= 0;
            default -> false;
        };
        return device ? "it is the reserved device name " + stem + " (Microsoft docs, \"Naming Files, Paths, and "
                + "Namespaces\")" : null;
    }
}
