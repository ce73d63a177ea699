package org.vss4j.sim.win32;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Win32Error;
import org.vss4j.files.FileAttribute;
import org.vss4j.sim.FileSystemFacts;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.NativeCallback;

/**
 * {@code BOOLEAN CreateSymbolicLinkW(LPCWSTR lpSymlinkFileName, LPCWSTR lpTargetFileName, DWORD dwFlags)} (Microsoft
 * docs, "CreateSymbolicLinkW function"). The link it makes is a real host symbolic link, so the code that reads through
 * it meets a link root as it does on Windows (java.nio reports it as a link, not a directory, when links are not
 * followed). What it models:
 * <ul>
 * <li>{@code SYMBOLIC_LINK_FLAG_DIRECTORY} (0x1) makes a directory link, and is needed for a directory target:
 * Windows fixes the link's kind when it is made, whatever the target is then or later. The simulator records it (a
 * fact of the volume the link is in, else {@link OutsideLinks}), so {@code FindFirstFileW} reports the link as a
 * directory or not by the flag, and listing through a file link fails with ERROR_DIRECTORY; a file link to a
 * directory resolves to nothing on the host, so java.nio cannot list through it either;</li>
 * <li>a shadow copy device target {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN} needs its trailing
 * backslash to be the device's root directory; without it the link resolves to nothing, as opening it fails on
 * Windows;</li>
 * <li>without SeCreateSymbolicLinkPrivilege ({@link SimulatedMachine#symbolicLinkPrivilege}) it fails with
 * ERROR_PRIVILEGE_NOT_HELD (1314), unless developer mode is on and {@code SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE}
 * (0x2) is given;</li>
 * <li>an existing name fails with ERROR_ALREADY_EXISTS, a missing parent directory with ERROR_PATH_NOT_FOUND, a
 * name inside a shadow copy (read-only) with ERROR_WRITE_PROTECT, an unknown flag with ERROR_INVALID_PARAMETER; the
 * target is not checked (Windows makes dangling links too).</li>
 * </ul>
 * Names are read as {@link Win32Names} reads them: host paths, or Windows paths that never lead above the root of
 * their volume or device.
 */
public final class SymbolicLinks {

    /** {@code SYMBOLIC_LINK_FLAG_DIRECTORY} (winbase.h). */
    public static final int FLAG_DIRECTORY = 0x1;
    /** {@code SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE} (winbase.h). */
    public static final int FLAG_ALLOW_UNPRIVILEGED_CREATE = 0x2;

    /** {@code ERROR_WRITE_PROTECT} (winerror.h): "The media is write protected." */
    static final int ERROR_WRITE_PROTECT = 19;
    /** What a link made the wrong way points to beside its target, so that it resolves to nothing. */
    private static final String NOT_A_DIRECTORY_LINK = ".not-a-directory-link";
    /** The start of a dangling link's host target (a name in the link's directory that nothing has). */
    private static final String DANGLING = ".vss4j-dangling-";

    private static final byte FALSE = 0;
    private static final byte TRUE = 1;

    private SymbolicLinks() {
    }

    static void register(Map<NativeExport, NativeCallback> table) {
        Win32Function.put(table, NativeExport.CreateSymbolicLinkW, FALSE, SymbolicLinks::create);
    }

