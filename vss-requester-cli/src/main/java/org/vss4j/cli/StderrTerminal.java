package org.vss4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal, where progress bars belong. Java has no call for it: {@code System.console()}
 * is about standard input and output. On Linux file descriptor 2 is read through {@code /proc/self/fd/2} (a terminal
 * is a {@code /dev/pts/N} or {@code /dev/ttyN} device; a pipe, a socket or a file is not); elsewhere it is taken to
 * be a terminal when standard input and output are ({@link Terminal#isInteractive()}).
 */
final class StderrTerminal {

    private static final Path FD_2 = Path.of("/proc/self/fd/2");

    private StderrTerminal() {
    }

    static boolean isTerminal() {
        if (Files.isSymbolicLink(FD_2)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(FD_2).toString());
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return Terminal.isInteractive();
    }

    /** Whether {@code target}, what {@code /proc/self/fd/2} links to, is a terminal device. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
