package org.vss4j.media;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and removes what killed or failed writers left in a media directory: {@code .partial-<id>} directories whose
 * lock file no process holds locked. The OS releases a file lock when its process dies, so a lock that can be taken
 * belongs to no live writer; one held by this process ({@link OverlappingFileLockException}) or another is a writer at
 * work, and its partial set is left alone.
 */
final class PartialSets {

    private PartialSets() {
    }

    /** Removes the dead writers' partial sets of {@code media}; returns their set ids. */
    static List<String> removeDead(Path media) throws IOException {
        List<String> removed = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(media, MediaLayout.PARTIAL_PREFIX + "*")) {
            ds.forEach(candidates::add);
        }
        for (Path p : candidates) {
            String name = p.getFileName().toString();
            boolean lockFile = name.endsWith(MediaLayout.LOCK_SUFFIX);
            String id = name.substring(MediaLayout.PARTIAL_PREFIX.length(),
                    lockFile ? name.length() - MediaLayout.LOCK_SUFFIX.length() : name.length());
            if (lockFile && Files.exists(MediaLayout.partialDir(media, id))) {
                continue; // handled with its directory
            }
            if (removeIfDead(media, id) && !lockFile) {
                removed.add(id);
            }
        }
        return removed;
    }

    private static boolean removeIfDead(Path media, String id) throws IOException {
        Path lockPath = MediaLayout.lockFile(media, id);
        FileChannel ch;
        try {
            ch = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (NoSuchFileException e) {
            return false;
        }
        try (ch) {
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
                MediaLayout.deleteTree(MediaLayout.partialDir(media, id));
            } finally {
                lock.release();
            }
        }
        Files.deleteIfExists(lockPath);
        return true;
    }
}
