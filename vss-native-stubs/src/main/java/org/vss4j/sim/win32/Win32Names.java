package org.vss4j.sim.win32;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SnapshotStore;

/**
 * The host file a name given to a simulated kernel32 function designates: a Windows path on a simulated volume
 * ({@code C:\data\x}, {@code C:} for its root, with or without the {@code \\?\} long-path prefix, or under a volume
 * GUID name) resolves under that volume's directory; {@code X:\dir} on a shadow copy exposed at {@code X:} resolves
 * into it; an absolute host path is itself (the simulator's extension: on Linux the binding's own temporary files are
 * host paths).
 */
final class Win32Names {

    private static final String LONG_PATH_PREFIX = "\\\\?\\";

    private Win32Names() {
    }

    /** The host path; empty when the name is relative or on no simulated volume or exposed drive. */
    static Optional<Path> hostPath(SimulatedMachine machine, String name) {
        if (name.startsWith("/")) {
            try {
                return Optional.of(Path.of(name.replace('\\', '/')));
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        String windows = name.replace('/', '\\');
        Optional<Path> p = onVolume(machine, windows);
        if (p.isEmpty() && windows.startsWith(LONG_PATH_PREFIX)) {
            windows = windows.substring(LONG_PATH_PREFIX.length());
            p = onVolume(machine, windows);
        }
        return p.isPresent() ? p : exposedDrive(machine, windows);
    }

    private static Optional<Path> onVolume(SimulatedMachine machine, String windows) {
        // "C:" alone (what is left of "C:\*") is the drive's root here.
        String n = windows.endsWith(":") ? windows + "\\" : windows;
        return machine.mountedPath(n).map(m -> m.volume().root().resolve(m.relativePath().replace('\\', '/')));
    }

    /** {@code X:\dir} on a shadow copy exposed at drive letter {@code X:} ({@code ExposeSnapshot}). */
    private static Optional<Path> exposedDrive(SimulatedMachine machine, String windows) {
        if (windows.length() < 2 || windows.charAt(1) != ':' || !Character.isLetter(windows.charAt(0))) {
            return Optional.empty();
        }
        String rest = SnapshotStore.relative(windows.substring(2));
        return machine.exposedDirectory(windows.substring(0, 2)).map(link -> rest.isEmpty() ? link
                : link.resolve(rest));
    }
}
