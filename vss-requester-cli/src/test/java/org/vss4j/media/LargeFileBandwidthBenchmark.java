package org.vss4j.media;

import static org.vss4j.cli.RoundStatistics.median;
import static org.vss4j.cli.RoundStatistics.min;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vss4j.sim.SimulatedMachine;

/**
 * Not a test: the read bandwidth of {@code vss backup} on a few large files against {@code cat FILES > /dev/null} on
 * the same files, printed (docs/performance.md, "Backup of large files"). Runs only with {@code -Dvss4j.bench=true}.
 * {@code vss4j.bench.largeFiles} files (default 3) of {@code vss4j.bench.largeGiB} GiB each (default 1; a decimal
 * is taken) of random data, the last one with every fourth MiB zeros, are made on the simulated volume D:\ in
 * {@code vss4j.bench.dir} (default /dev/shm where it exists), with the simulator's state (its shadow copies) beside
 * it. Each of {@code vss4j.bench.rounds} rounds (default 3) starts a copy backup session without writers; once its
 * shadow copies exist it runs, on their files, {@code cat} into /dev/null, {@code cat} into a file of the same
 * directory and {@code sync} (the bytes a backup must at least read and write), the files read and hashed with
 * SHA-256 in this JVM ({@link JvmDigest}), and unless {@code -Dvss4j.bench.context=false} {@code sha256sum} and
 * {@code tar -cf} (into the same directory), then the set's copy ({@link SessionBackupSet}, as {@code vss backup}), timed from the end of
 * {@code DoSnapshotSet} to the set published. Where the directory is not tmpfs the page cache is dropped
 * ({@code sync; echo 3 > /proc/sys/vm/drop_caches}) before each of them, if the process may; the output says whether
 * it could. The set and the tar are deleted after each round, everything at the end.
 */
@EnabledIfSystemProperty(named = "vss4j.bench", matches = "true")
class LargeFileBandwidthBenchmark {

    private static final Path DROP_CACHES = Path.of("/proc/sys/vm/drop_caches");

