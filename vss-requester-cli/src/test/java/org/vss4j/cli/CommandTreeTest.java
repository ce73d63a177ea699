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
