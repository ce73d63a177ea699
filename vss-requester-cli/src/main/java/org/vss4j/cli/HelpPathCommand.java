package org.vss4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code vss help [COMMAND...]}: the help of the command the words name, however deep ({@code vss help snapshot
 * create}). Picocli's own help command reads only its first word, so {@code vss help snapshot create} showed the
 * {@code snapshot} group and {@code vss help snapshot nosuch} showed it too, with exit code 0. A word that names no
 * command is a usage error (exit code 2).
 */
@Command(name = "help", helpCommand = true,
        description = "Show the help of a command, e.g. `vss help snapshot create`.",
        synopsisHeading = "%nUsage: ", descriptionHeading = "%n", optionListHeading = "%nOptions:%n")
final class HelpPathCommand implements IHelpCommandInitializable2, Runnable {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "The command, each word of it: snapshot create. Without one: the help of the command "
                    + "this help belongs to.")
    private List<String> words = new ArrayList<>();

    private CommandLine self;
    private ColorScheme colors;
    private PrintWriter out;

    /**
     * Gives each help command of the tree under {@code cl} its parent's command names as completion candidates
     * ({@code vss help <TAB>}): picocli's completion script knows them only for its own help command.
     */
    static void completeWithCommands(CommandLine cl) {
        if (cl.getCommand() instanceof HelpPathCommand && cl.getParent() != null) {
            CommandSpec spec = cl.getCommandSpec();
            PositionalParamSpec words = spec.positionalParameters().get(0);
            spec.remove(words);
            spec.addPositional(PositionalParamSpec.builder(words).completionCandidates(commandNames(cl.getParent()))
                    .build());
        }
        cl.getSubcommands().values().forEach(HelpPathCommand::completeWithCommands);
    }

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter outWriter,
            PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        // A help command is parsed like a help option, leniently: what it did not match is left, and refused here.
        List<String> unmatched = self.getParseResult() == null ? List.of() : self.getParseResult().unmatched();
        if (!unmatched.isEmpty()) {
            throw new ParameterException(self, "Unknown option or argument: '" + unmatched.get(0) + "'");
        }
        CommandLine command = self.getParent();
        for (String word : words) {
            CommandLine sub = command.getSubcommands().get(word);
            if (sub == null) {
                throw new ParameterException(self, "'" + word + "' is no command of `" + qualifiedName(command)
                        + "`" + (command.getSubcommands().isEmpty() ? "" : "; its commands: "
                        + String.join(", ", commandNames(command))));
            }
            command = sub;
        }
        command.usage(out, colors);
        out.flush();
    }

    private static String qualifiedName(CommandLine command) {
        return command.getCommandSpec().qualifiedName();
    }

    private static List<String> commandNames(CommandLine command) {
        List<String> names = new ArrayList<>();
        command.getSubcommands().forEach((name, sub) -> names.add(name));
        return names;
    }
}
