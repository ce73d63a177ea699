package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The host side of an exposed shadow copy: a symbolic link from where the exposed name resolves (a mounted folder, or a
 * drive letter's or share's entry under the machine's exposure directory) to the snapshot directory, so that the
 * exposed name can be read with ordinary {@code java.nio.file} I/O, as a mounted read-only volume can on Windows
 * (Microsoft docs, "Exposing and Surfacing Shadow Copied Volumes").
 */
public final class ExposureLinks {

    private ExposureLinks() {
    }

    /**
     * Whether {@code dir} is an existing, empty directory (what Windows requires of a mounted folder).
     *
     * @param dir the directory
     * @return true if it is a directory (not a link) and has no entries
     */
    public static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes {@code link} point to {@code target}; {@code replaceEmptyDirectory}: {@code link} is an empty directory (a
     * mounted folder) that the link takes the place of.
     */
    static void create(Path link, Path target, boolean replaceEmptyDirectory) {
        try {
            if (replaceEmptyDirectory) {
                Files.delete(link);
            } else {
                Files.createDirectories(link.getParent());
            }
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot expose " + target + " at " + link, e);
        }
    }

    /** Removes the link of {@code e}; a mounted folder gets its empty directory back. */
    static void remove(Exposure e) {
        try {
            Files.deleteIfExists(e.link());
            if (e.replacedEmptyDirectory()) {
                Files.createDirectory(e.link());
            }
        } catch (IOException x) {
            throw new UncheckedIOException("cannot unexpose " + e.name() + " at " + e.link(), x);
        }
    }
}
