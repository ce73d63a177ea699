package org.vss4j.sim.win32;

import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.abi.NativeCallback;

/**
 * The simulated {@code DWORD GetLongPathNameW(LPCWSTR lpszShortPath, LPWSTR lpszLongPath, DWORD cchBuffer)}
 * (Microsoft docs, "GetLongPathNameW function"). The simulated volumes have no 8.3 names (short-name generation is
 * off, as {@code FindFirstFileW} reports no alternate names), so the long form of an existing name is the name itself,
 * as the page says for a file that "exists but a long path is not found". What it models:
 * <ul>
 * <li>the buffer protocol: the length copied without the NUL; when {@code cchBuffer} is too small, the size needed
 * with the NUL, and nothing is copied ({@code NULL} and 0 ask for the size); 0 on failure with a last error;</li>
 * <li>a name that does not exist fails ("such as if the file does not exist"): {@code ERROR_FILE_NOT_FOUND} when only
 * its last name is missing, {@code ERROR_PATH_NOT_FOUND} when a directory on the way is missing or is a file, as
 * {@code FindFirstFileW} reports them for the component it cannot find;</li>
 * <li>{@code NULL} as the name: {@code ERROR_INVALID_PARAMETER}; {@code ""}: {@code ERROR_PATH_NOT_FOUND} (both as
 * Wine's kernel32 conformance tests observe them on Windows, dlls/kernel32/tests/path.c);</li>
 * <li>a name on no simulated volume, exposure or shadow copy device (relative, UNC): {@code ERROR_PATH_NOT_FOUND},
 * the simulator's choice, as for {@code FindFirstFileW}; a name no file can have after {@code \\?\}:
 * {@code ERROR_INVALID_NAME};</li>
 * <li>a {@code NULL} buffer with a nonzero size crashes on Windows; the simulator fails with
 * {@code ERROR_INVALID_PARAMETER} and records the misuse, so the JUnit extension fails the test.</li>
 * </ul>
 * Names are located as {@link Win32Names} locates them and returned as given, never normalised. docs/windows-ci.md
 * says why the contract suite calls it and what is not modelled.
 */
final class LongPathNames {

    private LongPathNames() {
    }

    static void register(Map<NativeExport, NativeCallback> table) {
        Win32Function.put(table, NativeExport.GetLongPathNameW, 0, a -> getLongPathName(SimulatedMachine.current(), a.pointer(0), a.pointer(1), a.int32(2)));
    }

    static int getLongPathName(SimulatedMachine machine, Pointer shortPath, Pointer out, int cch) {
        if (shortPath == null) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        String name = Utf16.read(shortPath);
        if (name.isEmpty()) {
            return fail(Win32Error.ERROR_PATH_NOT_FOUND);
        }
        int error = existence(machine, name);
        if (error != Win32Error.ERROR_SUCCESS) {
            return fail(error);
        }
        long chars = Integer.toUnsignedLong(cch);
        long needed = name.length() + 1L;
        if (chars < needed) {
            return (int) needed;
        }
        if (out == null) {
            machine.ledger().error(NativeExport.GetLongPathNameW.name() + " with a NULL buffer of " + chars
                    + " characters (an access violation on Windows)");
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        Utf16.write(out, name);
        return name.length();
    }

    /** ERROR_SUCCESS if {@code name} exists on the machine, else the error GetLongPathNameW fails with. */
    private static int existence(SimulatedMachine machine, String name) {
        Optional<Path> host;
        try {
            host = Win32Names.hostPath(machine, name);
        } catch (InvalidPathException e) {
            return Win32Error.ERROR_INVALID_NAME;
        }
        if (host.isEmpty()) {
            return Win32Error.ERROR_PATH_NOT_FOUND;
        }
        Path p = host.get();
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return Win32Error.ERROR_SUCCESS;
        }
        Path parent = p.getParent();
        return parent == null || Files.isDirectory(parent) ? Win32Error.ERROR_FILE_NOT_FOUND
                : Win32Error.ERROR_PATH_NOT_FOUND;
    }

    private static int fail(int error) {
        LastError.set(error);
        return 0;
    }
}
