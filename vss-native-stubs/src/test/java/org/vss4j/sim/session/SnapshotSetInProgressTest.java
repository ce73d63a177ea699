package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupException;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.Gate;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * {@code VSS_E_SNAPSHOT_SET_IN_PROGRESS} where it arrives (docs/simulator-in-progress.md), each time because a second
 * requester holds the machine: StartSnapshotSet while the other's set is being built, AddToSnapshotSet while the
 * other's creation runs, and DoSnapshotSet's asynchronous result when its creation meets the other's. The first two
 * are called again after a backoff; the third aborts the set and starts over with a new requester.
 */
@ExtendWith(VssSimulatorExtension.class)
class SnapshotSetInProgressTest {

    @TempDir
    Path temp;

    SessionFixture fx;
    SimulatedWriter writer;
    OtherRequester other;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        SessionFixture.write(fx.c, "app\\a.txt", "a");
        writer = machine.addWriter(SimulatedWriter.builder("AppWriter").component(WriterComponent.fileGroup("", "app")
                .withFile(FileSpec.of("C:\\app", "*", false))).build());
        other = new OtherRequester("C:\\");
    }

    @AfterEach
    void releaseTheOtherRequester() {
        other.close();
        // Neither requester left a shadow copy behind (both were non-persistent and are released).
        assertThat(fx.machine.snapshots()).isEmpty();
    }

    private List<BackupEvent.Retrying> retries() {
        return fx.events.stream().filter(e -> e instanceof BackupEvent.Retrying).map(e -> (BackupEvent.Retrying) e)
                .toList();
    }

    private int calls(IVssBackupComponents method) {
        return fx.machine.faults().calls(method);
    }

    private void backUpAndComplete(TestClock clock) {
        try (BackupSession s = fx.session().clock(clock).pollInterval(Duration.ofMillis(5))
                .components(ComponentSelection.writer("AppWriter")).start()) {
            assertThat(SessionFixture.copyAll(s)).containsEntry("C:\\app\\a.txt", "a");
            assertThat(s.complete().succeeded()).isTrue();
        }
    }

    @Test
    void addToSnapshotSetIsCalledAgainOnceTheOtherRequestersCreationEnded() {
        Gate held = fx.machine.faults().holdCreation();
        other.create(held);
        TestClock clock = new TestClock().onSleep(other::finish);

        backUpAndComplete(clock);

        // The other's DoSnapshotSet had returned, so StartSnapshotSet succeeded; its creation was still running.
        assertThat(retries()).singleElement().satisfies(r -> {
            assertThat(r.call()).isEqualTo("AddToSnapshotSet");
            assertThat(r.phase()).isEqualTo(BackupPhase.START_SNAPSHOT_SET);
            assertThat(r.hresult()).isEqualTo(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS.code());
        });
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(1));
        // One StartSnapshotSet each; the session's AddToSnapshotSet twice on the same set.
        assertThat(calls(IVssBackupComponents.StartSnapshotSet)).isEqualTo(2);
        assertThat(calls(IVssBackupComponents.AddToSnapshotSet)).isEqualTo(3);
    }

    @Test
    void theSessionWaitsWhileTheOtherSetIsBuiltThenWhileItIsCreated() {
        Gate held = fx.machine.faults().holdCreation();
        other.build();
        // At the first backoff the other requester moves on to DoSnapshotSet; at the second its creation ends.
        TestClock clock = new TestClock().onSleep(() -> {
            if (calls(IVssBackupComponents.DoSnapshotSet) == 0) {
                other.create(held);
            } else {
                other.finish();
            }
        });

        backUpAndComplete(clock);

        assertThat(retries()).extracting(BackupEvent.Retrying::call).containsExactly("StartSnapshotSet",
                "AddToSnapshotSet");
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void aDoSnapshotSetThatMetAnotherCreationIsAbortedAndTheBackupStartsOverWithANewRequester() {
        // The session's creation is held before it takes the machine (its writer's PrepareForSnapshot); meanwhile
        // the other requester builds a set and its creation takes the machine.
        Gate preparing = writer.hangAt(WriterEvent.PREPARE_FOR_SNAPSHOT);
        Gate held = fx.machine.faults().holdCreation();
        TestClock clock = new TestClock().onceWhen(preparing::wasReached, () -> {
            other.build().create(held);
            preparing.open();
        }).onSleep(other::finish);

        backUpAndComplete(clock);

        assertThat(retries()).singleElement().satisfies(r -> {
            assertThat(r.call()).isEqualTo("DoSnapshotSet");
            assertThat(r.phase()).isEqualTo(BackupPhase.DO_SNAPSHOT_SET);
            assertThat(r.hresult()).isEqualTo(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS.code());
        });
        // The collided set was aborted, never given to DoSnapshotSet again: the session ran the whole sequence once
        // more with a new requester (two InitializeForBackup and two DoSnapshotSet of its own, one of the other's).
        assertThat(calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        assertThat(calls(IVssBackupComponents.InitializeForBackup)).isEqualTo(3);
        assertThat(calls(IVssBackupComponents.DoSnapshotSet)).isEqualTo(3);
        assertThat(calls(IVssBackupComponents.GatherWriterMetadata)).isEqualTo(2);
        // The writer saw the first creation fail after PrepareForSnapshot (Abort), then a whole second one.
        assertThat(writer.events()).containsSubsequence(WriterEvent.PREPARE_FOR_SNAPSHOT, WriterEvent.ABORT,
                WriterEvent.PREPARE_FOR_BACKUP, WriterEvent.PREPARE_FOR_SNAPSHOT, WriterEvent.FREEZE,
                WriterEvent.THAW, WriterEvent.POST_SNAPSHOT, WriterEvent.BACKUP_COMPLETE);
        assertThat(fx.events).filteredOn(e -> e instanceof BackupEvent.PhaseStarted p
                && p.phase() == BackupPhase.INITIALIZE).hasSize(2);
    }

    @Test
    void theOverallTimeoutEndsTheStartingOverAndNamesDoSnapshotSet() {
        Gate preparing = writer.hangAt(WriterEvent.PREPARE_FOR_SNAPSHOT);
        Gate held = fx.machine.faults().holdCreation();
        TestClock clock = new TestClock().onceWhen(preparing::wasReached, () -> {
            other.build().create(held);
            preparing.open();
        });

        assertThatThrownBy(() -> fx.session().clock(clock).pollInterval(Duration.ofMillis(5))
                .overallTimeout(Duration.ofSeconds(20)).retryBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60))
                .components(ComponentSelection.writer("AppWriter")).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.DO_SNAPSHOT_SET);
                    assertThat(e.hresult()).isEqualTo(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS.code());
                    assertThat(e.getMessage()).contains("DoSnapshotSet").contains("overall timeout");
                });
        assertThat(clock.sleeps).isEmpty();
        assertThat(calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        // One DoSnapshotSet of the session's, one of the other's: the collided set was not committed again.
        assertThat(calls(IVssBackupComponents.DoSnapshotSet)).isEqualTo(2);
        assertThat(other.isHolding()).isTrue();
    }

    @Test
    void addToSnapshotSetGivesUpWithinTheOverallTimeoutWithBackoff() {
        Gate held = fx.machine.faults().holdCreation();
        other.create(held);
        TestClock clock = new TestClock();

        assertThatThrownBy(() -> fx.session().clock(clock).overallTimeout(Duration.ofSeconds(20))
                .retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4))
                .components(ComponentSelection.writer("AppWriter")).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.START_SNAPSHOT_SET);
                    assertThat(e.hresult()).isEqualTo(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS.code());
                    assertThat(e.getMessage()).contains("AddToSnapshotSet");
                });
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4));
        // The started set was aborted; no writer was prepared.
        assertThat(calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        assertThat(writer.events()).doesNotContain(WriterEvent.PREPARE_FOR_BACKUP);
    }
}
