package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each command's help lists the exit codes it can end with, and the usage line says what that command refuses. */
class ExitCodeTablesTest {

    /** The exit code part of {@code args}' help, its lines joined. */
    private static String exitCodes(String... args) {
        CliRun help = CliRun.vss(CliRun.concat(args, "--help"));
        assertThat(help.exit()).isZero();
        String out = help.out();
        return out.substring(out.indexOf("Exit codes:")).replaceAll("\\s+", " ");
    }

    @Test
    void eachCommandsUsageLineNamesWhatThatCommandRefuses() {
        assertThat(exitCodes("snapshot", "create")).contains("no such writer", "a VOLUME that is no volume root",
                "a command the shell cannot find is 127");
        assertThat(exitCodes("snapshot", "expose")).contains("AT is a file, missing, or no drive letter or folder")
                .doesNotContain("writer");
        assertThat(exitCodes("snapshot", "delete")).contains("ID is a set's (without --set)")
                .doesNotContain("writer");
        for (String[] command : new String[][] {{"snapshot", "list"}, {"providers"}}) {
            assertThat(exitCodes(command)).as(String.join(" ", command)).doesNotContain("writer")
                    .doesNotContain("not a directory");
        }
        assertThat(exitCodes("writers")).contains("--save or --sim-writers not a directory");
        assertThat(exitCodes("backup")).contains("no such writer or component, a SOURCE on no volume",
                "6 partial: the set is kept and marked partial", "7 the set is complete, but a writer did not end",
                "8 incremental or differential: no complete full backup");
    }
}
