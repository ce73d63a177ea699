package org.vss4j.cli;

import java.util.regex.Pattern;

/**
 * {@code vss restore --writers --to TARGET}: the Windows directory every file set the writers let the requester copy
 * goes under ({@code RestoreSessionBuilder.newTargetRoot}, recorded with {@code AddNewTarget}; Microsoft docs,
 * "IVssBackupComponents::AddNewTarget"). The writer is told the new location and may read the files there, so it
 * must be a Windows path: a drive path {@code D:\restored} or a UNC path {@code \\server\share\restored}. On the
 * simulator it must be on a declared {@code --sim-volume}.
 */
final class NewTargetArgument {

    /** {@code X:\...}: a drive letter, then a backslash (a path relative to a drive's current directory is not). */
    private static final Pattern DRIVE_PATH = Pattern.compile("[A-Za-z]:\\\\.*");
    /** {@code \\server\share...}, not a device or long path ({@code \\?\}, {@code \\.\}). */
    private static final Pattern UNC_PATH = Pattern.compile("\\\\\\\\[^\\\\?.][^\\\\]*\\\\[^\\\\]+.*");

    private NewTargetArgument() {
    }

    /**
     * Checks the form of {@code target}, an absolute Windows path, and returns it with each {@code /} read as
     * a backslash (Windows takes both as separators; Microsoft docs, "Naming Files, Paths, and Namespaces").
     *
     * @throws UsageException for a host path, a relative or device path, or a path with {@code ..}
     */
    static String checkForm(String target) {
        String windows = target.replace('/', '\\');
        if (!DRIVE_PATH.matcher(windows).matches() && !UNC_PATH.matcher(windows).matches()) {
            throw new UsageException("--to " + target + ": with --writers TARGET is the new location the writers "
                    + "are told (AddNewTarget), where they find their files after the restore, so it must be an "
                    + "absolute Windows path (D:\\restored, \\\\server\\share\\restored), not a directory of this "
                    + "host or a relative path; to copy the set's files into a directory of this host, restore "
                    + "without --writers");
        }
        for (String part : windows.split("\\\\")) {
            if (part.equals("..") || part.equals(".")) {
                // The writers are told the location as given: it must name the directory itself.
                throw new UsageException("--to " + target + ": a new target with " + part + " is refused (the "
                        + "writers are told the path as given); give the directory itself, e.g. D:\\restored");
            }
        }
        return windows;
    }

    /**
     * On the simulator (once its machine is installed), checks that {@code target} is on a declared volume: the files
     * are written through the volume's directory. Returns {@code target}.
     *
     * @throws UsageException for a path on no declared volume, naming the volumes, or a UNC path (the simulated
     *     machine has no network shares)
     */
    static String onThisMachine(String target) {
        if (SimulatedHost.active() && target.startsWith("\\\\")) {
            throw new UsageException("--to " + target + ": the simulated machine has no network shares, so a UNC "
                    + "new target cannot be tried on it; give a path on a drive declared with --sim-volume (D:\\"
                    + "restored with --sim-volume D:=DIR)");
        }
        if (SimulatedHost.active() && SimulatedHost.hostPathOfWindowsName(target).isEmpty()) {
            throw new UsageException("--to " + target + ": " + SimulatedHost.noSuchVolume(target));
        }
        return target;
    }
}
