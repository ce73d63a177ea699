package org.vss4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vss4j.com.Win32Error;
import org.vss4j.files.DirectoryEntry;
import org.vss4j.files.DirectoryLister;
import org.vss4j.files.DirectoryListingException;
import org.vss4j.session.ResolvedPath;
import org.vss4j.session.UnresolvablePathException;
import org.vss4j.session.WindowsVolumeResolver;

/**
 * The SOURCE arguments of {@code vss backup}, checked before any VSS call, on the live volumes and through the
 * binding's own path resolution ({@link WindowsVolumeResolver}, {@link DirectoryLister}: the same calls the backup
 * makes, so the simulator answers them as Windows would): each names a volume of this machine, a directory SOURCE
 * exists and is a directory, and neither MEDIA nor the simulator's state directory lies within one (the next set
 * would hold the last one, and grow with each run).
 */
final class BackupSources {

    private final List<String> given;
    /** Per source: where it lies, or null when the volume lookup failed (the session then says why). */
    private final List<ResolvedPath> resolved;

    private BackupSources(List<String> given, List<ResolvedPath> resolved) {
        this.given = given;
        this.resolved = resolved;
    }

    /** {@code sources} as given (normalized), each resolved and checked; a {@link UsageException} names the first wrong one. */
    static BackupSources check(List<String> sources) {
        List<ResolvedPath> resolved = new ArrayList<>();
        for (String source : sources) {
            ResolvedPath at = resolve(source);
            if (at != null && !at.relativePath().isEmpty()) {
                checkDirectory(source, at);
            }
            resolved.add(at);
        }
        return new BackupSources(sources, resolved);
    }

    /** Whether source {@code i} is a volume's root (a source whose volume lookup failed is taken as a directory). */
    boolean isVolumeRoot(int i) {
        return resolved.get(i) != null && resolved.get(i).relativePath().isEmpty();
    }

    /**
     * Refuses {@code hostDir} (MEDIA, {@code --to}; the state directory, {@code --sim-state}) when it lies within a
     * source: the backup would store it.
     */
    void refuseWithin(String option, Path hostDir) {
        Optional<ResolvedPath> at = windowsPathOf(hostDir);
        if (at.isEmpty()) {
            return;
        }
        for (int i = 0; i < given.size(); i++) {
            ResolvedPath source = resolved.get(i);
            if (source != null && within(at.get(), source)) {
                throw new UsageException(option + " " + hostDir + " lies within SOURCE " + given.get(i) + " (it is "
                        + at.get().volumeName() + at.get().relativePath() + "): the backup would store it, and each "
                        + "next backup the last one; choose " + option + " outside the sources");
            }
        }
    }

    private static boolean within(ResolvedPath inner, ResolvedPath source) {
        if (!sameVolume(inner.volumeId(), source.volumeId())) {
            return false;
        }
        String s = source.relativePath().toLowerCase(Locale.ROOT);
        String in = inner.relativePath().toLowerCase(Locale.ROOT);
        return s.isEmpty() || in.equals(s) || in.startsWith(s + "\\");
    }

    private static boolean sameVolume(String a, String b) {
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String volumeId) {
        return volumeId.endsWith("\\") ? volumeId.substring(0, volumeId.length() - 1) : volumeId;
    }

    /** The Windows path of a host directory: on the simulator the volume that holds it, on Windows the path itself. */
    private static Optional<ResolvedPath> windowsPathOf(Path hostDir) {
        Optional<String> name = SimulatedHost.active() ? SimulatedHost.windowsNameOf(hostDir)
                : Optional.of(hostDir.toAbsolutePath().normalize().toString());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WindowsVolumeResolver().resolve(name.get()));
        } catch (RuntimeException e) {
            // Not on a volume the resolver knows (a network share...): no source holds it.
            return Optional.empty();
        }
    }

    /**
     * Where {@code source} lies; null when the volume lookup failed. A name on no volume of this machine (on the
     * simulator also a host path) is the command line's fault.
     */
    private static ResolvedPath resolve(String source) {
        if (SimulatedHost.active() && !source.contains(":") && !source.startsWith("\\")) {
            throw new UsageException("SOURCE " + source + " is a directory of this host, not a Windows path: on the "
                    + "simulator a volume is a Windows name backed by a directory: --sim-volume "
                    + SimulatedHost.freeDriveLetter() + "=" + Path.of(source).toAbsolutePath().normalize()
                    + ", then back up " + SimulatedHost.freeDriveLetter() + "\\");
        }
        try {
            return new WindowsVolumeResolver().resolve(source);
        } catch (UnresolvablePathException e) {
            if (e.reason() == UnresolvablePathException.Reason.VOLUME_LOOKUP_FAILED) {
                return null;
            }
            throw new UsageException("SOURCE " + (e.reason() == UnresolvablePathException.Reason.NO_VOLUME
                    && SimulatedHost.active() ? SimulatedHost.noSuchVolume(source) : e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("SOURCE " + source + " is on no volume of this machine: " + e.getMessage());
        }
    }

    /**
     * A directory SOURCE must be one on the live volume: a typo would otherwise give a partial set, a file an empty
     * one. FindFirstFileW on {@code parent\name} describes the entry itself, a link without following it (Microsoft
     * docs, "FindFirstFileW function"); a link is left to the backup, which records it.
     */
    private static void checkDirectory(String source, ResolvedPath at) {
        String relative = at.relativePath();
        int cut = relative.lastIndexOf('\\');
        String parent = at.volumeName() + (cut < 0 ? "" : relative.substring(0, cut));
        String name = relative.substring(cut + 1);
        DirectoryEntry entry;
        try {
            entry = DirectoryLister.entry(Path.of(parent), name);
        } catch (DirectoryListingException e) {
            if (e.win32Error() != Win32Error.ERROR_PATH_NOT_FOUND && e.win32Error() != Win32Error.ERROR_FILE_NOT_FOUND) {
                // Access denied and the like: the backup, which reads with backup semantics, says what it finds.
                return;
            }
            entry = null;
        } catch (RuntimeException e) {
            return;
        }
        if (entry == null) {
            throw new UsageException("SOURCE " + source + ": no such directory on " + at.volumeName()
                    + SimulatedHost.directoryOfVolume(at.volumeName()).map(d -> " (" + d + ")").orElse("")
                    + "; give an existing directory, or the volume " + at.volumeName());
        }
        if (!entry.isDirectory() && !entry.isReparsePoint()) {
            throw new UsageException("SOURCE " + source + " is a file: a SOURCE is a volume or a directory; give "
                    + "its directory, " + parent);
        }
    }
}
