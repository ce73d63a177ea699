package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupException;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupSession;
import org.vss4j.sim.Gate;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * {@code BackupSessionBuilder.stopWhen}: a caller's stop ends {@code start()} before the next step or within the
 * pending wait (cancelled), aborts and releases; an open session's {@code complete()} is never stopped.
 */
@ExtendWith(VssSimulatorExtension.class)
class StopWhenTest {

    @TempDir
    Path temp;

    SessionFixture fx;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        SessionFixture.write(fx.c, "data\\a.txt", "a");
    }

    @Test
    void aStopBetweenStepsEndsStartBeforeTheNextOne(SimulatedMachine machine) {
        AtomicBoolean stop = new AtomicBoolean();
        assertThatThrownBy(() -> fx.session().volumes("C:\\").stopWhen(stop::get).listener(e -> {
            if (e instanceof BackupEvent.PhaseFinished f && f.phase() == BackupPhase.START_SNAPSHOT_SET) {
                stop.set(true);
            }
        }).start()).isInstanceOfSatisfying(BackupException.class, e -> {
            assertThat(e.phase()).isEqualTo(BackupPhase.PREPARE_FOR_BACKUP);
            assertThat(e.hresult()).isEqualTo(VssHresult.E_ABORT.code());
        });
        assertThat(machine.faults().calls(IVssBackupComponents.PrepareForBackup)).isZero();
        assertThat(machine.faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void aStopDuringAWaitCancelsTheOperation(SimulatedMachine machine) {
        AtomicBoolean stop = new AtomicBoolean();
        Gate held = machine.faults().delay(IVssBackupComponents.DoSnapshotSet);
        machine.faults().duringCall(IVssBackupComponents.DoSnapshotSet, () -> stop.set(true));
        try {
            assertThatThrownBy(() -> fx.session().volumes("C:\\").stopWhen(stop::get).start())
                    .isInstanceOfSatisfying(BackupException.class, e -> {
                        assertThat(e.phase()).isEqualTo(BackupPhase.DO_SNAPSHOT_SET);
                        assertThat(e.hresult()).isEqualTo(VssHresult.E_ABORT.code());
                        assertThat(e.getMessage()).contains("was cancelled (IVssAsync::Cancel): the caller asked "
                                + "the session to stop");
                    });
        } finally {
            held.open();
        }
        assertThat(machine.faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        assertThat(machine.snapshots()).isEmpty();
    }

    @Test
    void anOpenSessionCompletesWhateverTheStopSays() {
        AtomicBoolean stop = new AtomicBoolean();
        try (BackupSession s = fx.session().volumes("C:\\").stopWhen(stop::get).start()) {
            stop.set(true);
            SessionFixture.copyAll(s);
            assertThat(s.complete().components()).isEmpty();
            assertThat(s.result()).isPresent();
        }
    }
}
