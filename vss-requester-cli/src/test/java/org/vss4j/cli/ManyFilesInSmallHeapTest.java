package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The smoke-sized {@link MillionFilesBenchmark}: 4,000 files in 40 directories backed up by {@code vss backup} in a
 * JVM with {@code -Xmx32m}, in component and in volume mode, and the set verified; success is checked, never time.
 */
class ManyFilesInSmallHeapTest {

    @ParameterizedTest
    @EnumSource(ForkedBackups.Mode.class)
    void aBackupOfManyFilesFitsASmallHeap(ForkedBackups.Mode mode, @TempDir Path work) throws Exception {
        ForkedBackups machine = ForkedBackups.make(work, 4_000, 40);
        Path media = work.resolve("media");

        ForkedBackups.Run backup = machine.backup(mode, media, 32, 300);
        assertThat(backup.exit()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("4000 file(s)");
        assertThat(backup.peakHeapBytes()).isPositive();

        ForkedBackups.Run verify = machine.verify(media, 32, 300);
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("4000 files");
    }
}
