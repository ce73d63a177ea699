package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vss4j.media.MediaFixtures.add;
import static org.vss4j.media.MediaFixtures.copySet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A set whose catalog cannot be created leaves no open file, no partial set and no held lock. */
class WriterStartFailureTest {

    @AfterEach
    void noSeam() {
        BackupSetWriter.beforeCatalog = () -> { };
    }

    @Test
    void aCatalogThatCannotBeCreatedClosesDataTarAndRemovesThePartialSet(@TempDir Path media) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "the open files are listed in /proc/self/fd (Linux)");
        BackupSetWriter.beforeCatalog = () -> {
            throw new IOException("disk full (planned)");
        };
        assertThatThrownBy(() -> BackupSetWriter.start(media, copySet("s1"))).hasMessageContaining("planned");
        assertThat(openFilesUnder(fds, media)).isEmpty();
        assertThat(MediaLayout.partialDir(media, "s1")).doesNotExist();

        BackupSetWriter.beforeCatalog = () -> { };
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s1"))) {
            add(w, "a.txt", "a");
            w.finish();
        }
        assertThat(BackupSetReader.open(media).list()).hasSize(1);
    }

    private static List<String> openFilesUnder(Path fds, Path dir) throws IOException {
        String prefix = dir.toRealPath().toString();
        try (Stream<Path> s = Files.list(fds)) {
            return s.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    return ""; // closed meanwhile (the listing's own descriptor)
                }
            }).filter(t -> t.startsWith(prefix)).toList();
        }
    }
}
