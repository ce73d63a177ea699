package org.vss4j.sim.win32;

import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.abi.NativeCallback;

/**
 * The simulated {@code GetVolumePathNameW} and {@code GetVolumeNameForVolumeMountPointW} over the current machine's
 * volumes: their aliases (drive roots {@code C:\}, mounted folders {@code C:\mnt\data\}) and volume GUID paths.
 *
 * <p>{@code GetVolumePathNameW} (Microsoft docs, "GetVolumePathNameW function"; error codes as Wine's kernel32
 * conformance tests observe them on Windows, dlls/kernel32/tests/volume.c):
 * <ul>
 * <li>a path is split at its deepest mount point, returned with its trailing backslash, whether or not the rest
 * exists ("If a valid volume specifier is given, and the volume exists, but an invalid file or directory name is
 * specified, the function will succeed"); mounted folders nest, each resolved through the volume it lives on;</li>
 * <li>the root is written as given: a drive letter in upper case, {@code \\?\c:} and {@code \\?\Volume{...}} as typed;
 * {@code /} separates names except after {@code \\?\}; {@code .} and {@code ..} are applied except after {@code \\?\};
 * </li>
 * <li>"If you specify a relative directory or file name without a volume qualifier, GetVolumePathName returns the
 * drive letter of the boot volume": so do names that start with one backslash, NT namespace names ({@code \Device\},
 * {@code \??\}) and host paths such as {@code /tmp/x} (to Windows that is {@code \tmp\x}, on the current drive);</li>
 * <li>{@code X:name} is relative to drive X's current directory, which the simulator takes to be its root;</li>
 * <li>a drive no volume is mounted at: ERROR_FILE_NOT_FOUND; an unknown volume GUID path or another {@code \\?\}
 * form: ERROR_INVALID_NAME; {@code ""}: FALSE with the last error ERROR_SUCCESS (documented); no room for the
 * answer: ERROR_FILENAME_EXCED_RANGE, except that one character short returns it without its trailing backslash;
 * a zero-length or NULL buffer: ERROR_INVALID_PARAMETER.</li>
 * </ul>
 *
 * <p>{@code GetVolumeNameForVolumeMountPointW} (Microsoft docs, "GetVolumeNameForVolumeMountPointW function": the
 * name "must end with a trailing backslash"): no trailing backslash: ERROR_INVALID_NAME; a buffer under 50
 * characters: ERROR_FILENAME_EXCED_RANGE (0: ERROR_INVALID_PARAMETER); a drive root, mounted folder or volume GUID
 * path gives {@code \\?\Volume{GUID}\}; a directory that is no mount point: ERROR_NOT_A_REPARSE_POINT; a name that
 * does not exist: ERROR_FILE_NOT_FOUND. docs/volumes.md lists what the simulator chose where Windows documents
 * nothing.
 *
 * <p>Names are read by {@link Win32Path}. The volumes are the machine's {@linkplain SimulatedMachine#mountedVolumes()
 * mounted volumes}: its own, and the shadow copies exposed locally at a drive letter or mounted folder, which are
 * volumes too.
 */
public final class VolumeNames {

    /** A volume GUID path is 49 characters; with its NUL, 50 ("GetVolumeNameForVolumeMountPointW function"). */
    static final int VOLUME_NAME_CHARS = 50;

    private VolumeNames() {
    }

    /**
     * Adds both functions to the simulator's export table.
     *
     * @param table the export table, export to callback
     */
    public static void register(Map<NativeExport, NativeCallback> table) {
        Win32Function.put(table, NativeExport.GetVolumePathNameW, 0, a -> getVolumePathName(SimulatedMachine.current(), a.pointer(0), a.pointer(1), a.int32(2)));
        Win32Function.put(table, NativeExport.GetVolumeNameForVolumeMountPointW, 0, a -> getVolumeNameForVolumeMountPoint(SimulatedMachine.current(), a.pointer(0), a.pointer(1),
                        a.int32(2)));
    }

    /** A Win32 failure inside the simulation: the function returns FALSE with {@code error} as its last error. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int error;

        Failure(int error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    /**
     * A path placed on the machine: the volume its root names, how that root is written in an answer (no trailing
     * backslash), and the names below it.
     */
    private record Located(Volume root, String written, List<String> names, boolean unqualified) {
    }

    /** A mount point found on the way down a located path: the volume there and how many names lead to it. */
    private record Mount(Volume volume, int depth) {
    }

