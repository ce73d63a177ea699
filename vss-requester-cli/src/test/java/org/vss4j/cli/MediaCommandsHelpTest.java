package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The help of {@code sets}, {@code verify} and {@code restore}: examples, exit codes, and where they are listed. */
class MediaCommandsHelpTest {

    private static String help(String command) {
        CliRun run = CliRun.vss(command, "--help");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(CliRun.vss("help", command).out()).isEqualTo(run.out());
        return run.out();
    }

    @Test
    void eachShowsExamplesAndItsOwnExitCodes() {
        for (String command : new String[] {"sets", "verify", "restore"}) {
            String help = help(command);
            assertThat(help).as(command).containsPattern("\nExamples \\(.*\\):\n")
                    .contains("  vss " + command + " backups", "Exit codes:", "  0      ", "  2      bad command line",
                            "  10     MEDIA is missing");
        }
        assertThat(help("sets")).doesNotContain("  11     ", "  12     ");
        assertThat(help("verify")).contains("  11     a set is damaged", "holds no backup set")
                .doesNotContain("  12     ");
        assertThat(help("restore").replaceAll("\\s+", " ")).contains("12 not every selected file was restored",
                "--path that selected no file", "no complete set without SET, TARGET is a file",
                "11 a set the restored one builds on is missing or cannot be read: nothing was restored",
                "12 not every selected file was restored: an entry refused (with why; data damaged in the set or in "
                        + "a set it builds on too)",
                "0 every selected file's data was restored; what could not be applied to it (security, streams, "
                        + "times, attributes) is listed as not applied");
    }

    @Test
    void restoreSaysWhatPatternsItTakesWithAnExample() {
        String help = help("restore").replaceAll("\\s+", " ");
        assertThat(help).contains("--path=PATTERN", "* and ? within a name, ** across names",
                "case-insensitive", "a directory selects everything under it",
                "(sh) vss restore backups --to restored --path 'D/orders/**/*.db'",
                "--overwrite", "newest complete set", "A set stores no POSIX permissions: on Linux or macOS each "
                        + "restored file is created owner-only (rw-------)");
    }

    @Test
    void vssListsTheCommandsAndTheirExitCodes() {
        String root = CliRun.vss("--help").out();
        assertThat(root).contains("  sets ", "  verify ", "  restore ", "  10     sets, verify, restore: MEDIA is no media directory",
                "  11     verify: a set is damaged", "  12     restore: ");
        assertThat(CliRun.vss("completion").out()).contains("--overwrite", "'--progress' '--no-progress'");
    }
}
