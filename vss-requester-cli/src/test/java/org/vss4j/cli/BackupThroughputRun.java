package org.vss4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.vss4j.BackupType;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.BackupSetRequest;
import org.vss4j.media.SessionBackupSet;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupSession;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * One round of the backup of many small files ({@link BackupThroughputBenchmark}, docs/performance.md): a tree on
 * the simulated volume {@code C:\}, backed up as {@code vss backup 'C:\data'} does it, then the reference tools on
 * the same shadow copy, and the whole command in this JVM.
 */
final class BackupThroughputRun {

    /** The source the user names, as in {@code vss backup 'C:\data'}. */
    static final String SOURCE = "C:\\data";

    /** The copy's CPU time on this thread, which the machine's load does not inflate as it does the wall time. */
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final Path work;
    private final Path volume;
    private final Path state;
    private int sets;

    /** What the session's part of one backup gave: its copy window, the set, and the reference tools' times. */
    record Session(double seconds, double fileListSeconds, double copyCpuSeconds, BackupSetInfo set, String setId,
            int items, double tarSeconds, double sha256Seconds) {
    }

    /** {@code work}: an empty directory for the volume ({@code work/c}), the media and the simulator's state. */
    BackupThroughputRun(Path work) throws IOException {
        this.work = work;
        this.volume = Files.createDirectories(work.resolve("c"));
        this.state = Files.createDirectories(work.resolve("state"));
    }

    Path volume() {
        return volume;
    }

    Path media() {
        return work.resolve("media");
    }

    /** {@code files} files of {@code size} bytes under {@code C:\data}, spread over {@code dirs} directories. */
    void makeTree(int files, int dirs, int size) throws IOException {
        byte[] content = new byte[size];
        for (int i = 0; i < size; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        for (int d = 0; d < dirs; d++) {
            Path dir = Files.createDirectories(volume.resolve("data").resolve("d" + d));
            for (int f = d; f < files; f += dirs) {
                content[0] = (byte) ('0' + f % 10); // not all equal
                Files.write(dir.resolve("f" + f + ".dat"), content);
            }
        }
    }

    /**
     * The backup through the session and {@link SessionBackupSet}, as {@link BackupCommand} runs it (copy type, the
     * components whose files are all shadow-copied), on a machine whose state is in {@code work/state}. Its time is
     * from {@code DoSnapshotSet} done to the set published (the {@code FILE_LIST} phase, then the copy until
     * {@code SetBackupSucceeded} starts). Between the two, the shadow copy's directory of {@code C:\data} is given
     * to {@code tar -cf} and to {@code sha256sum} of each of its files, when {@code reference} is true; their time
     * is not the backup's.
     */
    Session backUpInSession(boolean reference) throws IOException, InterruptedException {
        SimulatedMachine machine = SimulatedMachine.persistentAt(state);
        SimulatedMachine previous = SimulatedMachine.install(machine);
        try {
            machine.addVolume(volume, "C:\\");
            long[] marks = new long[3];
            String setId = "set-" + (++sets);
            BackupSetInfo info;
            int items;
            double tar = 0;
            double sha = 0;
            double copyCpu;
            try (BackupSession session = BackupSession.builder().type(BackupType.COPY)
                    .phaseTimeout(Duration.ofMinutes(30)).directories(SOURCE).allComponentsOnSetVolumes()
                    .listener(e -> mark(e, marks)).start()) {
                items = session.items().size();
                if (reference) {
                    Path snapshot = snapshotDirectory(session.items());
                    long t = System.nanoTime();
                    Path out = work.resolve("reference.tar");
                    run("tar", "-cf", out.toString(), "-C", snapshot.getParent().toString(),
                            snapshot.getFileName().toString());
                    tar = (System.nanoTime() - t) / 1e9;
                    t = System.nanoTime();
                    run("sh", "-c", "find '" + snapshot + "' -type f -print0 | xargs -0 sha256sum > /dev/null");
                    sha = (System.nanoTime() - t) / 1e9;
                    Files.delete(out);
                }
                marks[1] = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                info = SessionBackupSet.backUp(session, media(), new BackupSetRequest(setId, List.of(SOURCE), null));
                copyCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
            }
            VssSimulatorExtension.verifyNoLeaks(machine);
            double seconds = (marks[0] + (marks[2] - marks[1])) / 1e9;
            return new Session(seconds, marks[0] / 1e9, copyCpu, info, setId, items, tar, sha);
        } finally {
            SimulatedMachine.install(previous);
            machine.close();
        }
    }

    /** marks[0]: the FILE_LIST phase's time; marks[2]: when SetBackupSucceeded starts (the set is published). */
    private static void mark(BackupEvent e, long[] marks) {
        if (e instanceof BackupEvent.PhaseFinished f && f.phase() == BackupPhase.FILE_LIST) {
            marks[0] = f.elapsed().toNanos();
        } else if (e instanceof BackupEvent.PhaseStarted s && s.phase() == BackupPhase.SET_BACKUP_SUCCEEDED) {
            marks[2] = System.nanoTime();
        }
    }

    /** The shadow copy's {@code data} directory: the common ancestor of the items' paths in the shadow copy. */
    private static Path snapshotDirectory(List<BackupItem> items) {
        Path common = items.get(0).inSnapshot().getParent();
        for (BackupItem i : items) {
            while (!i.inSnapshot().startsWith(common)) {
                common = common.getParent();
            }
        }
        return common;
    }

    /** {@code vss backup 'C:\data' --to MEDIA} in this JVM, on the same volume and state; the seconds it took. */
    double wholeCommand() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t = System.nanoTime();
        int exit = VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "backup", SOURCE,
                "--to", media().toString(), "--sim-volume", "C:\\=" + volume, "--sim-state", state.toString());
        double seconds = (System.nanoTime() - t) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("vss backup exited " + exit + ": " + err);
        }
        sets++;
        return seconds;
    }

    /** Removes the sets written so far (the media directory). */
    void clearMedia() throws IOException, InterruptedException {
        if (Files.exists(media())) {
            run("rm", "-rf", media().toString());
        }
    }

    /** The number of regular files under {@code dir}. */
    static long regularFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(new ArrayList<>(List.of(command)) + " failed (" + Instant.now() + ")");
        }
    }
}
