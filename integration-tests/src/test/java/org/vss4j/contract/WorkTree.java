package org.vss4j.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vss4j.files.DirectoryEntry;
import org.vss4j.files.DirectoryLister;
import org.vss4j.files.ReparseTag;

/**
 * A test's work directory, walked the way a Windows backup walks a tree: each directory listed with
 * {@code FindFirstFileW} through the export seam, each entry judged by its attributes and reparse tag, never by
 * java.nio's file kind. The JDK on Windows calls a junction or a mounted folder a directory (and "other"), so
 * {@code Files.walk} descends into it, and a recursive delete through it deletes what it leads to: the live volume
 * behind a junction, or a shadow copy exposed at a mounted folder. Here:
 * <ul>
 * <li>a symbolic link (file or directory) is deleted itself, never followed;</li>
 * <li>any other directory that is a reparse point (a junction, a volume mount point, an exposed shadow copy) is never
 * entered and never deleted: it is reported, and the directories above it stay;</li>
 * <li>a file is deleted (deleting a file never follows a reparse point it carries).</li>
 * </ul>
 */
final class WorkTree {

    private WorkTree() {
    }

    /** The directories below {@code dir} that are reparse points other than symbolic links (never entered). */
    static List<Path> mountPoints(Path dir) throws IOException {
        List<Path> found = new ArrayList<>();
        walk(dir, found, false);
        return found;
    }

    /**
     * Deletes {@code dir} and everything in it but the mount points and junctions ({@link #mountPoints}).
     *
     * @throws IOException naming what was left in place, if anything was; or if a deletion failed
     */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> left = new ArrayList<>();
        walk(dir, left, true);
        if (!left.isEmpty()) {
            throw new IOException("left in place (never entered: a junction or mounted folder, which must be "
                    + "unexposed or unmounted first): " + left);
        }
    }

    /** Returns whether {@code dir} is now deleted (when {@code delete}); adds what it will not enter to {@code kept}. */
    private static boolean walk(Path dir, List<Path> kept, boolean delete) throws IOException {
        boolean empty = true;
        for (DirectoryEntry e : DirectoryLister.list(dir)) {
            Path child = dir.resolve(e.name());
            if (!Files.exists(child, LinkOption.NOFOLLOW_LINKS)) {
                // Listed but not there: it vanished meanwhile, or it is a volume root's virtual entry.
                continue;
            }
            if (e.isReparsePoint() && e.isDirectory() && e.reparseTag() != ReparseTag.SYMLINK.value()) {
                kept.add(child);
                empty = false;
            } else if (e.isDirectory() && !e.isReparsePoint()) {
                empty &= walk(child, kept, delete);
            } else if (delete) {
                // A file, or a link of either kind: Files.delete removes the entry itself.
                Files.delete(child);
            }
        }
        if (delete && empty) {
            Files.delete(dir);
            return true;
        }
        return false;
    }
}
