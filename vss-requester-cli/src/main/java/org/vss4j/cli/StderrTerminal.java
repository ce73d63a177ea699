package org.vss4j.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.platform.win32.Wincon;
import com.sun.jna.ptr.IntByReference;

/**
 * Whether standard error is a terminal, where progress bars belong. Java has no call for it ({@code System.console()}
 * is about standard input and output), so the OS is asked through JNA: on POSIX {@code isatty(2)} (The Open Group
 * Base Specifications, "isatty": 1 for a terminal, 0 otherwise), on Windows {@code GetConsoleMode} of the handle
 * {@code GetStdHandle(STD_ERROR_HANDLE)} gives (Microsoft docs, "GetConsoleMode function": it fails for a handle that
 * is no console's, such as a file or a pipe; "GetStdHandle function").
 *
 * <p>This is the command's own look at its terminal, not a VSS call: it does not go through the binding's
 * {@code org.vss4j.com.Exports} seam, which is there so that the simulator can stand in for vssapi.dll and kernel32's
 * volume functions. With {@code -Dvss4j.provider=simulator} on Windows the console is still Windows' own.
 */
final class StderrTerminal {

    /** Standard error's file descriptor (unistd.h: STDERR_FILENO). */
    private static final int STDERR_FILENO = 2;

    private StderrTerminal() {
    }

    /** Whether stderr is a terminal; false when the OS cannot be asked (no libc to load...). */
    static boolean isTerminal() {
        try {
            return Platform.isWindows() ? isConsole(Kernel32.INSTANCE.GetStdHandle(Wincon.STD_ERROR_HANDLE))
                    : Posix.LIBC.isatty(STDERR_FILENO) == 1;
        } catch (LinkageError | RuntimeException cannotAsk) {
            // LinkageError: JNA's own library or libc cannot be loaded (UnsatisfiedLinkError), or JNA failed to
            // initialise (ExceptionInInitializerError, NoClassDefFoundError). Progress is not worth failing for.
            return false;
        }
    }

    private static boolean isConsole(HANDLE stderr) {
        // No handle (a process started without one) or INVALID_HANDLE_VALUE: no console either.
        if (stderr == null || WinBase.INVALID_HANDLE_VALUE.equals(stderr)) {
            return false;
        }
        return Kernel32.INSTANCE.GetConsoleMode(stderr, new IntByReference());
    }

    /** The C library's isatty, loaded on first use (never on Windows). */
    private interface Posix extends Library {

        Posix LIBC = Native.load(Platform.C_LIBRARY_NAME, Posix.class);

        int isatty(int fd);
    }
}
