package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.files.BackupStreamHeader;
import org.vss4j.media.BackupSetWriter;
import org.vss4j.media.CatalogRow;
import org.vss4j.media.FileMetadata;
import org.vss4j.sim.WithSimulatedMachine;

/**
 * {@code vss restore} names what it could not apply to a restored file (here a security descriptor, into a TARGET
 * on no simulated volume, where BackupWrite has no side store to write it to): on stdout, in the JSON and counted on
 * stderr; the file's data is restored, so the exit code stays 0.
 */
@WithSimulatedMachine
class RestoreNotAppliedTest {

    private static final byte[] SD = {1, 0, 4, (byte) 0x80, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    @TempDir
    Path media;
    @TempDir
    Path root;

    @BeforeEach
    void setWithASecurityDescriptor() throws IOException {
        byte[] data = "alpha".getBytes(StandardCharsets.UTF_8);
        byte[] header = new BackupStreamHeader(BackupStreamHeader.BACKUP_SECURITY_DATA, 2, SD.length, "").toBytes();
        byte[] streams = new byte[header.length + SD.length];
        System.arraycopy(header, 0, streams, 0, header.length);
        System.arraycopy(SD, 0, streams, header.length, SD.length);
        try (BackupSetWriter w = BackupSetWriter.start(media, MediaSetsFixture.metadata("with-sd", "copy",
                MediaSetsFixture.T1, null))) {
            CatalogRow row = w.addFile("D", "a.txt", new FileMetadata(null, null, null, null, null, "D:\\a.txt",
                    MediaSetsFixture.T1, MediaSetsFixture.T1, 0x20), data.length, new ByteArrayInputStream(data));
            w.addStreams(row, "security", streams);
            w.finish();
        }
    }

    @Test
    void whatWasNotAppliedIsNamedOnStdoutAndCountedOnStderrAndTheExitCodeStaysZero() throws IOException {
        Path target = root.resolve("t");
        CliRun run = CliRun.vss("restore", media.toString(), "with-sd", "--to", target.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(Files.readString(target.resolve("D/a.txt"))).isEqualTo("alpha");
        assertThat(run.out()).contains("restored 1 file").containsPattern("(?m)^  not applied D/a\\.txt: security "
                + "not restored");
        // The file's security descriptor, its times and attributes (the target is on no simulated volume, which
        // keeps neither), and its directory D, of which this set written by hand keeps nothing.
        assertThat(run.err()).contains("vss: restore: 3 security descriptors, alternate data streams, times or "
                + "attributes of restored files and directories were not applied; the files' data is restored");
        // The last-write time is restored even where attributes and creation time cannot be.
        assertThat(Files.getLastModifiedTime(target.resolve("D/a.txt")).toInstant()).isEqualTo(MediaSetsFixture.T1);
    }

    @Test
    void manyLinesAreCountedAfterTheFirstOnesAndTheJsonHasThemAll() throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, MediaSetsFixture.metadata("many", "copy",
                MediaSetsFixture.T1, null))) {
            for (int i = 0; i < 12; i++) {
                byte[] data = ("file " + i).getBytes(StandardCharsets.UTF_8);
                w.addFile("D", "f" + i + ".txt", new FileMetadata(null, null, null, null, null, "D:\\f" + i + ".txt",
                        MediaSetsFixture.T1, MediaSetsFixture.T1, 0x20), data.length, new ByteArrayInputStream(data));
            }
            w.finish();
        }
        CliRun text = CliRun.vss("restore", media.toString(), "many", "--to", root.resolve("m").toString());
        assertThat(text.exit()).as(text.out() + text.err()).isZero();
        // 12 files and their directory D: 13 lines, the first 10 shown.
        assertThat(text.out().lines().filter(l -> l.startsWith("  not applied D/"))).hasSize(SetText.NOT_APPLIED_SHOWN);
        assertThat(text.out()).contains("  not applied ... and 3 more (--json lists every one)");
        assertThat(text.err()).contains("the first 10 are named on stdout");
        CliRun json = CliRun.vss("restore", media.toString(), "many", "--to", root.resolve("j2").toString(), "--json");
        assertThat(json.json().get("notApplied")).hasSize(13);
    }

    @Test
    void theJsonListsWhatWasNotAppliedAndStaysComplete() {
        CliRun run = CliRun.vss("restore", media.toString(), "with-sd", "--to", root.resolve("j").toString(),
                "--json");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("notApplied")).hasSize(3);
        assertThat(json.get("notApplied").get(0).asText()).startsWith("D/a.txt: security not restored");
        assertThat(json.get("notApplied").get(1).asText()).startsWith("D/a.txt: attributes and creation time not "
                + "restored (the last-write time is)");
        assertThat(json.get("notApplied").get(2).asText()).startsWith("D/: a directory the set keeps no metadata of");
        assertThat(run.err()).contains("were not applied", "in notApplied");
    }
}