    @Test
    @Timeout(value = 90, unit = TimeUnit.MINUTES)
    void backupAgainstCat() throws Exception {
        int count = Integer.getInteger("vss4j.bench.largeFiles", 3);
        long size = (long) (Double.parseDouble(System.getProperty("vss4j.bench.largeGiB", "1")) * (1L << 30));
        int rounds = Integer.getInteger("vss4j.bench.rounds", 3);
        Path shm = Path.of("/dev/shm");
        Path base = Path.of(System.getProperty("vss4j.bench.dir", Files.isDirectory(shm) && Files.isWritable(shm)
                ? shm.toString() : System.getProperty("java.io.tmpdir")));
        Path work = Files.createTempDirectory(base, "vss4j-bandwidth-");
        String fsType = output("stat", "-f", "-c", "%T", work.toString()).trim();
        boolean dropping = !fsType.equals("tmpfs") && Files.isWritable(DROP_CACHES);
        SimulatedMachine machine = SimulatedMachine.persistentAt(work.resolve("state"));
        SimulatedMachine previous = SimulatedMachine.install(machine);
        Map<String, double[]> seconds = new LinkedHashMap<>();
        boolean context = Boolean.parseBoolean(System.getProperty("vss4j.bench.context", "true"));
        List<String> commands = new ArrayList<>(List.of("cat FILES > /dev/null", "cat FILES > OUT; sync",
                "SHA-256 in this JVM"));
        if (context) {
            commands.addAll(List.of("sha256sum FILES", "tar -cf OUT FILES"));
        }
        commands.add("vss backup copy");
        for (String c : commands) {
            seconds.put(c, new double[rounds]);
        }
        List<String> loads = new ArrayList<>();
        try {
            Path volume = Files.createDirectory(work.resolve("d"));
            Path media = Files.createDirectory(work.resolve("media"));
            LargeFileBackups.makeFiles(volume, count, size);
            machine.addVolume(volume, "D:\\");
            for (int r = 0; r < rounds; r++) {
                int round = r;
                LargeFileBackups.Backup b = LargeFileBackups.backUp(media, "round-" + r, copies -> {
                    String files = String.join(" ", copies.stream().map(p -> "'" + p + "'").toList());
                    Path tar = work.resolve("out.tar");
                    seconds.get("cat FILES > /dev/null")[round] = timed(dropping, "cat " + files + " > /dev/null");
                    seconds.get("cat FILES > OUT; sync")[round] = timed(dropping, "cat " + files + " > '" + tar
                            + "'; sync");
                    Files.delete(tar);
                    dropCaches(dropping);
                    long t = System.nanoTime();
                    JvmDigest.sha256(copies);
                    seconds.get("SHA-256 in this JVM")[round] = (System.nanoTime() - t) / 1e9;
                    if (context) {
                        seconds.get("sha256sum FILES")[round] = timed(dropping, "sha256sum " + files
                                + " > /dev/null");
                        seconds.get("tar -cf OUT FILES")[round] = timed(dropping, "tar -cf '" + tar + "' " + files);
                        Files.delete(tar);
                    }
                    dropCaches(dropping);
                });
                seconds.get("vss backup copy")[r] = b.nanos() / 1e9;
                if (b.set().files() != count || b.set().bytes() != count * size) {
                    throw new IllegalStateException("the set holds " + b.set().files() + " files of "
                            + b.set().bytes() + " bytes, not " + count + " of " + size);
                }
                run("rm -rf '" + media.resolve("round-" + r) + "'");
                loads.add(output("cat", "/proc/loadavg").trim());
            }
            double mb = count * size / 1e6;
            System.out.printf("%n%s (%s): %d files of %.2f GiB, %d rounds; page cache %s%n", base, fsType, count,
                    size / (double) (1L << 30), rounds, fsType.equals("tmpfs") ? "not involved (tmpfs)"
                            : dropping ? "dropped before each command" : "NOT dropped (not permitted): cached reads");
            System.out.printf("  %-24s %9s %9s %9s %12s%n", "", "min MB/s", "med MB/s", "med s", "x cat (med)");
            double catMedian = median(rates(seconds.get("cat FILES > /dev/null"), mb));
            for (Map.Entry<String, double[]> e : seconds.entrySet()) {
                double[] rate = rates(e.getValue(), mb);
                System.out.printf("  %-24s %9.0f %9.0f %9.3f %12.3f%n", e.getKey(), min(rate), median(rate),
                        median(e.getValue()), median(rate) / catMedian);
            }
            double[] paired = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                paired[r] = seconds.get("cat FILES > /dev/null")[r] / seconds.get("vss backup copy")[r];
            }
            System.out.printf("  backup / cat bandwidth, per round: %s (median %.3f)%n", Arrays.toString(
                    Arrays.stream(paired).mapToObj(p -> String.format("%.3f", p)).toArray()), median(paired));
            System.out.printf("  load average after each round: %s%n", loads);
        } finally {
            SimulatedMachine.install(previous);
            machine.close();
            run("rm -rf '" + work + "'");
        }
    }

    private static double timed(boolean dropping, String command) throws IOException, InterruptedException {
        dropCaches(dropping);
        long t = System.nanoTime();
        run(command);
        return (System.nanoTime() - t) / 1e9;
    }

    private static void dropCaches(boolean dropping) throws IOException, InterruptedException {
        if (dropping) {
            run("sync; echo 3 > " + DROP_CACHES);
        }
    }

    private static double[] rates(double[] seconds, double mb) {
        return Arrays.stream(seconds).map(s -> mb / s).toArray();
    }



    private static void run(String shellCommand) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", shellCommand).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(shellCommand + " failed");
        }
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(List.of(command) + " failed: " + out);
        }
        return out;
    }
}
