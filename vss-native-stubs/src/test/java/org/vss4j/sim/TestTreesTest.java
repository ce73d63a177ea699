package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TestTrees#deleteTree}: everything goes, links are not followed, and a file that stays fails the caller. */
class TestTreesTest {

    @TempDir
    Path temp;

    @Test
    void deletesTheTreeButNotWhatALinkPointsTo() throws IOException {
        Path outside = Files.writeString(temp.resolve("outside.txt"), "kept");
        Path tree = Files.createDirectories(temp.resolve("tree/sub"));
        Files.writeString(tree.resolve("a.txt"), "a");
        Files.createSymbolicLink(tree.resolve("link"), outside);
        TestTrees.deleteTree(temp.resolve("tree"));
        assertThat(temp.resolve("tree")).doesNotExist();
        assertThat(outside).hasContent("kept");
        TestTrees.deleteTree(temp.resolve("tree"));
    }

    @Test
    void aFileThatCannotBeDeletedFailsNamingTheTree() throws IOException {
        Path locked = Files.createDirectories(temp.resolve("tree/locked"));
        Files.writeString(locked.resolve("a.txt"), "a");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // Root may delete in a read-only directory: then there is nothing to see.
            Assumptions.assumeFalse(Files.isWritable(locked), "the directory is writable for this user");
            assertThatThrownBy(() -> TestTrees.deleteTree(temp.resolve("tree")))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining(temp.resolve("tree").toString());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
