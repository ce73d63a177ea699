package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL) in the middle of an operation on the state directory, at a {@link KillPoint}: no other
 * process ever lists a half-made set as created, a live operation is left alone, and the next machine opening the
 * directory reports what was left and removes it. Also the one-set rule across processes: the set lock of a live
 * process refuses StartSnapshotSet, that of a killed one is released by the OS.
 */
class InterruptedOperationsTest {

    @TempDir
    Path state;

    @TempDir
    Path work;

    private Path d;
    private Path e;
    private final List<SimulatedMachine> machines = new ArrayList<>();

    @BeforeEach
    void volumes() throws Exception {
        d = Files.createDirectory(work.resolve("d"));
        e = Files.createDirectory(work.resolve("e"));
        Files.writeString(d.resolve("a.txt"), "d data");
        Files.writeString(e.resolve("b.txt"), "e data");
    }

    @AfterEach
    void closeMachines() {
        machines.forEach(SimulatedMachine::close);
    }

    /** The machine at the state directory, as one more process opens it. */
    private SimulatedMachine open() {
        SimulatedMachine m = SimulatedMachine.persistentAt(state);
        machines.add(m);
        return m;
    }

    private ForkedProcess start(String point, String mode) throws Exception {
        return ForkedProcess.start(work, point, state.toString(), mode, d.toString(), e.toString());
    }

