package org.vss4j.media;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupType;
import org.vss4j.files.FileAttribute;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.WithSimulatedMachine;

/**
 * A restore sets only the attributes a caller can set, OFFLINE not (the restored file holds its data), READONLY
 * last; a second restore with overwrite replaces a read-only file, which MoveFileExW alone refuses.
 */
@WithSimulatedMachine
class RestoredAttributesTest {

    @TempDir
    Path disk;
    @TempDir
    Path media;
    @TempDir
    Path other;
    private Volume volume;

    @BeforeEach
    void volume(SimulatedMachine machine) throws IOException {
        Files.createDirectories(disk.resolve("data"));
        Files.writeString(disk.resolve("data/a.txt"), "alpha");
        volume = machine.addVolume(disk, "D:\\");
    }

    private void copySet(String id) throws IOException {
        VolumeSets.take(media, BackupType.COPY, id, null);
    }

    private static int attributes(Volume v, String path) {
        return v.facts().fact(path).map(f -> f.attributes()).orElse(0);
    }

    @Test
    void offlineIsNotRestoredTheSettableBitsAre(SimulatedMachine machine) throws IOException {
        volume.facts().attributes("data/a.txt", FileAttribute.OFFLINE | FileAttribute.HIDDEN
                | FileAttribute.TEMPORARY | FileAttribute.NOT_CONTENT_INDEXED);
        copySet("c-1");
        Volume e = machine.addVolume(other, "E:\\");

        RestoreReport r = BackupSetReader.open(media).restore("c-1", other.resolve("r"), List.of(), false);

        assertThat(r.complete()).isTrue();
        assertThat(r.notApplied()).filteredOn(l -> l.startsWith("D/data/a.txt")).isEmpty();
        int restored = attributes(e, "r/D/data/a.txt");
        assertThat(restored & FileAttribute.OFFLINE).isZero();
        assertThat(restored & (FileAttribute.HIDDEN | FileAttribute.TEMPORARY | FileAttribute.NOT_CONTENT_INDEXED))
                .isEqualTo(FileAttribute.HIDDEN | FileAttribute.TEMPORARY | FileAttribute.NOT_CONTENT_INDEXED);
    }

    @Test
    void aReadOnlyFileIsRestoredReadOnlyAndAnOverwriteReplacesIt(SimulatedMachine machine) throws IOException {
        volume.facts().attributes("data/a.txt", FileAttribute.READONLY);
        copySet("c-1");
        Volume e = machine.addVolume(other, "E:\\");
        BackupSetReader reader = BackupSetReader.open(media);
        assertThat(reader.restore("c-1", other.resolve("r"), List.of(), false).complete()).isTrue();
        assertThat(attributes(e, "r/D/data/a.txt") & FileAttribute.READONLY).isNotZero();
        Files.writeString(disk.resolve("data/a.txt"), "ALPHA2");
        copySet("c-2");
        // A stream the restored file got since: the file that replaces it has none.
        e.facts().alternateStream("r/D/data/a.txt", "later", "x".getBytes(UTF_8));

        RestoreReport again = reader.restore("c-2", other.resolve("r"), List.of(), true);

        assertThat(again.refused()).isEmpty();
        assertThat(again.complete()).isTrue();
        assertThat(Files.readString(other.resolve("r/D/data/a.txt"))).isEqualTo("ALPHA2");
        assertThat(attributes(e, "r/D/data/a.txt") & FileAttribute.READONLY).isNotZero();
        assertThat(e.facts().alternateStreams("r/D/data/a.txt")).isEmpty();
    }
}
