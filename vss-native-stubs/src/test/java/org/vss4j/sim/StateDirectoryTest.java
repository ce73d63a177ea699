package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state directory of {@link SimulatedMachine#persistentAt} when something goes wrong or two processes share it:
 * no orphan snapshot directory, no record without its facts, no device number issued twice, no shared temporary file,
 * and a damaged file named with what to do about it.
 */
class StateDirectoryTest {

    private static final int PERSISTENT = 1;

    @TempDir
    Path state;

    @TempDir
    Path disk;

    private final List<SimulatedMachine> machines = new ArrayList<>();

    @BeforeEach
    void files() throws Exception {
        Files.writeString(disk.resolve("a.txt"), "data");
    }

    @AfterEach
    void closeMachines() {
        machines.forEach(SimulatedMachine::close);
    }

    /** The machine at {@link #state}, as one more process opens it. */
    private SimulatedMachine boot() {
        SimulatedMachine m = SimulatedMachine.persistentAt(state);
        m.addVolume(disk, "D:\\");
        machines.add(m);
        return m;
    }

    private static Snapshot create(SimulatedMachine m, UUID id) {
        return m.snapshotStore().create(id, UUID.randomUUID(), m.volumes().get(0), PERSISTENT, 1, new Object());
    }

    private Path records() {
        return state.resolve("snapshots");
    }

    @Test
    void twoProcessesSharingTheDirectoryNeverIssueTheSameDeviceNumber() {
        SimulatedMachine first = boot();
        SimulatedMachine second = boot();

        Snapshot a = create(first, UUID.randomUUID());
        Snapshot b = create(second, UUID.randomUUID());

        assertThat(a.deviceNumber()).isEqualTo(1);
        assertThat(b.deviceNumber()).as("the second process's next device after the first one's").isEqualTo(2);
        assertThat(create(first, UUID.randomUUID()).deviceNumber()).isEqualTo(3);
    }

    @Test
    void eachWriteHasATemporaryFileOfItsOwn() throws Exception {
        SimulatedMachine m = boot();
        UUID id = UUID.randomUUID();
        // Another process busy writing under the fixed temporary names an older version used.
        for (String name : List.of("last-device-number.tmp", id + ".snapshot.tmp", id + ".facts.tmp")) {
            Files.writeString(Files.createDirectories(records().resolve(name)).resolve("being-written"), "");
        }

        Snapshot s = create(m, id);

        assertThat(s.deviceNumber()).isEqualTo(1);
        assertThat(Files.readString(records().resolve("last-device-number"))).isEqualTo("1");
        assertThat(records().resolve(id + ".snapshot")).isRegularFile();
        assertThat(records().resolve(id + ".facts")).isRegularFile();
        try (Stream<Path> files = Files.list(records())) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file of ours left")
                    .noneMatch(n -> n.startsWith(".") && n.endsWith(".tmp"));
        }
    }

    @Test
    void aFailureAfterTheCopyLeavesNoSnapshotDirectoryAndNoRecord() throws Exception {
        SimulatedMachine m = boot();
        UUID id = UUID.randomUUID();
        // The facts cannot be recorded: a non-empty directory holds their name.
        Files.writeString(Files.createDirectories(records().resolve(id + ".facts")).resolve("x"), "");

        assertThatThrownBy(() -> create(m, id)).hasMessageContaining("file-system facts");

        assertThat(records().resolve(id.toString())).doesNotExist();
        assertThat(records().resolve(id + ".snapshot")).doesNotExist();
        assertThat(m.snapshots()).isEmpty();
        assertThat(m.snapshotStore().deviceDirectory("\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1"))
                .isNull();
    }

    @Test
    void deletingRemovesTheRecordBeforeItsFacts() throws Exception {
        SimulatedMachine m = boot();
        UUID id = create(m, UUID.randomUUID()).id();
        // The facts cannot be deleted (a non-empty directory now holds their name).
        Path facts = records().resolve(id + ".facts");
        Files.delete(facts);
        Files.writeString(Files.createDirectories(facts).resolve("x"), "");

        assertThatThrownBy(() -> m.snapshotStore().delete(id)).hasMessageContaining(id.toString());

        assertThat(records().resolve(id + ".snapshot")).as("the record").doesNotExist();
        assertThat(boot().snapshots()).as("what the next process sees").isEmpty();
    }

    @Test
    void damagedFactsSkipTheShadowCopyAndNameTheFile() throws Exception {
        SimulatedMachine m = boot();
        UUID id = create(m, UUID.randomUUID()).id();
        m.close();
        Path facts = records().resolve(id + ".facts");
        Files.writeString(facts, "entry.a.txt=0\n");

        SimulatedMachine next = boot();

        assertThat(next.snapshots()).isEmpty();
        assertThat(next.unreadableRecords()).singleElement().satisfies(u -> {
            assertThat(u.file()).isEqualTo(facts);
            assertThat(u.problem()).contains(facts.toString(), "entry.a.txt=0", "delete that file");
        });
        Files.delete(facts);
        assertThat(boot().snapshots()).extracting(Snapshot::id).containsExactly(id);
    }
}
