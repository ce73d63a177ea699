package org.vss4j.abi;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * What to do when the mingw-w64 compiler or headers are missing. On a developer machine: a loud warning and a skipped
 * (aborted, reported as skipped) test whose reason says what to install. On CI ({@code CI=true}, set by GitHub
 * Actions and most CI services) the packages are always installed ({@code .ci/run} installs them), so their absence
 * is a failure: the ABI must never go unchecked there.
 */
final class MingwPrerequisite {

    static final String INSTALL_COMMAND = "apt-get install mingw-w64-common gcc-mingw-w64-x86-64-win32";

    private MingwPrerequisite() {
    }

    static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Says once, loudly, that the check is not performed here (printed only where absence is tolerated). */
    static void warn(String reason) {
        if (!onCi()) {
            System.err.println();
            System.err.println("!".repeat(100));
            System.err.println("WARNING: " + message(reason));
            System.err.println("!".repeat(100));
        }
    }

    /** Never returns normally: fails on CI, aborts (reported as skipped) elsewhere. */
    static void absent(String reason) {
        if (onCi()) {
            fail(message(reason) + " (CI=true: the packages are required on CI)");
        }
        Assumptions.abort(message(reason));
    }

    private static String message(String reason) {
        return "ABI conformance NOT CHECKED: " + reason + ". The Windows x64 layout of every vtable and struct is "
                + "computed from the mingw-w64 headers; install them with: " + INSTALL_COMMAND;
    }
}
