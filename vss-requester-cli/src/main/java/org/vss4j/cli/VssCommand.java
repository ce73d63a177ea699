package org.vss4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code vss} command: a requester for the Volume Shadow Copy Service. */
@Command(name = "vss", mixinStandardHelpOptions = true, version = "vss4j 0.1.0",
        description = "Volume Shadow Copy Service requester: real VSS on Windows (run elevated), "
                + "the vss4j simulator elsewhere (a directory is a volume).",
        footer = ExitCodes.HELP,
        subcommands = {WritersCommand.class, ProvidersCommand.class, SnapshotCommand.class, DoctorCommand.class})
public final class VssCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    private boolean verbose;
    private ShutdownGuard guard;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print stack traces with errors and the VSS provider chosen.")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
    }

    boolean verbose() {
        return verbose;
    }

    /** The command run installed {@code g}: it is finished with the exit code once the error line is printed. */
    void guardedBy(ShutdownGuard g) {
        this.guard = g;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code (see {@link ExitCodes}). */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        VssCommand root = new VssCommand();
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorReporter(root));
        int code = cl.execute(args);
        if (root.guard != null) {
            // Only now, with the last line printed: a shutdown hook waiting on it lets the JVM exit at once.
            out.flush();
            err.flush();
            root.guard.finish(code);
        }
        return code;
    }

    public static void main(String[] args) {
        PrintWriter out = new StreamWriter(System.out);
        PrintWriter err = new StreamWriter(System.err);
        System.exit(execute(out, err, args));
    }
}
