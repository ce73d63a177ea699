package org.vss4j.media;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupType;
import org.vss4j.files.FileAttribute;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.WithSimulatedMachine;

/**
 * A directory's security descriptor, alternate data streams, times and attributes go into a set (its
 * {@code directories} table) and come back on a restore, after its files (docs/backup-semantics.md, "Directories").
 */
@WithSimulatedMachine
class DirectoryMetadataTest {

    private static final byte[] SD = {1, 0, 4, (byte) 0x80, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] TAG = "folder tag".getBytes(UTF_8);
    private static final Instant WRITTEN = Instant.parse("2024-05-06T07:08:09Z");

    @TempDir
    Path disk;
    @TempDir
    Path media;
    private Volume volume;

    @BeforeEach
    void volume(SimulatedMachine machine) throws IOException {
        Files.createDirectories(disk.resolve("data/sub"));
        Files.writeString(disk.resolve("data/a.txt"), "alpha");
        Files.writeString(disk.resolve("data/sub/b.txt"), "bravo");
        volume = machine.addVolume(disk, "D:\\");
        volume.facts().securityDescriptor("data", SD).alternateStream("data", "tag", TAG)
                .attributes("data", FileAttribute.HIDDEN);
        // Last: writing into the directory above would move it again.
        Files.setLastModifiedTime(disk.resolve("data"), FileTime.from(WRITTEN));
    }

    @Test
    void aDirectorysSecurityStreamsHiddenAttributeAndLastWriteTimeRoundTripOntoASimulatedVolume(
            SimulatedMachine machine, @TempDir Path other) throws IOException {
        take(BackupType.FULL, "full-1", null);
        // (The volume's System Volume Information cannot be listed, as on Windows: the set is partial for that.)
        assertThat(BackupSetReader.open(media).failedFiles("full-1")).noneMatch(f -> f.startsWith("D:\\data"));
        Map<String, DirectoryRow> kept = directories("full-1");
        assertThat(kept).containsOnlyKeys("D", "D/data", "D/data/sub");
        assertThat(kept.get("D/data").kinds()).isEqualTo("security,ads::tag:$DATA");
        assertThat(kept.get("D/data").originalPath()).isEqualTo("D:\\data");
        assertThat(kept.get("D/data").lastWriteTime()).isEqualTo(WRITTEN);

        Volume restoreVolume = machine.addVolume(other, "E:\\");
        RestoreReport report = BackupSetReader.open(media).restore("full-1", other.resolve("r"), List.of(), false);

        assertThat(report.complete()).isTrue();
        assertThat(report.notApplied()).isEmpty();
        assertThat(restoreVolume.facts().securityDescriptor("r/D/data")).hasValue(SD);
        assertThat(restoreVolume.facts().alternateStreams("r/D/data").get("tag")).isEqualTo(TAG);
        assertThat(restoreVolume.facts().fact("r/D/data")).hasValueSatisfying(
                f -> assertThat(f.attributes() & FileAttribute.HIDDEN).isNotZero());
        // Set after the files in it and the subdirectory below it were written.
        assertThat(Files.getLastModifiedTime(other.resolve("r/D/data")).toInstant()).isEqualTo(WRITTEN);
        assertThat(restoreVolume.facts().securityDescriptor("r/D/data/sub")).isEmpty();
    }

    @Test
    void aChainedSetKeepsTheDirectoriesOfTheFilesItOnlyListsAndRestoresThem(SimulatedMachine machine,
            @TempDir Path other) throws IOException {
        take(BackupType.FULL, "full-1", null);
        take(BackupType.INCREMENTAL, "inc-2", "full-1");
        assertThat(BackupSetReader.open(media).files("inc-2")).allMatch(r -> "full-1".equals(r.holder("inc-2")));
        assertThat(directories("inc-2")).containsOnlyKeys("D", "D/data", "D/data/sub");
        assertThat(directories("inc-2").get("D/data").lastWriteTime()).isEqualTo(WRITTEN);

        Volume restoreVolume = machine.addVolume(other, "E:\\");
        RestoreReport report = BackupSetReader.open(media).restore("inc-2", other.resolve("r"), List.of(), false);

        assertThat(report.complete()).isTrue();
        assertThat(report.notApplied()).isEmpty();
        assertThat(restoreVolume.facts().securityDescriptor("r/D/data")).hasValue(SD);
        assertThat(restoreVolume.facts().alternateStreams("r/D/data").get("tag")).isEqualTo(TAG);
        assertThat(Files.getLastModifiedTime(other.resolve("r/D/data")).toInstant()).isEqualTo(WRITTEN);
    }

