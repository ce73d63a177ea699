package org.vss4j.sim.win32;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vss4j.sim.SimulatedMachine;

/**
 * The host file a name given to a simulated kernel32 function designates. The name is read as Win32 reads it
 * ({@link Win32Path}: normalised, or literal after {@code \\?\}), then placed:
 * <ul>
 * <li>on a simulated volume, through a drive letter, mounted folder or volume GUID path ({@code C:\data\x},
 * {@code C:} for its root, {@code \\?\C:\x}, {@code \\?\Volume{...}\x}), under that volume's directory; a shadow copy
 * exposed at a drive letter or mounted folder ({@code ExposeSnapshot}) is such a volume;</li>
 * <li>on a shadow copy device, {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN\x}: Win32 functions open
 * device paths (only java.nio cannot), so it is the shadow copy's root directory;</li>
 * <li>an absolute host path ({@code /tmp/x}) is itself: the simulator's extension, since on Linux the binding's own
 * temporary files (its {@code SnapshotMount} links) are host paths.</li>
 * </ul>
 * A name of {@link #MAX_PATH} characters or more that does not start with {@code \\?\} designates nothing (the
 * callers fail it with ERROR_PATH_NOT_FOUND) unless the machine has long paths enabled: "the maximum length for a
 * path is MAX_PATH, which is defined as 260 characters", the terminating NUL included, and only the {@code \\?\}
 * prefix or a long-path-aware process lifts it (Microsoft docs, "Maximum Path Length Limitation"). A host path is
 * held to the same rule, and {@code \\?\/tmp/x} is its extended form, read literally.
 * A Windows name never leads above the root of its volume or device: {@code ..} stops at the root, and after
 * {@code \\?\} it is a name that does not exist. Links inside the volume may still lead elsewhere, as on Windows.
 */
public final class Win32Names {

    /** The NT name of a shadow copy device's parent directory, after {@code \\?\GLOBALROOT}. */
    private static final String DEVICE = "Device";

    private Win32Names() {
    }

    /** MAX_PATH (minwindef.h): a path's limit, its terminating NUL included. */
    static final int MAX_PATH = 260;

    /**
     * The host path; empty when the name is relative, on no simulated volume, exposure or device, or too long
     * ({@link #tooLong}).
     */
    static Optional<Path> hostPath(SimulatedMachine machine, String name) {
        if (tooLong(machine, name)) {
            return Optional.empty();
        }
        if (name.startsWith(Win32Path.EXTENDED + "/")) {
            // The extended form of a host path: taken literally, as \\?\ takes a name.
            try {
                return Optional.of(Path.of(name.substring(Win32Path.EXTENDED.length())));
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        if (name.startsWith("/")) {
            try {
                return Optional.of(Path.of(name.replace('\\', '/')));
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        return windowsHostPath(machine, name);
    }

    /**
     * The host path of the Windows name {@code name}; empty when it is relative, on no simulated volume, exposed
     * shadow copy or shadow copy device, or names something no file can be ({@code ..} after {@code \\?\}).
     *
     * @param machine the machine whose volumes and shadow copies are searched
     * @param name the Windows name
     * @return the host path, or empty
     * @throws InvalidPathException if a name after {@code \\?\} has a character no file name can have ({@code /})
     */
    public static Optional<Path> windowsHostPath(SimulatedMachine machine, String name) {
        Win32Path w = Win32Path.parse(name);
        if (w.hasInvalidName()) {
            throw new InvalidPathException(name, "'/' is a character of a name after \\\\?\\, which no file has");
        }
        if (!w.isReachable()) {
            return Optional.empty();
        }
        return switch (w.kind()) {
            case DRIVE, VOLUME_GUID -> machine.mountedPath(w).flatMap(m -> under(m.volume().root(),
                    m.relativePath().isEmpty() ? List.of() : List.of(m.relativePath().split("\\\\"))));
            case GLOBALROOT -> device(machine, w);
            default -> Optional.empty();
        };
    }

    /**
     * Whether {@code name} exceeds MAX_PATH for a process without long paths: {@value #MAX_PATH} characters or more
     * (no room for the NUL), without {@code \\?\}.
     */
    static boolean tooLong(SimulatedMachine machine, String name) {
        return name.length() >= MAX_PATH && !name.startsWith(Win32Path.EXTENDED)
                && !machine.isLongPathsEnabled();
    }

    /** {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN\rest}: below the shadow copy's root. */
    private static Optional<Path> device(SimulatedMachine machine, Win32Path w) {
        List<String> names = w.names();
        if (names.size() < 2 || !names.get(0).equalsIgnoreCase(DEVICE)) {
            return Optional.empty();
        }
        Path root = machine.snapshotStore().deviceDirectory(w.written() + "\\" + DEVICE + "\\" + names.get(1));
        return root == null ? Optional.empty() : under(root, names.subList(2, names.size()));
    }

    /** {@code root} and {@code names} below it; empty if that would not be under {@code root}. */
    private static Optional<Path> under(Path root, List<String> names) {
        Path p = root;
        for (String n : names) {
            p = p.resolve(n);
        }
        return p.normalize().startsWith(root) ? Optional.of(p) : Optional.empty();
    }
}
