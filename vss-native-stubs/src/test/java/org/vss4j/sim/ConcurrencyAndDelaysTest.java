package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.AsyncState;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.SnapshotContext;
import org.vss4j.VssAsync;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssBackupComponents;

/**
 * Two requesters racing for the machine-wide holds of the one shadow copy set being built and being created
 * (docs/simulator-in-progress.md), and asynchronous operations delayed by
 * {@link Faults#delay(org.vss4j.abi.ComMethod, Duration)}. Threads meet at barriers and gates, never at sleeps.
 */
@ExtendWith(VssSimulatorExtension.class)
class ConcurrencyAndDelaysTest {

    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path volumeDir;

    /** A requester in a context without writers, so a set needs no GatherWriterMetadata/PrepareForBackup. */
    private static BackupComponents requester() {
        BackupComponents b = BackupComponents.create();
        b.initializeForBackup(null);
        b.setContext(SnapshotContext.FILE_SHARE_BACKUP);
        return b;
    }

    /** StartSnapshotSet's HRESULT: S_OK, or the failure it threw. */
    private static int startSnapshotSet(BackupComponents b) {
        try {
            b.startSnapshotSet();
            return VssHresult.S_OK.code();
        } catch (VssException e) {
            return e.hresult();
        }
    }

    @RepeatedTest(10)
    void twoRequestersRacingForASnapshotSetGetOneLockAndTheLoserWaitsForTheCreation(SimulatedMachine machine)
            throws Exception {
        Volume volume = machine.addVolume(volumeDir);
        Gate held = machine.faults().holdCreation();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (BackupComponents first = requester(); BackupComponents second = requester()) {
            CyclicBarrier together = new CyclicBarrier(2);
            List<BackupComponents> racers = List.of(first, second);
            List<Future<Integer>> results = new java.util.ArrayList<>();
            for (BackupComponents r : racers) {
                Callable<Integer> start = () -> {
                    together.await(T.toSeconds(), TimeUnit.SECONDS);
                    return startSnapshotSet(r);
                };
                results.add(threads.submit(start));
            }
            int firstResult = results.get(0).get(T.toSeconds(), TimeUnit.SECONDS);
            int secondResult = results.get(1).get(T.toSeconds(), TimeUnit.SECONDS);
            assertThat(List.of(firstResult, secondResult)).containsExactlyInAnyOrder(VssHresult.S_OK.code(),
                    VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS.code());
            BackupComponents winner = firstResult == VssHresult.S_OK.code() ? first : second;
            BackupComponents loser = winner == first ? second : first;

            winner.addToSnapshotSet(volume.guidName(), BackupComponents.GUID_NULL);
            // Until the winner's DoSnapshotSet returns, its set is being built: the loser cannot start one.
            assertThat(startSnapshotSet(loser)).isEqualTo(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS.code());
            UUID loserSet;
            try (VssAsync creating = winner.doSnapshotSet()) {
                assertThat(held.awaitReached(T)).isTrue();
                // DoSnapshotSet returned: the loser may start its set, but while the winner's creation holds the
                // machine the loser's AddToSnapshotSet reports it.
                loserSet = loser.startSnapshotSet();
                assertThatThrownBy(() -> loser.addToSnapshotSet(volume.guidName(), BackupComponents.GUID_NULL))
                        .isInstanceOfSatisfying(VssException.class,
                                e -> assertThat(e.is(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS)).isTrue());
                held.open();
                creating.awaitFinished(T);
            }
            // The creation ended: the loser now adds its volume and creates its own set.
            loser.addToSnapshotSet(volume.guidName(), BackupComponents.GUID_NULL);
            try (VssAsync creating = loser.doSnapshotSet()) {
                creating.awaitFinished(T);
            }
            assertThat(machine.snapshots()).hasSize(2).extracting(Snapshot::setId).contains(loserSet)
                    .doesNotHaveDuplicates();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aDoSnapshotSetMeetingAnotherCreationFailsAsItsAsynchronousResultAndAbortsTheWriters(
            SimulatedMachine machine) throws Exception {
        Volume volume = machine.addVolume(volumeDir);
        SimulatedWriter w = machine.addWriter(SimulatedWriter.builder("W").build());
        Gate preparing = w.hangAt(WriterEvent.PREPARE_FOR_SNAPSHOT);
        Gate held = machine.faults().holdCreation();
        try (BackupComponents first = BackupComponents.create(); BackupComponents second = requester()) {
            first.initializeForBackup(null);
            first.setBackupState(false, false, BackupType.FULL, false);
            first.gatherWriterMetadata().finish(T);
            first.startSnapshotSet();
            first.addToSnapshotSet(volume.guidName(), BackupComponents.GUID_NULL);
            first.prepareForBackup().finish(T);
            try (VssAsync firstCreating = first.doSnapshotSet()) {
                // The first creation is held at its writer's PrepareForSnapshot, before it takes the machine; its
                // DoSnapshotSet returned, so the second requester builds a set and its creation takes the machine.
                assertThat(preparing.awaitReached(T)).isTrue();
                second.startSnapshotSet();
                second.addToSnapshotSet(volume.guidName(), BackupComponents.GUID_NULL);
                try (VssAsync secondCreating = second.doSnapshotSet()) {
                    assertThat(held.awaitReached(T)).isTrue();
                    preparing.open();
                    assertThatThrownBy(() -> firstCreating.await(T)).isInstanceOfSatisfying(VssException.class,
                            e -> assertThat(e.is(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS)).isTrue());
                    assertThat(w.events()).endsWith(WriterEvent.PREPARE_FOR_SNAPSHOT, WriterEvent.ABORT);
                    // The set is spent: no second DoSnapshotSet, no new set on this object.
                    assertThatThrownBy(first::doSnapshotSet).isInstanceOfSatisfying(VssException.class,
                            e -> assertThat(e.is(VssHresult.VSS_E_BAD_STATE)).isTrue());
                    first.abortBackup();
                    held.open();
                    secondCreating.awaitFinished(T);
                }
            }
            assertThat(machine.snapshots()).singleElement().satisfies(s -> assertThat(s.volume()).isEqualTo(volume));
        }
        assertThat(machine.snapshots()).isEmpty();
    }

    @Test
    void aDelayWithADurationHoldsTheOperationThenLetsItFinishByItself(SimulatedMachine machine) throws Exception {
        Duration delay = Duration.ofMillis(200);
        Gate gate = machine.faults().delay(IVssBackupComponents.GatherWriterMetadata, delay);
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            long started = System.nanoTime();
            try (VssAsync async = b.gatherWriterMetadata()) {
                assertThat(gate.awaitReached(T)).isTrue();
                // Nobody opens the gate: the operation completes once the duration has passed.
                assertThat(async.await(T)).isEqualTo(AsyncState.FINISHED);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(delay);
            assertThat(gate.isOpen()).isTrue();
            assertThat(b.getWriterMetadataCount()).isZero();
        }
    }

    @Test
    void aCancelReleasesADurationDelayEarly(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(IVssBackupComponents.GatherWriterMetadata, Duration.ofMinutes(10));
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            try (VssAsync async = b.gatherWriterMetadata()) {
                assertThat(gate.awaitReached(T)).isTrue();
                assertThat(async.queryStatus()).isEqualTo(AsyncState.PENDING);
                async.cancel();
                assertThat(async.await(T)).isEqualTo(AsyncState.CANCELLED);
            }
        }
    }
}
