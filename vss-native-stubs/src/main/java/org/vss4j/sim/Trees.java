package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Deleting host directory trees without following links: a shadow copy, what a failed clone left, a volume. */
final class Trees {

    private Trees() {
    }

    /**
     * Deletes {@code dir} and everything in it (links as links), counting each file into {@code files}. Where the
     * host offers it (Linux), each directory is deleted relative to its open parent ({@link SecureDirectoryStream}:
     * openat, unlinkat), so a tree deeper than the host's longest path name (4096 bytes on Linux: the copies of a
     * volume made into itself, which stopped with "File name too long") is deleted too.
     */
    static void delete(Path dir, FileProgress files) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(dir);
                files.fileDone();
                return;
            }
            boolean relative;
            try (DirectoryStream<Path> top = Files.newDirectoryStream(dir)) {
                relative = top instanceof SecureDirectoryStream;
                if (relative) {
                    deleteContents((SecureDirectoryStream<Path>) top, files);
                }
            }
            if (relative) {
                Files.delete(dir);
            } else {
                walkAndDelete(dir, files);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete snapshot directory " + dir, e);
        }
    }

    private static void deleteContents(SecureDirectoryStream<Path> dir, FileProgress files) throws IOException {
        // The names first: deleting entries while the directory is being read may skip some.
        List<Path> names = new ArrayList<>();
        for (Path entry : dir) {
            names.add(entry.getFileName());
        }
        for (Path name : names) {
            BasicFileAttributes attrs = dir.getFileAttributeView(name, BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes();
            if (attrs.isDirectory()) {
                try (SecureDirectoryStream<Path> sub = dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
                    deleteContents(sub, files);
                }
                dir.deleteDirectory(name);
            } else {
                dir.deleteFile(name);
                files.fileDone();
            }
        }
    }

    private static void walkAndDelete(Path dir, FileProgress files) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                files.fileDone();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Empties {@code dir} but for {@code keep} (absolute paths; those outside {@code dir} change nothing): each kept
     * path stays whole, and so do the directories on the way to it, emptied of everything else.
     */
    static void clearExcept(Path dir, Set<Path> keep, FileProgress files) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (keep.contains(entry)) {
                    continue;
                }
                if (keep.stream().anyMatch(k -> k.startsWith(entry))
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    clearExcept(entry, keep, files);
                } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    delete(entry, files);
                } else {
                    Files.delete(entry);
                    files.fileDone();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
