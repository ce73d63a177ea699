package org.vss4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one directory where vss4j keeps its links to shadow copy devices ({@link SnapshotMount}), so that none is ever
 * left behind where a user would not look for it, and none is ever taken for another shadow copy:
 * <ul>
 * <li>each process links in a subdirectory of its own, held by a lock on a sibling {@code .lock} file for as long as
 * the process lives;</li>
 * <li>at the first use in a process, the subdirectories of processes that are gone (their lock is free) are swept:
 * their links deleted, never followed;</li>
 * <li>a shutdown hook deletes the process's own links when the JVM exits normally;</li>
 * <li>link names carry the shadow copy id and a number that only grows, and a link is never replaced: a stale link
 * (Windows numbers shadow copy devices anew after a reboot, so an old link to {@code HarddiskVolumeShadowCopy7} may
 * point at another shadow copy now) is never reused.</li>
 * </ul>
 * The directory is {@code <java.io.tmpdir>/vss4j-links}, or the {@code vss4j.linkDirectory} system property.
 */
final class SnapshotLinkDirectory {

    /** The system property naming the link directory. */
    static final String PROPERTY = "vss4j.linkDirectory";

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLinkDirectory.class);
    private static final String LOCK_SUFFIX = ".lock";
    private static volatile SnapshotLinkDirectory current;

    private final Path base;
    private final Path mine;
    private final AtomicLong counter = new AtomicLong();
    /** Held while the process lives; its channel stays open on purpose. */
    @SuppressWarnings({"unused", "FieldCanBeLocal"})
    private final FileLock lock;

    private SnapshotLinkDirectory(Path base) throws IOException {
        this.base = Files.createDirectories(base);
        String name = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        FileChannel channel = FileChannel.open(this.base.resolve(name + LOCK_SUFFIX), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        this.lock = channel.lock();
        this.mine = Files.createDirectory(this.base.resolve(name));
        sweep();
        Runtime.getRuntime().addShutdownHook(new Thread(this::deleteMine, "vss4j-link-cleanup"));
    }

    /** The process's link directory, made (and the stale ones swept) at first use. */
    static SnapshotLinkDirectory current() {
        SnapshotLinkDirectory d = current;
        if (d == null) {
            synchronized (SnapshotLinkDirectory.class) {
                if (current == null) {
                    String configured = System.getProperty(PROPERTY);
                    Path base = configured != null ? Path.of(configured)
                            : Path.of(System.getProperty("java.io.tmpdir"), "vss4j-links");
                    try {
                        current = new SnapshotLinkDirectory(base);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot prepare the shadow copy link directory " + base
                                + " (set -D" + PROPERTY + " to a writable directory)", e);
                    }
                }
                d = current;
            }
        }
        return d;
    }

    /** A name for a new link to {@code snapshotId}, never used before by any process. */
    Path newLink(UUID snapshotId) {
        return mine.resolve(snapshotId + "-" + counter.incrementAndGet());
    }

    /** The process's own subdirectory. */
    Path directory() {
        return mine;
    }

    /** Deletes {@code link} itself (never what it points to). */
    static void deleteLink(Path link) {
        try {
            Files.deleteIfExists(link);
        } catch (IOException e) {
            LOG.warn("could not delete the shadow copy link {}: {}", link, e.toString());
        }
    }

    /** Deletes the subdirectories of processes that are gone, with their links. */
    private void sweep() {
        sweep(base, mine);
    }

    /** Deletes the subdirectories of {@code base} but {@code mine} whose lock is free (their process is gone). */
    static void sweep(Path base, Path mine) {
        try (DirectoryStream<Path> locks = Files.newDirectoryStream(base, "*" + LOCK_SUFFIX)) {
            for (Path lockFile : locks) {
                String name = lockFile.getFileName().toString();
                Path dir = base.resolve(name.substring(0, name.length() - LOCK_SUFFIX.length()));
                if (!dir.equals(mine)) {
                    sweepIfAbandoned(lockFile, dir);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not sweep stale shadow copy links in {}: {}", base, e.toString());
        }
    }

    private static void sweepIfAbandoned(Path lockFile, Path dir) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return;
            }
            try {
                LOG.info("removing stale shadow copy links of an ended process in {}", dir);
                deleteLinks(dir);
            } finally {
                held.release();
            }
        } catch (OverlappingFileLockException e) {
            return;
        } catch (IOException e) {
            LOG.warn("could not sweep {}: {}", dir, e.toString());
            return;
        }
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", lockFile, e.toString());
        }
    }

    /** Deletes every entry of {@code dir} without following it (they are links), then {@code dir}. */
    private static void deleteLinks(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                Files.delete(e);
            }
        }
        Files.delete(dir);
    }

    private void deleteMine() {
        try {
            deleteLinks(mine);
        } catch (IOException e) {
            LOG.warn("could not remove the shadow copy links in {}: {}", mine, e.toString());
        }
    }
}
