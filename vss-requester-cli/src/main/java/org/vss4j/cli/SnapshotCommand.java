package org.vss4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vss snapshot ...}: create, list, delete and expose shadow copies. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Create, list, delete, expose shadow copies.",
        subcommands = {SnapshotCreateCommand.class, SnapshotListCommand.class, SnapshotDeleteCommand.class,
            SnapshotExposeCommand.class})
final class SnapshotCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
