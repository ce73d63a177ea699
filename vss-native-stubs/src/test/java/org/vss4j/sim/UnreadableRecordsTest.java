package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * One shadow copy record of the state directory that cannot be used must not make the machine unusable (every
 * {@code vss} command opens it): the record is skipped, reported with what is wrong, and the other shadow copies are
 * listed and usable as before.
 */
class UnreadableRecordsTest {

    private static final int PERSISTENT = 1;

    @TempDir
    Path state;

    @TempDir
    Path disk;

    private final List<SimulatedMachine> machines = new ArrayList<>();
    private UUID good;
    private UUID damaged;

    @BeforeEach
    void twoShadowCopies() throws Exception {
        Files.writeString(disk.resolve("a.txt"), "data");
        SimulatedMachine m = boot();
        good = create(m);
        damaged = create(m);
        m.close();
    }

    @AfterEach
    void closeMachines() {
        machines.forEach(SimulatedMachine::close);
    }

    private SimulatedMachine boot() {
        SimulatedMachine m = SimulatedMachine.persistentAt(state);
        m.addVolume(disk, "D:\\");
        machines.add(m);
        return m;
    }

    private static UUID create(SimulatedMachine m) {
        UUID id = UUID.randomUUID();
        m.snapshotStore().create(id, UUID.randomUUID(), m.volumes().get(0), PERSISTENT, 1, new Object());
        return id;
    }

    private Path record(UUID id) {
        return state.resolve("snapshots").resolve(id + ".snapshot");
    }

    /** A way a record can be damaged, and the words that must say what is wrong. */
    interface Damage {
        void apply(Path record, Path copyDirectory) throws Exception;
    }

    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("truncated", (Damage) (r, d) -> {
                    // Cut just after the "set=" key (a partial write of an older version): the fields stored
                    // after it are gone, and the set id itself.
                    String text = Files.readString(r);
                    int at = text.indexOf("\nset=") + "\nset=".length();
                    Files.writeString(r, text.substring(0, at));
                }, "' is missing"),
                Arguments.of("empty", (Damage) (r, d) -> Files.write(r, new byte[0]), "empty (no fields at all)"),
                Arguments.of("wrong version", (Damage) (r, d) -> Files.writeString(r,
                        Files.readString(r).replaceAll("(?m)^version=.*$", "version=2")),
                        "format version '2', this simulator reads version 1"),
                Arguments.of("garbage", (Damage) (r, d) -> Files.write(r,
                        new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00, (byte) 0xA0, 0x3D, 0x0A}),
                        "not text"),
                Arguments.of("missing field", (Damage) (r, d) -> Files.writeString(r,
                        Files.readString(r).replaceAll("(?m)^copy=.*\\R", "")), "field 'copy' is missing"),
                Arguments.of("malformed field", (Damage) (r, d) -> Files.writeString(r,
                        Files.readString(r).replaceAll("(?m)^attributes=.*$", "attributes=x")),
                        "a number field is not a number"),
                Arguments.of("copy directory missing", (Damage) (r, d) -> SnapshotStore.deleteTree(d),
                        "its copy directory"),
                Arguments.of("id not its name", (Damage) (r, d) -> Files.writeString(r,
                        Files.readString(r).replaceAll("(?m)^id=.*$", "id=" + UUID.randomUUID())),
                        "is not the one its name says"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void aDamagedRecordIsSkippedAndReportedAndTheOthersStayUsable(String name, Damage damage, String problem)
            throws Exception {
        Path record = record(damaged);
        damage.apply(record, state.resolve("snapshots").resolve(damaged.toString()));

        SimulatedMachine m = boot();

        assertThat(m.snapshots()).extracting(Snapshot::id).containsExactly(good);
        assertThat(m.unreadableRecords()).singleElement().satisfies(u -> {
            assertThat(u.file()).isEqualTo(record);
            assertThat(u.problem()).contains(problem);
            assertThat(u.toString()).startsWith(record.toString());
        });
        // The machine works: a new shadow copy gets the next device number, and the good one can be deleted.
        Snapshot next = m.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), m.volumes().get(0),
                PERSISTENT, 1, new Object());
        assertThat(next.deviceNumber()).isEqualTo(3);
        assertThat(m.snapshotStore().delete(good)).isTrue();
        assertThat(Files.readAllBytes(record)).as("the damaged record is left for its owner to look at")
                .isNotNull();
    }

    static Stream<Arguments> journalDamages() {
        return Stream.of(
                Arguments.of("empty", (Damage) (r, d) -> Files.write(r, new byte[0]), "empty (no fields at all)"),
                Arguments.of("garbage", (Damage) (r, d) -> Files.write(r,
                        new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00, (byte) 0xA0, 0x3D, 0x0A}), "not text"),
                Arguments.of("wrong version", (Damage) (r, d) -> Files.writeString(r,
                        Files.readString(r).replaceAll("(?m)^version=.*$", "version=2")),
                        "format version '2', this simulator reads version 1"),
                Arguments.of("missing field", (Damage) (r, d) -> Files.writeString(r,
                        Files.readString(r).replaceAll("(?m)^snapshots=.*\\R", "")), "field 'snapshots' is missing"),
                Arguments.of("set not its name", (Damage) (r, d) -> Files.writeString(r,
                        Files.readString(r).replaceAll("(?m)^set=.*$", "set=" + UUID.randomUUID())),
                        "is not the one its name says"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("journalDamages")
    void aDamagedJournalRecordHidesItsHalfMadeSet(String name, Damage damage, String problem) throws Exception {
        // A set in creation: one volume copied and recorded, its journal record ("creating") ahead of it, its
        // process gone. Damaged, the record no longer says which shadow copies are the set's; its name still does.
        SimulatedMachine m = boot();
        UUID set = UUID.randomUUID();
        UUID copied = UUID.randomUUID();
        m.snapshotStore().create(copied, set, m.volumes().get(0), PERSISTENT, 2, new Object());
        OperationJournal operations = new OperationJournal(state.resolve("snapshots"));
        OperationJournal.Entry creating = new OperationJournal.Entry(UUID.randomUUID(), set,
                OperationJournal.State.CREATING, List.of(copied, UUID.randomUUID()), List.of(disk.toString()), true);
        operations.write(creating);
        m.close();
        Path journal = operations.file(creating);
        damage.apply(journal, state.resolve("snapshots").resolve("no-such-copy"));

        SimulatedMachine next = boot();

        assertThat(next.snapshots()).as("the half-made set is not listed").extracting(Snapshot::id)
                .containsExactlyInAnyOrder(good, damaged);
        assertThat(next.unreadableRecords()).singleElement().satisfies(u -> {
            assertThat(u.file()).isEqualTo(journal);
            assertThat(u.problem()).contains(problem);
        });
        assertThat(state.resolve("snapshots").resolve(copied.toString())).as("left for whoever repairs the record")
                .isDirectory();
    }

    @Test
    void anOldRecordWithoutAVersionIsStillRead() throws Exception {
        Path record = record(damaged);
        Files.writeString(record, Files.readString(record, StandardCharsets.UTF_8)
                .replaceAll("(?m)^version=.*\\R", ""));

        assertThat(boot().snapshots()).extracting(Snapshot::id).containsExactlyInAnyOrder(good, damaged);
    }
}
