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
import org.vss4j.SnapshotContext;
import org.vss4j.VssAsync;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssBackupComponents;

/**
 * Two requesters racing for the machine-wide "one snapshot set in creation" lock, and asynchronous operations delayed
 * by {@link Faults#delay(org.vss4j.abi.ComMethod, Duration)}. Threads meet at barriers and gates, never at sleeps.
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
    void twoRequestersRacingForASnapshotSetGetOneLockAndTheLoserWaitsForDoSnapshotSet(SimulatedMachine machine)
            throws Exception {
        Volume volume = machine.addVolume(volumeDir);
        Gate held = machine.faults().delay(IVssBackupComponents.DoSnapshotSet);
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
            try (VssAsync creating = winner.doSnapshotSet()) {
                assertThat(held.awaitReached(T)).isTrue();
                // While the winner's DoSnapshotSet is in progress the machine refuses a second set.
                assertThatThrownBy(loser::startSnapshotSet).isInstanceOfSatisfying(VssException.class,
                        e -> assertThat(e.is(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS)).isTrue());
                held.open();
                creating.awaitFinished(T);
            }
            // The lock is released when DoSnapshotSet completes: the loser now gets its own set.
            UUID loserSet = loser.startSnapshotSet();
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
