package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.media.MediaFixtures.add;
import static org.vss4j.media.MediaFixtures.copySet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify and restore tell a {@link ReadProgress} after each file entry, against the catalog's totals; a restore's
 * report says which path patterns selected nothing.
 */
class ReadProgressTest {

    @TempDir
    Path media;
    private final List<long[]> calls = new ArrayList<>();

    @BeforeEach
    void aSetOfThreeFiles() throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            add(w, "a.txt", "1");
            add(w, "dir/b.txt", "22");
            add(w, "dir/c.txt", "333");
            w.finish();
        }
    }

    private void record(long files, long filesTotal, long bytes, long bytesTotal) {
        calls.add(new long[] {files, filesTotal, bytes, bytesTotal});
    }

    @Test
    void verifyTellsEachFile() throws IOException {
        assertThat(BackupSetReader.open(media).verify("s", this::record).ok()).isTrue();

        assertThat(calls).containsExactly(new long[] {1, 3, 1, 6}, new long[] {2, 3, 3, 6}, new long[] {3, 3, 6, 6});
    }

    /** The entries the patterns leave out are read through too, so they are counted. */
    @Test
    void restoreCountsEveryFileEntryReadThrough(@TempDir Path target) throws IOException {
        RestoreReport r = BackupSetReader.open(media).restore("s", target, List.of("D/dir/c.txt"), false,
                this::record);

        assertThat(r.restored()).containsExactly("D/dir/c.txt");
        assertThat(calls).containsExactly(new long[] {1, 3, 1, 6}, new long[] {2, 3, 3, 6}, new long[] {3, 3, 6, 6});
    }

    @Test
    void theReportNamesThePatternsThatSelectedNothing(@TempDir Path target) throws IOException {
        List<String> patterns = List.of("D/DIR/*.txt", "D/nosuch/**", "d\\a.txt", "E");
        RestoreReport r = BackupSetReader.open(media).restore("s", target, patterns, false);

        assertThat(r.restored()).hasSize(3);
        assertThat(r.patternsMatchingNothing(patterns)).containsExactly("D/nosuch/**", "E");
        assertThat(r.patternsMatchingNothing(List.of())).isEmpty();
    }
}
