package org.vss4j.media;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupType;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.WithSimulatedMachine;

/**
 * {@link PlacedRestore}, the file restore of {@code vss restore --writers}: a file of an incremental set whose data
 * an earlier set of the chain holds gets its security descriptor and streams from that set's streams entry; a place
 * created above the directory standing for the file's original one gets no directory metadata, nor a line for it,
 * while the one standing for it gets its stored times.
 */
@WithSimulatedMachine
class PlacedRestoreTest {

    private static final byte[] SD = {1, 0, 4, (byte) 0x80, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

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
        volume.facts().securityDescriptor("data/a.txt", SD).alternateStream("data/a.txt", "s", "x".getBytes(UTF_8));
    }

    private static CatalogRow row(BackupSetReader reader, String set, String entry) throws IOException {
        return reader.files(set).stream().filter(r -> r.entryName().equals(entry)).findFirst().orElseThrow();
    }

    @Test
    void aFileAnEarlierSetHoldsGetsItsStreamsFromThatSet(SimulatedMachine machine) throws IOException {
        VolumeSets.take(media, BackupType.FULL, "f-1", null);
        Files.writeString(disk.resolve("data/b.txt"), "beta");
        VolumeSets.take(media, BackupType.INCREMENTAL, "i-1", "f-1");
        BackupSetReader reader = BackupSetReader.open(media);
        CatalogRow a = row(reader, "i-1", "D/data/a.txt");
        assertThat(a.storedIn()).isEqualTo("f-1");
        Volume e = machine.addVolume(other, "E:\\");

        try (PlacedRestore r = reader.placedRestore("i-1")) {
            r.restore(a, other.resolve("orders/a.txt"), other.resolve("orders"));
            r.applyDirectories();

            assertThat(r.notApplied()).isEmpty();
        }

        assertThat(Files.readString(other.resolve("orders/a.txt"))).isEqualTo("alpha");
        assertThat(e.facts().securityDescriptor("orders/a.txt")).hasValue(SD);
        assertThat(e.facts().alternateStreams("orders/a.txt").get("s")).isEqualTo("x".getBytes(UTF_8));
        assertThat(machine.token().isEnabled("SeRestorePrivilege")).isFalse();
    }

    @Test
    void directoriesAboveTheStandInRootGetNothingAndAreNotListed(SimulatedMachine machine) throws IOException {
        java.time.Instant dataWritten = java.time.Instant.parse("2026-11-28T12:00:00Z");
        Files.setLastModifiedTime(disk.resolve("data"), java.nio.file.attribute.FileTime.from(dataWritten));
        VolumeSets.take(media, BackupType.COPY, "c-1", null);
        BackupSetReader reader = BackupSetReader.open(media);
        machine.addVolume(other, "E:\\");

        try (PlacedRestore r = reader.placedRestore("c-1")) {
            // E:\deep\er stands for nothing: only E:\deep\er\data stands for D:\data.
            r.restore(row(reader, "c-1", "D/data/a.txt"), other.resolve("deep/er/data/a.txt"),
                    other.resolve("deep/er/data"));
            r.applyDirectories();

            assertThat(r.notApplied()).isEmpty();
        }
        assertThat(Files.readString(other.resolve("deep/er/data/a.txt"))).isEqualTo("alpha");
        // The directory standing for D:\data has its stored time, not the time a.txt was written into it.
        assertThat(Files.getLastModifiedTime(other.resolve("deep/er/data")).toInstant()).isEqualTo(dataWritten);
    }
}
