package org.vss4j.media;

import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/** The names in a media directory (docs/backup-sets.md, "Layout") and the file-system steps shared by writer and reader. */
final class MediaLayout {

    static final String DATA = "data.tar";
    static final String CATALOG = "catalog.db";
    static final String DOCUMENTS = "documents";
    static final String BACKUP_COMPONENTS = "backup-components.xml";
    static final String WRITERS = "writers";
    static final String PARTIAL_PREFIX = ".partial-";
    static final String LOCK_SUFFIX = ".lock";
    /** The marker the writer creates first in a set's directory: only a directory holding it is ever swept. */
    static final String FORMAT = "vss-backup-set";
    static final String FORMAT_TEXT = "vss4j backup set, format 1\n";

    private static final Pattern SET_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    private MediaLayout() {
    }

    /** Whether {@code setId} is a valid set id ({@link #checkSetId}). */
    static boolean isSetId(String setId) {
        return setId != null && SET_ID.matcher(setId).matches();
    }

    /** {@code setId} if it is a valid set id (letters, digits, {@code - _ .}, not starting with {@code .}). */
    static String checkSetId(String setId) {
        if (setId == null || !SET_ID.matcher(setId).matches()) {
            throw new IllegalArgumentException("not a backup set id: " + setId
                    + " (letters, digits, '-', '_' and '.', not starting with '.')");
        }
        return setId;
    }

    static Path partialDir(Path media, String setId) {
        return media.resolve(PARTIAL_PREFIX + setId);
    }

    static Path lockFile(Path media, String setId) {
        return media.resolve(PARTIAL_PREFIX + setId + LOCK_SUFFIX);
    }

    /**
     * Whether {@code p} is a symbolic link or another reparse point, never to be written through nor descended into.
     * On Windows Java reports a junction or a volume mount point as a directory (and {@code isOther}) even without
     * following links, so the Win32 attribute {@code FILE_ATTRIBUTE_REPARSE_POINT} (0x400, winnt.h; Microsoft docs,
     * "File Attribute Constants") is read too where the file system has DOS attributes. A path that does not exist is
     * no reparse point.
     */
    static boolean isReparsePoint(Path p) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
        if (a.isSymbolicLink() || a.isOther()) {
            return true;
        }
        return a instanceof java.nio.file.attribute.DosFileAttributes && (dosAttributes(p) & REPARSE_POINT) != 0;
    }

    private static final int REPARSE_POINT = 0x400;

    private static int dosAttributes(Path p) {
        try {
            Object v = Files.getAttribute(p, "dos:attributes", java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return v instanceof Integer i ? i : 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }

    /**
     * The attributes that make a new directory of a set owner-only ({@code rwx------}) where the file system has POSIX
     * permissions: the backup read its files with backup semantics, whatever their own permissions said, so the set
     * must not let every local user read them. None elsewhere: on Windows a new file or directory inherits the ACL of
     * MEDIA (docs/backup-sets.md, "Layout").
     */
    static FileAttribute<?>[] ownerOnlyDirectory() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------"))} : new FileAttribute<?>[0];
    }

    /** As {@link #ownerOnlyDirectory}, for a new file of a set: {@code rw-------}. */
    static FileAttribute<?>[] ownerOnlyFile() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Flushes {@code file}'s data and metadata to the device (fsync). */
    static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /**
     * Flushes a directory's entries (fsync on the directory), where the OS lets a directory be opened: Linux and
     * macOS do; Windows does not (opening a directory as a file fails there), and NTFS journals its metadata.
     *
     * @throws IOException if the directory was opened and flushing it failed
     */
    static void forceDirectory(Path dir) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException cannotOpen) {
            // Not possible on this OS: nothing more can be done than the files' own flushes.
            return;
        }
        // Opened: a failing fsync is a real failure (the entries may not be on the device), reported to the caller.
        try (ch) {
            ch.force(true);
        }
    }

    /**
     * Removes {@code dir} and everything under it. A symbolic link, junction or other reparse point is removed itself,
     * never descended into ({@link #isReparsePoint}): on Windows a walk sees a junction as a directory.
     */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (attrs.isOther() || isReparsePoint(d)) {
                    Files.deleteIfExists(d); // the link, not what it leads to
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof NoSuchFileException)) {
                    throw exc;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
