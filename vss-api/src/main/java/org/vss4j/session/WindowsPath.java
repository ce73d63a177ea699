package org.vss4j.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vss4j.session.UnresolvablePathException.Reason;

/**
 * An absolute Win32 path, checked and canonicalised before any volume is looked up: a drive path {@code X:\...} (also
 * written {@code \\?\X:\...} or with forward slashes) or a volume GUID path {@code \\?\Volume{GUID}\...}. Everything
 * else is refused with its {@link Reason}, because {@code GetVolumePathNameW} would quietly answer with the boot
 * volume (Microsoft docs, "GetVolumePathNameW function": relative names, names without a volume qualifier and NT
 * namespace names all give the boot volume).
 *
 * <p>Canonical form (Microsoft docs, "Naming Files, Paths, and Namespaces"): {@code /} is a separator outside
 * {@code \\?\} paths; repeated separators collapse; {@code .} is dropped and {@code ..} removes the name before it;
 * a {@code ..} that would climb above the root is refused; the drive letter is upper case; the names keep their case
 * and are compared without it.
 */
final class WindowsPath {

    private static final String EXTENDED = "\\\\?\\";
    private static final Pattern GUID_ROOT = Pattern.compile(
            "volume\\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\}", Pattern.CASE_INSENSITIVE);
    /** Roots of the NT object namespace (Microsoft docs, "Object Names"), which Win32 volume functions do not read. */
    private static final List<String> NT_ROOTS = List.of("\\??\\", "\\device\\", "\\dosdevices\\", "\\global??\\",
            "\\systemroot\\", "\\globalroot\\");
    private static final String ALL_VOLUMES = "$allvolumes$";
    private static final String USER_PROFILE = "$userprofile$";

    /** {@code C:\} or {@code \\?\Volume{GUID}\}. */
    private final String root;
    private final List<String> names;

    private WindowsPath(String root, List<String> names) {
        this.root = root;
        this.names = List.copyOf(names);
    }

