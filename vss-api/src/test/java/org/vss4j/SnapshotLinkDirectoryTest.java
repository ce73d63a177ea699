package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotLinkDirectoryTest {

    @TempDir
    Path base;
    @TempDir
    Path shadow;

    private static String linkName() {
        return UUID.randomUUID() + "-1";
    }

    private Path processDirectory(String name) throws IOException {
        Files.createFile(base.resolve(name + ".lock"));
        Path dir = Files.createDirectory(base.resolve(name));
        Files.createSymbolicLink(dir.resolve(linkName()), shadow);
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
        try (Stream<Path> l = Files.list(live); Stream<Path> m = Files.list(mine)) {
            assertThat(l.filter(Files::isSymbolicLink)).hasSize(1);
            assertThat(m.filter(Files::isSymbolicLink)).hasSize(1);
        }
    }

    @Test
    void aLinkPlantedUnderAProcessDirectoryNameIsNotEntered(@TempDir Path victim) throws IOException {
        // A junction on Windows, which the JDK calls a directory; a symbolic link stands for it here.
        Files.writeString(victim.resolve("important.txt"), "must survive");
        Path victimLink = Files.createSymbolicLink(victim.resolve(linkName()), shadow);
        Files.createFile(base.resolve("666-planted.lock"));
        Path planted = Files.createSymbolicLink(base.resolve("666-planted"), victim);

        SnapshotLinkDirectory.sweep(base, base.resolve("mine"));

        assertThat(victim.resolve("important.txt")).hasContent("must survive");
        assertThat(Files.isSymbolicLink(victimLink)).isTrue();
        assertThat(Files.isSymbolicLink(planted)).isTrue();
    }

    @Test
    void aJunctionAsTheJdkReportsItOnWindowsIsNoPlainDirectoryButALink() {
        // WindowsFileAttributes: a junction is isDirectory() and isOther(), not isSymbolicLink().
        BasicFileAttributes junction = attributes(true, false, false, true);
        assertThat(SnapshotLinkDirectory.isPlainDirectory(junction)).isFalse();
        assertThat(SnapshotLinkDirectory.isLink(junction)).isTrue();

        BasicFileAttributes directorySymlink = attributes(false, false, true, false);
        assertThat(SnapshotLinkDirectory.isPlainDirectory(directorySymlink)).isFalse();
        assertThat(SnapshotLinkDirectory.isLink(directorySymlink)).isTrue();

        BasicFileAttributes directory = attributes(true, false, false, false);
        assertThat(SnapshotLinkDirectory.isPlainDirectory(directory)).isTrue();
        assertThat(SnapshotLinkDirectory.isLink(directory)).isFalse();

        BasicFileAttributes file = attributes(false, true, false, false);
        assertThat(SnapshotLinkDirectory.isPlainDirectory(file)).isFalse();
        assertThat(SnapshotLinkDirectory.isLink(file)).isFalse();
    }

    @Test
    void inAnEndedProcessDirectoryOnlyVss4jLinksAreDeleted() throws IOException {
        Path stale = processDirectory("4343-dead");
        Path file = Files.writeString(stale.resolve(linkName()), "a file, not a link");
        Path otherLink = Files.createSymbolicLink(stale.resolve("not-a-vss4j-name"), shadow);
        Path subdirectory = Files.createDirectory(stale.resolve("sub"));
        Path deeper = Files.createSymbolicLink(subdirectory.resolve(linkName()), shadow);

        SnapshotLinkDirectory.sweep(base, base.resolve("mine"));

        assertThat(file).hasContent("a file, not a link");
        assertThat(Files.isSymbolicLink(otherLink)).isTrue();
        assertThat(Files.isSymbolicLink(deeper)).as("never recurses").isTrue();
        try (Stream<Path> left = Files.list(stale)) {
            assertThat(left).containsExactlyInAnyOrder(file, otherLink, subdirectory);
        }
    }

    @Test
    void theProcessDirectoryIsLockedAndPublishedOnlyWhenReady() throws IOException {
        Path links = base.resolve("links");
        new SnapshotLinkDirectory(links, "99-me");

        assertThat(links.resolve("99-me")).isDirectory();
        assertThat(links.resolve("99-me.lock-pending")).doesNotExist();
        try (FileChannel ch = FileChannel.open(links.resolve("99-me.lock"), StandardOpenOption.WRITE)) {
            assertThatThrownBy(ch::tryLock).as("the published lock file is held")
                    .isInstanceOf(OverlappingFileLockException.class);
        }
        SnapshotLinkDirectory.sweep(links, links.resolve("other"));
        assertThat(links.resolve("99-me")).isDirectory();
    }

    @Test
    void aProcessThatHasNotPublishedItsLockIsNotSwept() throws IOException {
        Files.createFile(base.resolve("55-starting.lock-pending"));
        Path starting = Files.createDirectory(base.resolve("55-starting"));
        Path link = Files.createSymbolicLink(starting.resolve(linkName()), shadow);

        SnapshotLinkDirectory.sweep(base, base.resolve("mine"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aFailedStartLeavesNoLockFileBehind() throws IOException {
        Path links = base.resolve("links");
        Files.createDirectory(links);
        Files.writeString(links.resolve("12-taken"), "in the way of the process directory");

        assertThatThrownBy(() -> new SnapshotLinkDirectory(links, "12-taken")).isInstanceOf(IOException.class);

        try (Stream<Path> left = Files.list(links)) {
            assertThat(left).containsExactly(links.resolve("12-taken"));
        }
    }

    @Test
    void theLinkDirectoryIsMadeOwnerOnly() throws IOException {
        Path links = SnapshotLinkDirectory.prepareBase(base.resolve("new/links"));
        if (links.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(links))).isEqualTo("rwx------");
        }
        assertThat(links).isDirectory();
    }

    @Test
    void aLinkDirectoryThatIsALinkOrThatOthersMayWriteIsRefused() throws IOException {
        Path linked = Files.createSymbolicLink(base.resolve("linked"), shadow);
        assertThatThrownBy(() -> SnapshotLinkDirectory.prepareBase(linked)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a plain directory");
        assertThatThrownBy(() -> new SnapshotLinkDirectory(linked, "1-x")).isInstanceOf(IOException.class);
        try (Stream<Path> left = Files.list(shadow)) {
            assertThat(left).as("nothing made through the link").isEmpty();
        }

        if (base.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Path open = Files.createDirectory(base.resolve("open"));
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
            assertThatThrownBy(() -> SnapshotLinkDirectory.prepareBase(open)).isInstanceOf(IOException.class)
                    .hasMessageContaining("may be written by other users");
        }
    }

    @Test
    void aLinkDirectoryOfAnotherAccountIsRefused() throws IOException {
        assumeTrue(LinkDirectoryCheck.posix(base), "owners are checked on POSIX file systems only");
        Path theirs = Files.createDirectory(base.resolve("theirs"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        String me = Files.getOwner(theirs).getName();
        String other = me.equals("nobody") ? "root" : "nobody";
        assumeTrue(known(other), "no account '" + other + "' on this machine");

        // The directory is this process's, checked for another account (as if that account ran vss4j).
        assertThatThrownBy(() -> SnapshotLinkDirectory.prepareBase(theirs, other)).isInstanceOf(IOException.class)
                .hasMessageContaining(theirs + " belongs to " + me + ", not to " + other);
        assertThat(SnapshotLinkDirectory.prepareBase(theirs, me)).isEqualTo(theirs);
    }

    @Test
    void aLinkDirectoryChownedToAnotherAccountIsRefusedAndNothingIsMadeInIt() throws IOException {
        assumeTrue(LinkDirectoryCheck.posix(base), "owners are checked on POSIX file systems only");
        assumeTrue("root".equals(System.getProperty("user.name")) && known("nobody"),
                "only root can give a directory to another account (chown); run as root to check this");
        Path theirs = Files.createDirectory(base.resolve("theirs"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Files.setOwner(theirs, theirs.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        assertThatThrownBy(() -> new SnapshotLinkDirectory(theirs, "7-root")).isInstanceOf(IOException.class)
                .hasMessageContaining("belongs to nobody, not to root");
        assertThat(StaleSnapshotLinks.unusable(theirs)).get().asString().contains("belongs to nobody");
        try (Stream<Path> left = Files.list(theirs)) {
            assertThat(left).as("root wrote nothing in nobody's directory").isEmpty();
        }
    }

    @Test
    void aDirectoryThisAccountMayUseOrMakeIsUsable() throws IOException {
        assertThat(StaleSnapshotLinks.unusable(base.resolve("not/yet"))).isEmpty();
        Path links = SnapshotLinkDirectory.prepareBase(base.resolve("links"));
        assertThat(StaleSnapshotLinks.unusable(links)).isEmpty();

        Path file = Files.writeString(base.resolve("file"), "x");
        assertThat(StaleSnapshotLinks.unusable(file)).get().asString().contains("not a plain directory");
        assertThat(StaleSnapshotLinks.unusable(file.resolve("below"))).get().asString()
                .contains("cannot be made: this account may not write in " + file);
    }

    private static boolean known(String account) {
        try {
            Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(account);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static BasicFileAttributes attributes(boolean directory, boolean regular, boolean symbolicLink,
            boolean other) {
        return new BasicFileAttributes() {
            @Override
            public FileTime lastModifiedTime() {
                return FileTime.fromMillis(0);
            }

            @Override
            public FileTime lastAccessTime() {
                return FileTime.fromMillis(0);
            }

            @Override
            public FileTime creationTime() {
                return FileTime.fromMillis(0);
            }

            @Override
            public boolean isRegularFile() {
                return regular;
            }

            @Override
            public boolean isDirectory() {
                return directory;
            }

            @Override
            public boolean isSymbolicLink() {
                return symbolicLink;
            }

            @Override
            public boolean isOther() {
                return other;
            }

            @Override
            public long size() {
                return 0;
            }

            @Override
            public Object fileKey() {
                return null;
            }
        };
    }
}
