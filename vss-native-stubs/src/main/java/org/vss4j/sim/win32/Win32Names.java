package org.vss4j.sim.win32;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.vss4j.sim.SimulatedMachine;

/**
 * The host file a name given to a simulated kernel32 function designates: a Windows path on a simulated volume
 * ({@code C:\data\x}, with or without the {@code \\?\} long-path prefix) resolves under that volume's directory, an
 * absolute host path is itself (the simulator's extension: on Linux the binding's own temporary files are host paths).
 */
final class Win32Names {

    private static final String LONG_PATH_PREFIX = "\\\\?\\";

    private Win32Names() {
    }

    /** The host path, or null when the name is relative or on no simulated volume. */
    static Path hostPath(SimulatedMachine machine, String name) {
        String n = name;
        if (n.startsWith(LONG_PATH_PREFIX) && n.length() > 5 && n.charAt(5) == ':') {
            n = n.substring(LONG_PATH_PREFIX.length());
        }
        var mounted = machine.mountedPath(n);
        if (mounted.isPresent()) {
            var m = mounted.get();
            return m.volume().root().resolve(m.relativePath().replace('\\', '/'));
        }
        if (!n.startsWith("/")) {
            return null;
        }
        try {
            return Path.of(n.replace('\\', '/'));
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
