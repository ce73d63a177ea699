package org.vss4j.media;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupType;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.WithSimulatedMachine;

/**
 * An incremental set on the simulator compares the ChangeTime of FILE_BASIC_INFO (ChangeDetection.forHost()): a
 * shadow copy keeps each file's as it was at snapshot time, so an unchanged file is not taken again, and a change
 * that leaves size, last-write time and attributes as they were is.
 */
@WithSimulatedMachine
class ChangeTimeSetTest {

    private static final byte[] SD = {1, 0, 4, (byte) 0x80, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** Another descriptor of the same size: SE_DACL_DEFAULTED added to the control word. */
    private static final byte[] NEW_SD = {1, 0, 0x0C, (byte) 0x80, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    @TempDir
    Path disk;
    @TempDir
    Path media;
    private Volume volume;

    @BeforeEach
    void volume(SimulatedMachine machine) throws IOException {
        Files.writeString(disk.resolve("a.txt"), "alpha");
        Files.createDirectories(disk.resolve("dir"));
        Files.writeString(disk.resolve("dir/b.txt"), "bravo");
        volume = machine.addVolume(disk, "D:\\");
        volume.facts().securityDescriptor("a.txt", SD);
    }

    @Test
    void anIncrementalAfterNoChangeTakesNothingAgain() throws IOException {
        take(BackupType.FULL, "full-1", null);

        BackupSetInfo inc = take(BackupType.INCREMENTAL, "inc-2", "full-1");

        assertThat(stored("inc-2")).isEqualTo(Map.of("D/a.txt", "full-1", "D/dir/b.txt", "full-1"));
        assertThat(inc.files()).isZero();
    }

    @Test
    void aSecurityDescriptorOnlyChangeIsTakenAgainAndRestoredFromTheIncrementalSet(SimulatedMachine machine,
            @TempDir Path other) throws IOException {
        take(BackupType.FULL, "full-1", null);
        volume.facts().securityDescriptor("a.txt", NEW_SD);

        take(BackupType.INCREMENTAL, "inc-2", "full-1");

        assertThat(stored("inc-2")).isEqualTo(Map.of("D/a.txt", "inc-2", "D/dir/b.txt", "full-1"));
        Volume restoreVolume = machine.addVolume(other, "E:\\");
        RestoreReport report = BackupSetReader.open(media).restore("inc-2", other.resolve("r"), List.of(), false);
        assertThat(report.complete()).isTrue();
        assertThat(report.notApplied()).isEmpty();
        assertThat(restoreVolume.facts().securityDescriptor("r/D/a.txt")).hasValue(NEW_SD);
        assertThat(Files.readString(other.resolve("r/D/a.txt"))).isEqualTo("alpha");
        assertThat(Files.readString(other.resolve("r/D/dir/b.txt"))).isEqualTo("bravo");
    }

    @Test
    void contentWrittenBackWithItsOldLastWriteTimeIsTakenAgain(@TempDir Path target) throws IOException {
        Path b = disk.resolve("dir/b.txt");
        FileTime written = Files.getLastModifiedTime(b);
        take(BackupType.FULL, "full-1", null);
        // As an archive extractor does: same size, new content, the old last-write time set back.
        Files.writeString(b, "BRAVO");
        Files.setLastModifiedTime(b, written);

        take(BackupType.INCREMENTAL, "inc-2", "full-1");

        assertThat(stored("inc-2")).isEqualTo(Map.of("D/a.txt", "full-1", "D/dir/b.txt", "inc-2"));
        BackupSetReader.open(media).restore("inc-2", target, List.of(), false);
        assertThat(Files.readString(target.resolve("D/dir/b.txt"), UTF_8)).isEqualTo("BRAVO");
    }

    /**
     * A volume-mode set of D: without writers (every file decided by ChangeDetection) building on {@code parentId},
     * named rather than found: the first set of a volume is partial, its System Volume Information listed before the
     * backup enabled SeBackupPrivilege.
     */
    private BackupSetInfo take(BackupType type, String id, String parentId) throws IOException {
        return VolumeSets.take(media, type, id, parentId);
    }

    /** Each listed file of {@code setId} with the set that holds its data. */
    private Map<String, String> stored(String setId) throws IOException {
        return BackupSetReader.open(media).files(setId).stream().collect(Collectors.toMap(CatalogRow::entryName,
                r -> r.holder(setId), (x, y) -> x, TreeMap::new));
    }
}
