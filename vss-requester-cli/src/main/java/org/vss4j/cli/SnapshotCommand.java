package org.vss4j.cli;

import picocli.CommandLine.Command;

/**
 * {@code vss snapshot ...}: create, list, delete and expose shadow copies. Without a subcommand it is a usage error
 * (exit code 2, the usage on stderr), as for {@link VssCommand}: neither is Runnable.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Create, list, delete and expose shadow copies.",
        commandListHeading = "%nCommands:%n",
        footer = {"%nExamples (" + Examples.LEGEND + "):",
            "  vss snapshot create C: --persistent --json",
            "  vss snapshot list",
            "  vss help snapshot create",
            "  (cmd) vss snapshot create C: --exec \"dir %%VSS_SHADOW_PATH%%\"",
            "  (sh)  vss snapshot create C: --exec 'ls \"$VSS_SHADOW_PATH\"'",
            "%nExit codes: those of the command run (see its help); 2 without a command."},
        subcommands = {SnapshotCreateCommand.class, SnapshotListCommand.class, SnapshotDeleteCommand.class,
            SnapshotExposeCommand.class, HelpPathCommand.class})
final class SnapshotCommand {
}
