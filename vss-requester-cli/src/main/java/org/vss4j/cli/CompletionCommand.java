package org.vss4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vss completion}: a bash/zsh completion script of the whole command tree, picocli's ({@link AutoComplete})
 * with two changes: its header says how {@code vss}'s is installed (picocli's says to source files named
 * {@code *_completion}, which the distribution has none of), and the negated form of each negatable option
 * ({@code --no-progress}), which picocli's script leaves out, is offered beside the option.
 */
@Command(name = VssCommand.COMPLETION,
        description = "Print a bash/zsh completion script: source <(vss completion)",
        footer = {"%nIn ~/.bashrc it is there in every shell:",
            "  source <(vss completion)",
            "zsh: the same after this line:",
            "  autoload -U +X bashcompinit && bashcompinit"})
final class CompletionCommand implements Runnable {

    /** Where picocli's script has its installation notes, and where they end. */
    private static final String NOTES = "# Installation\n";
    private static final String NOTES_END = "# Documentation\n";

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Override
    public void run() {
        CommandLine root = spec.root().commandLine();
        PrintWriter out = spec.commandLine().getOut();
        out.print(script(root));
        out.flush();
    }

    /** The completion script of {@code root}'s command tree. */
    static String script(CommandLine root) {
        String script = AutoComplete.bash(root.getCommandName(), root);
        int notes = script.indexOf(NOTES);
        int end = script.indexOf(NOTES_END);
        if (notes >= 0 && end > notes) {
            script = script.substring(0, notes) + NOTES
                    + "# ------------\n"
                    + "#\n"
                    + "#   source <(vss completion)      # in ~/.bashrc to have it in every shell\n"
                    + "#\n"
                    + "# zsh: the same, after `autoload -U +X bashcompinit && bashcompinit`.\n"
                    + "#\n"
                    + script.substring(end);
        }
        for (String[] names : negatableOptions(root)) {
            // Each option is listed as 'NAME' among the command's flag options: its negated form goes beside it.
            script = script.replace("'" + names[0] + "'", "'" + names[0] + "' '" + names[1] + "'");
        }
        return script;
    }

    /** Each negatable option of the tree once, as {name, negated name}. */
    private static List<String[]> negatableOptions(CommandLine root) {
        List<String[]> found = new ArrayList<>();
        List<CommandLine> all = new ArrayList<>(List.of(root));
        for (int i = 0; i < all.size(); i++) {
            CommandLine c = all.get(i);
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (o.negatable()) {
                    for (String name : o.names()) {
                        String negated = c.getNegatableOptionTransformer().makeNegative(name, c.getCommandSpec());
                        if (!negated.equals(name) && found.stream().noneMatch(f -> f[0].equals(name))) {
                            found.add(new String[] {name, negated});
                        }
                    }
                }
            }
            c.getSubcommands().values().stream().filter(s -> !all.contains(s)).forEach(all::add);
        }
        return found;
    }
}
