package org.vss4j.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vss4j.BackupType;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ItemKind;

/**
 * The large files of {@link LargeFileBandwidthBenchmark} and its smoke test, and one {@code vss backup} of them: the
 * session and {@link SessionBackupSet} as {@code BackupCommand} drives them, on the simulated volume D:\ of the
 * installed machine.
 */
final class LargeFileBackups {

    /** The unit the files are written in, and the run of zeros of the file with holes (every fourth one). */
    static final int CHUNK = 1 << 20;

    /** One backup: the shadow copies of the files, the time of the copy, the set. */
    record Backup(List<Path> copies, long nanos, BackupSetInfo set) {
    }

    /** Runs between the session's start (the shadow copies exist) and the copy, with the files in the copies. */
    interface BeforeCopy {
        void run(List<Path> copies) throws IOException, InterruptedException;
    }

    private LargeFileBackups() {
    }

    /**
     * Writes {@code count} files of {@code bytes} each under {@code volume}: random, incompressible data; the last
     * one (when there are two or more) with every fourth MiB all zeros, so that the set's sparse writing has holes to
     * make.
     */
    static List<Path> makeFiles(Path volume, int count, long bytes) throws IOException {
        List<Path> files = new ArrayList<>();
        byte[] chunk = new byte[CHUNK];
        for (int i = 0; i < count; i++) {
            Path f = volume.resolve("large-" + i + ".bin");
            boolean holes = count > 1 && i == count - 1;
            SplittableRandom random = new SplittableRandom(0x5eed_0000L + i);
            try (OutputStream out = Files.newOutputStream(f)) {
                long left = bytes;
                for (long c = 0; left > 0; c++) {
                    int n = (int) Math.min(CHUNK, left);
                    if (holes && c % 4 == 3) {
                        java.util.Arrays.fill(chunk, 0, n, (byte) 0);
                    } else {
                        fill(random, chunk, n);
                    }
                    out.write(chunk, 0, n);
                    left -= n;
                }
            }
            files.add(f);
        }
        return files;
    }

    private static void fill(SplittableRandom random, byte[] b, int n) {
        int at = 0;
        for (; at + 8 <= n; at += 8) {
            long v = random.nextLong();
            for (int k = 0; k < 8; k++) {
                b[at + k] = (byte) (v >>> (8 * k));
            }
        }
        for (; at < n; at++) {
            b[at] = (byte) random.nextInt();
        }
    }

    /**
     * A copy backup of the volume D:\ into the set {@code setId} of {@code media}, without writers (the files are the
     * volume's own); {@code beforeCopy} runs once the shadow copies exist, and the time taken is that of
     * {@link SessionBackupSet#backUp(BackupSession, Path, BackupSetRequest)}: from the end of {@code DoSnapshotSet}
     * to the set published and the session completed.
     */
    static Backup backUp(Path media, String setId, BeforeCopy beforeCopy) throws IOException, InterruptedException {
        try (BackupSession s = BackupSession.builder().volumes("D:\\").withoutWriters().type(BackupType.COPY)
                .phaseTimeout(Duration.ofMinutes(30)).start()) {
            List<Path> copies = s.items().stream().filter(i -> i.kind() == ItemKind.FILE).map(BackupItem::inSnapshot)
                    .sorted().toList();
            beforeCopy.run(copies);
            long t = System.nanoTime();
            BackupSetInfo set = SessionBackupSet.backUp(s, media, new BackupSetRequest(setId, List.of("D:\\"),
                    null));
            return new Backup(copies, System.nanoTime() - t, set);
        }
    }
}
