package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
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

/** Phase and overall timeouts cancel the pending operation; VSS_E_SNAPSHOT_SET_IN_PROGRESS is retried. */
@ExtendWith(VssSimulatorExtension.class)
class TimeoutAndRetryTest {

    @TempDir
    Path temp;

    SessionFixture fx;
    SimulatedWriter writer;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        SessionFixture.write(fx.c, "app\\a.txt", "a");
        writer = machine.addWriter(SimulatedWriter.builder("AppWriter").component(WriterComponent.fileGroup("", "app")
                .withFile(FileSpec.of("C:\\app", "*", false))).build());
    }

    @Test
    void aPhaseTimeoutCancelsTheOperationAndAborts() {
        Gate held = fx.machine.faults().delay(IVssBackupComponents.PrepareForBackup);
        TestClock clock = new TestClock().advanceWhen(held::wasReached, Duration.ofMinutes(1));
        assertThatThrownBy(() -> fx.session().clock(clock).pollInterval(Duration.ofMillis(5))
                .phaseTimeout(Duration.ofMinutes(10)).components(ComponentSelection.writer("AppWriter")).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.isTimeout()).isTrue();
                    assertThat(e.phase()).isEqualTo(BackupPhase.PREPARE_FOR_BACKUP);
                    assertThat(e.hresult()).isEqualTo(VssHresult.E_ABORT.code());
                    assertThat(e.getMessage()).contains("phase timeout");
                });
        // The cancel opened the gate: the operation ended before AbortBackup, which needs no operation running.
        assertThat(held.isOpen()).isTrue();
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        assertThat(writer.events()).doesNotContain(WriterEvent.PREPARE_FOR_BACKUP);
        assertThat(fx.machine.snapshots()).isEmpty();
    }

    @Test
    void theOverallTimeoutBoundsAHangingWriter() throws InterruptedException {
        Gate hang = writer.hangAt(WriterEvent.FREEZE);
        TestClock clock = new TestClock().advanceWhen(hang::wasReached, Duration.ofMinutes(1));
        assertThatThrownBy(() -> fx.session().clock(clock).pollInterval(Duration.ofMillis(5))
                .phaseTimeout(Duration.ofMinutes(10)).overallTimeout(Duration.ofMinutes(5))
                .components(ComponentSelection.writer("AppWriter")).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.isTimeout()).isTrue();
                    assertThat(e.phase()).isEqualTo(BackupPhase.DO_SNAPSHOT_SET);
                    assertThat(e.getMessage()).contains("overall timeout");
                });
        // The overall timeout left no grace: the cancelled DoSnapshotSet may still be delivering its Abort (and
        // retiring what it lent the writer) on the simulator's thread when start() returns, so that work is awaited,
        // bounded and without spinning on a CPU it needs, before the Abort is checked and the leak check runs.
        assertThat(fx.machine.awaitAsyncIdle(Duration.ofSeconds(30))).as("the simulator's work ended").isTrue();
        assertThat(writer.events()).contains(WriterEvent.ABORT).doesNotContain(WriterEvent.THAW);
        assertThat(fx.machine.snapshots()).isEmpty();
    }

    @Test
    void anotherSnapshotSetInCreationIsWaitedFor() {
        BackupComponents other = BackupComponents.create();
        other.initializeForBackup(null);
        other.startSnapshotSet();
        // The other requester finishes while the session backs off.
        TestClock clock = new TestClock().onSleep(() -> {
            if (!other.isClosed()) {
                other.close();
            }
        });
        try (BackupSession s = fx.session().clock(clock).components(ComponentSelection.writer("AppWriter"))
                .start()) {
            SessionFixture.copyAll(s);
            assertThat(s.complete().succeeded()).isTrue();
        } finally {
            if (!other.isClosed()) {
                other.close();
            }
        }
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(1));
        assertThat(fx.events).filteredOn(e -> e instanceof BackupEvent.Retrying).singleElement()
                .satisfies(e -> assertThat(((BackupEvent.Retrying) e).hresult())
                        .isEqualTo(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS.code()));
    }

    @Test
    void theRetryGivesUpWithinTheOverallTimeoutWithBackoff() {
        BackupComponents other = BackupComponents.create();
        try {
            other.initializeForBackup(null);
            other.startSnapshotSet();
            TestClock clock = new TestClock();
            assertThatThrownBy(() -> fx.session().clock(clock).overallTimeout(Duration.ofSeconds(20))
                    .retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4))
                    .components(ComponentSelection.writer("AppWriter")).start())
                    .isInstanceOfSatisfying(BackupException.class, e -> {
                        assertThat(e.phase()).isEqualTo(BackupPhase.START_SNAPSHOT_SET);
                        assertThat(e.hresult()).isEqualTo(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS.code());
                    });
            assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                    Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4));
            assertThat(writer.events()).doesNotContain(WriterEvent.PREPARE_FOR_BACKUP);
        } finally {
            other.close();
        }
    }
}
