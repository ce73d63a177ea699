package org.vss4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code vss} command: a requester for the Volume Shadow Copy Service. */
@Command(name = "vss", mixinStandardHelpOptions = true, version = "vss4j 0.1.0",
        description = "Volume Shadow Copy Service requester (real VSS on Windows, the vss4j simulator elsewhere).",
        subcommands = {SnapshotCommand.class, WritersCommand.class})
public final class VssCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code; VSS failures print one clear line and exit 2. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new VssCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            err.println("vss: " + ex.getMessage());
            err.flush();
            return 2;
        });
        return cl.execute(args);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(out, err, args));
    }
}
