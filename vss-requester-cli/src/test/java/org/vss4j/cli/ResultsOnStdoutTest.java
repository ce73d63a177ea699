package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.sim.SimulatedMachine;

/**
 * Stdout carries the results (the set and its shadow copies, lists, JSON) and the --exec command's output, nothing
 * else; vss's steps and notes go to stderr. The results say which volume each shadow copy is of, by the name given
 * and VSS's GUID name, and on the simulator where an exposed one is on this host.
 */
class ResultsOnStdoutTest {

    @TempDir
    Path d;

    @TempDir
    Path e;

    @TempDir
    Path state;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(d.resolve("d-only.txt"), "d");
        Files.writeString(e.resolve("e-only.txt"), "e");
    }

    private CliRun vss(String... args) {
        return CliRun.vss(CliRun.concat(args, "--sim-volume", "D:\\=" + d, "--sim-volume", "E:\\=" + e,
                "--sim-state", state.toString()));
    }

    /** Each shadow copy's root entries are in its own block, under the volume named as given. */
    @Test
    void eachShadowCopysEntriesAreUnderItsOwnBlock() {
        CliRun run = vss("snapshot", "create", "D:", "E:", "--no-writers", "--list", "5");

        assertThat(run.exit()).as(run.err()).isZero();
        String out = run.out();
        int dBlock = out.indexOf("volume    D:\\ (\\\\?\\Volume{");
        int eBlock = out.indexOf("volume    E:\\ (\\\\?\\Volume{");
        assertThat(dBlock).as(out).isPositive();
        assertThat(eBlock).as(out).isGreaterThan(dBlock);
        assertThat(out.indexOf("      d-only.txt")).as(out).isBetween(dBlock, eBlock);
        assertThat(out.indexOf("      e-only.txt")).as(out).isGreaterThan(eBlock);
        assertThat(out).doesNotContain("DoSnapshotSet").doesNotContain("done:");
        assertThat(run.err()).contains("DoSnapshotSet ...", "done: the shadow copies were released");
    }

    @Test
    void aFailingExecCommandIsSaidOnStderrWithTheShellsCode() {
        CliRun run = vss("snapshot", "create", "D:", "--exec", "nosuchcmd-vss4j-test");

        assertThat(run.exit()).isEqualTo(127);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("vss: the --exec command exited with 127 (the shell found no such command): "
                + "the backup is aborted (AbortBackup, no BackupComplete), and vss exits with 127");
    }

    /** On the simulator a drive letter is not readable by the host's programs: where it is, is said. */
    @Test
    void aDriveLetterExposureSaysWhereItIsOnThisHost() {
        String id = vss("snapshot", "create", "D:", "--persistent", "--json").json().at("/snapshots/0/snapshotId")
                .asText();

        CliRun expose = vss("snapshot", "expose", id, "X:");

        Path link = SimulatedMachine.current().driveLink("X:");
        assertThat(expose.exit()).as(expose.err()).isZero();
        assertThat(expose.out()).isEqualTo("shadow copy {" + id + "} exposed at X: (on this host: " + link + ")"
                + System.lineSeparator());
        assertThat(link.resolve("d-only.txt")).hasContent("d");
        JsonNode listed = vss("snapshot", "list", "--json").json().at("/snapshots/0");
        assertThat(listed.get("exposedName").asText()).isEqualTo("X:");
        assertThat(listed.get("hostPath").asText()).isEqualTo(link.toString());
        assertThat(listed.get("exposedPath").isNull()).as("VSS's m_pwszExposedPath, a share's path").isTrue();
        CliRun list = vss("snapshot", "list");
        assertThat(list.out()).contains("exposed   X: (on this host: " + link + ")", "volume    D:\\ (\\\\?\\Volume{");

        assertThat(vss("snapshot", "expose", "--undo", id).exit()).isZero();
        assertThat(vss("snapshot", "delete", id).exit()).isZero();
    }

    @Test
    void writersWithNoWritersSaySo(@TempDir Path noDocuments) {
        CliRun run = vss("writers", "--sim-writers", noDocuments.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("no writers" + System.lineSeparator());
    }

    /** Declaring one --sim-volume drops the default C:\=.; the option's help says so. */
    @Test
    void theSimVolumeHelpSaysThatTheDefaultGoesOnceOneIsDeclared() {
        CliRun help = CliRun.vss("snapshot", "create", "--help");

        assertThat(help.out().replaceAll("\\s+", " "))
                .contains("Default: C:\\=. (the current directory); once one is given, only the declared volumes "
                        + "exist (add C:=. to keep C:).");
    }
}
