package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vss4j.cli.BackupRunFixture.Run;

/** What {@code vss backup}'s outcome says beyond files and bytes: the links it recorded and did not store. */
class BackupOutcomeTextTest extends InProcessBackupTest {

    @BeforeEach
    void files() throws IOException {
        fixture.write("d/spa ce.txt", "x");
        Files.createSymbolicLink(disk.resolve("d/link"), Path.of("spa ce.txt"));
    }

    @Test
    void theLinksRecordedAndNotStoredAreCountedAndNamed() {
        Run r = fixture.vss("backup", "D:\\d", "--to", work.resolve("m").toString(), "--no-writers");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("1 file(s), 1 byte(s) stored", "1 link(s) recorded, not stored",
                "    D:\\d\\link: IO_REPARSE_TAG_SYMLINK (0xA000000C)");
    }

    @Test
    void theJsonDocumentHasTheLinks() {
        Run r = fixture.vss("backup", "D:\\d", "--to", work.resolve("m").toString(), "--no-writers", "--json");

        JsonNode doc = r.json();
        assertThat(doc.get("linkCount").asInt()).isEqualTo(1);
        assertThat(doc.get("links").get(0).get("path").asText()).isEqualTo("D:\\d\\link");
        assertThat(doc.get("links").get(0).get("reparseTag").asText()).isEqualTo("0xA000000C");
    }

    @Test
    void aSetWithoutLinksSaysNothingOfThem() throws IOException {
        Files.delete(disk.resolve("d/link"));
        Run r = fixture.vss("backup", "D:\\d", "--to", work.resolve("m").toString(), "--no-writers", "--json");

        assertThat(r.json().get("linkCount").asInt()).isZero();
        assertThat(r.out()).doesNotContain("D:\\d\\link");
    }

    @Test
    void componentsLeftOutAreOneLinePerWriterAndOnTheSimulatorTheVolumeIsToBeDeclared() {
        Run r = fixture.vss("backup", "D:\\d", "--to", work.resolve("m").toString(), "--sim-inbox");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("    System Writer: 2 components (System Files, Win32 Services Files); the first: ",
                "on the simulator, declare C: with --sim-volume C:=DIR").doesNotContain("check that the volume is mounted");
        assertThat(r.out().lines().filter(l -> l.startsWith("    System Writer"))).hasSize(1);
    }

    @Test
    void theBackupBarHasASpaceBeforeItsFileCount() {
        Run r = fixture.vss("backup", "D:\\d", "--to", work.resolve("m").toString(), "--no-writers", "--progress");

        // The file and the link are the session's two items.
        assertThat(r.err()).containsPattern("MiB/s 2/2 files").doesNotContainPattern("MiB/s2/2");
    }

    @Test
    void theSimulatorsBarsSayTheyAreTheSimulatorsAndTheHelpNamesTheBackupsBar() {
        java.io.StringWriter err = new java.io.StringWriter();
        org.vss4j.sim.ProgressListener bars = ProgressBars.forStderr(true, new java.io.PrintWriter(err, true),
                () -> false);
        bars.progress(org.vss4j.sim.ProgressListener.Phase.POINT_IN_TIME_COPY, 1, 2);
        bars.ended(org.vss4j.sim.ProgressListener.Phase.POINT_IN_TIME_COPY, 1, 2, false);

        assertThat(err.toString()).contains("simulator: copying into the shadow copy");
        assertThat(CliRun.vss("help", "backup").out().replaceAll("\\s+", " ")).contains("the files a backup stores");
    }
}
