package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy directories in the state directory that no record names: a copy whose creation stopped and whose operation
 * record went without it. Nothing lists or deletes such a directory, so the next machine opening the directory
 * removes it and reports it ({@link SimulatedMachine#removedLeftOvers()}), but only if the simulator marked it as its
 * own ({@code <id>.copy}); an unmarked GUID folder is reported and left alone. What a record names, a live
 * operation's copies and a broken-away shadow copy stay.
 */
class UnrecordedCopiesTest {

    private static final int PERSISTENT = 1;

    @TempDir
    Path state;

    @TempDir
    Path disk;

    private final List<SimulatedMachine> machines = new ArrayList<>();

    @BeforeEach
    void volumeAndState() throws Exception {
        Files.writeString(disk.resolve("a.txt"), "data");
        open().close();
    }

    @AfterEach
    void closeMachines() {
        machines.forEach(SimulatedMachine::close);
    }

    private SimulatedMachine open() {
        SimulatedMachine m = SimulatedMachine.persistentAt(state);
        machines.add(m);
        return m;
    }

    private Path snapshots() {
        return state.resolve("snapshots");
    }

    /** A partial copy as an interrupted run left it: a few files and the simulator's mark, no record. */
    private UUID plantPartialCopy() throws Exception {
        UUID id = plantUnmarkedFolder();
        mark(id);
        return id;
    }

    /** A GUID-named folder with a file, but without the simulator's mark (user data, or an earlier version's copy). */
    private UUID plantUnmarkedFolder() throws Exception {
        UUID id = UUID.randomUUID();
        Path copy = Files.createDirectories(snapshots().resolve(id + "/sub"));
        Files.writeString(copy.resolve("half.txt"), "half");
        return id;
    }

    /** The mark the simulator writes before it copies into the directory of {@code id}. */
    private void mark(UUID id) throws Exception {
        Files.writeString(snapshots().resolve(id + SnapshotJournal.COPY_SUFFIX), "mark");
    }

    private Snapshot persistentSnapshot(SimulatedMachine m) {
        Volume v = m.addVolume(disk, "D:\\");
        return m.snapshotStore().createSet(UUID.randomUUID(), Map.of(UUID.randomUUID(), v), PERSISTENT, this).get(0);
    }

    @Test
    void aCopyNoRecordNamesIsRemovedAndReportedOnce() throws Exception {
        Snapshot kept = persistentSnapshot(open());
        UUID orphan = plantPartialCopy();

        SimulatedMachine next = open();
        assertThat(next.removedLeftOvers()).singleElement().satisfies(left -> {
            assertThat(left.operation()).isEqualTo(LeftOver.UNRECORDED_COPY);
            assertThat(left.snapshots()).containsExactly(orphan);
            assertThat(left.setId()).isNull();
            assertThat(left.toString()).contains(orphan.toString(), LeftOver.WAS_INTERRUPTED);
        });
        assertThat(snapshots().resolve(orphan.toString())).doesNotExist();
        assertThat(next.snapshots()).extracting(Snapshot::id).containsExactly(kept.id());
        assertThat(kept.directory().resolve("a.txt")).hasContent("data");
        assertThat(open().removedLeftOvers()).as("reported once").isEmpty();
    }

    @Test
    void aCopyDeeperThanTheLongestPathNameIsRemoved() throws Exception {
        // What a volume copied into itself left: nested until "File name too long" (PATH_MAX, 4096 bytes on Linux).
        // Made by renames, which never name the deep path: each round moves the tree one level down.
        UUID orphan = UUID.randomUUID();
        Path copy = Files.createDirectory(snapshots().resolve(orphan.toString()));
        mark(orphan);
        String level = "x".repeat(200);
        for (int i = 0; i < 30; i++) {
            Path outer = Files.createDirectory(snapshots().resolve("outer"));
            Files.move(copy, outer.resolve(level));
            Files.move(outer, copy);
            Files.writeString(copy.resolve("f" + i), "deep");
        }
        assertThat(copy.toString().length() + 30 * (level.length() + 1)).isGreaterThan(4096);

        assertThat(open().removedLeftOvers()).singleElement()
                .satisfies(left -> assertThat(left.snapshots()).containsExactly(orphan));
        assertThat(copy).doesNotExist();
    }

    @Test
    void aGuidFolderTheSimulatorDidNotMarkIsLeftAloneAndReported() throws Exception {
        // A state directory given by a program may hold anyone's GUID-named folders (application data, caches).
        UUID foreign = plantUnmarkedFolder();

        SimulatedMachine next = open();
        assertThat(next.removedLeftOvers()).isEmpty();
        Path folder = snapshots().resolve(foreign.toString());
        assertThat(folder.resolve("sub/half.txt")).hasContent("half");
        assertThat(next.unmarkedDirectories()).singleElement().satisfies(u -> {
            assertThat(u.directory()).isEqualTo(folder);
            assertThat(u.toString()).contains(folder.toString(), UnmarkedDirectory.LEFT_ALONE, "move it out")
                    .as("no ready-to-paste deletion of what may be the user's data").doesNotContain("rm -r");
        });
        assertThat(open().unmarkedDirectories()).as("reported each time, never deleted").hasSize(1);
        assertThat(folder.resolve("sub/half.txt")).hasContent("half");
    }

    @Test
    void eachCopyIsMarkedBeforeItIsMadeAndUnmarkedWhenItIsDeleted() throws Exception {
        SimulatedMachine m = open();
        Snapshot s = persistentSnapshot(m);
        Path mark = snapshots().resolve(s.id() + SnapshotJournal.COPY_SUFFIX);
        assertThat(mark).exists();

        m.snapshotStore().delete(s.id());
        assertThat(s.directory()).doesNotExist();
        assertThat(mark).doesNotExist();
    }

    @Test
    void aMarkWithoutItsDirectoryIsRemoved() throws Exception {
        SimulatedMachine m = open();
        Snapshot s = persistentSnapshot(m);
        m.snapshotStore().forget(s.id());
        m.close();
        Path brokenAway = snapshots().resolve(s.id() + SnapshotJournal.BROKEN_AWAY_SUFFIX);
        assertThat(brokenAway).exists();
        // The broken-away volume deleted by hand, and a copy mark whose directory went (a process died in between).
        SnapshotStore.deleteTree(s.directory());
        UUID gone = UUID.randomUUID();
        mark(gone);

        assertThat(open().removedLeftOvers()).isEmpty();
        assertThat(brokenAway).doesNotExist();
        assertThat(snapshots().resolve(gone + SnapshotJournal.COPY_SUFFIX)).doesNotExist();
    }

    @Test
    void aSnapshotsDirectoryThatIsASymbolicLinkIsRefused() throws Exception {
        Path elsewhere = Files.createDirectories(disk.resolve("elsewhere"));
        UUID id = UUID.randomUUID();
        Files.createDirectories(elsewhere.resolve(id.toString()));
        Files.writeString(elsewhere.resolve(id + SnapshotJournal.COPY_SUFFIX), "mark");
        Path linked = Files.createDirectory(disk.resolve("linked-state"));
        Files.createSymbolicLink(linked.resolve("snapshots"), elsewhere);

        assertThatThrownBy(() -> SimulatedMachine.persistentAt(linked)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(linked.resolve("snapshots") + " is a symbolic link");
        assertThat(elsewhere.resolve(id.toString())).isDirectory();
    }

    @Test
    void aBrokenAwayShadowCopyStaysAsTheVolumeItIsNow() throws Exception {
        SimulatedMachine m = open();
        Snapshot s = persistentSnapshot(m);
        m.snapshotStore().forget(s.id());
        m.close();

        assertThat(open().removedLeftOvers()).isEmpty();
        assertThat(s.directory().resolve("a.txt")).hasContent("data");
    }

    @Test
    void nothingIsSweptWhileAnOperationRecordCannotBeRead() throws Exception {
        UUID orphan = plantPartialCopy();
        // It may name the copy: which shadow copies it names cannot be read.
        Files.writeString(snapshots().resolve(UUID.randomUUID() + "." + UUID.randomUUID() + ".journal"), "\u0000\u0001");

        SimulatedMachine next = open();
        assertThat(next.removedLeftOvers()).isEmpty();
        assertThat(next.unreadableRecords()).hasSize(1);
        assertThat(snapshots().resolve(orphan.toString())).isDirectory();
    }

    @Test
    void aCopyWhoseCleanUpFailedKeepsItsCreationRecordForTheNextOpen() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        assumeTrue(chattrWorks(), "needs chattr +i (root on ext4, xfs or btrfs) to make a file undeletable");
        Path stuck = null;
        try {
            SimulatedMachine m = open();
            // A clone that clones the one-file probe, then leaves an undeletable file in the copy and fails: neither
            // the copier nor the store can delete the copy.
            m.snapshotStore().useCopier(PointInTimeCopier.withCloneCommand(List.of("/bin/sh", "-c",
                    "if [ -d \"$2\" ]; then mkdir \"$2/stuck\" && echo x > \"$2/stuck/f\" && chattr +i \"$2/stuck/f\";"
                            + " exit 1; fi; cp \"$1\" \"$2\"", "clone")));
            assertThatThrownBy(() -> persistentSnapshot(m)).isInstanceOf(RuntimeException.class);
            try (Stream<Path> copies = Files.list(snapshots())) {
                stuck = copies.filter(d -> Files.isDirectory(d.resolve("stuck"))).findFirst().orElseThrow()
                        .resolve("stuck/f");
            }
            try (Stream<Path> files = Files.list(snapshots())) {
                assertThat(files.map(f -> f.getFileName().toString())).as("the creation record stays")
                        .anyMatch(n -> n.endsWith(OperationJournal.SUFFIX));
            }
            m.close();
            chattr("-i", stuck);

            assertThat(open().removedLeftOvers()).singleElement().satisfies(left -> {
                assertThat(left.operation()).as("the creation, undone from its record").isEqualTo("create");
                assertThat(left.state()).isEqualTo("creating");
            });
            assertThat(stuck).doesNotExist();
        } finally {
            if (stuck != null && Files.exists(stuck)) {
                chattr("-i", stuck);
            }
        }
    }

    private boolean chattrWorks() throws Exception {
        Path probe = Files.writeString(disk.resolve("chattr-probe"), "x");
        try {
            if (!chattr("+i", probe)) {
                return false;
            }
            chattr("-i", probe);
            return true;
        } catch (java.io.IOException noChattr) {
            return false;
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static boolean chattr(String flag, Path file) throws Exception {
        Process p = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
