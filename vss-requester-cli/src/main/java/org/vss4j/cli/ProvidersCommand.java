package org.vss4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.vss4j.BackupComponents;
import org.vss4j.ProviderProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vss providers}: the registered shadow copy providers (like {@code vssadmin list providers}). */
@Command(name = "providers", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "List the shadow copy providers (like vssadmin list providers).",
        footer = {"%nExamples:",
            "  vss providers",
            "  vss providers --json",
            ExitCodes.HELP_ADMIN})
final class ProvidersCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimulatorOptions simulator;

    @Option(names = "--json", description = "Print the providers as JSON on stdout (notes go to stderr).")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        return Requester.run(simulator, null, bc -> {
            List<ProviderProperties> providers = bc.queryProviders();
            if (json) {
                Json.print(out, providers.stream().map(JsonForms.Provider::of).toList());
            } else {
                for (ProviderProperties p : providers) {
                    out.printf("Provider name: '%s'%n   Provider type: %s%n   Provider Id: {%s}%n   Version: %s%n",
                            p.name(), p.type().nativeName(), p.providerId(), p.version());
                }
            }
            return ExitCodes.OK;
        });
    }
}