    @Test
    void aDirectoryThatCannotBeReadIsAFailedFileOfThePartialSetAndItsRestoreSaysSo(@TempDir Path target)
            throws IOException {
        // Streams beyond what a set keeps in memory: BackupRead of the directory is refused before its data is read.
        volume.facts().alternateStream("data/sub", "big", new byte[FileStreams.MAX_BYTES + 1]);

        BackupSetInfo set = take(BackupType.FULL, "full-1", null);

        assertThat(set.state()).isEqualTo("partial");
        assertThat(set.files()).isEqualTo(2);
        assertThat(BackupSetReader.open(media).failedFiles("full-1")).filteredOn(f -> f.startsWith("D:\\data"))
                .singleElement().asString()
                .startsWith("D:\\data\\sub: a directory of the set").contains("more than " + FileStreams.MAX_BYTES);
        assertThat(directories("full-1")).containsOnlyKeys("D", "D/data");
        RestoreReport report = BackupSetReader.open(media).restore("full-1", target, List.of(), false);
        assertThat(report.notApplied()).filteredOn(l -> l.startsWith("D/data/sub/: ")).singleElement().asString()
                .contains("keeps no metadata of");
    }

    @Test
    void onAPlainHostDirectoryEachPartOfADirectoryThatCannotBeAppliedIsListedOnce(@TempDir Path target)
            throws IOException {
        take(BackupType.FULL, "full-1", null);

        // The target is on no simulated volume: it keeps no streams and no attributes (ERROR_NOT_SUPPORTED).
        RestoreReport report = BackupSetReader.open(media).restore("full-1", target, List.of(), false);

        assertThat(report.complete()).isTrue();
        assertThat(report.notApplied()).filteredOn(l -> l.startsWith("D/data/: ")).satisfiesExactly(
                l -> assertThat(l).startsWith("D/data/: security,ads::tag:$DATA not restored")
                        .contains("ERROR_NOT_SUPPORTED"),
                l -> assertThat(l).startsWith("D/data/: attributes and creation time not restored (the last-write "
                        + "time is)")
                        .contains("ERROR_NOT_SUPPORTED"));
        assertThat(report.notApplied()).filteredOn(l -> l.startsWith("D/: ")).hasSize(1);
        assertThat(report.notApplied()).filteredOn(l -> l.startsWith("D/data/sub/: ")).hasSize(1);
    }

    @Test
    void anExistingDirectoryOfTheTargetGetsItsMetadataOnlyWithOverwrite(SimulatedMachine machine,
            @TempDir Path other) throws IOException {
        take(BackupType.FULL, "full-1", null);
        Volume restoreVolume = machine.addVolume(other, "E:\\");
        Files.createDirectories(other.resolve("r/D/data"));

        BackupSetReader.open(media).restore("full-1", other.resolve("r"), List.of("D/data/sub/**"), false);
        assertThat(restoreVolume.facts().securityDescriptor("r/D/data")).isEmpty();

        RestoreReport report = BackupSetReader.open(media).restore("full-1", other.resolve("r"), List.of(), true);
        assertThat(report.notApplied()).isEmpty();
        assertThat(restoreVolume.facts().securityDescriptor("r/D/data")).hasValue(SD);
    }

    private BackupSetInfo take(BackupType type, String id, String parentId) throws IOException {
        return VolumeSets.take(media, type, id, parentId);
    }

    private Map<String, DirectoryRow> directories(String setId) throws IOException {
        try (Catalog c = Catalog.open(media.resolve(setId).resolve(MediaLayout.CATALOG))) {
            return c.directories();
        }
    }
}
