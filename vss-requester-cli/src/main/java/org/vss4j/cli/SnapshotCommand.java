package org.vss4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * {@code vss snapshot ...}: create, list, delete and expose shadow copies. Without a subcommand it is a usage error
 * (exit code 2, the usage on stderr), as for {@link VssCommand}: neither is Runnable.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Create, list, delete and expose shadow copies.",
        commandListHeading = "%nCommands:%n",
        footer = {"%nExamples:",
            "  vss snapshot create C: --exec \"dir %%VSS_SHADOW_PATH%%\"",
            "  vss snapshot create C: --persistent --json",
            "  vss snapshot list",
            "  vss snapshot help create",
            "%nExit codes: those of the command run (see its help); 2 without a command."},
        subcommands = {SnapshotCreateCommand.class, SnapshotListCommand.class, SnapshotDeleteCommand.class,
            SnapshotExposeCommand.class, HelpCommand.class})
final class SnapshotCommand {
}
