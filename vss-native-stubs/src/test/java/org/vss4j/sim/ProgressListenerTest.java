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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.sim.ProgressListener.Phase;

/**
 * The long work of the simulator reports its progress: from 0, never backwards, ending at the total, which is the
 * number of files; for the point-in-time copy (either way it is made), the deletion of a shadow copy, and the removal
 * of what an interrupted run left.
 */
class ProgressListenerTest {

    private static final int FILES = 2_345;

    @TempDir
    Path state;

    @TempDir
    Path disk;

    private SimulatedMachine machine;
    private final List<long[]> events = new ArrayList<>();
    private final List<Phase> phases = new ArrayList<>();
    private final ProgressListener recorder = (phase, done, total) -> {
        phases.add(phase);
        events.add(new long[] {done, total});
    };

    @BeforeEach
    void manyFiles() throws Exception {
        for (int d = 0; d < 45; d++) {
            Path dir = Files.createDirectories(disk.resolve("d" + d));
            for (int f = 0; f < (d == 0 ? FILES - 44 * 52 : 52); f++) {
                Files.writeString(dir.resolve("f" + f), "x");
            }
        }
    }

    @AfterEach
    void close() {
        if (machine != null) {
            machine.close();
        }
    }

    private Snapshot snapshot(PointInTimeCopier copier) {
        machine = SimulatedMachine.persistentAt(state).progress(recorder);
        machine.snapshotStore().useCopier(copier);
        Volume v = machine.addVolume(disk, "D:\\");
        return machine.snapshotStore().createSet(UUID.randomUUID(), Map.of(UUID.randomUUID(), v), 1, this).get(0);
    }

    /** Every event is of {@code phase}, starts at 0, never goes back, and ends at the total, {@code total}. */
    private void assertMonotoneTo(Phase phase, long total) {
        assertThat(phases).containsOnly(phase);
        assertThat(events).allSatisfy(e -> assertThat(e[1]).isEqualTo(total));
        assertThat(events.get(0)[0]).isZero();
        assertThat(events.get(events.size() - 1)[0]).isEqualTo(total);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i)[0]).as("event %d", i).isGreaterThanOrEqualTo(events.get(i - 1)[0]);
        }
        events.clear();
        phases.clear();
    }

    @Test
    void aPlainCopyAndItsDeletionReportEveryFileInStepsFromZeroToTheTotal() {
        Snapshot s = snapshot(PointInTimeCopier.plainCopies());
        assertMonotoneTo(Phase.POINT_IN_TIME_COPY, FILES);

        assertThat(machine.snapshotStore().delete(s.id())).isTrue();
        machine.snapshotStore().awaitDeletions();
        int steps = events.size();
        assertMonotoneTo(Phase.SHADOW_COPY_DELETION, FILES);
        assertThat(steps).as("reported on the way, not only at both ends").isGreaterThan(100);
    }

    @Test
    void aCloneReportsItsStartAndItsEnd() {
        assumeTrue(Files.isExecutable(Path.of("/bin/cp")), "needs /bin/cp");
        snapshot(PointInTimeCopier.withCloneCommand(List.of("/bin/cp", "-a")));
        assertThat(events).hasSize(2);
        assertMonotoneTo(Phase.POINT_IN_TIME_COPY, FILES);
    }

    @Test
    void theRemovalOfALeftOverCopyIsReportedToTheListenerGivenAtOpen() throws Exception {
        SimulatedMachine.persistentAt(state).close();
        UUID id = UUID.randomUUID();
        Path orphan = Files.createDirectories(state.resolve("snapshots").resolve(id.toString()));
        Files.writeString(state.resolve("snapshots").resolve(id + SnapshotJournal.COPY_SUFFIX), "mark");
        for (int i = 0; i < 10; i++) {
            Files.writeString(orphan.resolve("f" + i), "x");
        }
        machine = SimulatedMachine.persistentAt(state, recorder);
        assertMonotoneTo(Phase.LEFT_OVER_REMOVAL, 10);
    }

    /** Every {@link ProgressListener#ended} told: phase, done, total, completed. */
    private final List<String> ends = new ArrayList<>();
    private final ProgressListener endRecorder = new ProgressListener() {
        @Override
        public void progress(Phase phase, long done, long total) {
            recorder.progress(phase, done, total);
        }

        @Override
        public void ended(Phase phase, long done, long total, boolean completed) {
            ends.add(phase + " " + done + "/" + total + (completed ? " completed" : " failed"));
        }
    };

    @Test
    void eachPieceOfWorkIsEndedOnceWhenItCompletes() {
        machine = SimulatedMachine.persistentAt(state).progress(endRecorder);
        Volume v = machine.addVolume(disk, "D:\\");
        Snapshot s = machine.snapshotStore().createSet(UUID.randomUUID(), Map.of(UUID.randomUUID(), v), 1, this)
                .get(0);
        machine.snapshotStore().delete(s.id());
        machine.snapshotStore().awaitDeletions();

        assertThat(ends).containsExactly(Phase.POINT_IN_TIME_COPY + " " + FILES + "/" + FILES + " completed",
                Phase.SHADOW_COPY_DELETION + " " + FILES + "/" + FILES + " completed");
    }

    @Test
    void aCopyThatFailsIsEndedAsFailedBeforeItsFailureIsThrown() throws Exception {
        machine = SimulatedMachine.persistentAt(state).progress(endRecorder);
        Volume v = machine.addVolume(disk, "D:\\");
        Path snapshots = state.resolve("snapshots").toRealPath();
        // A file whose path fits in the volume but whose copy's path, longer by the copy directory's, does not
        // (PATH_MAX, 4096 bytes on Linux): the copy fails there.
        int copyPath = 4100;
        int relative = copyPath - snapshots.toString().length() - 1 - 36 - 1;
        Path file = v.root().resolve(deepName(relative));
        assertThat(file.toString().length()).as("the volume's own path fits").isLessThan(4095);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "deep");

        assertThatThrownBy(() -> machine.snapshotStore().createSet(UUID.randomUUID(),
                Map.of(UUID.randomUUID(), v), 1, this)).isInstanceOf(RuntimeException.class);

        assertThat(ends).singleElement().asString().startsWith(Phase.POINT_IN_TIME_COPY.toString())
                .endsWith("/" + (FILES + 1) + " failed");
    }

    /** A relative path of exactly {@code length} characters, in names of at most 200. */
    private static String deepName(int length) {
        StringBuilder b = new StringBuilder();
        while (length - b.length() > 201) {
            b.append("d".repeat(200)).append('/');
        }
        return b.append("f".repeat(length - b.length())).toString();
    }
}
