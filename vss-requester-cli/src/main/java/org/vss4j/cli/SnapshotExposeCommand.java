package org.vss4j.cli;

import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.vss4j.BackupComponents;
import org.vss4j.SnapshotContext;
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
@Command(name = "expose", mixinStandardHelpOptions = true,
        description = "Expose a persistent shadow copy at a drive letter or empty folder (--undo: unexpose it).")
final class SnapshotExposeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimulatorOptions simulator;

    @Parameters(index = "0", paramLabel = "ID", description = "The shadow copy id.")
    private UUID id;

    @Parameters(index = "1", arity = "0..1", paramLabel = "AT",
            description = "Drive letter (X:) or empty folder to expose it at (default: the highest free letter).")
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
                bc.unexposeSnapshot(id);
                out.printf("shadow copy {%s} is no longer exposed%n", id);
            } else {
                String exposed = bc.exposeSnapshotLocally(id, at != null ? at : FreeDriveLetter.pick());
                out.printf("shadow copy {%s} exposed at %s%n", id, exposed);
            }
            return ExitCodes.OK;
        });
    }
}
