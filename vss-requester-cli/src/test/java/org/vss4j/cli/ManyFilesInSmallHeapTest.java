package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The smoke-sized {@link MillionFilesBenchmark}: 20,000 files in 100 directories backed up by {@code vss backup} in a
 * JVM with {@code -Xmx32m}, in component and in volume mode, and the set verified; success is checked, never time.
 * With an object graph per file kept for the session (some 1,400 bytes a file in component mode) the backup needs
 * more than 32 MiB; stored compactly it fits beside the JVM's own.
 */
class ManyFilesInSmallHeapTest {

    // Two JVMs of 20,000 files each: a minute on a quiet machine, several on a loaded one.
    @ParameterizedTest
    @EnumSource(ForkedBackups.Mode.class)
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void aBackupOfManyFilesFitsASmallHeap(ForkedBackups.Mode mode, @TempDir Path work) throws Exception {
        ForkedBackups machine = ForkedBackups.make(work, 20_000, 100);
        Path media = work.resolve("media");

        ForkedBackups.Run backup = machine.backup(mode, media, 32, 840);
        assertThat(backup.exit()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("20000 file(s)");
        assertThat(backup.peakHeapBytes()).isPositive();

        // vss verify reads the catalog whole: the JVM's default heap.
        ForkedBackups.Run verify = machine.verify(media, 0, 840);
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("20000 files");
    }
}
