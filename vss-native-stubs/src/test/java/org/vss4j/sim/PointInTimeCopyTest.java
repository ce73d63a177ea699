package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.SnapshotContext;
import org.vss4j.VssAsync;

/**
 * Snapshots are point in time whichever way the copy is made: a reflink clone where the file system supports it, plain
 * copies otherwise — and after a failed clone attempt. The copy method is recorded on the {@link Snapshot}.
 */
@ExtendWith(VssSimulatorExtension.class)
class PointInTimeCopyTest {

    @TempDir
    Path volumeDir;

    @BeforeEach
    void fillVolume() throws Exception {
        Files.writeString(volumeDir.resolve("top.txt"), "top before");
        Files.createDirectories(volumeDir.resolve("sub/deeper"));
        Files.writeString(volumeDir.resolve("sub/deeper/nested.txt"), "nested before");
    }

    /** Snapshots the volume (no-writers context), changes it, and checks the snapshot kept the old content. */
    private Snapshot snapshotThenChangeVolume(SimulatedMachine machine) throws Exception {
        Volume volume = machine.addVolume(volumeDir);
        Snapshot s;
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setContext(SnapshotContext.FILE_SHARE_BACKUP);
            b.startSnapshotSet();
            b.addToSnapshotSet(volume.guidName(), BackupComponents.GUID_NULL);
            try (VssAsync async = b.doSnapshotSet()) {
                async.awaitFinished(Duration.ofSeconds(30));
            }
            s = machine.snapshots().get(0);
            Files.writeString(volumeDir.resolve("top.txt"), "top after");
            Files.writeString(volumeDir.resolve("sub/deeper/nested.txt"), "nested after");
            Files.writeString(volumeDir.resolve("new.txt"), "new");
            assertThat(s.directory().resolve("top.txt")).hasContent("top before");
            assertThat(s.directory().resolve("sub/deeper/nested.txt")).hasContent("nested before");
            assertThat(s.directory().resolve("new.txt")).doesNotExist();
            try (var files = Files.list(s.directory())) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("top.txt", "sub");
            }
        }
        return s;
    }

    @Test
    void theHostCopierGivesAPointInTimeCopyWhateverTheFileSystem(SimulatedMachine machine) throws Exception {
        // Reflink on Btrfs/XFS, plain copies on most CI file systems (ext4, tmpfs): either way the snapshot must hold
        // the volume as it was (checked in snapshotThenChangeVolume); which method ran depends on the host.
        snapshotThenChangeVolume(machine);
    }

    @Test
    void aFailedCloneFallsBackToPlainCopiesFromAnEmptyDirectory(SimulatedMachine machine) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        // A clone command that clones the one-file probe but leaves a partial result behind and fails on the tree,
        // as cp does half-way through a tree.
        machine.snapshotStore().useCopier(PointInTimeCopier.withCloneCommand(List.of("/bin/sh", "-c",
                "if [ -d \"$2\" ]; then echo partial > \"$2/leftover\"; exit 1; fi; cp \"$1\" \"$2\"", "clone")));
        Snapshot s = snapshotThenChangeVolume(machine);
        assertThat(s.copyMethod()).isEqualTo(CopyMethod.PLAIN_COPY);
        assertThat(s.directory().resolve("leftover")).doesNotExist();
    }

    @Test
    void aCloneCommandThatCannotStartFallsBackToPlainCopies(SimulatedMachine machine) throws Exception {
        machine.snapshotStore().useCopier(PointInTimeCopier.withCloneCommand(
                List.of(volumeDir.resolve("no-such-program").toString())));
        assertThat(snapshotThenChangeVolume(machine).copyMethod()).isEqualTo(CopyMethod.PLAIN_COPY);
    }

    @Test
    void aSuccessfulCloneIsRecordedAsReflink(SimulatedMachine machine) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/cp")), "needs /bin/cp");
        // Plain "cp -a" stands in for a file system that clones: the path through a successful clone command.
        machine.snapshotStore().useCopier(PointInTimeCopier.withCloneCommand(List.of("/bin/cp", "-a")));
        assertThat(snapshotThenChangeVolume(machine).copyMethod()).isEqualTo(CopyMethod.REFLINK);
    }

    @Test
    void aCloneCommandThatCannotCloneTheProbeFileIsNotRunOnTheTree(SimulatedMachine machine) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        // GNU cp --reflink=always on ext4 fails every file but walks the whole tree first (ten times the plain copy):
        // after the one-file probe fails, the command is not run on the tree.
        Path runs = Files.createTempFile("clone-runs", ".log");
        try {
            machine.snapshotStore().useCopier(PointInTimeCopier.withCloneCommand(List.of("/bin/sh", "-c",
                    "echo \"$1\" >> \"" + runs + "\"; exit 1", "clone")));
            assertThat(snapshotThenChangeVolume(machine).copyMethod()).isEqualTo(CopyMethod.PLAIN_COPY);
            assertThat(Files.readAllLines(runs)).as("one run, on one file").singleElement()
                    .satisfies(arg -> assertThat(Path.of(arg)).isRegularFile());
        } finally {
            Files.delete(runs);
        }
    }

    @Test
    void aCloneAroundExcludedStorageNamesAtMostAThousandEntriesPerRun(@TempDir Path home, @TempDir Path copy)
            throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.isExecutable(Path.of("/bin/cp")),
                "needs /bin/sh and /bin/cp");
        // A home directory with more entries than one argument list holds (E2BIG), the simulator's storage among them.
        int entries = 2 * PointInTimeCopier.ENTRIES_PER_RUN + 500;
        for (int i = 0; i < entries; i++) {
            Files.writeString(home.resolve("f" + i), "x");
        }
        Path storage = Files.createDirectories(home.resolve("storage/snapshots"));
        Files.writeString(storage.resolve("inside.txt"), "storage");
        Path runs = Files.createTempFile("clone-runs", ".log");
        try {
            PointInTimeCopier copier = PointInTimeCopier.withCloneCommand(List.of("/bin/sh", "-c",
                    "echo $# >> \"" + runs + "\"; exec /bin/cp -a \"$@\"", "clone"));

            assertThat(copier.copy(home, copy, java.util.Set.of(storage), ProgressListener.NONE))
                    .isEqualTo(CopyMethod.REFLINK);

            List<Integer> argCounts = Files.readAllLines(runs).stream().map(Integer::parseInt).toList();
            assertThat(argCounts).as("the probe, then the entries of the home in batches, each with the target")
                    .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(PointInTimeCopier.ENTRIES_PER_RUN + 1));
            try (var copied = Files.list(copy)) {
                assertThat(copied.count()).isEqualTo(entries + 1);
            }
            assertThat(copy.resolve("storage")).isDirectory();
            assertThat(copy.resolve("storage/snapshots")).doesNotExist();
        } finally {
            Files.delete(runs);
        }
    }

    @Test
    void plainCopiesNeverRunACommand(SimulatedMachine machine) throws Exception {
        machine.snapshotStore().useCopier(PointInTimeCopier.plainCopies());
        assertThat(snapshotThenChangeVolume(machine).copyMethod()).isEqualTo(CopyMethod.PLAIN_COPY);
    }

    @Test
    void whetherTheFileSystemClonesIsAskedOncePerPairOfDevices(@TempDir Path copies) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        // A volume on a file system that cannot clone: the probe fails once, and later copies between the same
        // devices run neither the probe nor the clone command again.
        Path runs = Files.createTempFile("clone-runs", ".log");
        try {
            PointInTimeCopier copier = PointInTimeCopier.withCloneCommand(List.of("/bin/sh", "-c",
                    "echo \"$1\" >> \"" + runs + "\"; exit 1", "clone"));
            for (int i = 0; i < 3; i++) {
                assertThat(copier.copy(volumeDir, copies.resolve("c" + i))).isEqualTo(CopyMethod.PLAIN_COPY);
                assertThat(copies.resolve("c" + i + "/sub/deeper/nested.txt")).hasContent("nested before");
            }
            assertThat(Files.readAllLines(runs)).as("one probe for three copies").hasSize(1);
        } finally {
            Files.delete(runs);
        }
    }

    @Test
    void aTreeCopyCommandCopiesTheTreeInOneRunKeepingTimesModesAndLinks(@TempDir Path copy) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && Files.isExecutable(Path.of("/bin/cp")),
                "needs /bin/sh and /bin/cp");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(volumeDir.resolve("top.txt"), old);
        Files.setPosixFilePermissions(volumeDir.resolve("top.txt"),
                java.nio.file.attribute.PosixFilePermissions.fromString("r--r-----"));
        Files.createSymbolicLink(volumeDir.resolve("junction"), volumeDir.resolve("sub"));
        Files.setLastModifiedTime(volumeDir.resolve("sub/deeper"), old);
        Path runs = Files.createTempFile("copy-runs", ".log");
        try {
            PointInTimeCopier copier = PointInTimeCopier.withCommands(null, List.of("/bin/sh", "-c",
                    "echo \"$@\" >> \"" + runs + "\"; exec /bin/cp -a \"$@\"", "copy"));

            assertThat(copier.copy(volumeDir, copy)).isEqualTo(CopyMethod.PLAIN_COPY);

            assertThat(Files.readAllLines(runs)).as("one run for the whole tree").singleElement();
            assertThat(copy.resolve("sub/deeper/nested.txt")).hasContent("nested before");
            assertThat(Files.getLastModifiedTime(copy.resolve("top.txt"))).isEqualTo(old);
            assertThat(Files.getLastModifiedTime(copy.resolve("sub/deeper"))).isEqualTo(old);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(copy.resolve("top.txt")))).isEqualTo("r--r-----");
            assertThat(Files.isSymbolicLink(copy.resolve("junction"))).as("a link stays a link").isTrue();
            assertThat(Files.readSymbolicLink(copy.resolve("junction"))).isEqualTo(volumeDir.resolve("sub"));
        } finally {
            Files.delete(runs);
        }
    }

    @Test
    void aFailedTreeCopyCommandFallsBackToJavaCopiesFromAnEmptyDirectory(@TempDir Path copy) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        PointInTimeCopier copier = PointInTimeCopier.withCommands(null, List.of("/bin/sh", "-c",
                "echo partial > \"$2/leftover\"; exit 1", "copy"));

        assertThat(copier.copy(volumeDir, copy)).isEqualTo(CopyMethod.PLAIN_COPY);

        assertThat(copy.resolve("leftover")).doesNotExist();
        assertThat(copy.resolve("sub/deeper/nested.txt")).hasContent("nested before");
    }
}
