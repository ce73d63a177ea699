package org.vss4j.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the simulator's point-in-time copy and the release of a shadow copy against {@code cp -a} of the same
 * tree, printed (docs/performance.md). Runs only with {@code -Dvss4j.bench=true}. A tree of
 * {@code vss4j.bench.files} small files (default 100,000, 100 bytes each, in folders of 1,000) and
 * {@code vss4j.bench.large} files of {@code vss4j.bench.largeMiB} MiB (default 4 of 64) is made in
 * {@code vss4j.bench.dir} (default /dev/shm where it exists, else java.io.tmpdir). Each of
 * {@code vss4j.bench.rounds} rounds (default 5) runs, in turn: {@code cp -a} of the tree, the copier alone
 * ({@link PointInTimeCopier#forHost()}, a new one each round, so its reflink probe is included), the Java copy
 * ({@link PointInTimeCopier#plainCopies()}), then a persistent shadow copy through {@link SnapshotStore#createSet}
 * and its {@link SnapshotStore#delete} (the caller's part), with the background deletion awaited and timed on its
 * own; {@code rm -rf} of the {@code cp -a} copy stands for the deletion done on the caller's thread. The min and the
 * median of each are printed, with their ratios to {@code cp -a}. Everything is deleted at the end.
 */
@EnabledIfSystemProperty(named = "vss4j.bench", matches = "true")
class PointInTimeCopyBenchmark {

    @Test
    // Not the suite's 3 minutes: 100,000 files five times over, on a disk or a loaded machine, take longer.
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void pointInTimeCopyAndReleaseAgainstCpA() throws Exception {
        int small = Integer.getInteger("vss4j.bench.files", 100_000);
        int large = Integer.getInteger("vss4j.bench.large", 4);
        int largeMiB = Integer.getInteger("vss4j.bench.largeMiB", 64);
        int rounds = Integer.getInteger("vss4j.bench.rounds", 5);
        Path shm = Path.of("/dev/shm");
        Path base = Path.of(System.getProperty("vss4j.bench.dir",
                Files.isDirectory(shm) && Files.isWritable(shm) ? shm.toString()
                        : System.getProperty("java.io.tmpdir")));
        Path work = Files.createTempDirectory(base, "vss4j-bench-");
        try {
            Path volume = Files.createDirectory(work.resolve("volume"));
            makeTree(volume, small, large, largeMiB);
            SimulatedMachine machine = SimulatedMachine.persistentAt(work.resolve("state"));
            try {
                Volume v = machine.addVolume(volume, "D:\\");
                SnapshotStore store = machine.snapshotStore();
                double[] cp = new double[rounds];
                double[] copier = new double[rounds];
                double[] java = new double[rounds];
                double[] create = new double[rounds];
                double[] release = new double[rounds];
                double[] background = new double[rounds];
                double[] rm = new double[rounds];
                CopyMethod method = null;
                for (int r = 0; r < rounds; r++) {
                    Path c = work.resolve("cp" + r);
                    cp[r] = seconds(() -> run("cp", "-a", volume.toString(), c.toString()));
                    rm[r] = seconds(() -> run("rm", "-rf", c.toString()));
                    Path p = work.resolve("pit" + r);
                    CopyMethod[] m = new CopyMethod[1];
                    copier[r] = seconds(() -> m[0] = PointInTimeCopier.forHost().copy(volume, p));
                    method = m[0];
                    run("rm", "-rf", p.toString());
                    Path j = work.resolve("java" + r);
                    java[r] = seconds(() -> PointInTimeCopier.plainCopies().copy(volume, j));
                    run("rm", "-rf", j.toString());
                    UUID id = UUID.randomUUID();
                    create[r] = seconds(() -> store.createSet(UUID.randomUUID(), Map.of(id, v), 1, this));
                    release[r] = seconds(() -> store.delete(id));
                    background[r] = seconds(store::awaitDeletions);
                }
                double base0 = median(cp);
                System.out.printf("%n%s: %d small files, %d x %d MiB, %d rounds; copier method %s%n", base, small,
                        large, largeMiB, rounds, method);
                System.out.printf("  %-44s %8s %8s %8s%n", "", "min s", "median s", "x cp -a");
                line("cp -a", cp, base0);
                line("PointInTimeCopier.forHost().copy", copier, base0);
                line("PointInTimeCopier.plainCopies().copy (Java)", java, base0);
                line("SnapshotStore.createSet (persistent)", create, base0);
                line("SnapshotStore.delete (the caller)", release, base0);
                line("  its background deletion", background, base0);
                line("rm -rf of the cp -a copy", rm, base0);
            } finally {
                machine.close();
            }
        } finally {
            run("rm", "-rf", work.toString());
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double seconds(Work w) throws Exception {
        long t = System.nanoTime();
        w.run();
        return (System.nanoTime() - t) / 1e9;
    }

    private static void line(String what, double[] s, double cp) {
        System.out.printf("  %-44s %8.3f %8.3f %8.3f%n", what, Arrays.stream(s).min().orElseThrow(), median(s),
                median(s) / cp);
    }

    private static double median(double[] s) {
        double[] c = s.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    private static void makeTree(Path root, int small, int large, int largeMiB) throws IOException {
        byte[] content = new byte[100];
        Arrays.fill(content, (byte) 'x');
        for (int i = 0; i < small; i++) {
            Path dir = root.resolve("d" + (i / 1000));
            if (i % 1000 == 0) {
                Files.createDirectories(dir);
            }
            Files.write(dir.resolve("f" + i), content);
        }
        Random random = new Random(1);
        byte[] block = new byte[1 << 20];
        Path big = Files.createDirectories(root.resolve("large"));
        for (int i = 0; i < large; i++) {
            try (var out = Files.newOutputStream(big.resolve("large" + i + ".bin"))) {
                for (int m = 0; m < largeMiB; m++) {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(List.of(command) + " failed");
        }
    }
}
