package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.WithSimulatedMachine;

/**
 * {@link LargeFileBandwidthBenchmark}'s backup once at a few MiB, untimed: the set holds the files byte for byte
 * (verify checks each one's SHA-256; the restore compares them), and the zero runs of the file with holes are holes
 * in data.tar where the file system makes them.
 */
@WithSimulatedMachine
class LargeFileBandwidthSmokeTest {

    private static final long SIZE = 5L * LargeFileBackups.CHUNK + 12345;

    @Test
    void theLargeFilesAreStoredVerifiedAndRestored(SimulatedMachine machine, @TempDir Path disk, @TempDir Path media,
            @TempDir Path target) throws Exception {
        List<Path> files = LargeFileBackups.makeFiles(disk, 3, SIZE);
        machine.addVolume(disk, "D:\\");

        java.util.Map<String, String> digests = new java.util.TreeMap<>();
        LargeFileBackups.Backup b = LargeFileBackups.backUp(media, "large-1", copies -> {
            assertThat(copies).hasSize(3);
            List<byte[]> sha = JvmDigest.sha256(copies);
            for (int i = 0; i < copies.size(); i++) {
                Path c = copies.get(i);
                assertThat(c).hasSameBinaryContentAs(disk.resolve(c.getFileName().toString()));
                digests.put(c.getFileName().toString(), java.util.HexFormat.of().formatHex(sha.get(i)));
            }
        });

        assertThat(b.set().state()).isEqualTo("complete");
        assertThat(b.set().files()).isEqualTo(3);
        assertThat(b.set().bytes()).isEqualTo(3 * SIZE);
        BackupSetReader reader = BackupSetReader.open(media);
        assertThat(reader.verify("large-1").problems()).isEmpty();
        assertThat(reader.files("large-1")).extracting(CatalogRow::relativePath, CatalogRow::sha256)
                .containsExactlyInAnyOrderElementsOf(digests.entrySet().stream()
                        .map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue())).toList());
        for (CatalogRow row : reader.files("large-1")) {
            try (InputStream in = reader.open("large-1", row)) {
                assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(disk.resolve(row.relativePath())));
            }
        }
        RestoreReport restored = reader.restore("large-1", target, List.of(), false);
        assertThat(restored.complete()).isTrue();
        for (Path f : files) {
            assertThat(target.resolve("D").resolve(f.getFileName().toString())).hasSameBinaryContentAs(f);
        }
    }

    @Test
    void theLastFileHasZeroRunsAndTheOthersNone(@TempDir Path disk) throws IOException {
        List<Path> files = LargeFileBackups.makeFiles(disk, 2, 4L * LargeFileBackups.CHUNK);
        byte[] plain = Files.readAllBytes(files.get(0));
        byte[] holes = Files.readAllBytes(files.get(1));
        int c = LargeFileBackups.CHUNK;
        assertThat(java.util.Arrays.copyOfRange(holes, 3 * c, 4 * c)).containsOnly(0);
        assertThat(java.util.Arrays.copyOfRange(holes, 0, 3 * c)).contains(1, 2, 3);
        assertThat(java.util.Arrays.copyOfRange(plain, 3 * c, 4 * c)).contains(1, 2, 3);
    }
}
