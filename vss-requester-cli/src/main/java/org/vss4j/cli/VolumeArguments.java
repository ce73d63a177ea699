package org.vss4j.cli;

import java.util.Optional;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.session.ResolvedPath;
import org.vss4j.session.UnresolvablePathException;
import org.vss4j.session.WindowsVolumeResolver;

/**
 * Volume names from the command line as {@code AddToSnapshotSet} takes them: a drive letter, a mounted folder or a
 * volume GUID path, each with its trailing backslash (Microsoft docs, "IVssBackupComponents::AddToSnapshotSet": the
 * name "must include a trailing backslash"). A user who types {@code C:} means the volume, not the current directory
 * of drive C that the drive-relative path {@code C:} names in Windows paths, so {@code C:} and {@code C:\} both
 * become {@code C:\}; {@code D:\mnt\data} and {@code \\?\Volume{...}} get their backslash the same way.
 */
final class VolumeArguments {

    private VolumeArguments() {
    }

    /** {@code name} with a trailing backslash; a usage error for an empty name. */
    static String forAddToSnapshotSet(String name) {
        if (name == null || name.isBlank()) {
            throw new UsageException("an empty volume name: give a drive letter (C:), a mounted folder or a "
                    + "\\\\?\\Volume{...}\\ name");
        }
        return name.endsWith("\\") ? name : name + "\\";
    }

    /**
     * {@code failure} of a call that was given {@code name} as a volume, explained when {@code name} is a folder on a
     * volume rather than the volume's root (VSS shadow-copies whole volumes: {@code C:\Users} names none), or no
     * volume at all; else {@code failure} itself. A busy VSS (another set in progress) is never explained away.
     */
    static VssException explain(String name, VssException failure) {
        if (failure.is(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS)) {
            return failure;
        }
        return whyNotAVolume(name).<VssException>map(why -> new ExplainedVssFailure(why, failure)).orElse(failure);
    }

    /**
     * Refuses, before any VSS call, a volume argument that names no volume root (exit code 2, the command line's
     * fault): a folder on a volume, a name no volume of this machine has, and on the simulator a host path
     * ({@code /tmp/x}, {@code .}), which names no Windows volume. What cannot be told here is left to VSS.
     */
    static void check(String typed) {
        String name = forAddToSnapshotSet(typed);
        if (SimulatedHost.active()) {
            SimulatedHost.hostPathAsVolume(typed).ifPresent(why -> {
                throw new UsageException(why);
            });
        }
        whyNotAVolume(name).ifPresent(why -> {
            throw new UsageException(why);
        });
    }

    /**
     * Why {@code name} is not a volume's mount point, as {@code GetVolumePathNameW} places it; empty if it is one or
     * when the lookup itself failed (access denied...), which only VSS can then answer.
     */
    static Optional<String> whyNotAVolume(String name) {
        ResolvedPath at;
        try {
            at = new WindowsVolumeResolver().resolve(name);
        } catch (UnresolvablePathException e) {
            if (e.reason() == UnresolvablePathException.Reason.VOLUME_LOOKUP_FAILED) {
                return Optional.empty();
            }
            // Said once: the resolver's message names the path, why and what to do.
            return Optional.of(e.reason() == UnresolvablePathException.Reason.NO_VOLUME && SimulatedHost.active()
                    ? SimulatedHost.noSuchVolume(name) : e.getMessage());
        } catch (IllegalArgumentException notOnAVolume) {
            return Optional.of(name + " is no volume of this machine: " + notOnAVolume.getMessage());
        } catch (RuntimeException cannotTell) {
            return Optional.empty();
        }
        if (at.relativePath().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(name + " is a folder on the volume " + at.volumeName() + ", not a volume root: VSS "
                + "shadow-copies whole volumes, so give " + at.volumeName() + " and read " + at.relativePath()
                + "\\ inside the shadow copy");
    }
}
