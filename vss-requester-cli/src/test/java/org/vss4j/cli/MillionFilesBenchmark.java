package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: a backup of {@code vss4j.bench.files} tiny files (default 1,000,000, in {@code vss4j.bench.dirs}
 * directories, default 1,000) by {@code vss backup} in a JVM with {@code -Xmx<vss4j.bench.heapMiB>m} (default 256),
 * once in component mode and once in volume mode, each set then checked by {@code vss verify} (with
 * {@code -Xmx<vss4j.bench.verifyHeapMiB>m}, default: the JVM's default heap);
 * prints exit code, wall time and the most heap used of each (docs/performance.md, "A million files in 256 MiB").
 * {@code vss4j.bench.modes} (default {@code COMPONENT,VOLUME}) chooses the modes run. Runs only with
 * {@code -Dvss4j.bench=true}; the tree is made in {@code vss4j.bench.dir} (default /dev/shm where it
 * exists) and deleted after.
 */
@EnabledIfSystemProperty(named = "vss4j.bench", matches = "true")
class MillionFilesBenchmark {

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void aMillionFilesInASmallHeap() throws Exception {
        int files = Integer.getInteger("vss4j.bench.files", 1_000_000);
        int dirs = Integer.getInteger("vss4j.bench.dirs", 1_000);
        int heap = Integer.getInteger("vss4j.bench.heapMiB", 256);
        // vss verify reads the whole catalog into memory: by default it gets the JVM's default heap.
        int verifyHeap = Integer.getInteger("vss4j.bench.verifyHeapMiB", 0);
        Path shm = Path.of("/dev/shm");
        Path base = Path.of(System.getProperty("vss4j.bench.dir", Files.isDirectory(shm) && Files.isWritable(shm)
                ? shm.toString() : System.getProperty("java.io.tmpdir")));
        Path work = Files.createTempDirectory(base, "vss4j-million-");
        try {
            long t = System.nanoTime();
            ForkedBackups machine = ForkedBackups.make(work, files, dirs);
            System.out.printf("%n%s: %d files in %d directories made in %.1f s; -Xmx%dm%n", base, files, dirs,
                    (System.nanoTime() - t) / 1e9, heap);
            System.out.printf("  %-28s %5s %9s %12s %12s %12s%n", "", "exit", "wall s", "peak heap MB", "max live MB",
                    "live B/file");
            boolean all = true;
            for (String name : System.getProperty("vss4j.bench.modes", "COMPONENT,VOLUME").split(",")) {
                ForkedBackups.Mode mode = ForkedBackups.Mode.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
                Path media = work.resolve("media-" + mode);
                ForkedBackups.Run b = machine.backup(mode, media, heap, 3000);
                print("backup, " + mode.name().toLowerCase(java.util.Locale.ROOT) + " mode", b, files);
                ForkedBackups.Run v = machine.verify(media, verifyHeap, 3000);
                print("  verify", v, files);
                all &= b.exit() == 0 && v.exit() == 0;
                if (b.exit() != 0 || v.exit() != 0) {
                    System.out.println(b.output());
                    System.out.println(v.output());
                }
                // A million files take gigabytes of a RAM-backed /dev/shm: each set goes once verified.
                new ProcessBuilder("rm", "-rf", media.toString()).inheritIO().start().waitFor();
            }
            System.out.println("  load: " + new String(new ProcessBuilder("uptime").start().getInputStream()
                    .readAllBytes()).trim());
            assertThat(all).as("every backup and verify ended with exit 0").isTrue();
        } finally {
            new ProcessBuilder("rm", "-rf", work.toString()).inheritIO().start().waitFor();
        }
    }

    private static void print(String what, ForkedBackups.Run r, int files) {
        System.out.printf("  %-28s %5d %9.1f %12.1f %12.1f %12d%n", what, r.exit(), r.seconds(),
                r.peakHeapBytes() / 1e6, r.peakLiveBytes() / 1e6, r.peakLiveBytes() / files);
    }
}
