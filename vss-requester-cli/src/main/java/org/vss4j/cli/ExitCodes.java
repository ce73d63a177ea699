package org.vss4j.cli;

/**
 * The {@code vss} command's exit codes (also in {@code vss --help} and the README). {@code snapshot create --exec}
 * exits with the command's own code instead when the command ran.
 */
final class ExitCodes {

    /** Done. */
    static final int OK = 0;
    /** {@code vss doctor}: at least one finding blocks a backup. */
    static final int BLOCKED = 1;
    /** The command line is wrong: unknown option, bad value, unknown writer, a path that is not a directory. */
    static final int USAGE = 2;
    /** VSS refused or failed; the message names the call and the HRESULT. */
    static final int VSS_FAILURE = 3;
    /** Anything else: I/O errors, an {@code --exec} command that could not be started. */
    static final int OTHER_FAILURE = 4;

    /**
     * {@code snapshot create}: the backup failed or was stopped, and AbortBackup or deleting the persistent set it
     * made failed, or a stop's cleanup did not end in time: shadow copies may be left (stderr names them and how to
     * delete them; {@code vss snapshot list}).
     */
    static final int CLEANUP_FAILED = 5;

    /**
     * Stopped by SIGTERM (128 + 15, as shells report a process a signal ended). The JVM itself exits with 128 plus the
     * number of the signal that shut it down (130 for SIGINT/Ctrl-C, 129 for SIGHUP) once the backup was aborted and
     * released; this value is what the command returns when the shutdown came from elsewhere. A stop that left something
     * behind exits with {@link #CLEANUP_FAILED}; one after BackupComplete with the backup's own code (the backup was
     * done); a failure that was not the stop's doing with its own code.
     */
    static final int STOPPED = 128 + 15;

    /** The text shown under {@code vss --help}. */
    static final String HELP = "%nExit codes:%n"
            + "  0  done%n"
            + "  1  vss doctor: something blocks a backup (see its findings)%n"
            + "  2  bad command line (unknown option or writer, not a directory)%n"
            + "  3  VSS refused or failed: the message names the call and the HRESULT%n"
            + "  4  other failure (I/O, --exec command could not start)%n"
            + "  5  snapshot create: the cleanup after a failure or a stop failed: shadow copies may be left%n"
            + "     (stderr names them; vss snapshot list)%n"
            + "  snapshot create --exec: the command's own exit code%n"
            + "  128+N  stopped by signal N after aborting and releasing the backup (143 SIGTERM, 130 Ctrl-C);%n"
            + "     a stop after BackupComplete exits with the backup's own code (0: done)%n";

    private ExitCodes() {
    }
}
