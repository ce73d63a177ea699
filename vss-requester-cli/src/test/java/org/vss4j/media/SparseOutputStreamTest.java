package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;
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

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
}
