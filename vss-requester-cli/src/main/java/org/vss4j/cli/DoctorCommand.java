package org.vss4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vss doctor}: whether this machine can make a consistent backup, each finding with its severity and a fix.
 * Exits with 0 only when nothing blocks a backup ({@link ExitCodes#BLOCKED} otherwise).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = {"Check whether this machine can make a consistent backup.",
            "It checks the OS and JVM, the VSS provider, elevation and privileges, the VSS service, COM security, "
                + "every writer, shadow copies and links left behind, and the files VSS leaves out of every shadow "
                + "copy (FilesNotToSnapshot). Each finding is ok, a warning or blocking, with a fix."},
        footer = {"%nExamples:",
            "  vss doctor",
            "  vss doctor --json",
            ExitCodes.HELP_DOCTOR})
final class DoctorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimulatorOptions simulator;

    @Option(names = "--json", description = "Print the findings as JSON on stdout (notes go to stderr).")
    private boolean json;

    @Option(names = "--timeout", defaultValue = "2m", paramLabel = "DURATION",
            description = "Longest wait for each VSS step: 30s, 5m, 2h or ISO-8601 (PT5M). "
                    + "Default: ${DEFAULT-VALUE}.")
    private Duration timeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ProviderInUse provider = ProviderInUse.current();
        DoctorReport report;
        if (provider.chosen()) {
            // The provider's and the simulator's notes go to stderr: with --json, stdout carries the JSON only.
            simulator.prepare();
        }
        try {
            report = new Doctor(timeout).run(provider);
        } finally {
            simulator.close();
        }
        if (json) {
            Json.print(out, report);
        } else {
            DoctorText.print(out, report);
        }
        return report.backupPossible() ? ExitCodes.OK : ExitCodes.BLOCKED;
    }
}
