package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
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
        Path orphan = Files.createDirectories(state.resolve("snapshots").resolve(UUID.randomUUID().toString()));
        for (int i = 0; i < 10; i++) {
            Files.writeString(orphan.resolve("f" + i), "x");
        }
        machine = SimulatedMachine.persistentAt(state, recorder);
        assertMonotoneTo(Phase.LEFT_OVER_REMOVAL, 10);
    }
}
