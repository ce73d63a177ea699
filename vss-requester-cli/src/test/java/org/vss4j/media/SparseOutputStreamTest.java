package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparseOutputStreamTest {

    private static final int BLOCK = SparseOutputStream.BLOCK;

    @Test
    void theFileReadsBackExactlyWhatWasWrittenWhateverTheZerosAndFlushes(@TempDir Path dir) throws IOException {
        for (int trial = 0; trial < 200; trial++) {
            Random r = new Random(trial);
            Path file = dir.resolve("f" + trial);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (SparseOutputStream out = new SparseOutputStream(open(file), BLOCK * (1 + r.nextInt(4)))) {
                int pieces = r.nextInt(12);
                for (int i = 0; i < pieces; i++) {
                    // Zero runs longer than a block, lone bytes, unaligned data: every way a hole can be misplaced.
                    byte[] piece = new byte[r.nextInt(3 * BLOCK + 7)];
                    if (r.nextBoolean()) {
                        r.nextBytes(piece);
                    } else if (piece.length > 0 && r.nextBoolean()) {
                        piece[r.nextInt(piece.length)] = 1;
                    }
                    if (r.nextInt(5) == 0 && piece.length > 0) {
                        out.write(piece[0]);
                        out.write(piece, 1, piece.length - 1);
                    } else {
                        out.write(piece);
                    }
                    expected.write(piece);
                    if (r.nextInt(4) == 0) {
                        out.flush();
                        assertThat(Files.size(file)).isEqualTo(expected.size());
                    }
                }
            }
            assertThat(Files.readAllBytes(file)).as("trial %d", trial).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void aFileOfZerosOnlyHasItsLength(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("zeros");
        try (SparseOutputStream out = new SparseOutputStream(open(file), BLOCK)) {
            out.write(new byte[5 * BLOCK + 1]);
        }
        assertThat(Files.size(file)).isEqualTo(5 * BLOCK + 1);
        assertThat(Files.readAllBytes(file)).containsOnly(0);
    }

    @Test
    void closeClosesTheChannelAndLaterWritesFail(@TempDir Path dir) throws IOException {
        FileChannel channel = open(dir.resolve("c"));
        SparseOutputStream out = new SparseOutputStream(channel, BLOCK);
        out.write(7);
        out.close();
        assertThat(channel.isOpen()).isFalse();
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new SparseOutputStream(open(dir.resolve("d")), BLOCK + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullBufferIsWrittenBehindTheCallerAndItsFailureThrownByTheNextCall(@TempDir Path dir) throws IOException {
        FileChannel channel = open(dir.resolve("w"));
        SparseOutputStream out = new SparseOutputStream(channel, BLOCK);
        byte[] data = new byte[BLOCK];
        java.util.Arrays.fill(data, (byte) 7);
        out.write(data);
        channel.close();
        // The full buffer goes to the writing thread: this call does not wait for its write, which fails.
        assertThatCode(() -> out.write(1)).doesNotThrowAnyException();
        assertThatThrownBy(out::flush).isInstanceOf(IOException.class)
                .hasCauseInstanceOf(java.nio.channels.ClosedChannelException.class);
        assertThatThrownBy(out::close).isInstanceOf(IOException.class);
    }

    @Test
    void buffersWrittenBehindTheCallerLandAtTheirOffsetsWithTheirHoles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big");
        Random r = new Random(42);
        byte[] expected = new byte[40 * BLOCK + 123];
        for (int b = 0; b < 40; b++) {
            if (b % 3 != 0) {
                byte[] block = new byte[BLOCK];
                r.nextBytes(block);
                System.arraycopy(block, 0, expected, b * BLOCK, BLOCK);
            }
        }
        try (SparseOutputStream out = new SparseOutputStream(open(file), 2 * BLOCK)) {
            for (int at = 0; at < expected.length; at += 1000) {
                out.write(expected, at, Math.min(1000, expected.length - at));
            }
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(expected);
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
}
