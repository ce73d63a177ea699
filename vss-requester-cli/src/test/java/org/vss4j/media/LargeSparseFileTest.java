package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vss4j.media.MediaFixtures.add;
import static org.vss4j.media.MediaFixtures.copySet;
import static org.vss4j.media.MediaFixtures.meta;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-GiB sparse file: its size is past every 32-bit boundary (2^31 and 2^32), so a size or an offset kept in an
 * {@code int} anywhere would show; the file after it sits past 4 GiB in data.tar and is still read at its catalog
 * offset alone.
 */
class LargeSparseFileTest {

    /** 4 GiB + 1 MiB + 3: past 2^32, and not a multiple of the 512-byte tar record. */
    private static final long SIZE = (4L << 30) + (1 << 20) + 3;
    private static final byte[] HEAD = "head of a sparse file".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MIDDLE = "data just past 2^31".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = "its last bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void aFilePastFourGibibytesIsStoredVerifiedAndRestoredByteForByte(@TempDir Path source, @TempDir Path media,
            @TempDir Path target) throws IOException {
        Path big = source.resolve("big.vhdx");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SIZE);
            f.write(HEAD);
            f.seek((1L << 31) + 5);
            f.write(MIDDLE);
            f.seek(SIZE - TAIL.length);
            f.write(TAIL);
        }
        CatalogRow after;
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s1"))) {
            w.addFile("D", "big.vhdx", meta("D:\\big.vhdx"), big);
            after = add(w, "after.txt", "after the big one");
            w.finish();
        }
        assertThat(after.dataOffset()).isGreaterThan(SIZE);
        BackupSetReader reader = BackupSetReader.open(media);
        assertThat(reader.list().get(0).bytes()).isEqualTo(SIZE + "after the big one".length());
        try (InputStream in = reader.open("s1", after)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("after the big one");
        }
        assertThat(reader.verify("s1").ok()).isTrue();

        RestoreReport report = reader.restore("s1", target, List.of(), false);
        assertThat(report.complete()).isTrue();
        Path restored = target.resolve("D/big.vhdx");
        assertThat(Files.size(restored)).isEqualTo(SIZE);
        try (RandomAccessFile f = new RandomAccessFile(restored.toFile(), "r")) {
            assertThat(readAt(f, 0, HEAD.length)).isEqualTo(HEAD);
            assertThat(readAt(f, (1L << 31) + 5, MIDDLE.length)).isEqualTo(MIDDLE);
            assertThat(readAt(f, SIZE - TAIL.length, TAIL.length)).isEqualTo(TAIL);
            assertThat(readAt(f, (3L << 30), 16)).containsOnly(0);
        }
        long sourceUse = allocated(big);
        assumeTrue(sourceUse >= 0 && sourceUse < SIZE / 16, "the file system keeps sparse files sparse");
        // The holes stay holes on the media and in the restored file: neither costs the file's length.
        assertThat(allocated(media.resolve("s1").resolve(MediaLayout.DATA))).isLessThan(SIZE / 16);
        assertThat(allocated(restored)).isLessThan(SIZE / 16);
    }

    /** The bytes a file takes on disk ({@code stat}'s blocks times block size), or -1 where stat cannot tell. */
    private static long allocated(Path file) throws IOException {
        try {
            Process p = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                return -1;
            }
            String[] parts = out.split(" ");
            return Long.parseLong(parts[0]) * Long.parseLong(parts[1]);
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static byte[] readAt(RandomAccessFile f, long at, int length) throws IOException {
        byte[] b = new byte[length];
        f.seek(at);
        f.readFully(b);
        return b;
    }
}