    /**
     * {@code path} as an absolute, canonical Win32 path.
     *
     * @throws UnresolvablePathException if it is not one
     */
    static WindowsPath parse(String path) {
        if (path == null || path.isBlank()) {
            throw new UnresolvablePathException(String.valueOf(path), Reason.RELATIVE, "it is empty");
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (startsWithName(lower, ALL_VOLUMES)) {
            throw new UnresolvablePathException(path, Reason.ALL_VOLUMES, null);
        }
        if (startsWithName(lower, USER_PROFILE)) {
            throw new UnresolvablePathException(path, Reason.USER_PROFILES, null);
        }
        if (path.startsWith(EXTENDED)) {
            return extended(path, path.substring(EXTENDED.length()));
        }
        String p = path.replace('/', '\\');
        String lp = p.toLowerCase(Locale.ROOT);
        if (lp.startsWith("\\\\.\\") || lp.startsWith("\\\\?\\")) {
            throw new UnresolvablePathException(path, Reason.DEVICE_NAMESPACE, null);
        }
        if (p.startsWith("\\\\")) {
            throw new UnresolvablePathException(path, Reason.UNC, null);
        }
        if (p.startsWith("\\")) {
            boolean nt = NT_ROOTS.stream().anyMatch(r -> lp.startsWith(r) || (lp + "\\").equals(r));
            throw new UnresolvablePathException(path, nt ? Reason.NT_NAMESPACE : Reason.NO_DRIVE, null);
        }
        if (p.length() >= 2 && p.charAt(1) == ':') {
            if (!isDriveLetter(p.charAt(0))) {
                throw new UnresolvablePathException(path, Reason.INVALID_NAME, "'" + p.charAt(0) + ":' is no drive");
            }
            if (p.length() == 2 || p.charAt(2) != '\\') {
                throw new UnresolvablePathException(path, Reason.DRIVE_RELATIVE, null);
            }
            return new WindowsPath(Character.toUpperCase(p.charAt(0)) + ":\\", names(path, p.substring(3), true));
        }
        throw new UnresolvablePathException(path, Reason.RELATIVE, null);
    }

    /** {@code \\?\} paths: no separator conversion and no {@code .}/{@code ..} processing (Microsoft, same page). */
    private static WindowsPath extended(String path, String rest) {
        if (rest.length() >= 2 && rest.charAt(1) == ':' && isDriveLetter(rest.charAt(0))
                && (rest.length() == 2 || rest.charAt(2) == '\\')) {
            return new WindowsPath(Character.toUpperCase(rest.charAt(0)) + ":\\",
                    names(path, rest.length() == 2 ? "" : rest.substring(3), false));
        }
        int end = rest.indexOf('\\');
        String first = end < 0 ? rest : rest.substring(0, end);
        if (GUID_ROOT.matcher(first).matches()) {
            return new WindowsPath(EXTENDED + "Volume" + first.substring("Volume".length()).toLowerCase(Locale.ROOT)
                    + "\\", names(path, end < 0 ? "" : rest.substring(end + 1), false));
        }
        if (first.equalsIgnoreCase("UNC")) {
            throw new UnresolvablePathException(path, Reason.UNC, null);
        }
        throw new UnresolvablePathException(path, Reason.DEVICE_NAMESPACE, null);
    }

    /**
     * The names below the root; {@code normalise} applies {@code .} and {@code ..} lexically, as GetFullPathNameW does
     * ({@code C:\a\..\b} is {@code C:\b}). A {@code ..} with no name before it would climb above the root: Win32
     * stops there quietly, the session refuses it ({@link Reason#ABOVE_ROOT}), since such a path does not say what it
     * means and a backup must never read a place its writer did not name. Without {@code normalise} (after
     * {@code \\?\}) {@code .} and {@code ..} are no names a file can have ({@link Reason#LITERAL_DOTS}).
     */
    private static List<String> names(String path, String rest, boolean normalise) {
        List<String> out = new ArrayList<>();
        for (String name : rest.split("\\\\")) {
            if (name.isEmpty() || (normalise && name.equals("."))) {
                continue;
            }
            if (name.equals(".") || name.equals("..")) {
                if (!normalise) {
                    throw new UnresolvablePathException(path, Reason.LITERAL_DOTS, null);
                }
                if (out.isEmpty()) {
                    throw new UnresolvablePathException(path, Reason.ABOVE_ROOT, null);
                }
                out.remove(out.size() - 1);
                continue;
            }
            for (char c : name.toCharArray()) {
                if (c < 0x20 || "<>:\"/|?*".indexOf(c) >= 0) {
                    throw new UnresolvablePathException(path, Reason.INVALID_NAME, "'" + c + "' in '" + name + "'");
                }
            }
            out.add(name);
        }
        return out;
    }

    /**
     * The rest of an exclusion written {@code $AllVolumes$\rest}, canonical and without leading backslash ({@code ""}
     * for every volume root); empty if {@code path} does not start with {@code $AllVolumes$}.
     */
    static Optional<String> belowAllVolumes(String path) {
        if (path == null || !startsWithName(path.toLowerCase(Locale.ROOT), ALL_VOLUMES)) {
            return Optional.empty();
        }
        return Optional.of(String.join("\\", names(path, path.substring(ALL_VOLUMES.length()).replace('/', '\\'),
                true)));
    }

    private static boolean startsWithName(String lower, String name) {
        return lower.startsWith(name) && (lower.length() == name.length() || lower.charAt(name.length()) == '\\'
                || lower.charAt(name.length()) == '/');
    }

    private static boolean isDriveLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** {@code C:\} or {@code \\?\Volume{guid}\}. */
    String root() {
        return root;
    }

    /** The whole path in canonical form; a root keeps its trailing backslash. */
    String canonical() {
        return root + String.join("\\", names);
    }

    /**
     * The part of this path below {@code mountPoint} (a drive root or mounted folder with its trailing backslash, as
     * {@code GetVolumePathNameW} returns it), compared name by name without case; empty if this path is not on it.
     */
    Optional<String> below(String mountPoint) {
        WindowsPath mount;
        try {
            mount = parse(mountPoint);
        } catch (UnresolvablePathException notAPath) {
            return Optional.empty();
        }
        if (!mount.root.equalsIgnoreCase(root) || mount.names.size() > names.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < mount.names.size(); i++) {
            if (!mount.names.get(i).equalsIgnoreCase(names.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(String.join("\\", names.subList(mount.names.size(), names.size())));
    }

    @Override
    public String toString() {
        return canonical();
    }
}
