package org.vss4j.sim;

import java.io.UncheckedIOException;
import java.nio.file.Path;

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
        // The simulator's own tree deletion: links deleted as links, trees deeper than the host's path limit too.
        try {
            Trees.delete(root, FileProgress.silent());
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot delete the test directory " + root + ": " + e.getCause(),
                    e.getCause());
        }
    }
}
