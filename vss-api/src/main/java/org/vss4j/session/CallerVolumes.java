package org.vss4j.session;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;

/**
 * The whole volumes a caller gives {@link BackupSessionBuilder#volumes}, checked before the session makes any VSS
 * call: a missing name, a NUL (a wide string ends at it: Windows would read a shorter name), a bare drive {@code D:}
 * (the current directory of drive D, Microsoft docs, "Naming Files, Paths, and Namespaces") and a path that is no
 * volume root ({@code D:\sub}, whose whole volume the session would otherwise back up) are refused with what to give
 * instead. A mounted folder is a volume root: {@code D:\sub} is accepted when a volume is mounted there.
 */
final class CallerVolumes {

    private static final Pattern BARE_DRIVE = Pattern.compile("[A-Za-z]:");

    private CallerVolumes() {
    }

    /**
     * Checks the names as given.
     *
     * @throws NullPointerException     if {@code names} or one of them is null
     * @throws IllegalArgumentException if one holds a NUL or is a bare drive letter
     */
    static void checkNames(String... names) {
        checkNames("volumes", names);
    }

    /** {@link #checkNames(String...)} for the builder method {@code method} ({@code volumes}, {@code directories}). */
    static void checkNames(String method, String... names) {
        String what = method.equals("volumes") ? "volume" : "directory";
        if (names == null) {
            throw new NullPointerException(method + "(...): the array of " + what + " names is null");
        }
        for (int i = 0; i < names.length; i++) {
            String v = names[i];
            if (v == null) {
                throw new NullPointerException(method + "(...): " + what + " name " + (i + 1) + " of "
                        + names.length + " is null; give " + (what.equals("volume") ? "a volume root such as C:\\"
                                : "a directory such as C:\\data"));
            }
            Utf16.refuseNul(method + "(...): " + what + " name '" + WindowsNames.printable(v) + "'", v);
            if (BARE_DRIVE.matcher(v).matches()) {
                throw new IllegalArgumentException(method + "(...): " + v + " names the current directory of drive "
                        + v.charAt(0) + ", not its root (Microsoft docs, \"Naming Files, Paths, and Namespaces\"); "
                        + "give " + v + "\\");
            }
        }
    }

    /**
     * Each name split at its volume, which it must be the root of.
     *
     * @throws UnresolvablePathException if one cannot be resolved
     * @throws IllegalArgumentException  if one is a path below a volume root
     */
    static List<ResolvedPath> resolve(List<String> names, VolumeResolver resolver, Map<String, String> environment) {
        PathPlanner planner = new PathPlanner(resolver != null ? resolver : VolumeResolver.forCurrentProvider(),
                environment != null ? environment : MachineEnvironment.read(Exports.current()),
                new SessionEvents(BackupListener.none()));
        return names.stream().map(v -> root(planner, v)).toList();
    }

    /**
     * Each directory split at its volume; any path on a volume (its root too).
     *
     * @throws UnresolvablePathException if one cannot be resolved
     */
    static List<ResolvedPath> resolveDirectories(List<String> names, VolumeResolver resolver,
            Map<String, String> environment) {
        PathPlanner planner = new PathPlanner(resolver != null ? resolver : VolumeResolver.forCurrentProvider(),
                environment != null ? environment : MachineEnvironment.read(Exports.current()),
                new SessionEvents(BackupListener.none()));
        return names.stream().map(d -> {
            try {
                return planner.resolve(d);
            } catch (UnresolvablePathException e) {
                throw e.of(null, "directory " + d + " given to the session");
            }
        }).toList();
    }

    private static ResolvedPath root(PathPlanner planner, String volume) {
        ResolvedPath r;
        try {
            r = planner.resolve(volume);
        } catch (UnresolvablePathException e) {
            throw e.of(null, "volume " + volume + " given to the session");
        }
        if (!r.relativePath().isEmpty()) {
            throw new IllegalArgumentException("volume " + volume + " given to the session is no volume root: it is "
                    + r.relativePath() + " on the volume mounted at " + r.volumeName() + ", and volumes(...) backs up "
                    + "whole volumes; give " + r.volumeName() + " (or the mount point of a volume mounted there, with "
                    + "its trailing backslash), or select the writer component whose file set it is");
        }
        return r;
    }
}
