package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a shadow copy's directory goes when it is deleted: renamed into {@code trash/<process>/} of the snapshot
 * directory (one atomic rename, whatever the size of the tree, on the caller's thread), then deleted by a daemon
 * thread. {@code <process>} is this store's own folder, locked ({@code <process>.lock}) while the store lives: the
 * store that opens the directory next removes every folder whose lock no live process holds, also in the background.
 */
final class TrashBin {

    private static final Logger LOG = LoggerFactory.getLogger(TrashBin.class);

    /** The trash folder's name in the snapshot directory: not a GUID, so never taken for a copy (StateRecovery). */
    static final String NAME = "trash";

    private final Path trash;
    /** One daemon thread at most, gone after a second idle: a store that deletes nothing has none. */
    private final ThreadPoolExecutor deleter;
    private final Queue<Future<?>> pending = new ConcurrentLinkedQueue<>();
    /** This store's folder in the trash and its lock; null until the first deletion. */
    private Path own;
    private HeldLock ownLock;

    TrashBin(Path snapshotRoot) {
        this.trash = snapshotRoot.resolve(NAME);
        this.deleter = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "vss4j-sim-trash");
            t.setDaemon(true);
            return t;
        });
        deleter.allowCoreThreadTimeOut(true);
    }

    /**
     * Moves {@code dir} into this store's trash folder and deletes it in the background, reporting to
     * {@code progress} from there ({@link ProgressListener.Phase#SHADOW_COPY_DELETION}); false if it cannot be moved
     * (nothing changed: the caller deletes it in place).
     */
    synchronized boolean discard(Path dir, ProgressListener progress) {
        Path target;
        try {
            Path folder = ownFolder();
            if (folder == null) {
                return false;
            }
            target = folder.resolve(dir.getFileName() + "-" + UUID.randomUUID());
            Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            return false;
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("cannot move {} into the trash ({}); deleting it in place", dir, e.toString());
            return false;
        }
        pending.add(deleter.submit(() -> {
            try (FileProgress files = FileProgress.over(progress, ProgressListener.Phase.SHADOW_COPY_DELETION,
                    target, java.util.Set.of())) {
                Trees.delete(target, files);
                files.finish();
            } catch (RuntimeException e) {
                LOG.warn("cannot delete the released shadow copy {}: {}; the next start removes it", target,
                        e.toString());
            }
        }));
        return true;
    }

    /** This store's folder, made (with its lock taken first) on first use; null where the trash is unusable. */
    private Path ownFolder() throws IOException {
        if (own != null) {
            return own;
        }
        Files.createDirectories(trash);
        if (!Files.isDirectory(trash, LinkOption.NOFOLLOW_LINKS)) {
            // A link: deleting behind it would delete elsewhere.
            LOG.warn("{} is not a directory; shadow copies are deleted in place", trash);
            return null;
        }
        String name = UUID.randomUUID().toString();
        HeldLock lock = HeldLock.tryTake(trash.resolve(name + ".lock"));
        if (lock == null) {
            return null;
        }
        Path folder = trash.resolve(name);
        try {
            Files.createDirectory(folder);
        } catch (IOException e) {
            lock.closeAndDelete();
            throw e;
        }
        ownLock = lock;
        own = folder;
        return own;
    }

    /**
     * Removes, in the background, what stores of processes that died left in the trash: every folder whose lock
     * nobody holds (this JVM's live stores hold theirs).
     */
    void sweepLeftOvers() {
        if (!Files.isDirectory(trash, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        pending.add(deleter.submit(() -> {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(trash)) {
                for (Path e : entries) {
                    String name = e.getFileName().toString();
                    if (name.endsWith(".lock")) {
                        continue;
                    }
                    HeldLock lock = HeldLock.tryTake(trash.resolve(name + ".lock"));
                    if (lock == null) {
                        continue;
                    }
                    try {
                        LOG.info("removing {}, left in the trash by a process that ended", e);
                        Trees.delete(e, FileProgress.silent());
                    } finally {
                        lock.closeAndDelete();
                    }
                }
                // Empty now but for live stores' folders: gone if there are none (a store making its folder meanwhile
                // deletes its copy in place).
                Files.deleteIfExists(trash);
            } catch (java.nio.file.DirectoryNotEmptyException ex) {
                // A live store's folder.
            } catch (IOException | RuntimeException ex) {
                LOG.warn("cannot sweep the trash {}: {}", trash, ex.toString());
            }
        }));
    }

    /** Returns once every deletion started so far has ended (tests; closing the store). */
    void awaitDeletions() {
        Future<?> f;
        while ((f = pending.peek()) != null) {
            try {
                f.get();
            } catch (ExecutionException e) {
                LOG.debug("a trash deletion failed: {}", e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pending.remove(f);
        }
    }

    /** Waits for the deletions, then removes this store's folder and its lock. */
    synchronized void close() {
        awaitDeletions();
        if (own != null) {
            try {
                Trees.delete(own, FileProgress.silent());
            } catch (RuntimeException e) {
                LOG.debug("cannot remove {}: {}", own, e.toString());
            }
            ownLock.closeAndDelete();
            own = null;
            ownLock = null;
        }
        try {
            Files.deleteIfExists(trash);
        } catch (IOException e) {
            // Another store's folder is in it.
        }
    }
}
