package org.vss4j.cli;

import static org.vss4j.cli.RoundStatistics.median;
import static org.vss4j.cli.RoundStatistics.min;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: {@code vss backup} of many small files against {@code tar -cf} and {@code sha256sum} of the same
 * shadow copy, printed (docs/performance.md, "Backup of many small files"). Runs only with
 * {@code -Dvss4j.bench=true}. A tree of {@code vss4j.bench.files} files (default 100,000) of
 * {@code vss4j.bench.bytes} bytes (default 100) in {@code vss4j.bench.dirs} directories (default 100) is made under
 * {@code C:\data} of a simulated volume in {@code vss4j.bench.dir} (default /dev/shm where it exists). Each of
 * {@code vss4j.bench.rounds} rounds (default 5) runs, in turn, the backup through the session and
 * {@code SessionBackupSet} as {@code vss backup} runs it, timed from DoSnapshotSet done to the set published, with
 * the reference tools run on its shadow copy in between ({@link BackupThroughputRun#backUpInSession}); then, unless
 * {@code vss4j.bench.whole=false}, the whole {@code vss backup 'C:\data'} command in this JVM.
 */
@EnabledIfSystemProperty(named = "vss4j.bench", matches = "true")
class BackupThroughputBenchmark {

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void backupOfManySmallFilesAgainstTarAndSha256sum() throws Exception {
        int files = Integer.getInteger("vss4j.bench.files", 100_000);
        int dirs = Integer.getInteger("vss4j.bench.dirs", 100);
        int bytes = Integer.getInteger("vss4j.bench.bytes", 100);
        int rounds = Integer.getInteger("vss4j.bench.rounds", 5);
        boolean whole = !"false".equals(System.getProperty("vss4j.bench.whole"));
        Path shm = Path.of("/dev/shm");
        Path base = Path.of(System.getProperty("vss4j.bench.dir", Files.isDirectory(shm) && Files.isWritable(shm)
                ? shm.toString() : System.getProperty("java.io.tmpdir")));
        Path work = Files.createTempDirectory(base, "vss4j-throughput-");
        try {
            BackupThroughputRun run = new BackupThroughputRun(work);
            run.makeTree(files, dirs, bytes);
            double[] vss = new double[rounds];
            double[] list = new double[rounds];
            double[] cpu = new double[rounds];
            double[] tar = new double[rounds];
            double[] sha = new double[rounds];
            double[] reference = new double[rounds];
            double[] command = new double[rounds];
            int items = 0;
            for (int r = 0; r < rounds; r++) {
                BackupThroughputRun.Session s = run.backUpInSession(true);
                vss[r] = s.seconds();
                list[r] = s.fileListSeconds();
                cpu[r] = s.copyCpuSeconds();
                tar[r] = s.tarSeconds();
                sha[r] = s.sha256Seconds();
                reference[r] = tar[r] + sha[r];
                items = s.items();
                if (!"complete".equals(s.set().state()) || s.set().files() != files) {
                    throw new IllegalStateException("round " + r + ": set " + s.set().state() + " with "
                            + s.set().files() + " files, not complete with " + files);
                }
                run.clearMedia();
                if (whole) {
                    command[r] = run.wholeCommand();
                    run.clearMedia();
                }
                System.out.printf("round %d: vss %.3f s (file list %.3f, copy CPU %.3f), tar %.3f + sha256sum %.3f,"
                        + " command %.3f%n", r + 1, vss[r], list[r], cpu[r], tar[r], sha[r], command[r]);
            }
            double ref = median(reference);
            System.out.printf("%n%s: %d files of %d bytes in %d directories, %d rounds; %d items%n", base, files,
                    bytes, dirs, rounds, items);
            System.out.printf("  %-48s %8s %8s %9s%n", "", "min s", "median s", "x ref");
            row("tar -cf OUT DIR", tar, ref);
            row("sha256sum of every file", sha, ref);
            row("reference: tar + sha256sum", reference, ref);
            row("vss4j: DoSnapshotSet done to set published", vss, ref);
            row("  of which the FILE_LIST phase", list, ref);
            row("  the copy's CPU time (main thread)", cpu, ref);
            if (whole) {
                row("vss backup 'C:\\data' (whole command, in process)", command, ref);
            }
        } finally {
            BackupThroughputRun.run("rm", "-rf", work.toString());
        }
    }

    private static void row(String what, double[] s, double reference) {
        System.out.printf("  %-48s %8.3f %8.3f %9.3f%n", what, min(s), median(s), median(s) / reference);
    }
}
