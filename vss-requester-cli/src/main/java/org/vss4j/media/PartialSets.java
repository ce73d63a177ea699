package org.vss4j.media;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and removes what killed or failed writers left in a media directory: {@code .partial-<id>} directories (a
 * valid set id, holding the writer's {@link MediaLayout#FORMAT} marker) whose lock file no process holds locked, and
 * lone {@code .partial-<id>.lock} files no process holds. Nothing else is touched: the media directory may be a
 * user's own folder. The OS releases a file lock when its process dies, so a lock that can be taken belongs to no
 * live writer; one held by this process ({@link OverlappingFileLockException}) or another is a writer at work.
 * Everything runs under the {@link MediaLock}, which writers hold while they create a partial set and its lock file and
 * while they retire them: under it a marked partial directory without a lock file is dead.
 */
final class PartialSets {

    /** Test seam: runs just before a sweep deletes a dead lock file. */
    static volatile Runnable beforeLockFileDeleted = () -> { };

    private PartialSets() {
    }

    /** Removes the dead writers' partial sets of {@code media}; returns their set ids. */
    static List<String> removeDead(Path media) throws IOException {
        List<String> removed = new ArrayList<>();
        if (!anyPartial(media)) {
            return removed; // nothing to sweep: the media is only read (it may be read-only)
        }
        MediaLock mediaLock;
        try {
            mediaLock = MediaLock.take(media);
        } catch (java.nio.file.FileSystemException e) {
            return removed; // read-only media (a write-protected disk, a read-only mount): nothing can be swept
        }
        try (mediaLock) {
            List<Path> candidates = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(media, MediaLayout.PARTIAL_PREFIX + "*")) {
                ds.forEach(candidates::add);
            }
            for (Path p : candidates) {
                String name = p.getFileName().toString();
                String rest = name.substring(MediaLayout.PARTIAL_PREFIX.length());
                if (MediaLayout.isSetId(rest) && isMarkedSetDirectory(p)) {
                    if (removeIfDead(media, rest, p)) {
                        removed.add(rest);
                    }
                } else if (rest.endsWith(MediaLayout.LOCK_SUFFIX)) {
                    String id = rest.substring(0, rest.length() - MediaLayout.LOCK_SUFFIX.length());
                    if (MediaLayout.isSetId(id) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                            && !Files.exists(MediaLayout.partialDir(media, id), LinkOption.NOFOLLOW_LINKS)) {
                        removeIfDead(media, id, null);
                    }
                }
            }
        }
        return removed;
    }

    private static boolean anyPartial(Path media) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(media, MediaLayout.PARTIAL_PREFIX + "*")) {
            return ds.iterator().hasNext();
        }
    }

    private static boolean isMarkedSetDirectory(Path p) {
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !MediaLayout.isReparsePoint(p)
                && Files.isRegularFile(p.resolve(MediaLayout.FORMAT), LinkOption.NOFOLLOW_LINKS);
    }

    /** Removes {@code dir} (if not null) and the lock file of {@code id} when no one holds that lock. */
    private static boolean removeIfDead(Path media, String id, Path dir) throws IOException {
        Path lockPath = MediaLayout.lockFile(media, id);
        // Under the media lock no writer can be creating this lock file, so creating it here races with no one.
        try (FileChannel ch = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                return false; // a writer of this process holds it
            }
            if (lock == null) {
                return false; // a writer of another process holds it
            }
            try {
                if (dir != null) {
                    MediaLayout.deleteTree(dir);
                }
            } finally {
                lock.release();
            }
        }
        beforeLockFileDeleted.run();
        Files.deleteIfExists(lockPath); // still under the media lock: no writer can have opened it since
        return true;
    }
}
