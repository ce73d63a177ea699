package org.vss4j.sim.win32;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.vss4j.com.Exports;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.NativeCallback;

/**
 * {@code BOOLEAN CreateSymbolicLinkW(LPCWSTR lpSymlinkFileName, LPCWSTR lpTargetFileName, DWORD dwFlags)} (Microsoft
 * docs, "CreateSymbolicLinkW function"). The link it makes is a real host symbolic link, so the code that reads through
 * it meets a link root as it does on Windows (java.nio reports it as a link, not a directory, when links are not
 * followed). What it models:
 * <ul>
 * <li>{@code SYMBOLIC_LINK_FLAG_DIRECTORY} (0x1) is needed for a directory target: without it Windows makes a file link
 * that cannot be listed; the simulator makes a link that resolves to nothing;</li>
 * <li>a shadow copy device target {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN} needs its trailing backslash
 * to be the device's root directory; without it the link resolves to nothing, as opening it fails on Windows;</li>
 * <li>without SeCreateSymbolicLinkPrivilege ({@link SimulatedMachine#symbolicLinkPrivilege}) it fails with
 * ERROR_PRIVILEGE_NOT_HELD (1314), unless developer mode is on and {@code SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE}
 * (0x2) is given;</li>
 * <li>an existing name fails with ERROR_ALREADY_EXISTS, a missing parent directory with ERROR_PATH_NOT_FOUND, an
 * unknown flag with ERROR_INVALID_PARAMETER; the target is not checked (Windows makes dangling links too).</li>
 * </ul>
 * Names are host paths, or Windows paths on a simulated volume's alias ({@link SimulatedMachine#hostPath}).
 */
public final class SymbolicLinks {

    /** {@code SYMBOLIC_LINK_FLAG_DIRECTORY} (winbase.h). */
    public static final int FLAG_DIRECTORY = 0x1;
    /** {@code SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE} (winbase.h). */
    public static final int FLAG_ALLOW_UNPRIVILEGED_CREATE = 0x2;

    private static final byte FALSE = 0;
    private static final byte TRUE = 1;

    private SymbolicLinks() {
    }

    static void register(Map<String, NativeCallback> table) {
        Kernel32Function.put(table, Exports.CREATE_SYMBOLIC_LINK, byte.class,
                new Class<?>[] {Pointer.class, Pointer.class, int.class}, FALSE, SymbolicLinks::create);
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
        Path link = Win32Names.hostPath(machine, linkName).orElse(null);
        if (link == null) {
            return fail(Win32Error.ERROR_PATH_NOT_FOUND);
        }
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            return fail(Win32Error.ERROR_ALREADY_EXISTS);
        }
        if (link.getParent() == null || !Files.isDirectory(link.getParent())) {
            return fail(Win32Error.ERROR_PATH_NOT_FOUND);
        }
        Path target = target(machine, targetName, (flags & FLAG_DIRECTORY) != 0);
        try {
            Files.createSymbolicLink(link, target);
        } catch (FileAlreadyExistsException e) {
            return fail(Win32Error.ERROR_ALREADY_EXISTS);
        } catch (NoSuchFileException e) {
            return fail(Win32Error.ERROR_PATH_NOT_FOUND);
        } catch (IOException e) {
            return fail(Win32Error.ERROR_ACCESS_DENIED);
        }
        LastError.set(Win32Error.ERROR_SUCCESS);
        return TRUE;
    }

    /**
     * What the host link points to. A device or directory link made the wrong way (no trailing backslash on a
     * device, no directory flag) gets a target that does not exist, so listing it fails, as it does on Windows.
     */
    private static Path target(SimulatedMachine machine, String name, boolean directoryFlag) {
        String bare = name.endsWith("\\") ? name.substring(0, name.length() - 1) : name;
        Path device = machine.snapshotStore().deviceDirectory(bare);
        if (device != null) {
            boolean usable = name.endsWith("\\") && directoryFlag;
            return usable ? device : device.resolveSibling(device.getFileName() + ".not-a-directory-link");
        }
        Path host = Win32Names.hostPath(machine, name).orElse(null);
        if (host == null) {
            // Relative or unknown: a dangling link, as Windows would make.
            return Path.of(name.replace('\\', '/'));
        }
        return directoryFlag || !Files.isDirectory(host) ? host
                : host.resolveSibling(host.getFileName() + ".not-a-directory-link");
    }

    private static byte fail(int error) {
        LastError.set(error);
        return FALSE;
    }
}
