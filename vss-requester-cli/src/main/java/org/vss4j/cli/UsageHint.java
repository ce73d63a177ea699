package org.vss4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A wrong command line: the error (a line starting with {@code vss: }), picocli's "Did you mean" suggestions, the command's synopsis and where its full
 * help is, on stderr, exit code 2. Picocli's default prints the whole help under the error, up to 100 lines for
 * {@code snapshot create}, so that the error scrolls off. A group command without its subcommand ({@code vss},
 * {@code vss snapshot}) still gets its usage: there the list of commands is the answer.
 */
final class UsageHint implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        // An error is a line that starts with "vss: ", picocli's own as every other (README).
        String message = String.valueOf(ex.getMessage());
        err.println(message.startsWith("vss: ") ? message : "vss: " + message);
        boolean suggested = UnmatchedArgumentException.printSuggestions(ex, err);
        if (cl.getCommand() instanceof HelpPathCommand) {
            // `vss help snapshot nosuch`: the error lists the commands there are.
            err.flush();
            return ExitCodes.USAGE;
        }
        if (isGroupWithoutCommand(ex, cl)) {
            cl.usage(err);
        } else {
            // A bad value of an option: the error names the option and what to give, as a usage error found after
            // parsing does (one line); the synopsis would only push it up.
            boolean badValue = message.startsWith("Invalid value for option");
            if (!suggested && !badValue) {
                err.print(cl.getHelp().synopsisHeading() + cl.getHelp().synopsis(0));
            }
            err.println("See `" + helpCommandFor(cl) + "` for its options and examples.");
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** {@code vss} or {@code vss snapshot} run without a subcommand (picocli's "Missing required subcommand"). */
    private static boolean isGroupWithoutCommand(ParameterException ex, CommandLine cl) {
        return !cl.getSubcommands().isEmpty() && !(ex instanceof UnmatchedArgumentException)
                && String.valueOf(ex.getMessage()).startsWith("Missing required subcommand");
    }

    /** {@code vss help snapshot create} for the command {@code vss snapshot create}; {@code vss --help} for vss. */
    static String helpCommandFor(CommandLine cl) {
        String name = cl.getCommandSpec().qualifiedName();
        if (cl.getParent() == null) {
            return name + " --help";
        }
        CommandLine root = cl;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommandName() + " help" + name.substring(root.getCommandSpec().qualifiedName().length());
    }
}
