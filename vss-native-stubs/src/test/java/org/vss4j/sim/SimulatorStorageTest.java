package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.SnapshotContext;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/**
 * The simulator's storage inside a volume it snapshots: with the default state directory {@code ~/.vss4j/simulator}
 * and {@code vss} run from the home directory ({@code C:\=.}), the volume contains the state directory. No shadow
 * copy holds it (a copy into itself grew until "File name too long"), whichever way the copy is made, and a revert
 * of that volume keeps it.
 */
class SimulatorStorageTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static final int PERSISTENT = 1;

    @TempDir
    Path home;

    private Path state;
    private SimulatedMachine machine;

    @BeforeEach
    void homeWithStateInside() throws Exception {
        Files.writeString(home.resolve("notes.txt"), "notes");
        Files.createDirectories(home.resolve("work/deeper"));
        Files.writeString(home.resolve("work/deeper/plan.txt"), "plan");
        // A sibling of the state directory on the way to it: copied like any other file.
        Files.createDirectories(home.resolve(".vss4j"));
        Files.writeString(home.resolve(".vss4j/settings.txt"), "settings");
        state = home.resolve(".vss4j/simulator");
    }

    @AfterEach
    void close() {
        SimulatedMachine previous = SimulatedMachine.install(SimulatedMachine.create());
        if (previous != null && previous != machine) {
            previous.close();
        }
        if (machine != null) {
            machine.close();
        }
    }

    static Stream<Arguments> copiers() {
        return Stream.of(
                Arguments.of("plain copies", PointInTimeCopier.plainCopies()),
                // Plain "cp -a" stands in for a file system that clones: the clone command runs around the storage.
                Arguments.of("clone command", PointInTimeCopier.withCloneCommand(List.of("/bin/cp", "-a"))));
    }

    private Snapshot snapshotOfHome(PointInTimeCopier copier) {
        machine = SimulatedMachine.persistentAt(state);
        Volume v = machine.addVolume(home, "C:\\");
        machine.snapshotStore().useCopier(copier);
        return machine.snapshotStore().createSet(UUID.randomUUID(), Map.of(UUID.randomUUID(), v), PERSISTENT, this)
                .get(0);
    }

    private static List<String> tree(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("copiers")
    void aVolumeThatContainsTheStateDirectoryIsCopiedWithoutIt(String how, PointInTimeCopier copier)
            throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/cp")), "needs /bin/cp");
        Snapshot first = snapshotOfHome(copier);
        assertThat(first.directory()).startsWith(state.toRealPath());
        assertThat(tree(first.directory())).containsExactly(".vss4j", ".vss4j/settings.txt", "notes.txt", "work",
                "work/deeper", "work/deeper/plan.txt");

        // The second copy holds neither the storage nor, so, the first copy.
        Snapshot second = machine.snapshotStore().createSet(UUID.randomUUID(),
                Map.of(UUID.randomUUID(), first.volume()), PERSISTENT, this).get(0);
        assertThat(tree(second.directory())).isEqualTo(tree(first.directory()));
        assertThat(tree(home)).as("the live volume still holds the storage").contains(".vss4j/simulator");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("copiers")
    void aRevertOfThatVolumeKeepsTheStorage(String how, PointInTimeCopier copier) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/cp")), "needs /bin/cp");
        Snapshot s = snapshotOfHome(copier);
        Files.writeString(home.resolve("notes.txt"), "changed");
        Files.writeString(home.resolve("later.txt"), "later");
        Files.writeString(home.resolve(".vss4j/later.txt"), "later");

        machine.snapshotStore().revert(s);

        assertThat(home.resolve("notes.txt")).hasContent("notes");
        assertThat(home.resolve("later.txt")).doesNotExist();
        assertThat(home.resolve(".vss4j/later.txt")).as("the way to the storage is reverted too").doesNotExist();
        assertThat(home.resolve(".vss4j/settings.txt")).hasContent("settings");
        assertThat(s.directory().resolve("work/deeper/plan.txt")).as("the shadow copy itself").hasContent("plan");
        machine.close();
        machine = SimulatedMachine.persistentAt(state);
        assertThat(machine.snapshots()).as("the state directory survived the revert").extracting(Snapshot::id)
                .containsExactly(s.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("copiers")
    void aVolumeThatIsTheStateDirectoryIsCopiedWithoutTheStorage(String how, PointInTimeCopier copier)
            throws Exception {
        // vss snapshot create C: --sim-state . : the default volume C:\=. is the state directory itself.
        assumeTrue(Files.isExecutable(Path.of("/bin/cp")), "needs /bin/cp");
        state = home;
        Snapshot first = snapshotOfHome(copier);
        Snapshot second = machine.snapshotStore().createSet(UUID.randomUUID(),
                Map.of(UUID.randomUUID(), first.volume()), PERSISTENT, this).get(0);

        List<String> volumeFiles = List.of(".vss4j", ".vss4j/settings.txt", "notes.txt", "work", "work/deeper",
                "work/deeper/plan.txt");
        assertThat(tree(first.directory())).containsExactlyElementsOf(volumeFiles);
        assertThat(tree(second.directory())).containsExactlyElementsOf(volumeFiles);

        Files.writeString(home.resolve("notes.txt"), "changed");
        machine.snapshotStore().revert(first);
        assertThat(home.resolve("notes.txt")).hasContent("notes");
        assertThat(second.directory().resolve("work/deeper/plan.txt")).as("the storage survived the revert")
                .hasContent("plan");
    }

    @Test
    void aVolumeAtOrInsideTheStorageIsRefused() throws Exception {
        machine = SimulatedMachine.persistentAt(state);
        Path snapshots = state.resolve("snapshots");
        Path inside = Files.createDirectories(snapshots.resolve("data"));
        Path exposed = state.resolve("exposed");

        for (Path volume : List.of(snapshots, inside, exposed)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> machine.addVolume(volume, "E:\\"))
                    .as("%s", volume).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(volume.toRealPath().toString())
                    .hasMessageContaining("the simulator's storage")
                    .hasMessageContaining("give a directory outside it");
        }
        assertThat(machine.volumes()).isEmpty();
        Path besideTheStorage = Files.createDirectories(state.resolve("volume"));
        assertThat(machine.addVolume(besideTheStorage, "E:\\").root()).isEqualTo(besideTheStorage.toRealPath());
    }

    @Test
    void theBindingSnapshotsTheHomeVolumeAndSeesNoStorageInTheShadowCopy() throws Exception {
        machine = SimulatedMachine.persistentAt(state);
        machine.addVolume(home, "C:\\");
        SimulatedMachine.install(machine);
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.BACKUP);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(T);
            bc.startSnapshotSet();
            UUID id = bc.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(T);
            bc.doSnapshotSet().finish(T);
            String device = bc.getSnapshotProperties(id).deviceObject();
            assertThat(FindCalls.names("C:\\.vss4j\\*")).as("live").containsExactly(".", "..", "settings.txt",
                    "simulator");
            assertThat(FindCalls.names(device + "\\.vss4j\\*")).as("shadow copy").containsExactly(".", "..",
                    "settings.txt");
            assertThat(FindCalls.names(device + "\\*")).contains(".vss4j", "notes.txt", "work");
            bc.backupComplete().finish(T);
        }
    }

    @Test
    void noShadowCopyIsExposedAtAFolderOfTheStorage() throws Exception {
        // vss snapshot expose ID 'C:\.vss4j\simulator\exposed': the volume holds the state directory.
        machine = SimulatedMachine.persistentAt(state);
        machine.addVolume(home, "C:\\");
        SimulatedMachine.install(machine);
        Path exposed = state.resolve("exposed");
        Files.createDirectories(exposed);
        Path underSnapshots = Files.createDirectories(state.resolve("snapshots").resolve("m"));
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.APP_ROLLBACK);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(T);
            bc.startSnapshotSet();
            UUID id = bc.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(T);
            bc.doSnapshotSet().finish(T);
            bc.backupComplete().finish(T);
            String relative = home.relativize(state).toString().replace('/', '\\');
            for (String folder : List.of("C:\\" + relative + "\\exposed", "C:\\" + relative + "\\snapshots\\m")) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> bc.exposeSnapshotLocally(id, folder))
                        .as(folder).isInstanceOf(VssException.class)
                        .satisfies(e -> assertThat(((VssException) e).is(VssHresult.E_INVALIDARG)).isTrue());
            }
            assertThat(Files.isSymbolicLink(exposed)).as("the exposure directory is still the simulator's").isFalse();
            assertThat(Files.isSymbolicLink(underSnapshots)).isFalse();
            Path beside = Files.createDirectories(home.resolve("mnt"));
            assertThat(bc.exposeSnapshotLocally(id, "C:\\mnt")).isEqualTo("C:\\mnt");
            assertThat(Files.isSymbolicLink(beside)).as("an ordinary empty folder is exposed").isTrue();
            bc.unexposeSnapshot(id);
        }
    }
}
