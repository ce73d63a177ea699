package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.cli.BackupRunFixture.Run;

/** What {@code vss backup}'s outcome says beyond files and bytes: the links it recorded and did not store. */
class BackupOutcomeTextTest {

    @TempDir
    Path disk;

    @TempDir
    Path state;

    @TempDir
    Path work;

    BackupRunFixture fixture;

    @BeforeEach
    void files() throws IOException {
        fixture = new BackupRunFixture(disk, state);
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
}