    static int getVolumePathName(SimulatedMachine machine, Pointer fileName, Pointer out, int cch) {
        long chars = Integer.toUnsignedLong(cch);
        if (fileName == null || out == null || chars == 0) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        String path = Utf16.read(fileName);
        if (path.isEmpty()) {
            // "If this parameter is an empty string, "", the function fails but the last error is set to
            // ERROR_SUCCESS."
            return fail(Win32Error.ERROR_SUCCESS);
        }
        String answer;
        try {
            answer = volumePathName(machine, path);
        } catch (Failure f) {
            return fail(f.error);
        }
        if (chars >= answer.length() + 1L) {
            Utf16.write(out, answer);
        } else if (chars == answer.length() && answer.endsWith("\\")) {
            // Observed on Windows (Wine's tests 16-25): one character short, the trailing backslash is left off.
            Utf16.write(out, answer.substring(0, answer.length() - 1));
        } else {
            return fail(Win32Error.ERROR_FILENAME_EXCED_RANGE);
        }
        return 1;
    }

    static int getVolumeNameForVolumeMountPoint(SimulatedMachine machine, Pointer mountPoint, Pointer out, int cch) {
        long chars = Integer.toUnsignedLong(cch);
        if (mountPoint == null || out == null) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        String name = Utf16.read(mountPoint);
        if (!name.endsWith("\\")) {
            return fail(Win32Error.ERROR_INVALID_NAME);
        }
        if (chars == 0) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        if (chars < VOLUME_NAME_CHARS) {
            return fail(Win32Error.ERROR_FILENAME_EXCED_RANGE);
        }
        try {
            Utf16.write(out, mountPointVolume(machine, name).guidName());
            return 1;
        } catch (Failure f) {
            return fail(f.error);
        }
    }

    /** The answer of GetVolumePathNameW for {@code path}: its deepest mount point, with a trailing backslash. */
    static String volumePathName(SimulatedMachine machine, String path) {
        Located at = locate(machine, path);
        if (at.unqualified()) {
            return at.written() + "\\";
        }
        Mount m = deepestMount(machine, at);
        String mountedFolder = String.join("\\", at.names().subList(0, m.depth()));
        return at.written() + "\\" + (m.depth() == 0 ? "" : mountedFolder + "\\");
    }

    /**
     * The volume the volume mount point {@code name} designates, as {@code GetVolumeNameForVolumeMountPointW} finds
     * it: a drive root, mounted folder or volume GUID path, with its trailing backslash; empty if it designates none
     * (no trailing backslash, a directory that is no mount point, a host path, nothing there).
     *
     * @param machine the machine whose volumes are searched
     * @param name the volume mount point's name, or null
     * @return the volume, or empty if {@code name} designates none
     */
    public static Optional<Volume> volumeOfMountPoint(SimulatedMachine machine, String name) {
        if (name == null || !name.endsWith("\\")) {
            return Optional.empty();
        }
        try {
            return Optional.of(mountPointVolume(machine, name));
        } catch (Failure f) {
            return Optional.empty();
        }
    }

    /**
     * The volume that holds the file or directory {@code path}, as {@code GetVolumePathNameW} and then
     * {@code GetVolumeNameForVolumeMountPointW} find it: split at its deepest mount point. Only an absolute name with
     * a volume qualifier has one ({@code X:\...}, {@code \\?\X:\...}, {@code \\?\Volume{GUID}\...}); for
     * any other name (relative, {@code \x}, a host path such as {@code /tmp/x}, UNC) it is empty, where
     * {@code GetVolumePathNameW} would answer with the boot volume.
     *
     * @param machine the machine whose volumes are searched
     * @param path the file's or directory's name, or null
     * @return the volume, or empty for a name without a volume qualifier or on no mounted volume
     */
    public static Optional<Volume> volumeOfPath(SimulatedMachine machine, String path) {
        if (path == null) {
            return Optional.empty();
        }
        Win32Path w = Win32Path.parse(path);
        boolean absolute = switch (w.kind()) {
            case DRIVE -> w.literal() || path.length() >= 3 && (path.charAt(2) == '\\' || path.charAt(2) == '/');
            case VOLUME_GUID -> true;
            default -> false;
        };
        if (!absolute) {
            return Optional.empty();
        }
        try {
            return Optional.of(deepestMount(machine, locate(machine, path)).volume());
        } catch (Failure f) {
            return Optional.empty();
        }
    }

