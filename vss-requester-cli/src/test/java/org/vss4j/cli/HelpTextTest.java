package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help, as a newcomer reads it: its examples and exit codes, the values of enum options, each
 * default once, and no line picocli would have to wrap at 80 columns without indenting it.
 */
class HelpTextTest {

    /** Every command of the tree but picocli's own help and completion commands. */
    private static List<String[]> commands() {
        return List.of(new String[] {"writers"}, new String[] {"providers"}, new String[] {"doctor"},
                new String[] {"snapshot", "create"}, new String[] {"snapshot", "list"},
                new String[] {"snapshot", "delete"}, new String[] {"snapshot", "expose"});
    }

    private static String help(String... command) {
        CliRun run = CliRun.vss(CliRun.concat(command, "--help"));
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void everyCommandShowsAnExampleAndItsExitCodes() {
        for (String[] command : commands()) {
            String help = help(command);
            String name = String.join(" ", command);
            assertThat(help).as(name).contains("Examples:", "  vss " + name, "Exit codes:", "  0      ",
                    "  2      bad command line");
            assertThat(help).as(name).contains("Simulator options");
        }
        assertThat(help("snapshot", "create")).contains("  5      ", "  128+N  ", "with --exec");
        assertThat(help("doctor")).contains("  1      something blocks a backup").doesNotContain("  3      ");
        assertThat(help("writers")).doesNotContain("  5      ", "--exec");
    }

    @Test
    void enumOptionsListTheirValuesAndDefaultsAreWrittenOnce() {
        String create = help("snapshot", "create").replaceAll("\\s+", " ");
        assertThat(create).contains("FULL, INCREMENTAL, DIFFERENTIAL, LOG, COPY");
        for (String[] command : commands()) {
            String help = help(command).replaceAll("\\s+", " ");
            assertThat(help).as(String.join(" ", command)).doesNotContain("C:\\\\=.").doesNotContain("<timeout>");
            assertThat(help.split("C:\\\\=\\.", -1)).as("C:\\=. once").hasSize(2);
            assertThat(help).contains("RUNNING, STOPPED, DISABLED");
        }
    }

    /**
     * Picocli wraps a footer line wider than the help at the width and goes on at column 0, which reads as a new line
     * ("shadow\ncopies may be left"): every footer line of every command fits by itself.
     */
    @Test
    void everyFooterLineFitsTheHelpWidth() {
        CommandLine root = VssCommand.commandLine(new VssCommand());
        int width = root.getUsageHelpWidth();
        List<CommandLine> all = new java.util.ArrayList<>(List.of(root));
        for (int i = 0; i < all.size(); i++) {
            all.addAll(all.get(i).getSubcommands().values());
        }
        for (CommandLine command : all) {
            for (String footer : command.getCommandSpec().usageMessage().footer()) {
                for (String line : String.format(footer).split("\\R")) {
                    assertThat(line.length()).as(command.getCommandName() + ": " + line).isLessThan(width);
                }
            }
        }
    }

    /**
     * A footer line longer than the width is wrapped by picocli at the width and continued at column 0, which
     * reads as a new line of the list ("shadow\ncopies may be left"); so every footer line fits by itself.
     */
    @Test
    void exitCodeListsAreWrittenToFit() {
        for (String list : new String[] {ExitCodes.HELP, ExitCodes.HELP_ADMIN, ExitCodes.HELP_CREATE,
            ExitCodes.HELP_DOCTOR}) {
            for (String line : String.format(list).split("\\R")) {
                assertThat(line.length()).as(line).isLessThan(80);
                assertThat(line.isEmpty() || line.startsWith("  ") || line.equals("Exit codes:")).as(line).isTrue();
            }
        }
    }
}
