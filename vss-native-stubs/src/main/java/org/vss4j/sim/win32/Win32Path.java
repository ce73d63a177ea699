package org.vss4j.sim.win32;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A name given to a Win32 file or volume function, split as Win32 reads it (Microsoft docs, "Naming Files, Paths, and
 * Namespaces"): its root and the names below it. The simulator's one path normaliser: the kernel32 functions, the
 * volume functions and the machine's own name lookups all read names through it.
 *
 * <ul>
 * <li>Without the {@code \\?\} prefix the name is normalised as {@code GetFullPathNameW} does: {@code /} separates
 * names like {@code \}, repeated separators collapse, {@code .} is dropped and {@code ..} removes the name before it
 * but never goes above the root ({@code C:\..\x} is {@code C:\x}).</li>
 * <li>After {@code \\?\} nothing is normalised: "the "\\?\" prefix also allows the use of ".." and "." in the path
 * names" as names, and {@code /} is a character of a name, not a separator. Such names are kept as they are
 * ({@link #literal()}); none of them exists on a volume.</li>
 * </ul>
 *
 * @param kind    what the root is
 * @param written how the root is written, as {@code GetVolumePathNameW} answers it: {@code C:} (upper case) for a
 *                drive, {@code \\?\c:} or {@code \\?\Volume{...}} as typed, {@code \\?\GLOBALROOT} for the NT
 *                namespace; empty for the other kinds
 * @param names   the names below the root
 * @param literal whether the name had the {@code \\?\} prefix (its names were not normalised)
 */
public record Win32Path(Kind kind, String written, List<String> names, boolean literal) {

    /** The extended-length prefix. */
    public static final String EXTENDED = "\\\\?\\";

    /** What the root of a name is. */
    public enum Kind {
        /** {@code X:\...}, {@code X:...} or {@code \\?\X:\...}: a drive letter (maybe not a letter: {@code 1:}). */
        DRIVE,
        /** {@code \\?\Volume{GUID}\...}. */
        VOLUME_GUID,
        /** {@code \\?\GLOBALROOT\...}: the root of the NT object namespace, e.g. a shadow copy device. */
        GLOBALROOT,
        /** {@code \\server\share\...} or {@code \\?\UNC\...}. */
        UNC,
        /** Another {@code \\?\} form, or a {@code \\} name that is no share. */
        INVALID,
        /**
         * No volume qualifier: a relative name, a name starting with one backslash (on the current drive), an NT
         * namespace name such as {@code \Device\...}, or a host path such as {@code /tmp/x} (to Windows
         * {@code \tmp\x}).
         */
        UNQUALIFIED
    }

    /**
     * A parsed name; {@code names} is copied.
     *
     * @param kind what the root is
     * @param written how the root is written (see the class comment); empty for the kinds without a root
     * @param names the names below the root
     * @param literal whether the name had the {@code \\?\} prefix
     */
    public Win32Path {
        names = List.copyOf(names);
    }

    /**
     * {@code name} as Win32 reads it.
     *
     * @param name a Windows path, e.g. {@code C:\data\..\file.txt}
     * @return the parsed name
     */
    public static Win32Path parse(String name) {
        if (name.startsWith(EXTENDED)) {
            return extended(name.substring(EXTENDED.length()));
        }
        String p = name.replace('/', '\\');
        if (p.startsWith("\\\\")) {
            return new Win32Path(isShare(p) ? Kind.UNC : Kind.INVALID, "", List.of(), false);
        }
        if (p.length() >= 2 && p.charAt(1) == ':') {
            // X:name is relative to drive X's current directory, which the simulator takes to be its root.
            return new Win32Path(Kind.DRIVE, Character.toUpperCase(p.charAt(0)) + ":", normalised(p.substring(2)),
                    false);
        }
        return new Win32Path(Kind.UNQUALIFIED, "", List.of(), false);
    }

    private static Win32Path extended(String rest) {
        if (rest.length() >= 2 && rest.charAt(1) == ':' && (rest.length() == 2 || rest.charAt(2) == '\\')) {
            return new Win32Path(Kind.DRIVE, EXTENDED + rest.substring(0, 2), literal(rest.substring(2)), true);
        }
        int end = rest.indexOf('\\');
        String first = end < 0 ? rest : rest.substring(0, end);
        List<String> below = literal(end < 0 ? "" : rest.substring(end));
        if (first.regionMatches(true, 0, "Volume{", 0, 7)) {
            return new Win32Path(Kind.VOLUME_GUID, EXTENDED + first, below, true);
        }
        if (first.equalsIgnoreCase("UNC")) {
            return new Win32Path(Kind.UNC, "", List.of(), true);
        }
        if (first.equalsIgnoreCase("GLOBALROOT")) {
            return new Win32Path(Kind.GLOBALROOT, EXTENDED + first, below, true);
        }
        return new Win32Path(Kind.INVALID, "", List.of(), true);
    }

    /**
     * The drive letter of a {@link Kind#DRIVE} name, upper case.
     *
     * @return the letter, e.g. {@code C}
     */
    public char drive() {
        return Character.toUpperCase(written.charAt(written.length() - 2));
    }

    /**
     * Whether the names can be on a volume: not after {@code \\?\} a {@code .} or {@code ..} (a name no file has) or
     * a name with {@code /} (a character no file name has).
     *
     * @return true if no name is {@code .}, {@code ..} or holds {@code /}
     */
    public boolean isReachable() {
        return names.stream().noneMatch(n -> n.equals(".") || n.equals("..") || n.indexOf('/') >= 0);
    }

    /**
     * Whether a literal name has a character no file name can have ({@code /}).
     *
     * @return true if a name holds {@code /}
     */
    public boolean hasInvalidName() {
        return names.stream().anyMatch(n -> n.indexOf('/') >= 0);
    }

    /**
     * Whether {@code prefix} is a prefix of these names, name by name without case.
     *
     * @param prefix the names of a shorter path, e.g. a mount point's
     * @return true if each name of {@code prefix} equals the name at its place, ignoring case
     */
    public boolean startsWith(List<String> prefix) {
        if (prefix.size() > names.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!prefix.get(i).equalsIgnoreCase(names.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same root as {@code other}: the same drive letter, or the same volume GUID path (without case), or both
     * in the NT namespace.
     *
     * @param other another name
     * @return true if both names have the same root
     */
    public boolean sameRoot(Win32Path other) {
        if (kind != other.kind) {
            return false;
        }
        return switch (kind) {
            case DRIVE -> drive() == other.drive();
            case VOLUME_GUID, GLOBALROOT -> rootName().equalsIgnoreCase(other.rootName());
            default -> false;
        };
    }

    /** The root without {@code \\?\}: {@code C:}, {@code Volume{...}}, {@code GLOBALROOT}. */
    private String rootName() {
        return written.startsWith(EXTENDED) ? written.substring(EXTENDED.length()) : written;
    }

    /** {@code \\server\share...} with both parts and no character a share name cannot have. */
    private static boolean isShare(String p) {
        String[] parts = p.substring(2).split("\\\\");
        return parts.length >= 2 && !parts[0].isEmpty() && !parts[1].isEmpty()
                && parts[0].chars().noneMatch(c -> "<>:\"/|?*".indexOf(c) >= 0)
                && parts[1].chars().noneMatch(c -> "<>:\"/|?*".indexOf(c) >= 0);
    }

    /** Names with {@code .} and {@code ..} applied, never above the root (as GetFullPathNameW normalises). */
    private static List<String> normalised(String rest) {
        List<String> out = new ArrayList<>();
        for (String n : rest.split("\\\\")) {
            if (n.isEmpty() || n.equals(".")) {
                continue;
            }
            if (n.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(n);
        }
        return out;
    }

    /** Names after {@code \\?\}: split at {@code \} only, taken literally. */
    private static List<String> literal(String rest) {
        List<String> out = new ArrayList<>();
        for (String n : rest.split("\\\\")) {
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return written + "\\" + String.join("\\", names) + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
    }
}