    private static Object create(CallArgs a) {
        String linkName = a.wideString(0);
        String targetName = a.wideString(1);
        int flags = a.int32(2);
        SimulatedMachine machine = SimulatedMachine.current();
        if (linkName == null || targetName == null || linkName.isEmpty()
                || (flags & ~(FLAG_DIRECTORY | FLAG_ALLOW_UNPRIVILEGED_CREATE)) != 0) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        boolean unprivileged = (flags & FLAG_ALLOW_UNPRIVILEGED_CREATE) != 0 && machine.isDeveloperMode();
        if (!machine.hasSymbolicLinkPrivilege() && !unprivileged) {
            return fail(Win32Error.ERROR_PRIVILEGE_NOT_HELD);
        }
        Path link;
        try {
            link = Win32Names.hostPath(machine, linkName).orElse(null);
        } catch (InvalidPathException e) {
            return fail(Win32Error.ERROR_INVALID_NAME);
        }
        if (link == null) {
            return fail(Win32Error.ERROR_PATH_NOT_FOUND);
        }
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            return fail(Win32Error.ERROR_ALREADY_EXISTS);
        }
        Path parent;
        try {
            parent = link.getParent() == null ? null : link.getParent().toRealPath();
        } catch (IOException e) {
            parent = null;
        }
        if (parent == null || !Files.isDirectory(parent)) {
            return fail(Win32Error.ERROR_PATH_NOT_FOUND);
        }
        Place place = Place.of(machine, parent);
        if (place != null && place.inShadowCopy()) {
            // A shadow copy of the system provider is read-only: "The media is write protected".
            return fail(ERROR_WRITE_PROTECT);
        }
        boolean directory = (flags & FLAG_DIRECTORY) != 0;
        Path real = parent.resolve(link.getFileName());
        Path target = target(machine, targetName, directory, real, place);
        try {
            Files.createSymbolicLink(real, target);
        } catch (FileAlreadyExistsException e) {
            return fail(Win32Error.ERROR_ALREADY_EXISTS);
        } catch (NoSuchFileException e) {
            return fail(Win32Error.ERROR_PATH_NOT_FOUND);
        } catch (IOException e) {
            return fail(Win32Error.ERROR_ACCESS_DENIED);
        }
        if (place != null) {
            place.facts().recordSymbolicLink(place.child(real.getFileName().toString()), directory);
        } else {
            OutsideLinks.record(real, directory);
        }
        LastError.set(Win32Error.ERROR_SUCCESS);
        return TRUE;
    }

    /**
     * Whether the host link {@code link} is a directory link, as Windows fixed it when the link was made: from its
     * fact inside a volume or shadow copy, else from {@link OutsideLinks}; empty if {@code link} is no host link or
     * nothing recorded its kind (a link the test made on the host).
     */
    static Optional<Boolean> directoryFlag(SimulatedMachine machine, Path link) {
        if (!Files.isSymbolicLink(link)) {
            return Optional.empty();
        }
        Path real;
        try {
            real = link.toAbsolutePath().getParent().toRealPath().resolve(link.getFileName());
        } catch (IOException e) {
            return Optional.empty();
        }
        Place place = Place.of(machine, real.getParent());
        if (place != null) {
            Optional<FileSystemFacts.Fact> fact = place.facts().fact(place.child(real.getFileName().toString()))
                    .filter(f -> f.reparseTag() != 0);
            if (fact.isPresent()) {
                return Optional.of((fact.get().attributes() & FileAttribute.DIRECTORY) != 0);
            }
        }
        return OutsideLinks.directory(real);
    }

    /**
     * What the host link {@code link} points to. A device or directory link made the wrong way (no trailing
     * backslash on a device, no directory flag) gets a target that does not exist, so that reading through it with
     * java.nio fails, as opening it does on Windows. A Windows target is placed as {@link Win32Names} places names;
     * a relative one, inside a volume, is taken from the link's directory and never leads above the volume root
     * (the simulator keeps it relative, so that a shadow copy's link stays inside the shadow copy); a target that
     * designates nothing the simulator has gives a dangling link, as Windows makes dangling links too.
     */
    private static Path target(SimulatedMachine machine, String name, boolean directoryFlag, Path link, Place place) {
        String bare = name.endsWith("\\") ? name.substring(0, name.length() - 1) : name;
        Path device = machine.snapshotStore().deviceDirectory(bare);
        if (device != null) {
            boolean usable = name.endsWith("\\") && directoryFlag;
            return usable ? device : device.resolveSibling(device.getFileName() + NOT_A_DIRECTORY_LINK);
        }
        Path host = hostTarget(machine, name, link, place);
        if (host == null) {
            return Path.of(DANGLING + name.replaceAll("[\\\\/:]", "_"));
        }
        Path resolved = link.getParent().resolve(host);
        return directoryFlag || !Files.isDirectory(resolved) ? host
                : host.resolveSibling(host.getFileName() + NOT_A_DIRECTORY_LINK);
    }

    /** The host target of {@code name}: absolute, or relative to the link's directory; null if nowhere. */
    private static Path hostTarget(SimulatedMachine machine, String name, Path link, Place place) {
        Win32Path w = Win32Path.parse(name);
        if (name.startsWith("/") || w.kind() != Win32Path.Kind.UNQUALIFIED) {
            try {
                return Win32Names.hostPath(machine, name).orElse(null);
            } catch (InvalidPathException e) {
                return null;
            }
        }
        if (name.startsWith("\\") || name.isEmpty()) {
            // Rooted on the current drive, or an NT name: not modelled.
            return null;
        }
        if (place == null) {
            // A link outside every volume (the binding's own links): a host-relative target.
            return Path.of(name.replace('\\', '/'));
        }
        Path root = link.getParent();
        for (String ignored : place.relative().isEmpty() ? new String[0] : place.relative().split("/")) {
            root = root.getParent();
        }
        List<String> at = new ArrayList<>(place.relative().isEmpty() ? List.of()
                : List.of(place.relative().split("/")));
        for (String n : name.replace('/', '\\').split("\\\\")) {
            if (n.isEmpty() || n.equals(".")) {
                continue;
            }
            if (n.equals("..")) {
                if (!at.isEmpty()) {
                    at.remove(at.size() - 1);
                }
            } else {
                at.add(n);
            }
        }
        Path absolute = root;
        for (String n : at) {
            absolute = absolute.resolve(n);
        }
        return link.getParent().relativize(absolute);
    }

    private static byte fail(int error) {
        LastError.set(error);
        return FALSE;
    }
}
