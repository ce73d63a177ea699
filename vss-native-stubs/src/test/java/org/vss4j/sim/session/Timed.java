package org.vss4j.sim.session;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One row of {@link FileListBenchmark}: per round the wall time and the CPU time (user + system) of what ran. On a
 * machine shared with other builds the wall time also holds the waits for a core; the CPU time does not, so the two
 * together say what the work costs and what the load added.
 */
final class Timed {

    /** Work timed in the calling thread. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String name;
    private final double[] wall;
    private final double[] cpu;

    Timed(String name, int rounds) {
        this.name = name;
        this.wall = new double[rounds];
        this.cpu = new double[rounds];
    }

    /** This thread's CPU time so far, in ns. */
    static long threadCpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** The load averages, as {@code uptime} shows them. */
    static String load() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    void record(int round, double wallSeconds, double cpuSeconds) {
        wall[round] = wallSeconds;
        cpu[round] = cpuSeconds;
    }

    void inThisThread(int round, Work work) throws Exception {
        long c = threadCpu();
        long t = System.nanoTime();
        work.run();
        record(round, (System.nanoTime() - t) / 1e9, (threadCpu() - c) / 1e9);
    }

    /**
     * Runs {@code command} with {@code sh -c}; its CPU time is what the shell's {@code times} reports for its
     * children (the second line: user and system).
     */
    void external(int round, String command) throws IOException, InterruptedException {
        long t = System.nanoTime();
        Process p = new ProcessBuilder("sh", "-c", command + "; times").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(command + " failed: " + out);
        }
        double w = (System.nanoTime() - t) / 1e9;
        String[] lines = out.strip().split("\n");
        String[] children = lines[lines.length - 1].trim().split("\\s+");
        record(round, w, seconds(children[0]) + seconds(children[1]));
    }

    /** {@code 0m0.030000s} as seconds. */
    private static double seconds(String times) {
        int m = times.indexOf('m');
        return Integer.parseInt(times.substring(0, m)) * 60 + Double.parseDouble(times.substring(m + 1,
                times.length() - 1));
    }

    double medianWall() {
        return median(wall);
    }

    double medianCpu() {
        return median(cpu);
    }

    void print(long entries) {
        System.out.printf("  %-44s %8.3f %8.3f %8.3f %8.3f %9.2f%n", name, min(wall), median(wall), min(cpu),
                median(cpu), median(cpu) * 1e6 / entries);
    }

    private static double min(double[] s) {
        return Arrays.stream(s).min().orElseThrow();
    }

    private static double median(double[] s) {
        double[] c = s.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
