package org.vss4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many tiny files backed up by {@code vss} in a JVM of its own with a bounded heap, on a simulated C:\ whose tree
 * {@code C:\tree} one writer's component covers: the work of {@link MillionFilesBenchmark} and of its smoke-sized
 * {@link ManyFilesInSmallHeapTest}. The heap used is read from the child's garbage collector log ({@code -Xlog:gc},
 * {@code -Xlog:gc+heap+exit}): the most it held before any collection, or at its exit.
 */
final class ForkedBackups {

    /** How a backup takes the tree. */
    enum Mode {
        /** The writer's component, selected because its files are on the volume given. */
        COMPONENT,
        /** The whole volume, writers frozen, no component added ({@code --volume-mode}). */
        VOLUME
    }

    /**
     * One forked command: its exit code, wall time, the most heap it used (before a collection or at exit), the most
     * it kept (after a collection: what it really held), and its output.
     */
    record Run(int exit, double seconds, long peakHeapBytes, long peakLiveBytes, String output) {
    }

    /** {@code 23M->5M(256M)} of a collection; {@code used 12345K} of the heap printed at exit. */
    private static final Pattern GC = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");
    private static final Pattern USED_AT_EXIT = Pattern.compile("used (\\d+)K");

    private final Path work;
    private final Path volume;
    private final Path writers;

    private ForkedBackups(Path work) {
        this.work = work;
        this.volume = work.resolve("c");
        this.writers = work.resolve("writers");
    }

    /** A machine in {@code work}: C:\tree holding {@code files} files of one byte in {@code dirs} directories. */
    static ForkedBackups make(Path work, int files, int dirs) throws IOException {
        ForkedBackups b = new ForkedBackups(work);
        byte[] content = {'x'};
        int perDir = Math.max(1, files / dirs);
        for (int i = 0; i < dirs; i++) {
            Path d = Files.createDirectories(b.volume.resolve("tree").resolve("d" + i));
            for (int j = 0; j < perDir; j++) {
                Files.write(d.resolve("f" + j + ".dat"), content);
            }
        }
        Files.createDirectories(b.writers);
        // As docs/examples/sim-writers/at-reboot.xml, with one component whose file set is C:\tree, recursive.
        String example = Files.readString(Path.of("..", "docs", "examples", "sim-writers", "at-reboot.xml"));
        Files.writeString(b.writers.resolve("tree.xml"), example.replace("C:\\reboot-data", "C:\\tree")
                .replace("Example Reboot Writer", "Tree Writer").replace("componentName=\"config\"",
                        "componentName=\"tree\""));
        return b;
    }

    /** {@code vss backup C:\ --to MEDIA} in {@code mode}, in a JVM with {@code -Xmx<heapMiB>m}. */
    Run backup(Mode mode, Path media, int heapMiB, long timeoutSeconds) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("backup", "C:\\", "--to", media.toString(), "--no-progress"));
        if (mode == Mode.VOLUME) {
            args.add("--volume-mode");
        }
        return vss(mode.name().toLowerCase(java.util.Locale.ROOT), heapMiB, timeoutSeconds, args);
    }

    /** {@code vss verify MEDIA}, in a JVM with {@code -Xmx<heapMiB>m} (0: the JVM's default). */
    Run verify(Path media, int heapMiB, long timeoutSeconds) throws IOException, InterruptedException {
        return vss("verify", heapMiB, timeoutSeconds, new ArrayList<>(List.of("verify", media.toString())));
    }

    private Run vss(String name, int heapMiB, long timeoutSeconds, List<String> args)
            throws IOException, InterruptedException {
        Path gcLog = work.resolve(name + "-gc.log");
        Path output = work.resolve(name + ".out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), heapMiB > 0 ? "-Xmx" + heapMiB + "m" : "-XX:+UseG1GC",
                "-Xlog:gc,gc+heap+exit:file=" + gcLog,
                "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + work, "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                VssCommand.class.getName()));
        command.addAll(args);
        if (args.get(0).equals("backup")) {
            command.addAll(List.of("--sim-volume", "C:\\=" + volume, "--sim-state", work.resolve("state").toString(),
                    "--sim-writers", writers.toString()));
        }
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(name + " did not end within " + timeoutSeconds + " s: " + tail(output));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] peaks = peakHeap(gcLog);
        return new Run(p.exitValue(), seconds, peaks[0], peaks[1], tail(output));
    }

    /**
     * The most heap the child used, before any collection or at its exit, and the most it kept after a collection.
     */
    static long[] peakHeap(Path gcLog) throws IOException {
        long peak = 0;
        long live = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC.matcher(line);
            if (line.contains("Pause") && m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)) * unit(m.group(2)));
                if (line.contains("Pause Young") || line.contains("Pause Full")) {
                    // After a collection (a remark or cleanup pause collects nothing: its figures are the heap's).
                    live = Math.max(live, Long.parseLong(m.group(3)) * unit(m.group(4)));
                }
            }
            Matcher u = USED_AT_EXIT.matcher(line);
            if (line.contains("heap") && u.find()) {
                peak = Math.max(peak, Long.parseLong(u.group(1)) << 10);
            }
        }
        return new long[] {peak, live};
    }

    private static long unit(String suffix) {
        return switch (suffix) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            default -> 1L << 30;
        };
    }

    private static String tail(Path output) throws IOException {
        String s = Files.exists(output) ? Files.readString(output) : "";
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}
