package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotLinkDirectoryTest {

    @TempDir
    Path base;
    @TempDir
    Path shadow;

    private Path processDirectory(String name) throws IOException {
        Files.createFile(base.resolve(name + ".lock"));
        Path dir = Files.createDirectory(base.resolve(name));
        Files.createSymbolicLink(dir.resolve("snapshot-1"), shadow);
        return dir;
    }

    @Test
    void theLinksOfAnEndedProcessAreSweptWithoutFollowingThem() throws IOException {
        Files.writeString(shadow.resolve("frozen.txt"), "must survive");
        Path stale = processDirectory("4242-dead");

        SnapshotLinkDirectory.sweep(base, base.resolve("mine"));

        assertThat(Files.exists(stale, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(base.resolve("4242-dead.lock")).doesNotExist();
        assertThat(shadow.resolve("frozen.txt")).hasContent("must survive");
    }

    @Test
    void theLinksOfALiveProcessAndOurOwnAreKept() throws IOException {
        Path live = processDirectory("77-alive");
        Path mine = processDirectory("88-mine");
        try (FileChannel ch = FileChannel.open(base.resolve("77-alive.lock"), StandardOpenOption.WRITE);
                FileLock held = ch.lock()) {
            SnapshotLinkDirectory.sweep(base, mine);
            assertThat(held.isValid()).isTrue();
        }
        assertThat(Files.isSymbolicLink(live.resolve("snapshot-1"))).isTrue();
        assertThat(Files.isSymbolicLink(mine.resolve("snapshot-1"))).isTrue();
    }
}
