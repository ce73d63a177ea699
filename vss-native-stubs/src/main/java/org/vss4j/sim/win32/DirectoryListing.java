package org.vss4j.sim.win32;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vss4j.com.Win32Error;
import org.vss4j.files.FileAttribute;
import org.vss4j.sim.FileSystemFacts;
import org.vss4j.sim.SimulatedMachine;

/**
 * What {@code FindFirstFileW(lpFileName)} finds: {@code lpFileName} is a directory, a separator ({@code \} or
 * {@code /}) and either {@code *} (or {@code *.*}) for every entry or a literal name. The directory is a host absolute
 * path or a Windows path ({@link Win32Names}): on a simulated volume, on an exposed shadow copy, or on a shadow copy
 * device. Host links in it are followed, as Windows follows links on the way to a directory. The listing is taken at
 * once, in NTFS order (upcased names); docs/simulator-file-system.md says what it models.
 */
final class DirectoryListing {

    /** The entries found, or the Win32 error {@code FindFirstFileW} fails with. */
    record Result(List<FindEntry> entries, int error) {
        static Result failure(int error) {
            return new Result(List.of(), error);
        }
    }

    /** An entry with its name upcased once, the key of the NTFS order. */
    private record Sorted(String upcased, FindEntry entry) {
    }

    /** NTFS returns names in the order of their upcased UTF-16 code units; ties (case-sensitive directories) by case. */
    private static final Comparator<Sorted> NTFS_ORDER = Comparator.comparing(Sorted::upcased)
            .thenComparing(s -> s.entry().name());

    private DirectoryListing() {
    }

