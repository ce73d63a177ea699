package org.vss4j.sim.example;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.ObjectName;
import org.vss4j.session.BackupResult;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.TestTrees;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.abi.ComRegistry;
import org.vss4j.sim.abi.NativeHeap;

/**
 * Soak run, not a test: the README's complete backup ({@link MediaBackup#backUp}) over and over against one
 * simulated machine, as a long-running backup service would, printing how heap-after-GC, native memory, threads, open
 * file descriptors and temporary directories grow per cycle (least-squares slopes). It asserts nothing about time;
 * it fails only if a cycle fails or leaks by the simulator's own leak check.
 *
 * <p>Run: {@code ./mvnw -o -B -Psoak -pl vss-native-stubs -am test -DskipTests} (docs/reliability.md), which forks a
 * JVM with native memory tracking and a private {@code java.io.tmpdir}; {@code -Dsoak.cycles=N} changes the count.
 */
public final class BackupSoak {

    private static final int SAMPLE_EVERY = 25;

    /** One measurement after a cycle. */
    record Sample(int cycle, long heapAfterGc, long nmtCommitted, long rss, long nativeHeapLive, int threads,
            int fds, int tempEntries, int liveComObjects, int tombstones, int quarantinedBlocks) {
    }

    /** Cycles after which to write a class histogram into the temporary directory (-Dsoak.histogram=400,800). */
    private static final List<Integer> HISTOGRAM_AT = Stream.of(System.getProperty("soak.histogram", "").split(","))
            .filter(x -> !x.isBlank()).map(Integer::valueOf).toList();

    private BackupSoak() {
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path disk = Files.createDirectories(tmp.resolve("soak-disk/orders"));
        Files.writeString(disk.resolve("orders.db"), "42 orders");
        Files.writeString(disk.resolve("orders-2.db"), "17 more orders");
        int tempBaseline = tempEntries(tmp);

        SimulatedMachine machine = SimulatedMachine.create();
        SimulatedMachine.install(machine);
        machine.addVolume(disk.getParent(), "D:\\");
        machine.addWriter(SimulatedWriter.builder("Orders DB Writer")
                .component(WriterComponent.database("", "orders")
                        .withDatabaseFile(FileSpec.of("D:\\orders", "*.db", false)))
                .build());

        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        for (int cycle = 1; cycle <= cycles; cycle++) {
            Path media = Files.createTempDirectory(tmp, "soak-media-");
            BackupResult result = MediaBackup.backUp("Orders DB Writer", media);
            if (!result.succeeded()) {
                throw new IllegalStateException("cycle " + cycle + " failed: " + result);
            }
            TestTrees.deleteTree(media);
            VssSimulatorExtension.verifyNoLeaks(machine);
            if (HISTOGRAM_AT.contains(cycle)) {
                histogram(tmp.resolve("histogram-" + cycle + ".txt"));
            }
            if (cycle == 1 || cycle % SAMPLE_EVERY == 0) {
                samples.add(sample(cycle, tmp, tempBaseline));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        machine.close();
        SimulatedMachine.install(null);
        report(cycles, seconds, samples);
    }

    private static Sample sample(int cycle, Path tmp, int tempBaseline) throws IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        ComRegistry.Holdings com = ComRegistry.holdings();
        NativeHeap.Usage blocks = NativeHeap.usage();
        return new Sample(cycle, heap, nmtCommitted(), rss(), blocks.liveBytes(),
                ManagementFactory.getThreadMXBean().getThreadCount(), fds(), tempEntries(tmp) - tempBaseline,
                com.liveObjects(), com.tombstones(), blocks.quarantinedBlocks());
    }

    private static void report(int cycles, double seconds, List<Sample> samples) {
        System.out.printf(Locale.ROOT, "BackupSoak: %d cycles in %.1f s (%.1f ms/cycle), %d samples%n", cycles,
                seconds, seconds * 1000 / cycles, samples.size());
        List<Sample> late = samples.subList(samples.size() / 2, samples.size());
        System.out.printf(Locale.ROOT, "%-28s %14s %14s %14s %14s%n", "measure", "first", "last",
                "slope/cycle", "late slope");
        line("heap after GC (bytes)", samples, late, s -> s.heapAfterGc);
        line("NMT committed, no heap (B)", samples, late, s -> s.nmtCommitted);
        line("VmRSS (bytes)", samples, late, s -> s.rss);
        line("NativeHeap live (bytes)", samples, late, s -> s.nativeHeapLive);
        line("threads", samples, late, s -> s.threads);
        line("open fds", samples, late, s -> s.fds);
        line("temp dir entries", samples, late, s -> s.tempEntries);
        line("live COM objects", samples, late, s -> s.liveComObjects);
        line("COM tombstones", samples, late, s -> s.tombstones);
        line("freed blocks in quarantine", samples, late, s -> s.quarantinedBlocks);
        System.out.println("(late slope: the second half of the samples, after the bounded tombstone and quarantine"
                + " records have filled; -1 means not available here; n/a: fewer than " + MIN_SAMPLES_FOR_SLOPE
                + " samples, one every " + SAMPLE_EVERY + " cycles)");
    }

    private static void line(String name, List<Sample> all, List<Sample> late, ToDoubleFunction<Sample> f) {
        System.out.printf(Locale.ROOT, "%-28s %14.0f %14.0f %14s %14s%n", name, f.applyAsDouble(all.get(0)),
                f.applyAsDouble(all.get(all.size() - 1)), slopeText(all, f), slopeText(late, f));
    }

    /** Fewer samples than this give no slope worth printing (two points always lie on a line). */
    static final int MIN_SAMPLES_FOR_SLOPE = 3;

    /** The slope of {@code f} per cycle with two decimals, or {@code n/a} from too few samples for one. */
    static String slopeText(List<Sample> s, ToDoubleFunction<Sample> f) {
        return s.size() < MIN_SAMPLES_FOR_SLOPE ? "n/a" : String.format(Locale.ROOT, "%.2f", slope(s, f));
    }

    /** Least-squares slope of {@code f} against the cycle number. */
    private static double slope(List<Sample> s, ToDoubleFunction<Sample> f) {
        double n = s.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Sample x : s) {
            double y = f.applyAsDouble(x);
            sx += x.cycle;
            sy += y;
            sxx += (double) x.cycle * x.cycle;
            sxy += x.cycle * y;
        }
        double d = n * sxx - sx * sx;
        return d == 0 ? 0 : (n * sxy - sx * sy) / d;
    }

    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern NMT_HEAP = Pattern.compile("Java Heap \\(reserved=(\\d+)KB, committed=(\\d+)KB");

    /**
     * Committed native memory outside the Java heap (whose size the GC chooses) from native memory tracking
     * ({@code -XX:NativeMemoryTracking=summary}), or -1.
     */
    private static long nmtCommitted() {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            Matcher total = NMT_TOTAL.matcher(String.valueOf(out));
            Matcher heap = NMT_HEAP.matcher(String.valueOf(out));
            if (!total.find() || !heap.find()) {
                return -1;
            }
            return (Long.parseLong(total.group(2)) - Long.parseLong(heap.group(2))) * 1024;
        } catch (Exception e) {
            return -1;
        }
    }

    private static void histogram(Path file) throws Exception {
        Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Files.writeString(file, String.valueOf(out));
    }

    /** VmRSS from /proc/self/status (Linux), or -1. */
    private static long rss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Open file descriptors: the entries of /proc/self/fd (Linux), or -1. */
    private static int fds() {
        try (Stream<Path> fd = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fd.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static int tempEntries(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return (int) entries.count();
        }
    }

}
