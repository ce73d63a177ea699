package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.vss4j.files.ReparseTag;

/**
 * A mounted folder on the host: a directory of one volume that leads to the root of another (Microsoft docs,
 * "Mounted Folders"). It is a host symbolic link, so that reading through it reaches the mounted volume, and a
 * {@code IO_REPARSE_TAG_MOUNT_POINT} fact of the volume it is in, so that {@code FindFirstFileW} lists it as Windows
 * does.
 */
final class MountFolders {

    private MountFolders() {
    }

    /**
     * Makes {@code folder} (below {@code on}'s root) a mount point of the volume whose directory is {@code mounted}.
     * The folder may not exist yet (it is made), be an empty directory (as {@code SetVolumeMountPoint} requires; it
     * becomes the link), or already be a link to {@code mounted} (made by a test, by {@code ExposeSnapshot} or by an
     * earlier process).
     *
     * @throws IllegalArgumentException if the folder is a file, a directory that is not empty, or a link elsewhere
     */
    static void mount(Volume on, String folder, Path mounted) {
        String key = FileSystemFacts.key(folder);
        Path link = on.root().resolve(key);
        try {
            if (Files.isSymbolicLink(link)) {
                if (!leadsTo(link, mounted)) {
                    throw new IllegalArgumentException("the mounted folder " + link + " is a link, but not to "
                            + mounted);
                }
            } else if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
                if (!ExposureLinks.isEmptyDirectory(link)) {
                    throw new IllegalArgumentException("a mounted folder must be an empty directory: " + link);
                }
                Files.delete(link);
                Files.createSymbolicLink(link, mounted);
            } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException("a mounted folder must be a directory, not a file: " + link);
            } else {
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, mounted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mount " + mounted + " at " + link, e);
        }
        on.facts().recordLink(key, ReparseTag.MOUNT_POINT.value(), true);
    }

    private static boolean leadsTo(Path link, Path mounted) {
        try {
            return Files.isSameFile(link, mounted);
        } catch (IOException e) {
            return false;
        }
    }
}
