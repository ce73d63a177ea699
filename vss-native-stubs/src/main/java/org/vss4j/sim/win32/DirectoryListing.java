package org.vss4j.sim.win32;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vss4j.com.Win32Error;
import org.vss4j.files.FileAttribute;
import org.vss4j.sim.FileSystemFacts;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Snapshot;
import org.vss4j.sim.Volume;

/**
 * What {@code FindFirstFileW(lpFileName)} finds: {@code lpFileName} is a directory, a separator ({@code \} or
 * {@code /}) and either {@code *} (or {@code *.*}) for every entry or a literal name. The directory is a host absolute
 * path or a Windows path on a simulated volume (a drive letter or mount folder alias, a volume GUID name, with or
 * without {@code \\?\}) or on a shadow copy exposed at a drive letter; host links in it are followed, as Windows follows links on the way to a directory. The
 * listing is taken at once, in NTFS order (upcased names); docs/simulator-file-system.md says what it models.
 */
final class DirectoryListing {

    /** The entries found, or the Win32 error {@code FindFirstFileW} fails with. */
    record Result(List<FindEntry> entries, int error) {
        static Result failure(int error) {
            return new Result(List.of(), error);
        }
    }

    /** A host directory inside a volume or a shadow copy: their facts and the directory's path below their root. */
    private record Place(FileSystemFacts facts, String relative) {
        boolean isRoot() {
            return relative.isEmpty();
        }

        String child(String name) {
            return relative.isEmpty() ? name : relative + "/" + name;
        }
    }

    /** NTFS returns names in the order of their upcased UTF-16 code units; ties (case-sensitive directories) by case. */
    private static final Comparator<FindEntry> NTFS_ORDER = Comparator
            .comparing((FindEntry e) -> upcase(e.name())).thenComparing(FindEntry::name);

    private DirectoryListing() {
    }

    static Result list(SimulatedMachine machine, String fileName) {
        if (fileName == null || fileName.isEmpty()) {
            return Result.failure(Win32Error.ERROR_INVALID_PARAMETER);
        }
        int sep = Math.max(fileName.lastIndexOf('\\'), fileName.lastIndexOf('/'));
        if (sep < 0) {
            // Relative to the process's current directory: not modelled (docs).
            return Result.failure(Win32Error.ERROR_PATH_NOT_FOUND);
        }
        String pattern = fileName.substring(sep + 1);
        if (pattern.isEmpty()) {
            // "An attempt to open a search with a trailing backslash always fails" (FindFirstFileW docs); the code is
            // the simulator's choice.
            return Result.failure(Win32Error.ERROR_FILE_NOT_FOUND);
        }
        boolean all = pattern.equals("*") || pattern.equals("*.*");
        if (!all && pattern.chars().anyMatch(c -> "*?<>\"".indexOf(c) >= 0)) {
            // Other wildcards are not modelled: refused rather than matched differently from Windows (docs).
            return Result.failure(Win32Error.ERROR_INVALID_PARAMETER);
        }
        Optional<Path> host;
        try {
            host = hostDirectory(machine, fileName.substring(0, sep), fileName.charAt(sep));
        } catch (InvalidPathException e) {
            return Result.failure(Win32Error.ERROR_INVALID_NAME);
        }
        if (host.isEmpty()) {
            return Result.failure(Win32Error.ERROR_PATH_NOT_FOUND);
        }
        Path real;
        try {
            real = host.get().toRealPath();
        } catch (IOException e) {
            return Result.failure(missing(machine, host.get()));
        }
        if (!Files.isDirectory(real)) {
            return Result.failure(Win32Error.ERROR_DIRECTORY);
        }
        Place place = placeOf(machine, real);
        if (place != null && place.facts().isAccessDenied(place.relative())) {
            return Result.failure(Win32Error.ERROR_ACCESS_DENIED);
        }
        List<FindEntry> entries;
        try {
            entries = entries(real, place);
        } catch (AccessDeniedException e) {
            return Result.failure(Win32Error.ERROR_ACCESS_DENIED);
        } catch (IOException e) {
            return Result.failure(Win32Error.ERROR_PATH_NOT_FOUND);
        }
        if (!all) {
            boolean exact = place != null && place.facts().isCaseSensitive(place.relative());
            entries = entries.stream().filter(e -> exact ? e.name().equals(pattern)
                    : e.name().equalsIgnoreCase(pattern)).toList();
        }
        if (entries.isEmpty()) {
            // "If the function fails because no matching files can be found, the GetLastError function returns
            // ERROR_FILE_NOT_FOUND" (FindFirstFileW docs).
            return Result.failure(Win32Error.ERROR_FILE_NOT_FOUND);
        }
        return new Result(entries, Win32Error.ERROR_SUCCESS);
    }

