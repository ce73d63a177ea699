package org.vss4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code vss} command: a requester for the Volume Shadow Copy Service. It does nothing itself: without a
 * subcommand picocli reports "Missing required subcommand" with the usage on stderr (exit code 2), since this class
 * is neither Runnable nor Callable.
 */
@Command(name = "vss", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Volume Shadow Copy Service requester: real VSS on Windows (run it elevated), the vss4j "
                + "simulator elsewhere (there a directory is a volume: see --sim-volume in each command's help).",
            "Start with `vss doctor`, then `vss snapshot create C:`."},
        commandListHeading = "%nCommands:%n",
        footer = {"%nA command's options, examples and exit codes: vss help COMMAND...",
            "  vss help snapshot create",
            "%nOn the simulator C:\\ is the current directory, copied at each snapshot: run",
            "vss from a small directory, or name one with --sim-volume C:=DIR.",
            ExitCodes.HELP},
        subcommands = {WritersCommand.class, ProvidersCommand.class, SnapshotCommand.class, BackupCommand.class,
            SetsCommand.class, VerifyCommand.class, RestoreCommand.class, DoctorCommand.class, HelpPathCommand.class,
            CompletionCommand.class})
public final class VssCommand {

    /** The name of the subcommand that prints a shell completion script. */
    static final String COMPLETION = "completion";

    private boolean verbose;
    private ShutdownGuard guard;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print the stack trace with an error, and the library's warnings.")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        if (verbose) {
            LibraryLog.verbose();
        }
    }

    boolean verbose() {
        return verbose;
    }

    /** The command run installed {@code g}: it is finished with the exit code once the error line is printed. */
    void guardedBy(ShutdownGuard g) {
        this.guard = g;
    }

    /** The command line of {@code vss}, as {@link #execute} runs it. */
    static CommandLine commandLine(VssCommand root) {
        CommandLine cl = new CommandLine(root);
        // --verbose (stack traces of errors) means nothing to the commands that only print help or a script.
        withoutVerbose(cl);
        HelpPathCommand.completeWithCommands(cl);
        // -V on a subcommand (`vss snapshot create -V`) prints the same as on vss: the annotation is vss's only.
        withVersion(cl, new VersionProvider());
        cl.registerConverter(UUID.class, new GuidArgument());
        cl.registerConverter(Duration.class, new DurationArgument());
        cl.setParameterExceptionHandler(new UsageHint());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorReporter(root));
        return cl;
    }

    private static void withoutVerbose(CommandLine cl) {
        Object command = cl.getCommand();
        if (command instanceof HelpPathCommand || command instanceof CompletionCommand) {
            OptionSpec verbose = cl.getCommandSpec().findOption("--verbose");
            if (verbose != null) {
                cl.getCommandSpec().remove(verbose);
            }
        }
        cl.getSubcommands().values().forEach(VssCommand::withoutVerbose);
    }

    private static void withVersion(CommandLine cl, VersionProvider version) {
        cl.getCommandSpec().versionProvider(version);
        cl.getSubcommands().values().forEach(sub -> withVersion(sub, version));
    }

    /** Runs the command line and returns the exit code (see {@link ExitCodes}). */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        VssCommand root = new VssCommand();
        CommandLine cl = commandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        if (root.guard != null) {
            // Only now, with the last line printed: a shutdown hook waiting on it lets the JVM exit at once.
            out.flush();
            err.flush();
            root.guard.finish(code);
        }
        return code;
    }

    /**
     * The {@code vss} command: runs the command line and exits the JVM with its exit code (see {@link ExitCodes}).
     *
     * @param args the command line's arguments, e.g. {@code snapshot create C:\}
     */
    public static void main(String[] args) {
        PrintWriter out = new StreamWriter(System.out);
        PrintWriter err = new StreamWriter(System.err);
        System.exit(execute(out, err, args));
    }
}
