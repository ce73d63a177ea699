package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.media.BackupSetReader;
import org.vss4j.media.CatalogRow;

/**
 * {@link BackupThroughputBenchmark}'s code once at a tiny size, untimed: the set it writes is complete, holds every
 * file of the tree, and verifies; the whole command's run does too.
 */
class BackupThroughputSmokeTest {

    @Test
    void theBenchmarksBackupStoresEveryFileAndVerifies(@TempDir Path work) throws Exception {
        BackupThroughputRun run = new BackupThroughputRun(work);
        run.makeTree(60, 4, 100);

        BackupThroughputRun.Session s = run.backUpInSession(true);

        assertThat(s.set().state()).isEqualTo("complete");
        assertThat(s.set().files()).isEqualTo(60);
        assertThat(s.seconds()).isPositive();
        BackupSetReader reader = BackupSetReader.open(run.media());
        assertThat(reader.files(s.setId())).extracting(CatalogRow::size).containsOnly(100L);
        assertThat(reader.files(s.setId())).extracting(CatalogRow::entryName)
                .contains("C/data/d0/f0.dat", "C/data/d3/f59.dat");
        assertThat(reader.verify(s.setId()).problems()).isEmpty();
        run.clearMedia();

        run.wholeCommand();

        BackupSetReader after = BackupSetReader.open(run.media());
        assertThat(after.list()).singleElement().satisfies(set -> {
            assertThat(set.state()).isEqualTo("complete");
            assertThat(set.files()).isEqualTo(BackupThroughputRun.regularFiles(run.volume()));
        });
        assertThat(after.verify(after.list().get(0).setId()).ok()).isTrue();
    }
}
