package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.media.MediaFixtures.add;
import static org.vss4j.media.MediaFixtures.copySet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.media.RestoreReport.Refusal;

/**
 * Reparse points are never written through nor descended into. Linux has symbolic links only; the junction and mount
 * point case (Java sees a directory there) rests on the same check, which reads the DOS attributes on Windows.
 */
class ReparsePointTest {

    @TempDir
    Path root;

    @Test
    void aSymbolicLinkIsAReparsePointAndAPlainFileOrDirectoryIsNot() throws IOException {
        Path dir = Files.createDirectories(root.resolve("dir"));
        Path file = Files.writeString(root.resolve("file"), "x");
        assertThat(MediaLayout.isReparsePoint(Files.createSymbolicLink(root.resolve("toDir"), dir))).isTrue();
        assertThat(MediaLayout.isReparsePoint(Files.createSymbolicLink(root.resolve("toFile"), file))).isTrue();
        assertThat(MediaLayout.isReparsePoint(dir)).isFalse();
        assertThat(MediaLayout.isReparsePoint(file)).isFalse();
        assertThat(MediaLayout.isReparsePoint(root.resolve("missing"))).isFalse();
    }

    @Test
    void aLinkedDirectoryInATreeIsRemovedItselfNotWhatItLeadsTo() throws IOException {
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Path tree = Files.createDirectories(root.resolve("tree/sub"));
        Files.createSymbolicLink(tree.resolve("link"), outside);
        MediaLayout.deleteTree(root.resolve("tree"));
        assertThat(root.resolve("tree")).doesNotExist();
        assertThat(outside.resolve("keep.txt")).hasContent("keep");
    }

    @Test
    void aSymbolicLinkComponentDeepInTheTargetIsRefused(@TempDir Path media, @TempDir Path target) throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            add(w, "data/x/y.txt", "y");
            w.finish();
        }
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createDirectories(target.resolve("D/data"));
        Files.createSymbolicLink(target.resolve("D/data/x"), outside);
        RestoreReport r = BackupSetReader.open(media).restore("s", target, List.of(), true);
        assertThat(r.restored()).isEmpty();
        assertThat(r.refused()).extracting(Refusal::name).contains("D/data/x/y.txt");
        assertThat(r.refused()).allSatisfy(f -> assertThat(f.reason()).contains("D/data/x"));
        assertThat(outside).isEmptyDirectory();
    }
}