    static Result list(SimulatedMachine machine, String fileName) {
        if (fileName == null || fileName.isEmpty()) {
            return Result.failure(Win32Error.ERROR_INVALID_PARAMETER);
        }
        if (Win32Names.tooLong(machine, fileName)) {
            // MAX_PATH or more without \\?\ (Win32Names; the code is the simulator's choice, docs/long-paths.md).
            return Result.failure(Win32Error.ERROR_PATH_NOT_FOUND);
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
        if (SymbolicLinks.directoryFlag(machine, host.get()).filter(d -> !d).isPresent()) {
            // A file link opened as a directory: Windows fixed the link's kind when it was made, whatever its target
            // is (docs/simulator-file-system.md).
            return Result.failure(Win32Error.ERROR_DIRECTORY);
        }
        Path real;
        try {
            real = host.get().toRealPath();
        } catch (IOException e) {
            // Traverse checking is bypassed (SeChangeNotifyPrivilege, which everyone holds), so a name that does not
            // exist is not found, also below a directory that denies access (docs/simulator-file-system.md). Only the
            // System Volume Information of a root exists without a host directory: see systemVolumeInformation.
            return isSystemVolumeInformation(machine, host.get())
                    ? systemVolumeInformation(machine, host.get(), all, pattern)
                    : Result.failure(Win32Error.ERROR_PATH_NOT_FOUND);
        }
        if (!Files.isDirectory(real)) {
            return Result.failure(Win32Error.ERROR_DIRECTORY);
        }
        Place place = Place.of(machine, real);
        // FindFirstFileW opens the directory for backup intent, so an enabled SeBackupPrivilege lets it list what
        // the ACL denies (docs/simulator-file-system.md, "Who may list a denied directory").
        if (place != null && place.facts().isAccessDenied(place.relative())
                && !machine.token().isEnabled("SeBackupPrivilege")) {
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

    /**
     * Listing the virtual System Volume Information of a root. Its ACL grants SYSTEM alone
     * ("FltCreateSystemVolumeInformationFolder function"), but FindFirstFileW opens the directory for backup intent,
     * so an enabled SeBackupPrivilege lets it be listed whatever the ACL says ("Privilege Constants"). The simulator's
     * holds nothing: {@code .} and {@code ..} for {@code *}, and no literal name is found
     * (docs/simulator-file-system.md).
     */
    private static Result systemVolumeInformation(SimulatedMachine machine, Path dir, boolean all, String pattern) {
        if (!machine.token().isEnabled("SeBackupPrivilege")) {
            return Result.failure(Win32Error.ERROR_ACCESS_DENIED);
        }
        if (!all) {
            return Result.failure(Win32Error.ERROR_FILE_NOT_FOUND);
        }
        Path root = dir.toAbsolutePath().getParent();
        try {
            return new Result(List.of(FindEntry.dot(".", root).withAttributes(FileAttribute.HIDDEN
                    | FileAttribute.SYSTEM), FindEntry.dot("..", root)), Win32Error.ERROR_SUCCESS);
        } catch (IOException e) {
            return Result.failure(Win32Error.ERROR_PATH_NOT_FOUND);
        }
    }

    /** Whether {@code dir} is the (virtual) System Volume Information of a volume or shadow copy root. */
    private static boolean isSystemVolumeInformation(SimulatedMachine machine, Path dir) {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent == null || dir.getFileName() == null
                || !dir.getFileName().toString().equalsIgnoreCase(FileSystemFacts.SYSTEM_VOLUME_INFORMATION)) {
            return false;
        }
        try {
            Place place = Place.of(machine, parent.toRealPath());
            return place != null && place.isRoot();
        } catch (IOException e) {
            return false;
        }
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
     * The entries of {@code real}: {@code .} and {@code ..} except at a volume or shadow copy root (NTFS lists them
     * in every other directory; the root has no parent), {@code System Volume Information} at such a root, then the
     * host entries with their facts.
     */
    private static List<FindEntry> entries(Path real, Place place) throws IOException {
        boolean root = place != null && place.isRoot();
        List<FindEntry> named = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(real)) {
            // Where the host offers it (Linux does), each entry is read relative to the open directory (fstatat),
            // as find does, rather than by its whole path again; one read per entry, the link not followed.
            SecureDirectoryStream<Path> open = children instanceof SecureDirectoryStream<Path> s ? s : null;
            for (Path child : children) {
                Path own = child.getFileName();
                String name = own.toString();
                BasicFileAttributes a;
                try {
                    a = open != null ? open.getFileAttributeView(own, BasicFileAttributeView.class,
                            LinkOption.NOFOLLOW_LINKS).readAttributes()
                            : Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    // Gone since the directory was read: not listed.
                    continue;
                }
                // A host name holding '\' (no NTFS name does) is listed as the host holds it, without facts: the
                // facts' keys read '\' as a separator (docs/simulator-file-system.md).
                FileSystemFacts.Fact fact = place == null || name.indexOf('\\') >= 0 ? null
                        : place.facts().fact(place.child(name)).orElse(null);
                FindEntry e = FindEntry.of(child, name, a, fact);
                named.add(root && name.equalsIgnoreCase(FileSystemFacts.SYSTEM_VOLUME_INFORMATION)
                        ? e.withAttributes(FileAttribute.HIDDEN | FileAttribute.SYSTEM) : e);
            }
        }
        if (root && named.stream().noneMatch(e -> e.name().equalsIgnoreCase(
                FileSystemFacts.SYSTEM_VOLUME_INFORMATION))) {
            named.add(FindEntry.systemVolumeInformation(real));
        }
        List<Sorted> sorted = new ArrayList<>(named.size());
        for (FindEntry e : named) {
            sorted.add(new Sorted(upcase(e.name()), e));
        }
        sorted.sort(NTFS_ORDER);
        List<FindEntry> all = new ArrayList<>(named.size() + 2);
        if (!root) {
            all.add(FindEntry.dot(".", real));
            all.add(FindEntry.dot("..", real.getParent() == null ? real : real.getParent()));
        }
        for (Sorted e : sorted) {
            all.add(e.entry());
        }
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
