package org.vss4j.contract;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.BackupComponents;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotProperties;

/**
 * The end of a contract test: first what VSS put into the work directory is taken out the documented way, then the
 * directory is deleted without entering anything that leads elsewhere ({@link WorkTree}).
 * <ol>
 * <li>Every shadow copy exposed at a mounted folder inside the directory is unexposed
 * ({@code IVssBackupComponentsEx2::UnexposeSnapshot}, found with {@code Query} in {@code VSS_CTX_ALL}). VSS is asked
 * only when the directory holds a mount point, and within {@link #UNEXPOSE_DEADLINE}: after a test that timed out in
 * a native wait, VSS may be stuck, and a cleanup must not hang the run in its turn. If unexposing fails or does not
 * finish, nothing is deleted.</li>
 * <li>The tree is deleted; links are deleted themselves, and a mount point still there is reported, never entered.</li>
 * </ol>
 * Links to shadow copy devices ({@code SnapshotMount}) live in vss4j's own link directory, not here; the tests close
 * their mounts in {@code finally} and {@code BackupComponents.close} closes any left open.
 */
final class WorkDirectoryCleanup {

    static final Duration UNEXPOSE_DEADLINE = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(WorkDirectoryCleanup.class);

    private WorkDirectoryCleanup() {
    }

    /** Cleans up {@code dir}, which VSS names {@code vssDir} (e.g. {@code C:\work\test}). */
    static void run(Path dir, String vssDir) throws IOException {
        if (!WorkTree.mountPoints(dir).isEmpty()) {
            bounded("unexposing the shadow copies exposed inside " + vssDir, () -> unexposeInside(vssDir));
        }
        WorkTree.delete(dir);
    }

    /** Unexposes every shadow copy exposed at a folder inside {@code vssDir}; their ids. */
    static List<String> unexposeInside(String vssDir) {
        List<String> unexposed = new ArrayList<>();
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            // Query sees every shadow copy only in VSS_CTX_ALL (Microsoft docs, "IVssBackupComponents::Query").
            bc.setContext(SnapshotContext.ALL);
            for (SnapshotProperties p : bc.querySnapshots()) {
                if (p.exposedName() != null && isInside(p.exposedName(), vssDir)) {
                    LOG.warn("cleanup: shadow copy {} was left exposed at {}; unexposing it", p.snapshotId(),
                            p.exposedName());
                    bc.unexposeSnapshot(p.snapshotId());
                    unexposed.add(p.snapshotId().toString());
                }
            }
        }
        return unexposed;
    }

    /** Whether the Windows name {@code name} is {@code dir} or below it (names compared case-insensitively). */
    static boolean isInside(String name, String dir) {
        return withBackslash(name).startsWith(withBackslash(dir));
    }

    private static String withBackslash(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.endsWith("\\") ? lower : lower + "\\";
    }

    /** Runs {@code work} on a thread of its own and waits at most {@link #UNEXPOSE_DEADLINE} for it. */
    private static void bounded(String what, java.util.concurrent.Callable<?> work) throws IOException {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vss4j-contract-cleanup");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?> f = executor.submit(work);
            f.get(UNEXPOSE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(what + " did not finish within " + UNEXPOSE_DEADLINE
                    + "; nothing was deleted", e);
        } catch (ExecutionException e) {
            throw new IOException(what + " failed; nothing was deleted", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + " was interrupted; nothing was deleted", e);
        } finally {
            executor.shutdownNow();
        }
    }
}
