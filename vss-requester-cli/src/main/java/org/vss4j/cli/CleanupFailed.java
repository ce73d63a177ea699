package org.vss4j.cli;

/**
 * A run failed (or was stopped) and its cleanup failed too: AbortBackup, or deleting the persistent set it made.
 * The message is the first failure's; stderr already said what stays. Exit code {@link ExitCodes#CLEANUP_FAILED}.
 */
final class CleanupFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CleanupFailed(RuntimeException cause) {
        super(IoReasons.messageOf(cause) + " (and the cleanup failed: see above)", cause);
    }
}
