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
    /**
     * The command line is wrong: unknown option, bad value, unknown writer, a path that is not a directory, a volume,
     * target or id that is not what the command wants (a folder given as a volume, a set id for a shadow copy id).
     */
    static final int USAGE = 2;
    /** VSS refused or failed (the machine's state, not the command line); the message names the call and HRESULT. */
    static final int VSS_FAILURE = 3;
    /**
     * Anything else: I/O errors, a shell for {@code --exec} that could not be started (a command the shell cannot find
     * is the shell's own exit code, 127 from a POSIX shell).
     */
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

    /**
     * {@code backup}: the set is kept and marked partial: some files could not be saved (each is named); their
     * components were not told they succeeded.
     */
    static final int PARTIAL = 6;

    /**
     * {@code backup}: every file was saved, but a writer did not end stable after BackupComplete (or a step after it
     * failed): the set is complete; what the writer reported is named.
     */
    static final int WRITERS_NOT_STABLE = 7;

    /** {@code backup --type incremental|differential}: MEDIA holds no complete set of the sources to build on. */
    static final int NO_PARENT = 8;

    /** {@code sets}, {@code verify}, {@code restore}: MEDIA is missing or no directory; for verify and restore also
     * a directory holding no backup set (a verify that checked nothing must not pass). */
    static final int MEDIA_NOT_FOUND = 10;
    /** {@code verify}: a set's stored data or catalog is damaged; each problem is named. */
    static final int SET_DAMAGED = 11;
    /**
     * {@code restore}: not every selected file was restored: an entry refused (with why), a catalogued file that
     * data.tar does not hold, or a {@code --path} that selected no file; each is named.
     */
    static final int RESTORE_INCOMPLETE = 12;
    /**
     * {@code restore --writers}: a selected component was not restored: its restore method needs a service stop or a
     * reboot the command line did not allow, or a custom procedure, no running writer matched it, its writer failed
     * PreRestore or PostRestore or refused a request before PreRestore, or a file of it could not be written; each is
     * named with why.
     */
    static final int COMPONENTS_NOT_RESTORED = 13;

    /*
     * The exit code lists of the help texts, one line per code, each under 80 columns (picocli wraps a longer footer
     * line at the terminal width without indenting it). Each command's help lists the codes it can exit with.
     */
    static final String HEADING = "%nExit codes:%n";
    static final String LINE_OK = "  0      done%n";
    static final String LINE_BLOCKED = "  1      something blocks a backup (see the findings and their fixes)%n";
    /** The start of each command's line for 2; the rest says what that command refuses as a bad command line. */
    private static final String USAGE_START = "  2      bad command line: unknown option or subcommand, bad value";
    static final String LINE_USAGE = USAGE_START + "%n";
    static final String LINE_USAGE_WRITERS = USAGE_START + ",%n         --save or --sim-writers not a directory%n";
    static final String LINE_USAGE_CREATE = USAGE_START + ", no such%n"
            + "         writer, a VOLUME that is no volume root (a folder, no such volume,%n"
            + "         a host path on the simulator)%n";
    static final String LINE_USAGE_EXPOSE = USAGE_START + ", AT is a%n"
            + "         file, missing, or no drive letter or folder; ID is a set's%n";
    static final String LINE_USAGE_DELETE = USAGE_START + ", ID is a%n"
            + "         set's (without --set) or a shadow copy's (with --set)%n";
    static final String LINE_USAGE_SET = USAGE_START + ", no such%n"
            + "         SET in MEDIA (the message lists the sets there)%n";
    static final String LINE_USAGE_RESTORE = USAGE_START + ", no such%n"
            + "         SET, no complete set without SET, TARGET is a file%n";
    static final String LINE_MEDIA = "  10     MEDIA is missing or not a directory%n";
    static final String LINE_MEDIA_SETS = "  10     MEDIA is missing, not a directory, or holds no backup set%n";
    static final String LINE_DAMAGED = "  11     a set is damaged: each problem is named%n";
    static final String LINE_CHAIN_BROKEN = "  11     a set the restored one builds on is missing or cannot be%n"
            + "         read: nothing was restored%n";
    static final String LINE_INCOMPLETE = "  12     not every selected file was restored: an entry refused (with%n"
            + "         why; data damaged in the set or in a set it builds on too),%n"
            + "         a file the catalog lists missing from data.tar, or a%n"
            + "         --path that selected no file; each is named%n";
    static final String LINE_NOT_RESTORED = "  13     --writers: a component was not restored: its restore method needs%n"
            + "         a service stop or reboot not allowed (--stop-services,%n"
            + "         --at-reboot) or a custom procedure, no writer matched it, its%n"
            + "         writer failed or refused a request, or a file could not be%n"
            + "         written; each is named%n";
    static final String LINE_VSS = "  3      VSS refused or failed: the message names the call and the HRESULT%n";
    static final String LINE_OTHER = "  4      other failure, such as I/O: the message says which%n";
    static final String LINE_OTHER_EXEC = "  4      other failure: I/O, a shell for --exec that could not start%n";
    static final String LINE_CLEANUP = "  5      the cleanup after a failure or a stop failed, so shadow copies%n"
            + "         may be left: stderr names them (see also vss snapshot list)%n";
    static final String LINE_EXEC = "  N      with --exec: the exit code of the command (the backup is aborted%n"
            + "         unless 0); a command the shell cannot find is 127, the shell's%n";
    static final String LINE_SIGNAL = "  128+N  stopped by signal N (143 SIGTERM, 130 Ctrl-C) after aborting and%n"
            + "         releasing the backup; a stop after BackupComplete exits with the%n"
            + "         backup's own code (0: done)%n";

    /** Under {@code vss --help}: every code, with the commands it belongs to. */
    static final String HELP = HEADING
            + "  0      done%n"
            + "  1      vss doctor: something blocks a backup (see its findings)%n"
            + "  2      bad command line: unknown option or subcommand, bad value, a name%n"
            + "         or id that is not what the command wants (see its help)%n"
            + LINE_VSS + LINE_OTHER_EXEC
            + "  5      snapshot create, backup: the cleanup after a failure or a stop%n"
            + "         failed, so shadow copies may be left: stderr names them%n"
            + "  6-8    backup: partial (6), a writer not stable (7), no set to build on (8)%n"
            + "  10     sets, verify, restore: MEDIA is no media directory (see their help)%n"
            + "  11     verify: a set is damaged (each problem is named)%n"
            + "  12     restore: a file refused or missing, or a --path selecting none%n"
            + "  13     restore --writers: a component was not restored (each says why)%n"
            + "  N      snapshot create --exec: the exit code of the command (127: the%n"
            + "         shell found no such command)%n"
            + "  128+N  snapshot create, backup: stopped by signal N (143 SIGTERM, 130%n"
            + "         Ctrl-C)%n";

    /** {@code vss providers}, {@code vss snapshot list}. */
    static final String HELP_ADMIN = HEADING + LINE_OK + LINE_USAGE + LINE_VSS + LINE_OTHER;

    /** {@code vss writers}. */
    static final String HELP_WRITERS = HEADING + LINE_OK + LINE_USAGE_WRITERS + LINE_VSS + LINE_OTHER;

    /** {@code vss snapshot expose}. */
    static final String HELP_EXPOSE = HEADING + LINE_OK + LINE_USAGE_EXPOSE + LINE_VSS + LINE_OTHER;

    /** {@code vss snapshot delete}. */
    static final String HELP_DELETE = HEADING + LINE_OK + LINE_USAGE_DELETE + LINE_VSS + LINE_OTHER;

    /** {@code vss snapshot create}. */
    static final String HELP_CREATE = HEADING + LINE_OK + LINE_USAGE_CREATE + LINE_VSS + LINE_OTHER_EXEC
            + LINE_CLEANUP + LINE_EXEC + LINE_SIGNAL;

    static final String LINE_USAGE_BACKUP = USAGE_START + ", no such%n"
            + "         writer or component, a SOURCE on no volume, a SOURCE directory%n"
            + "         that does not exist or is a file, MEDIA not a directory, MEDIA or%n"
            + "         --sim-state within a SOURCE (all before any VSS call)%n";

    /** {@code vss backup}. */
    static final String HELP_BACKUP = HEADING
            + "  0      done: every file saved, every selected writer ended stable;%n"
            + "         --dry-run: 0 whatever it finds (what it says may not be saved%n"
            + "         would make the backup partial, 6)%n"
            + LINE_USAGE_BACKUP
            + "  3      VSS refused or failed: the backup was aborted; stderr says what%n"
            + "         MEDIA holds: no set, or the set left unconfirmed%n"
            + "  4      other failure, such as I/O on MEDIA: the message says which%n"
            + "  5      a stop's cleanup failed or took over 60 s (stderr says what)%n"
            + "  6      partial: the set is kept and marked partial; each file not saved%n"
            + "         is named%n"
            + "  7      the set is complete, but a writer did not end stable after%n"
            + "         BackupComplete (it is named)%n"
            + "  8      incremental or differential: no complete full backup of these%n"
            + "         sources in MEDIA to build on (or only a partial or unconfirmed one)%n"
            + "  128+N  stopped by signal N (143 SIGTERM, 130 Ctrl-C): the backup was%n"
            + "         aborted and any partial set removed; a stop seen once every file%n"
            + "         was stored lets the backup end with its own code%n";

    /** {@code vss sets}: an empty MEDIA lists no set and exits 0. */
    static final String HELP_SETS = HEADING + LINE_OK + LINE_USAGE + LINE_OTHER + LINE_MEDIA;

    /** {@code vss verify}. */
    static final String HELP_VERIFY = HEADING + "  0      every set verified (a partial or unconfirmed set too, when what%n"
            + "         it holds matches its catalog: its state is shown)%n"
            + LINE_USAGE_SET + LINE_OTHER + LINE_MEDIA_SETS + LINE_DAMAGED;

    /** {@code vss restore}. */
    static final String HELP_RESTORE = HEADING + "  0      every selected file's data was restored; what could not be%n"
            + "         applied to it (security, streams, times, attributes) is%n"
            + "         listed as not applied%n"
            + LINE_USAGE_RESTORE + LINE_VSS + LINE_OTHER + LINE_MEDIA_SETS + LINE_CHAIN_BROKEN + LINE_INCOMPLETE
            + LINE_NOT_RESTORED;

    /** {@code vss doctor}: its findings are its result; a failing check is a finding, not an exit code. */
    static final String HELP_DOCTOR = HEADING + "  0      nothing blocks a backup (warnings may be listed)%n"
            + LINE_BLOCKED + LINE_USAGE + LINE_OTHER;

    private ExitCodes() {
    }
}