    /** The host directory {@code directory} names; empty if it is on no simulated volume and not a host path. */
    private static Optional<Path> hostDirectory(SimulatedMachine machine, String directory, char separator) {
        if (directory.isEmpty()) {
            // "/*" is the host root; "\*" is the root of the current drive, which the simulator does not model.
            return separator == '/' ? Optional.of(Path.of("/")) : Optional.empty();
        }
        return Win32Names.hostPath(machine, directory);
    }

    /**
     * Why a directory that does not resolve cannot be listed: {@code ERROR_ACCESS_DENIED} if the way to it passes a
     * directory that denies access (Windows does not tell what is inside), {@code ERROR_PATH_NOT_FOUND} otherwise.
     */
    private static int missing(SimulatedMachine machine, Path dir) {
        List<String> below = new ArrayList<>();
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            try {
                Place place = placeOf(machine, p.toRealPath());
                if (place != null) {
                    String rel = place.relative();
                    for (String name : below) {
                        rel = rel.isEmpty() ? name : rel + "/" + name;
                    }
                    if (place.facts().isAccessDenied(rel)) {
                        return Win32Error.ERROR_ACCESS_DENIED;
                    }
                }
                return Win32Error.ERROR_PATH_NOT_FOUND;
            } catch (IOException e) {
                if (p.getFileName() != null) {
                    below.add(0, p.getFileName().toString());
                }
            }
        }
        return Win32Error.ERROR_PATH_NOT_FOUND;
    }

    /** The volume or shadow copy whose host directory holds {@code real} (the innermost), or null. */
    private static Place placeOf(SimulatedMachine machine, Path real) {
        Path bestRoot = null;
        FileSystemFacts best = null;
        for (Volume v : machine.volumes()) {
            Path root = realOf(v.root());
            if (real.startsWith(root) && (bestRoot == null || root.getNameCount() > bestRoot.getNameCount())) {
                bestRoot = root;
                best = v.facts();
            }
        }
        for (Snapshot s : machine.snapshots()) {
            Path root = realOf(s.directory());
            FileSystemFacts facts = machine.snapshotStore().facts(s.id());
            if (facts != null && real.startsWith(root)
                    && (bestRoot == null || root.getNameCount() > bestRoot.getNameCount())) {
                bestRoot = root;
                best = facts;
            }
        }
        if (best == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        bestRoot.relativize(real).forEach(n -> names.add(n.toString()));
        names.removeIf(String::isEmpty);
        return new Place(best, String.join("/", names));
    }

    private static Path realOf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * The entries of {@code real}: {@code .} and {@code ..} except at a volume or shadow copy root (NTFS lists them
     * in every other directory; the root has no parent), {@code System Volume Information} at such a root, then the
     * host entries with their facts.
     */
    private static List<FindEntry> entries(Path real, Place place) throws IOException {
        boolean root = place != null && place.isRoot();
        List<FindEntry> named = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(real)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                FileSystemFacts.Fact fact = place == null ? null : place.facts().fact(place.child(name)).orElse(null);
                FindEntry.of(child, name, fact).ifPresent(e -> named.add(
                        root && name.equalsIgnoreCase(FileSystemFacts.SYSTEM_VOLUME_INFORMATION)
                                ? e.withAttributes(FileAttribute.HIDDEN | FileAttribute.SYSTEM) : e));
            }
        }
        if (root && named.stream().noneMatch(e -> e.name().equalsIgnoreCase(
                FileSystemFacts.SYSTEM_VOLUME_INFORMATION))) {
            named.add(FindEntry.systemVolumeInformation(real));
        }
        named.sort(NTFS_ORDER);
        List<FindEntry> all = new ArrayList<>();
        if (!root) {
            all.add(FindEntry.dot(".", real));
            all.add(FindEntry.dot("..", real.getParent() == null ? real : real.getParent()));
        }
        all.addAll(named);
        return all;
    }

    private static String upcase(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toUpperCase(c[i]);
        }
        return new String(c);
    }
}
