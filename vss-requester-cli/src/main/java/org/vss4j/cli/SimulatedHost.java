package org.vss4j.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.spi.NativeProviders;

/**
 * What the simulated machine can tell a person about this host, when the command runs on the simulator: where an
 * exposed shadow copy is readable, which volumes exist and how to declare one. Against the real VSS it says nothing:
 * there the Windows names are the host's own.
 */
final class SimulatedHost {

    private SimulatedHost() {
    }

    /** Whether this process runs on the simulator (the provider chosen once per process). */
    static boolean active() {
        return NativeProviders.SIMULATOR_ID.equals(NativeProviders.choice().provider().id());
    }

    /**
     * The host directory through which the shadow copy exposed as {@code exposedName} is read (a drive letter's link
     * in the state directory, a mounted folder's directory); null off the simulator or when nothing is exposed so.
     */
    static String hostPathOf(String exposedName) {
        if (exposedName == null || !active()) {
            return null;
        }
        return SimulatedMachine.current().exposedDirectory(exposedName).map(Path::toString).orElse(null);
    }

    /** The machine's volumes as the command line declared them: {@code C:\ = /home/me}, comma-separated. */
    static String declaredVolumes() {
        String all = SimulatedMachine.current().volumes().stream().filter(v -> !v.aliases().isEmpty())
                .map(v -> String.join(", ", v.aliases()) + " = " + v.root()).collect(Collectors.joining("; "));
        return all.isEmpty() ? "none" : all;
    }

    /** A drive letter no volume of the simulated machine has, for an example; D: when every one is taken. */
    static String freeDriveLetter() {
        SimulatedMachine m = SimulatedMachine.current();
        for (char c = 'D'; c <= 'Z'; c++) {
            if (!m.isDriveLetterInUse(c + ":")) {
                return c + ":";
            }
        }
        return "D:";
    }

    /**
     * Why {@code name}, typed as a volume on the simulator, is a host path and not a Windows volume name (no drive
     * letter and not starting with a backslash: {@code /tmp/x}, {@code .}, {@code data}), with how to make it one;
     * empty for a Windows name.
     */
    static Optional<String> hostPathAsVolume(String name) {
        if (name.contains(":") || name.startsWith("\\")) {
            return Optional.empty();
        }
        String dir = Path.of(name).toAbsolutePath().normalize().toString();
        Optional<String> declared = declaredAs(Path.of(dir));
        if (declared.isPresent()) {
            return Optional.of(name + " is a directory of this host, not a volume; it is the simulated volume "
                    + declared.get() + ": vss snapshot create " + declared.get());
        }
        String letter = freeDriveLetter();
        return Optional.of(name + " is a directory of this host, not a volume: on the simulator a volume is a "
                + "Windows name backed by a directory: --sim-volume " + letter + "=" + dir + ", then vss snapshot "
                + "create " + letter + " (give every volume the command uses: once one --sim-volume is given, the "
                + "default C:\\=. is not there)");
    }

    /** The first mount point of the declared volume whose directory is {@code dir}, if there is one. */
    private static Optional<String> declaredAs(Path dir) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        return SimulatedMachine.current().volumes().stream().filter(v -> v.root().equals(real))
                .flatMap(v -> v.aliases().stream()).findFirst();
    }

    /** Why {@code name} is no volume of the simulated machine, with its volumes and how to declare one. */
    static String noSuchVolume(String name) {
        String letter = name.matches("[A-Za-z]:.*") ? name.substring(0, 2).toUpperCase(Locale.ROOT)
                : freeDriveLetter();
        return name + " is no volume of the simulated machine (its volumes: " + declaredVolumes() + "); declare it "
                + "with --sim-volume " + letter + "=DIR, and give every volume the command uses: once one "
                + "--sim-volume is given, the default C:\\=. is not there";
    }
    /** The host directory backing the simulated volume mounted at {@code mountPoint}; empty off the simulator. */
    static Optional<Path> directoryOfVolume(String mountPoint) {
        if (!active()) {
            return Optional.empty();
        }
        return SimulatedMachine.current().volume(mountPoint).map(v -> v.root());
    }

    /**
     * The Windows name ({@code D:\data\media}) the host path {@code hostPath} has on a declared simulated volume
     * (the deepest one holding it), existing or not; empty off the simulator or when no declared volume holds it.
     */
    static Optional<String> windowsNameOf(Path hostPath) {
        if (!active()) {
            return Optional.empty();
        }
        Path real = realOfDeepestExisting(hostPath.toAbsolutePath().normalize());
        return SimulatedMachine.current().volumes().stream()
                .filter(v -> !v.aliases().isEmpty() && real.startsWith(v.root()))
                .max(java.util.Comparator.comparingInt(v -> v.root().getNameCount()))
                .map(v -> {
                    String mount = v.aliases().get(0);
                    String rest = v.root().relativize(real).toString().replace('/', '\\');
                    return rest.isEmpty() ? mount : (mount.endsWith("\\") ? mount : mount + "\\") + rest;
                });
    }

    /**
     * The host path of the Windows name {@code windowsPath} ({@code D:\data\a.db}) on the simulated volume
     * mounted deepest above it; empty off the simulator or when no declared volume holds it.
     */
    static Optional<Path> hostPathOfWindowsName(String windowsPath) {
        if (!active()) {
            return Optional.empty();
        }
        String lower = windowsPath.toLowerCase(Locale.ROOT);
        Path best = null;
        int bestLength = -1;
        for (org.vss4j.sim.Volume v : SimulatedMachine.current().volumes()) {
            for (String alias : v.aliases()) {
                String mount = alias.endsWith("\\") ? alias : alias + "\\";
                String m = mount.toLowerCase(Locale.ROOT);
                if ((lower + "\\").startsWith(m) && m.length() > bestLength) {
                    Path p = v.root();
                    String rest = windowsPath.length() > mount.length() ? windowsPath.substring(mount.length()) : "";
                    for (String part : rest.split("\\\\")) {
                        if (part.equals("..")) {
                            return Optional.empty(); // never above the volume's directory
                        }
                        if (!part.isEmpty() && !part.equals(".")) {
                            p = p.resolve(part);
                        }
                    }
                    best = p;
                    bestLength = m.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code p} with its deepest existing ancestor's links resolved (MEDIA may not exist yet). */
    private static Path realOfDeepestExisting(Path p) {
        Path existing = p;
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(p));
        } catch (java.io.IOException e) {
            return p;
        }
    }
}
