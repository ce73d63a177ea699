package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.cli.BackupRunFixture.Run;

/** Smaller points of {@code vss backup}'s words: its help's exit codes, usage errors, the retry note, restore's refusal. */
class BackupCliNitsTest {

    @TempDir
    Path disk;

    @TempDir
    Path state;

    @TempDir
    Path work;

    @Test
    void theBackupHelpListsItsExitCodesInOrderAndWhatADryRunExitsWith() {
        CliRun help = CliRun.vss("help", "backup");
        String table = help.out().substring(help.out().indexOf("Exit codes:"));
        List<Integer> codes = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^  (\\d+)(\\+N)? ").matcher(table);
        while (m.find()) {
            codes.add(Integer.parseInt(m.group(1)));
        }
        assertThat(codes).containsExactly(0, 2, 3, 4, 5, 6, 7, 8, 128);
        assertThat(table.replaceAll("\\s+", " ")).contains("--dry-run: 0 whatever it finds",
                "a SOURCE directory that does not exist or is a file", "MEDIA or --sim-state within a SOURCE");
    }

    @Test
    void aUsageErrorOfPicocliStartsWithVss() {
        for (String[][] args : new String[][][] {{{"backup", "D:\\"}}, {{"backup", "D:\\", "--to", "m", "--retries",
            "-1"}}, {{"backup", "D:\\", "--to", "m", "--type", "weekly"}}, {{"nosuch"}}}) {
            CliRun r = CliRun.vss(args[0]);
            assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err().lines().findFirst().orElse("")).as(r.err()).startsWith("vss: ")
                    .doesNotStartWith("vss: vss: ");
        }
    }

    @Test
    void theRetryWaitIsSaidInSeconds() {
        assertThat(WriterRetry.seconds(Duration.ofSeconds(1))).isEqualTo("1 s");
        assertThat(WriterRetry.seconds(Duration.ofMillis(2500))).isEqualTo("2.5 s");
        assertThat(WriterRetry.seconds(Duration.ofMinutes(1))).isEqualTo("60 s");
    }

    @Test
    void restoreOverAnExistingFileNamesTheOverwriteOption() throws IOException {
        BackupRunFixture fixture = new BackupRunFixture(disk, state);
        fixture.write("data/a.txt", "hello");
        Path media = work.resolve("m");
        Run backup = fixture.vss("backup", "D:\\data", "--to", media.toString(), "--no-writers");
        assertThat(backup.exit()).as(backup.err()).isZero();
        Path target = work.resolve("t");
        assertThat(CliRun.vss("restore", media.toString(), "--to", target.toString()).exit()).isZero();

        CliRun again = CliRun.vss("restore", media.toString(), "--to", target.toString());

        assertThat(again.out()).contains("a file of that name exists (restore with --overwrite to replace it)");
    }
}
