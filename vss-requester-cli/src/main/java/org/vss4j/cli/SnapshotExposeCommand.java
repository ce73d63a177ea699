package org.vss4j.cli;

import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.vss4j.BackupComponents;
import org.vss4j.SnapshotContext;
import org.vss4j.VssException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vss snapshot expose ID [AT]}: makes a persistent shadow copy readable at a drive letter or an empty folder;
 * without AT at a free drive letter the command picks ({@link FreeDriveLetter}: VSS picks nothing for a local
 * exposure); {@code --undo} unexposes it.
 */
@Command(name = "expose", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = {"Expose a persistent shadow copy at a drive letter or empty folder (--undo: unexpose it).",
            "Only a persistent shadow copy (snapshot create --persistent) can be exposed, at one place at a time."},
        footer = {"%nExamples (" + Examples.LEGEND + "):",
            "  vss snapshot expose {54747dd5-e6a2-44ef-8d95-eeac2ec5ac91} X:",
            "  (cmd) vss snapshot expose 54747dd5-e6a2-44ef-8d95-eeac2ec5ac91 C:\\mnt\\shadow",
            "  (sh)  vss snapshot expose \"$ID\" 'C:\\mnt\\shadow'   (ID: the shadow copy id)",
            "  vss snapshot expose --undo 54747dd5-e6a2-44ef-8d95-eeac2ec5ac91",
            ExitCodes.HELP_EXPOSE})
final class SnapshotExposeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimulatorOptions simulator;

    @Parameters(index = "0", paramLabel = "ID", description = "The shadow copy id, a GUID with or without braces.")
    private UUID id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "AT",
            description = "A free drive letter (X:) or an empty folder on a volume (C:\\mnt\\shadow) to expose it at. "
                    + "Default: the highest free drive letter.")
    private String at;

    @Option(names = "--undo", description = "Unexpose the shadow copy instead.")
    private boolean undo;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (undo && at != null) {
            throw new UsageException("--undo takes only the shadow copy id");
        }
        return Requester.run(simulator, SnapshotContext.ALL, bc -> {
            if (undo) {
                try {
                    bc.unexposeSnapshot(id);
                } catch (VssException e) {
                    throw ExposeTarget.explainUndo(bc, id, e);
                }
                out.printf("shadow copy {%s} is no longer exposed%n", id);
            } else {
                String target = at != null ? at : FreeDriveLetter.pick();
                String exposed;
                try {
                    exposed = bc.exposeSnapshotLocally(id, target);
                } catch (VssException e) {
                    // VSS's HRESULT stays in the message; the command says what is wrong with the target.
                    throw ExposeTarget.explain(bc, id, target, e);
                }
                String host = SimulatedHost.hostPathOf(exposed);
                out.printf("shadow copy {%s} exposed at %s%s%n", id, exposed,
                        host == null ? "" : " (on this host: " + host + ")");
            }
            return ExitCodes.OK;
        });
    }
}
