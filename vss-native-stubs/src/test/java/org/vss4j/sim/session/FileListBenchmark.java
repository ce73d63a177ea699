package org.vss4j.sim.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupListener;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupSession;
import org.vss4j.session.BackupSessionBuilder;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;

/**
 * Not a test: the file list of a writer at System-Writer scale against one {@code find} walk of the same tree,
 * printed (docs/performance.md). Runs only with {@code -Dvss4j.bench=true}. A tree of {@code vss4j.bench.files}
 * files (default 100,000) in {@code vss4j.bench.dirs} directories (default 2,000, under 20 parents) is made in
 * {@code vss4j.bench.dir} (default /dev/shm where it exists); one writer declares {@code vss4j.bench.specs} file
 * specs (default 20,000) in 10 components: per directory exact names and wildcards, not recursive, and per parent
 * recursive wildcards, with exclusions of both kinds. Each of {@code vss4j.bench.rounds} rounds (default 5) runs
 * {@code find DIR > /dev/null} and a component-mode {@link BackupSession#builder() session} start (with
 * {@code -Dvss4j.bench.mode=volume}, a volume-mode session of C:\, whose every file's owner is looked up among the
 * writer's file sets), alternately; the
 * session's time is the {@link BackupPhase#FILE_LIST} phase's elapsed ({@link BackupEvent.PhaseFinished}).
 */
@EnabledIfSystemProperty(named = "vss4j.bench", matches = "true")
@ExtendWith(VssSimulatorExtension.class)
class FileListBenchmark {

    private static final int PARENTS = 20;

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void fileListAgainstOneFindWalk(SimulatedMachine machine) throws Exception {
        int files = Integer.getInteger("vss4j.bench.files", 100_000);
        int dirs = Integer.getInteger("vss4j.bench.dirs", 2_000);
        int specs = Integer.getInteger("vss4j.bench.specs", 20_000);
        int rounds = Integer.getInteger("vss4j.bench.rounds", 5);
        boolean volumeMode = "volume".equals(System.getProperty("vss4j.bench.mode", "component"));
        Path shm = Path.of("/dev/shm");
        Path base = Path.of(System.getProperty("vss4j.bench.dir", Files.isDirectory(shm) && Files.isWritable(shm)
                ? shm.toString() : System.getProperty("java.io.tmpdir")));
        Path work = Files.createTempDirectory(base, "vss4j-filelist-");
        try {
            Path volume = Files.createDirectory(work.resolve("c"));
            makeTree(volume, files, dirs);
            machine.addVolume(volume, "C:\\");
            machine.addWriter(writer(dirs, specs));
            Timed find = new Timed("find DIR > /dev/null", rounds);
            Timed findStat = new Timed("find DIR -printf '%s %T@ %m\\n' (stats each)", rounds);
            Timed nioWalk = new Timed("java.nio walk, lstat each (walkFileTree)", rounds);
            Timed lister = new Timed("DirectoryLister.list of every directory", rounds);
            Timed seam = new Timed("  FindNextFileW call path alone (x entries)", rounds);
            Timed phase = new Timed("BackupSession FILE_LIST phase", rounds);
            int items = 0;
            int excluded = 0;
            long entries = 0;
            for (int r = 0; r < rounds; r++) {
                find.external(r, "find '" + volume + "' > /dev/null");
                findStat.external(r, "find '" + volume + "' -printf '%s %T@ %m\\n' > /dev/null");
                long[] walked = {0};
                nioWalk.inThisThread(r, () -> walked[0] = ListingCosts.nioWalk(volume));
                entries = walked[0];
                long[] listed = {0};
                lister.inThisThread(r, () -> listed[0] = ListingCosts.listerWalk(Path.of("C:\\")));
                if (listed[0] != entries) {
                    throw new AssertionError("DirectoryLister found " + listed[0] + " entries, java.nio " + entries);
                }
                int calls = (int) entries;
                seam.inThisThread(r, () -> ListingCosts.findNextAtTheEnd("C:\\p0", calls));
                List<BackupEvent> events = new ArrayList<>();
                long[] cpuAtStart = {0};
                long[] cpu = {0};
                // The phase runs on the thread that starts the session, which also receives the events.
                BackupListener listener = e -> {
                    if (e instanceof BackupEvent.PhaseStarted st && st.phase() == BackupPhase.FILE_LIST) {
                        cpuAtStart[0] = Timed.threadCpu();
                    } else if (e instanceof BackupEvent.PhaseFinished f && f.phase() == BackupPhase.FILE_LIST) {
                        cpu[0] = Timed.threadCpu() - cpuAtStart[0];
                    }
                    events.add(e);
                };
                BackupSessionBuilder b = BackupSession.builder().listener(listener).phaseTimeout(Duration.ofMinutes(30));
                // Volume mode: every file of C:\ is an item, and its owner is looked up among the 20,000 file specs.
                b = volumeMode ? b.volumeMode().volumes("C:\\") : b.components(ComponentSelection.writer("System"));
                try (BackupSession s = b.start()) {
                    items = s.items().size();
                    excluded = s.excluded().size();
                }
                phase.record(r, events.stream().filter(e -> e instanceof BackupEvent.PhaseFinished f
                        && f.phase() == BackupPhase.FILE_LIST).map(e -> ((BackupEvent.PhaseFinished) e).elapsed())
                        .findFirst().orElseThrow().toNanos() / 1e9, cpu[0] / 1e9);
            }
            System.out.printf("%n%s: %d files in %d directories, %d file specs, %s mode, %d rounds; %d items, %d "
                    + "excluded; %d entries in the tree; load %s%n", base, files, dirs, specs,
                    volumeMode ? "volume" : "component", rounds, items, excluded, entries,
                    Timed.load());
            System.out.printf("  %-44s %8s %8s %8s %8s %9s%n", "", "min s", "median s", "min cpu", "med cpu",
                    "cpu us/e");
            for (Timed t : List.of(find, findStat, nioWalk, lister, seam, phase)) {
                t.print(entries);
            }
            System.out.printf("  ratio, phase / find (wall medians; cpu medians)     %8.2f %8.2f%n",
                    phase.medianWall() / find.medianWall(), phase.medianCpu() / find.medianCpu());
            System.out.printf("  ratio, phase / find -printf (wall; cpu)             %8.2f %8.2f%n",
                    phase.medianWall() / findStat.medianWall(), phase.medianCpu() / findStat.medianCpu());
        } finally {
            run("rm", "-rf", work.toString());
        }
    }

