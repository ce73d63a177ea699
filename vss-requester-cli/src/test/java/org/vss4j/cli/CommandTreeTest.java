package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command tree as a newcomer meets it: no subcommand, {@code help}, {@code --version}, {@code completion}. */
class CommandTreeTest {

    @Test
    void aMissingSubcommandIsAUsageErrorWithTheUsageOnStderr() {
        CliRun root = CliRun.vss();
        assertThat(root.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(root.out()).isEmpty();
        assertThat(root.err()).contains("Missing required subcommand", "Usage: vss ", "snapshot");

        CliRun snapshot = CliRun.vss("snapshot");
        assertThat(snapshot.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(snapshot.out()).isEmpty();
        assertThat(snapshot.err()).contains("Missing required subcommand", "Usage: vss snapshot ", "create");
    }

    @Test
    void aNegativeListCountIsAUsageError() {
        CliRun run = CliRun.vss("snapshot", "create", "C:", "--list", "-1");

        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--list wants a count of 0 or more, got -1", "Usage: vss snapshot create");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpNamesACommand() {
        CliRun help = CliRun.vss("help", "snapshot");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: vss snapshot ", "create", "expose");

        CliRun nested = CliRun.vss("snapshot", "help", "create");
        assertThat(nested.exit()).as(nested.err()).isZero();
        assertThat(nested.out()).contains("Usage: vss snapshot create ");
    }

    /** The version of this build: the module's parent version in its pom.xml (the tests run in the module). */
    @Test
    void versionIsTheVersionOfTheBuild() throws Exception {
        Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(parent.find()).isTrue();

        CliRun version = CliRun.vss("--version");

        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("vss4j " + parent.group(1) + System.lineSeparator());
        assertThat(VersionProvider.version()).isEqualTo(parent.group(1));
        for (String[] sub : new String[][] {{"snapshot", "--version"}, {"snapshot", "create", "-V"}, {"doctor", "-V"}}) {
            assertThat(CliRun.vss(sub).out()).as(String.join(" ", sub)).isEqualTo(version.out());
        }
    }

    @Test
    void completionPrintsABashCompletionScriptOfTheCommandTree() {
        CliRun completion = CliRun.vss("completion");

        assertThat(completion.exit()).as(completion.err()).isZero();
        assertThat(completion.out()).startsWith("#!/usr/bin/env bash").contains("complete -F")
                .contains("snapshot", "expose", "--persistent", "--sim-volume");
    }

    /** One name everywhere: the usage line, vss's command list, the script's header and `vss help <TAB>`. */
    @Test
    void completionIsCalledCompletionEverywhereAndOffersNegatedOptions() {
        CliRun help = CliRun.vss("completion", "--help");
        assertThat(help.exit()).as(help.err()).isZero();
        assertThat(help.out()).startsWith("Usage: vss completion").contains("source <(vss completion)")
                .doesNotContain("generate-completion");
        assertThat(CliRun.vss("help", "completion").out()).isEqualTo(help.out());
        assertThat(CliRun.vss("--help").out()).contains("  completion ").doesNotContain("generate-completion");

        String script = CliRun.vss("completion").out();
        assertThat(script).doesNotContain("generate-completion").doesNotContain("_completion\"")
                .contains("#   source <(vss completion)");
        // vss help <TAB> and vss snapshot help <TAB>: the commands there are.
        assertThat(script).contains("COMMAND_pos_param_args=(\"writers\" \"providers\" \"snapshot\" \"backup\" "
                + "\"sets\" \"verify\" \"restore\" \"doctor\" \"help\" \"completion\")",
                "COMMAND_pos_param_args=(\"create\" \"list\" \"delete\" \"expose\"");
        assertThat(script).contains("'--progress' '--no-progress'");
    }

    @Test
    void theHelpAndCompletionCommandsTakeNoVerboseOrVersionOption() {
        for (String command : new String[] {"help", "completion"}) {
            String usage = CliRun.vss(command, "--help").out();
            assertThat(usage).as(command).contains("-h, --help").doesNotContain("--verbose", "--version");
        }
        for (String[] wrong : new String[][] {{"completion", "-V"}, {"help", "-V"}, {"help", "-v"}, {"help", "-x"}}) {
            CliRun run = CliRun.vss(wrong);
            assertThat(run.exit()).as(String.join(" ", wrong)).isEqualTo(ExitCodes.USAGE);
            assertThat(run.out()).as(String.join(" ", wrong)).isEmpty();
        }
    }

    @Test
    void helpWalksTheWholeCommandPath() {
        CliRun create = CliRun.vss("help", "snapshot", "create");
        assertThat(create.exit()).as(create.err()).isZero();
        assertThat(create.out()).startsWith("Usage: vss snapshot create ").isEqualTo(
                CliRun.vss("snapshot", "create", "--help").out());

        CliRun nosuch = CliRun.vss("help", "snapshot", "nosuch");
        assertThat(nosuch.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(nosuch.out()).isEmpty();
        assertThat(nosuch.err()).contains("'nosuch' is no command of `vss snapshot`", "create, list, delete, expose");
        assertThat(CliRun.vss("help", "nosuch").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.vss("help", "doctor", "extra").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.vss("help").out()).isEqualTo(CliRun.vss("--help").out());
    }

    /** A wrong command line gets the error and where the help is, not the whole help (up to 100 lines). */
    @Test
    void aWrongCommandLineGetsTheErrorAndAShortHint() {
        CliRun unknown = CliRun.vss("nosuch");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("Unmatched argument at index 0: 'nosuch'", "vss --help");
        assertThat(unknown.err().lines()).hasSizeLessThan(5);

        CliRun noVolume = CliRun.vss("snapshot", "create");
        assertThat(noVolume.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noVolume.out()).isEmpty();
        assertThat(noVolume.err()).contains("Missing required parameter: 'VOLUME'",
                "Usage: vss snapshot create [OPTIONS] VOLUME...", "See `vss help snapshot create`");
        assertThat(noVolume.err().lines()).hasSizeLessThan(5);

        CliRun typo = CliRun.vss("writer");
        assertThat(typo.err()).contains("Did you mean: vss writers");
        assertThat(typo.err().lines()).hasSizeLessThan(5);
    }

    @Test
    void durationsTakeAUnitOrIso8601AndABadOneIsOneLineWithExamples() {
        assertThat(DurationArgument.parse("30s")).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(DurationArgument.parse("5m")).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(DurationArgument.parse("2h")).isEqualTo(java.time.Duration.ofHours(2));
        assertThat(DurationArgument.parse("500ms")).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(DurationArgument.parse("PT5M")).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(DurationArgument.parse("pt1m30s")).isEqualTo(java.time.Duration.ofSeconds(90));

        for (String[] bad : new String[][] {{"snapshot", "create", "C:", "--timeout", "5x"},
            {"snapshot", "create", "C:", "--in-progress-timeout", "1 m"}, {"doctor", "--timeout", "m"}}) {
            CliRun run = CliRun.vss(bad);
            assertThat(run.exit()).as(String.join(" ", bad)).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().lines().findFirst().orElse("")).as(run.err())
                    .contains("is not a duration: give 30s, 5m, 2h or an ISO-8601 duration such as PT5M");
            assertThat(run.err()).doesNotContain("java.", "Exception");
        }
        CliRun negative = CliRun.vss("writers", "--timeout", "-PT1S");
        assertThat(negative.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(negative.err().lines().findFirst().orElse("")).as(negative.err())
                .contains("'-PT1S' is a negative duration: give 30s, 5m");
    }

    @Test
    void guidsAreTakenWithAndWithoutBracesAndAnythingElseIsAUsageError() {
        for (String id : new String[] {"{0B0C0D0E-0000-0000-0000-000000000001}", "0b0c0d0e-0000-0000-0000-000000000001",
            " {0b0c0d0e-0000-0000-0000-000000000001} "}) {
            assertThat(GuidArgument.parse(id)).as(id).hasValueSatisfying(
                    u -> assertThat(u.toString()).isEqualTo("0b0c0d0e-0000-0000-0000-000000000001"));
        }
        for (String notOne : new String[] {"1-2-3-4-5", "{0b0c0d0e-0000-0000-0000-000000000001", "", "writer"}) {
            assertThat(GuidArgument.parse(notOne)).as(notOne).isEmpty();
        }
        CliRun bad = CliRun.vss("snapshot", "delete", "1-2-3-4-5");
        assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("'1-2-3-4-5' is not a GUID").doesNotContain("UUID string");
    }
}
