package org.vss4j.cli;

import java.io.PrintWriter;
import org.vss4j.VssException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into a message on stderr (its first line says what is wrong; an explained VSS failure adds VSS's own
 * error on the next), then {@code (add --verbose for details)} unless the message says it all, and a documented
 * exit code; {@code --verbose}
 * prints the stack trace instead of that hint.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    private final VssCommand root;

    ErrorReporter(VssCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println("vss: " + message(ex));
        if (root.verbose()) {
            ex.printStackTrace(err);
        } else if (!saysItAll(ex, cl)) {
            err.println("(add --verbose for details)");
        }
        err.flush();
        return exitCode(ex);
    }

    /**
     * Whether the message is the whole story, so that the stack trace would add nothing: a stop, a chain with no
     * parent, media without the set asked for, and the media commands' usage errors (each says what to do).
     */
    static boolean saysItAll(Throwable ex, CommandLine cl) {
        if (ex instanceof ShutdownGuard.Stopped || ex instanceof BackupCommand.NoParentSet
                || ex instanceof MediaNotFound) {
            return true;
        }
        Object command = cl.getCommand();
        boolean media = command instanceof BackupCommand || command instanceof SetsCommand
                || command instanceof VerifyCommand || command instanceof RestoreCommand;
        return media && ex instanceof UsageException;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof CleanupFailed) {
            return ExitCodes.CLEANUP_FAILED;
        }
        if (ex instanceof BackupCommand.NoParentSet) {
            return ExitCodes.NO_PARENT;
        }
        if (ex instanceof ShutdownGuard.Stopped) {
            return ExitCodes.STOPPED;
        }
        if (ex instanceof ExplainedVssFailure f && f.isBadArgument()) {
            return ExitCodes.USAGE;
        }
        if (ex instanceof VssException) {
            return ExitCodes.VSS_FAILURE;
        }
        if (ex instanceof MediaNotFound) {
            return ExitCodes.MEDIA_NOT_FOUND;
        }
        if (ex instanceof UsageException || ex instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.OTHER_FAILURE;
    }

    private static String message(Throwable ex) {
        return IoReasons.messageOf(ex);
    }
}