    /** The names in the state directory's snapshot folder but the machine-wide counter and lock files. */
    private List<String> leftInState() throws Exception {
        try (Stream<Path> files = Files.list(state.resolve("snapshots"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> !List.of("last-device-number", "last-device-number.lock", "journal.lock",
                            SimulatedMachine.SET_LOCK).contains(n))
                    .sorted().toList();
        }
    }

    private void assertRemovedOnNextOpen(String operation, String state, int snapshots) throws Exception {
        SimulatedMachine next = open();
        assertThat(next.snapshots()).as("listed after the kill").isEmpty();
        assertThat(next.removedLeftOvers()).singleElement().satisfies(left -> {
            assertThat(left.operation()).isEqualTo(operation);
            assertThat(left.state()).isEqualTo(state);
            assertThat(left.snapshots()).hasSize(snapshots);
            assertThat(left.volumes()).containsExactlyInAnyOrder(d.toRealPath().toString(), e.toRealPath().toString());
        });
        assertThat(next.unreadableRecords()).isEmpty();
        // What the dead process had moved into the trash is swept in the background.
        next.snapshotStore().awaitDeletions();
        assertThat(leftInState()).as("no copy directory, record, journal or lock file left").isEmpty();
        assertThat(open().removedLeftOvers()).as("reported once").isEmpty();
    }

    @Test
    void aSetKilledBetweenItsVolumesIsNeverListedAndIsRemovedByTheNextOpen() throws Exception {
        try (ForkedProcess p = start(KillPoint.CREATE_VOLUME_COPIED + 1, "persistent")) {
            p.awaitPoint();
            assertThat(leftInState()).as("volume 1 is copied and recorded").anyMatch(n -> n.endsWith(".snapshot"));

            SimulatedMachine meanwhile = open();
            assertThat(meanwhile.snapshots()).as("a set in creation is not listed").isEmpty();
            assertThat(meanwhile.removedLeftOvers()).as("a live creation is left alone").isEmpty();
            Object requester = new Object();
            assertThat(meanwhile.beginSnapshotSet(requester)).as("StartSnapshotSet while another process creates")
                    .isFalse();

            p.kill();
            assertThat(meanwhile.beginSnapshotSet(requester)).as("the OS released the killed process's set lock")
                    .isTrue();
            meanwhile.endSnapshotSet(requester);
            meanwhile.releaseSetLock(requester);
        }
        assertRemovedOnNextOpen("create", "creating", 2);
    }

    @Test
    void aSetKilledAfterItsLastCopyButBeforeItIsCompleteIsRemoved() throws Exception {
        try (ForkedProcess p = start(KillPoint.CREATE_BEFORE_COMPLETE, "persistent")) {
            p.awaitPoint();
            assertThat(open().snapshots()).isEmpty();
            p.kill();
        }
        assertRemovedOnNextOpen("create", "creating", 2);
    }

    @Test
    void aSetKilledOnceCompleteIsListed() throws Exception {
        try (ForkedProcess p = start(KillPoint.CREATE_COMPLETE, "persistent")) {
            p.awaitPoint();
            p.kill();
        }
        SimulatedMachine next = open();
        assertThat(next.snapshots()).hasSize(2).allSatisfy(s -> assertThat(s.directory()).isDirectory());
        assertThat(next.removedLeftOvers()).isEmpty();
    }

    @Test
    void aDeletionKilledMidwayIsFinishedByTheNextOpen() throws Exception {
        try (ForkedProcess p = start(null, "persistent")) {
            assertThat(p.finish()).as(p.output()).isZero();
        }
        try (ForkedProcess p = start(KillPoint.DELETE_SNAPSHOT_DELETED + 1, "delete")) {
            p.awaitPoint();
            assertThat(open().snapshots()).as("shadow copies being deleted are not listed").isEmpty();
            p.kill();
        }
        assertRemovedOnNextOpen("delete", "deleting", 2);
    }

    @Test
    void theNonPersistentShadowCopiesOfAKilledProcessAreRemoved() throws Exception {
        try (ForkedProcess p = start(KillPoint.CREATE_COMPLETE, "transient")) {
            p.awaitPoint();
            assertThat(leftInState()).as("two copy directories of the live process")
                    .filteredOn(n -> !n.contains(".")).hasSize(2);
            assertThat(open().removedLeftOvers()).as("the live process's copies are left alone").isEmpty();
            assertThat(leftInState()).filteredOn(n -> !n.contains(".")).hasSize(2);
            p.kill();
        }
        assertRemovedOnNextOpen("create", "held", 2);
    }

    @Test
    void aRecoveryKilledMidwayIsFinishedByTheOneAfter() throws Exception {
        try (ForkedProcess p = start(KillPoint.CREATE_BEFORE_COMPLETE, "persistent")) {
            p.awaitPoint();
            p.kill();
        }
        try (ForkedProcess p = start(KillPoint.RECOVER_FIRST_REMOVED, "open")) {
            p.awaitPoint();
            p.kill();
        }
        assertRemovedOnNextOpen("create", "creating", 2);
    }

    @Test
    void aSecondMachineOfThisProcessRefusedTheSetLockLeavesItHeldForOtherProcesses() throws Exception {
        SimulatedMachine first = open();
        SimulatedMachine second = open();
        Object a = new Object();
        assertThat(first.beginSnapshotSet(a)).isTrue();
        assertThat(second.beginSnapshotSet(new Object())).isFalse();

        try (ForkedProcess p = start(null, "persistent")) {
            assertThat(p.finish()).as("StartSnapshotSet in another process:\n%s", p.output()).isEqualTo(3);
            assertThat(p.output()).contains("VSS_E_SNAPSHOT_SET_IN_PROGRESS");
        }
        first.endSnapshotSet(a);
        first.releaseSetLock(a);
    }

    @Test
    void aMachineOpenedBesideALiveSetOfThisProcessLeavesItsLockHeldForOtherProcesses() throws Exception {
        SimulatedMachine first = open();
        Object a = new Object();
        assertThat(first.beginSnapshotSet(a)).isTrue();
        first.snapshotStore().createSet(UUID.randomUUID(),
                Map.of(UUID.randomUUID(), first.addVolume(d)), 0, a);
        first.endSnapshotSet(a);
        first.releaseSetLock(a);
        assertThat(open().removedLeftOvers()).as("this process's live set is left alone").isEmpty();

        try (ForkedProcess p = start(null, "open")) {
            assertThat(p.finish()).as(p.output()).isZero();
            assertThat(p.output()).as("another process leaves the live set alone too").contains("left overs []");
        }
        assertThat(first.snapshots()).singleElement().satisfies(s -> assertThat(s.directory()).isDirectory());
    }

    @Test
    void aDeletionFailingMidwayListsNothingItNamedWhileAnotherMachineFinishesIt() throws Exception {
        SimulatedMachine first = open();
        Map<UUID, Volume> volumes = new LinkedHashMap<>();
        volumes.put(UUID.randomUUID(), first.addVolume(d));
        volumes.put(UUID.randomUUID(), first.addVolume(e));
        UUID set = UUID.randomUUID();
        List<Snapshot> made = first.snapshotStore().createSet(set, volumes, 1, new Object());
        // The first shadow copy's exposure link is replaced by a directory with a file: unexposing it fails, so the
        // deletion stops before the second shadow copy.
        Path link = work.resolve("exposed");
        first.snapshotStore().expose(made.get(0).id(), new Exposure("X:\\", null, true, link, false));
        Files.delete(link);
        Files.writeString(Files.createDirectory(link).resolve("in-the-way"), "x");

        assertThatThrownBy(() -> first.snapshotStore().deleteAll(first.snapshotStore().inSet(set)))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(first.snapshots()).as("a deletion begun lists nothing it names, failed or not").isEmpty();

        SimulatedMachine next = open();
        assertThat(next.removedLeftOvers()).as("the failed deletion's lock is free: the next open finishes it")
                .singleElement().satisfies(left -> assertThat(left.operation()).isEqualTo("delete"));
        assertThat(made).allSatisfy(s -> assertThat(s.directory()).doesNotExist());
        assertThat(first.snapshots()).isEmpty();
    }

    @Test
    void theKillPointIsNotTakenFromTheEnvironment() throws Exception {
        Path marker = work.resolve("from-the-environment.marker");
        try (ForkedProcess p = ForkedProcess.start(work, Map.of("VSS4J_SIM_KILL_POINT", KillPoint.CREATE_JOURNALED,
                "VSS4J_SIM_KILL_POINT_MARKER", marker.toString()), null, state.toString(), "persistent",
                d.toString())) {
            assertThat(p.finish()).as("a run with the variables set creates its set:\n%s", p.output()).isZero();
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void twoMachinesOfOneProcessOnOneDirectoryKeepTheOneSetRule() {
        SimulatedMachine first = open();
        SimulatedMachine second = open();
        Object a = new Object();
        Object b = new Object();

        assertThat(first.beginSnapshotSet(a)).isTrue();
        assertThat(second.beginSnapshotSet(b)).isFalse();
        first.endSnapshotSet(a);
        assertThat(second.beginSnapshotSet(b)).as("the set lock is held until the set is created or aborted")
                .isFalse();
        first.releaseSetLock(a);
        assertThat(second.beginSnapshotSet(b)).isTrue();
        second.releaseSetLock(b);
    }
}
