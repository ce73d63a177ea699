package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Test support next to {@link VssSimulatorExtension}: removes a directory tree a test made (volumes, media, the CLI's
 * state directory). A file that cannot be deleted fails the caller, naming it, rather than being left behind unnoticed
 * on the build machine. Symbolic links are deleted, never followed.
 */
public final class TestTrees {

    private TestTrees() {
    }

    /**
     * Deletes {@code root} and everything under it; nothing if it does not exist.
     *
     * @param root the tree's root
     */
    public static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failed) throws IOException {
                    if (failed != null) {
                        throw failed;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the test directory " + root + ": " + e, e);
        }
    }
}
