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
            assertThat(help).as(name).containsPattern("\nExamples( \\(.*\\))?:\n");
            assertThat(help).as(name).contains("  vss " + name, "Exit codes:", "  0      ",
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

    /** Every help text of the tree, picocli's rendering at its width. */
    private static List<String> allHelpTexts() {
        CommandLine root = VssCommand.commandLine(new VssCommand());
        List<CommandLine> all = new java.util.ArrayList<>(List.of(root));
        for (int i = 0; i < all.size(); i++) {
            all.get(i).getSubcommands().values().stream().filter(c -> !all.contains(c)).forEach(all::add);
        }
        return all.stream().map(CommandLine::getUsageMessage).toList();
    }

    /** A `code span` broken over two lines cannot be copied: no line of any help holds half of one. */
    @Test
    void noCodeSpanIsSplitOverTwoLines() {
        for (String help : allHelpTexts()) {
            for (String line : help.split("\\R")) {
                assertThat(line.chars().filter(c -> c == '`').count() % 2).as(line).isZero();
            }
        }
    }

    /**
     * An example runs as shown in the shell it is marked for: (sh) lines quote every backslash (a POSIX shell eats
     * an unquoted one: C:\mnt\shadow becomes C:mntshadow) and unmarked lines use nothing only one shell reads.
     */
    @Test
    void examplesSayWhichShellTheyAreForAndQuoteBackslashesForSh() {
        int sh = 0;
        for (String help : allHelpTexts()) {
            boolean marked = false;
            for (String line : help.split("\\R")) {
                if (line.startsWith("Examples (")) {
                    assertThat(line).contains(Examples.LEGEND);
                    marked = true;
                } else if (line.startsWith(Examples.SH)) {
                    sh++;
                    assertThat(marked).as("the legend comes before " + line).isTrue();
                    String unquoted = line.replaceAll("'[^']*'", "''").replaceAll("\\\\$", "");
                    assertThat(unquoted).as(line).doesNotContain("\\", "%");
                } else if (line.startsWith(Examples.CMD)) {
                    assertThat(marked).as("the legend comes before " + line).isTrue();
                } else if (line.startsWith("  vss ")) {
                    assertThat(line).as("unmarked: runs in cmd and sh").doesNotContain("\\", "%", "$", "'", "\"");
                }
            }
        }
        assertThat(sh).as("(sh) examples").isGreaterThanOrEqualTo(3);
    }

    /** The simulator's two-volume example of snapshot create runs as shown, with a and b standing for two folders. */
    @Test
    void theTwoVolumeSimulatorExampleRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String help = help("snapshot", "create");
        java.util.regex.Matcher example = java.util.regex.Pattern.compile(
                "\\(sh\\)  (vss snapshot create C: D: [^\\n]*)\\\\\\R\\s+([^\\n]*--sim-volume[^\\n]*)").matcher(help);
        assertThat(example.find()).as(help).isTrue();
        List<String> words = new java.util.ArrayList<>(List.of((example.group(1) + example.group(2)).trim().split("\\s+")));
        assertThat(words.remove(0)).isEqualTo("vss");
        for (String volume : new String[] {"a", "b"}) {
            java.nio.file.Files.writeString(java.nio.file.Files.createDirectories(dir.resolve(volume))
                    .resolve(volume + ".txt"), volume);
            int at = words.indexOf(words.stream().filter(w -> w.endsWith(":=" + volume)).findFirst().orElseThrow());
            words.set(at, words.get(at).replace("=" + volume, "=" + dir.resolve(volume)));
        }
        words.addAll(List.of("--sim-state", dir.resolve("state").toString()));

        CliRun run = CliRun.vss(words.toArray(String[]::new));

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("a.txt", "b.txt");
    }

    @Test
    void theSimulatorHeadingSaysHowToChooseTheSimulatorOnWindows() {
        assertThat(help("snapshot", "create")).contains("VSS_JAVA_OPTS=-Dvss4j.provider=simulator");
    }

    /**
     * A footer line longer than the width is wrapped by picocli at the width and continued at column 0, which
     * reads as a new line of the list ("shadow\ncopies may be left"); so every footer line fits by itself.
     */
    @Test
    void exitCodeListsAreWrittenToFit() {
        for (String list : new String[] {ExitCodes.HELP, ExitCodes.HELP_ADMIN, ExitCodes.HELP_CREATE,
            ExitCodes.HELP_DOCTOR, ExitCodes.HELP_SETS, ExitCodes.HELP_VERIFY, ExitCodes.HELP_RESTORE}) {
            for (String line : String.format(list).split("\\R")) {
                assertThat(line.length()).as(line).isLessThan(80);
                assertThat(line.isEmpty() || line.startsWith("  ") || line.equals("Exit codes:")).as(line).isTrue();
            }
        }
    }
}