    /** Directory {@code i}: {@code p<i % 20>\d<i>}; file {@code j} of it: {@code f<j>.dat}, every 5th {@code .log}. */
    private static String dir(int i) {
        return "p" + (i % PARENTS) + "\\d" + i;
    }

    private static String file(int j) {
        return "f" + j + (j % 5 == 0 ? ".log" : ".dat");
    }

    private static SimulatedWriter writer(int dirs, int specs) {
        int perDir = Math.max(1, (specs - 2 * PARENTS) / dirs);
        List<WriterComponent> components = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            components.add(WriterComponent.fileGroup("", "part" + c));
        }
        SimulatedWriter.Builder b = SimulatedWriter.builder("System");
        for (int p = 0; p < PARENTS; p++) {
            int c = p % 10;
            components.set(c, components.get(c).withFile(FileSpec.of("C:\\p" + p, "*.log", true))
                    .withFile(FileSpec.of("C:\\p" + p, "*.tmp", true)));
            b.exclude(FileSpec.of("C:\\p" + p, "*.bak", true));
        }
        for (int i = 0; i < dirs; i++) {
            String d = "C:\\" + dir(i);
            int c = i % 10;
            WriterComponent w = components.get(c).withFile(FileSpec.of(d, "f1?.dat", false));
            for (int k = 1; k < perDir; k++) {
                w = w.withFile(FileSpec.of(d, file(k * 3 + 1), false));
            }
            components.set(c, w);
            b.exclude(FileSpec.of(d, "f2?.*", false));
            b.exclude(FileSpec.of(d, file(7), false));
        }
        components.forEach(b::component);
        return b.build();
    }

    private static void makeTree(Path root, int files, int dirs) throws IOException {
        byte[] content = {'x'};
        int perDir = Math.max(1, files / dirs);
        for (int i = 0; i < dirs; i++) {
            Path d = Files.createDirectories(root.resolve(dir(i).replace('\\', '/')));
            for (int j = 0; j < perDir; j++) {
                Files.write(d.resolve(file(j)), content);
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
