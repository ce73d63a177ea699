package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.media.MediaFixtures.add;
import static org.vss4j.media.MediaFixtures.copySet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.media.VerifyReport.Kind;
import org.vss4j.media.VerifyReport.Problem;

/** verify re-reads every stored byte and names each file whose data, size or place differs from the catalog. */
class VerifyTest {

    @TempDir
    Path media;
    private CatalogRow second;

    @BeforeEach
    void aSetOfThreeFiles() throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            add(w, "a.txt", "first file");
            second = add(w, "dir/b.txt", "second file, a bit longer");
            add(w, "c.txt", "third");
            w.finish();
        }
    }

    @Test
    void anIntactSetVerifies() throws IOException {
        VerifyReport r = BackupSetReader.open(media).verify("s");
        assertThat(r.problems()).isEmpty();
        assertThat(r.files()).isEqualTo(3);
        assertThat(r.bytes()).isEqualTo("first file".length() + "second file, a bit longer".length() + 5);
    }

    @Test
    void oneCorruptedByteIsFoundAndNamed() throws IOException {
        try (FileChannel ch = FileChannel.open(media.resolve("s/data.tar"), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, second.dataOffset() + 7);
            b.put(0, (byte) (b.get(0) ^ 0x01)).rewind();
            ch.write(b, second.dataOffset() + 7);
        }
        VerifyReport r = BackupSetReader.open(media).verify("s");
        assertThat(r.problems()).extracting(Problem::name, Problem::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("D/dir/b.txt", Kind.CHECKSUM));
        assertThat(r.files()).isEqualTo(2);
    }

    @Test
    void aTruncatedTarIsReportedWithTheFilesItLost() throws IOException {
        try (FileChannel ch = FileChannel.open(media.resolve("s/data.tar"), StandardOpenOption.WRITE)) {
            ch.truncate(second.dataOffset() + 3);
        }
        VerifyReport r = BackupSetReader.open(media).verify("s");
        assertThat(r.problems()).extracting(Problem::name, Problem::kind).contains(
                org.assertj.core.groups.Tuple.tuple("D/dir/b.txt", Kind.UNREADABLE),
                org.assertj.core.groups.Tuple.tuple("D/dir/b.txt", Kind.MISSING_DATA),
                org.assertj.core.groups.Tuple.tuple("D/c.txt", Kind.MISSING_DATA));
        assertThat(r.ok()).isFalse();
    }

    @Test
    void aFileWithoutCatalogRowAndARowWithWrongSizeAreFound() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + media.resolve("s/catalog.db"));
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM files WHERE entry_name = 'D/a.txt'");
            s.executeUpdate("UPDATE files SET size = size + 1 WHERE entry_name = 'D/c.txt'");
            s.executeUpdate("UPDATE files SET data_offset = data_offset + 512 WHERE entry_name = 'D/dir/b.txt'");
        }
        VerifyReport r = BackupSetReader.open(media).verify("s");
        assertThat(r.problems()).extracting(Problem::name, Problem::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("D/a.txt", Kind.NOT_IN_CATALOG),
                org.assertj.core.groups.Tuple.tuple("D/dir/b.txt", Kind.OFFSET),
                org.assertj.core.groups.Tuple.tuple("D/c.txt", Kind.SIZE));
    }
}