    private static Volume mountPointVolume(SimulatedMachine machine, String name) {
        Located at = locate(machine, name);
        if (at.unqualified()) {
            // Relative and NT namespace names are no mount points the simulator knows (docs/volumes.md).
            throw new Failure(Win32Error.ERROR_INVALID_NAME);
        }
        Mount m = deepestMount(machine, at);
        if (m.depth() == at.names().size()) {
            return m.volume();
        }
        Path dir = m.volume().root();
        for (String n : at.names().subList(m.depth(), at.names().size())) {
            if (n.equals(".") || n.equals("..") || n.indexOf('/') >= 0) {
                throw new Failure(Win32Error.ERROR_FILE_NOT_FOUND);
            }
            dir = dir.resolve(n);
        }
        // A directory of the volume that is not a mount point (Wine's test on the temp directory); else nothing there.
        throw new Failure(Files.isDirectory(dir) ? Win32Error.ERROR_NOT_A_REPARSE_POINT
                : Win32Error.ERROR_FILE_NOT_FOUND);
    }

    /** Where {@code path}'s root is, or the boot volume for a name without a volume qualifier. */
    private static Located locate(SimulatedMachine machine, String path) {
        Win32Path w = Win32Path.parse(path);
        switch (w.kind()) {
            case DRIVE -> {
                Volume v = drive(machine, w.drive()).orElseThrow(() -> new Failure(Win32Error.ERROR_FILE_NOT_FOUND));
                return new Located(v, w.written(), w.names(), false);
            }
            case VOLUME_GUID -> {
                String guidName = w.written() + "\\";
                Volume v = machine.mountedVolumes().stream().filter(x -> x.guidName().equalsIgnoreCase(guidName))
                        .findFirst().orElseThrow(() -> new Failure(Win32Error.ERROR_INVALID_NAME));
                return new Located(v, w.written(), w.names(), false);
            }
            case UNC -> throw new Failure(Win32Error.ERROR_BAD_NETPATH);
            case UNQUALIFIED -> {
                Volume boot = machine.bootVolume().orElseThrow(() -> new Failure(Win32Error.ERROR_PATH_NOT_FOUND));
                String written = boot.aliases().stream().filter(VolumeNames::isDriveRoot).findFirst()
                        .map(a -> a.substring(0, 2).toUpperCase(Locale.ROOT))
                        .orElse(boot.guidName().substring(0, boot.guidName().length() - 1));
                return new Located(boot, written, List.of(), true);
            }
            default -> {
                // \\?\GLOBALROOT\..., \\?\InvalidDrive:\..., a \\name that is no share: not a volume.
                throw new Failure(Win32Error.ERROR_INVALID_NAME);
            }
        }
    }

    /**
     * Walks {@code at} down from its root: wherever the names so far are a mounted folder of the volume reached so far
     * (through any of that volume's names), the walk continues on the mounted volume.
     */
    private static Mount deepestMount(SimulatedMachine machine, Located at) {
        Volume current = at.root();
        int depth = 0;
        for (int i = 1; i <= at.names().size(); i++) {
            String below = String.join("\\", at.names().subList(depth, i)) + "\\";
            Volume mounted = mountedAt(machine, current, below);
            if (mounted != null) {
                current = mounted;
                depth = i;
            }
        }
        return new Mount(current, depth);
    }

    /** The volume mounted at {@code below} (relative, with trailing backslash) on {@code on}, or null. */
    private static Volume mountedAt(SimulatedMachine machine, Volume on, String below) {
        List<String> roots = new ArrayList<>();
        for (String a : on.aliases()) {
            roots.add(a.endsWith("\\") ? a : a + "\\");
        }
        roots.add(on.guidName());
        for (String root : roots) {
            String candidate = root + below;
            for (Volume v : machine.mountedVolumes()) {
                if (v != on && v.aliases().stream().anyMatch(a -> (a.endsWith("\\") ? a : a + "\\")
                        .equalsIgnoreCase(candidate))) {
                    return v;
                }
            }
        }
        return null;
    }

    /** The volume mounted at drive {@code letter}, if any. */
    private static Optional<Volume> drive(SimulatedMachine machine, char letter) {
        if (!((letter >= 'A' && letter <= 'Z') || (letter >= 'a' && letter <= 'z'))) {
            return Optional.empty();
        }
        String root = Character.toUpperCase(letter) + ":\\";
        return machine.mountedVolumes().stream().filter(v -> v.aliases().stream().anyMatch(a -> isDriveRoot(a)
                && (a.endsWith("\\") ? a : a + "\\").equalsIgnoreCase(root))).findFirst();
    }

    private static boolean isDriveRoot(String alias) {
        return alias.length() >= 2 && alias.charAt(1) == ':' && (alias.length() == 2 || alias.equals(alias
                .substring(0, 2) + "\\"));
    }

    private static int fail(int error) {
        LastError.set(error);
        return 0;
    }
}
