package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the links ended processes left, without deleting, following or sweeping anything. */
class StaleSnapshotLinksTest {

    @TempDir
    Path base;
    @TempDir
    Path shadow;

    private Path processDirectory(String name, UUID snapshot) throws IOException {
        Files.createFile(base.resolve(name + ".lock"));
        Path dir = Files.createDirectory(base.resolve(name));
        Files.createSymbolicLink(dir.resolve(snapshot + "-1"), shadow);
        return dir;
    }

    @Test
    void theLinksOfAnEndedProcessAreListedAndLeftInPlace() throws IOException {
        UUID id = UUID.randomUUID();
        Path dir = processDirectory("4242-dead", id);
        Files.writeString(dir.resolve("notes.txt"), "not a link");

        var found = StaleSnapshotLinks.find(base);

        assertThat(found).singleElement().satisfies(l -> {
            assertThat(l.link()).isEqualTo(dir.resolve(id + "-1"));
            assertThat(l.snapshotId()).isEqualTo(id);
            assertThat(l.target()).isEqualTo(shadow.toString());
        });
        assertThat(Files.isSymbolicLink(dir.resolve(id + "-1"))).isTrue();
        assertThat(base.resolve("4242-dead.lock")).exists();
        // The lock taken to know the process ended was released: a sweep can still take it.
        try (FileChannel ch = FileChannel.open(base.resolve("4242-dead.lock"), StandardOpenOption.WRITE);
                FileLock lock = ch.tryLock()) {
            assertThat(lock).isNotNull();
        }
    }

    @Test
    void aLiveProcessesLinksAreNotStale() throws IOException {
        processDirectory("77-alive", UUID.randomUUID());
        try (FileChannel ch = FileChannel.open(base.resolve("77-alive.lock"), StandardOpenOption.WRITE);
                FileLock held = ch.lock()) {
            assertThat(StaleSnapshotLinks.find(base)).isEmpty();
            assertThat(held.isValid()).isTrue();
        }
    }

    @Test
    void aMissingDirectoryHasNoStaleLinksAndIsNotMade() throws IOException {
        Path missing = base.resolve("never-made");
        assertThat(StaleSnapshotLinks.find(missing)).isEmpty();
        assertThat(Files.exists(missing, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void theDirectoryIsTheConfiguredOne() {
        String before = System.getProperty("vss4j.linkDirectory");
        try {
            System.setProperty("vss4j.linkDirectory", base.toString());
            assertThat(StaleSnapshotLinks.directory()).isEqualTo(base);
            System.clearProperty("vss4j.linkDirectory");
            assertThat(StaleSnapshotLinks.directory()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"),
                    "vss4j-links-" + LinkDirectoryLocation.fileNamePart(System.getProperty("user.name"))));
        } finally {
            if (before != null) {
                System.setProperty("vss4j.linkDirectory", before);
            }
        }
    }
}
