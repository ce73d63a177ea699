package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.AsyncIncompleteException;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupException;
import org.vss4j.session.BackupListener;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupSession;
import org.vss4j.session.BackupSessionBuilder;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.AsyncPlan;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.Gate;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * How a backup session leaves an asynchronous operation (docs/async.md): QueryStatus decides when it finished; a phase
 * timeout, an interrupt, an {@link Error} from the listener or a failing Wait cancel it, wait the grace for
 * VSS_S_ASYNC_CANCELLED, release the IVssAsync once (the simulator's leak check) and abort; the error names the phase,
 * the operation and the HRESULT. Operations are held at gates; Waits return early so that nothing waits in real time.
 */
@ExtendWith(VssSimulatorExtension.class)
class AsyncExitsTest {

    private static final IVssBackupComponents PREPARE = IVssBackupComponents.PrepareForBackup;

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

    private BackupSessionBuilder session(BackupListener listener) {
        return BackupSession.builder().listener(e -> {
            fx.events.add(e);
            listener.onEvent(e);
        }).pollInterval(Duration.ofMillis(5)).components(ComponentSelection.writer("AppWriter"));
    }

    private int cancels() {
        return fx.machine.faults().calls(IVssAsync.Cancel);
    }

    /** An event about PrepareForBackup still running once it is held at {@code held}. */
    private static boolean preparePending(BackupEvent e, Gate held) {
        return held.wasReached() && e instanceof BackupEvent.OperationPending p
                && p.phase() == BackupPhase.PREPARE_FOR_BACKUP;
    }

    /** The session ended cleanly after giving up on PrepareForBackup: cancelled once, aborted, nothing left. */
    private void assertCancelledAndAborted(Gate held) {
        assertThat(cancels()).isEqualTo(1);
        assertThat(held.isOpen()).isTrue();
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        assertThat(writer.events()).doesNotContain(WriterEvent.PREPARE_FOR_BACKUP);
        assertThat(fx.machine.snapshots()).isEmpty();
    }

    @Test
    void aPhaseTimeoutCancelsAndReportsTheAcknowledgement() {
        Gate held = fx.machine.faults().delay(PREPARE);
        fx.machine.faults().async(PREPARE).waitReturnsEarly();
        // Time runs until the cancel; the grace is then given in full.
        TestClock clock = new TestClock().advanceWhen(() -> held.wasReached() && cancels() == 0,
                Duration.ofMinutes(1));
        assertThatThrownBy(() -> session(BackupListener.none()).clock(clock).phaseTimeout(Duration.ofMinutes(10))
                .start()).isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.isTimeout()).isTrue();
                    assertThat(e.phase()).isEqualTo(BackupPhase.PREPARE_FOR_BACKUP);
                    assertThat(e.hresult()).isEqualTo(VssHresult.E_ABORT.code());
                    assertThat(e.getMessage()).contains("IVssBackupComponents::PrepareForBackup did not finish within "
                            + "the phase timeout PT10M", "cancelled (VSS_S_ASYNC_CANCELLED)");
                    assertThat(e.getCause()).isInstanceOfSatisfying(AsyncIncompleteException.class,
                            c -> assertThat(c.cancelOutcome())
                                    .isEqualTo(AsyncIncompleteException.CancelOutcome.ACKNOWLEDGED));
                });
        assertCancelledAndAborted(held);
    }

    @Test
    void aWaitThatReturnsEarlyIsNotATimeoutAndQueryStatusDecidesWhenItFinished() {
        Gate held = fx.machine.faults().delay(PREPARE);
        // Wait returns at once with a code Microsoft does not document, while the operation still runs.
        fx.machine.faults().async(PREPARE).waitReturnsEarly().waitTimeoutResult(0x800705B4);
        AtomicInteger pending = new AtomicInteger();
        try (BackupSession s = session(e -> {
            if (preparePending(e, held) && pending.incrementAndGet() == 3) {
                held.open();
            }
        }).clock(new TestClock()).start()) {
            SessionFixture.copyAll(s);
            assertThat(s.complete().succeeded()).isTrue();
        }
        assertThat(pending.get()).isGreaterThanOrEqualTo(3);
        assertThat(cancels()).isZero();
    }

    @Test
    void anInterruptCancelsAbortsAndStaysSetOnTheThread() {
        Gate held = fx.machine.faults().delay(PREPARE);
        fx.machine.faults().async(PREPARE).waitReturnsEarly();
        // Time runs until the cancel: a wait that ignored the interrupt would end by the phase timeout instead.
        TestClock clock = new TestClock().advanceWhen(() -> held.wasReached() && cancels() == 0,
                Duration.ofMinutes(1));
        try {
            assertThatThrownBy(() -> session(e -> {
                if (preparePending(e, held)) {
                    Thread.currentThread().interrupt();
                }
            }).clock(clock).phaseTimeout(Duration.ofMinutes(10)).start()).isInstanceOfSatisfying(BackupException.class, e -> {
                assertThat(e.isTimeout()).isFalse();
                assertThat(e.phase()).isEqualTo(BackupPhase.PREPARE_FOR_BACKUP);
                assertThat(e.hresult()).isEqualTo(VssHresult.E_ABORT.code());
                assertThat(e.getMessage()).contains("IVssBackupComponents::PrepareForBackup", "interrupted",
                        "VSS_S_ASYNC_CANCELLED");
            });
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertCancelledAndAborted(held);
    }

    @Test
    void anErrorThrownByTheListenerWhileAnOperationRunsCancelsItAbortsAndPropagates() {
        Gate held = fx.machine.faults().delay(PREPARE);
        fx.machine.faults().async(PREPARE).waitReturnsEarly();
        AssertionError thrown = new AssertionError("the listener failed");
        TestClock clock = new TestClock().advanceWhen(() -> held.wasReached() && cancels() == 0,
                Duration.ofMinutes(1));
        assertThatThrownBy(() -> session(e -> {
            if (preparePending(e, held)) {
                throw thrown;
            }
        }).clock(clock).phaseTimeout(Duration.ofMinutes(10)).start()).isSameAs(thrown);
        // The requester was aborted and released too: the leak check after the test sees nothing left.
        assertCancelledAndAborted(held);
    }

    @Test
    void aRuntimeExceptionFromTheListenerIsLoggedAndTheBackupGoesOn() {
        Gate held = fx.machine.faults().delay(PREPARE);
        fx.machine.faults().async(PREPARE).waitReturnsEarly();
        try (BackupSession s = session(e -> {
            if (preparePending(e, held)) {
                held.open();
                throw new IllegalStateException("the listener failed");
            }
        }).clock(new TestClock()).start()) {
            SessionFixture.copyAll(s);
            assertThat(s.complete().succeeded()).isTrue();
        }
        assertThat(cancels()).isZero();
    }

    @Test
    void waitsOwnFailureWhileTheOperationRunsCancelsAndNamesWaitTheOperationAndThePhase() {
        Gate held = fx.machine.faults().delay(PREPARE);
        AsyncPlan plan = fx.machine.faults().async(PREPARE).waitReturnsEarly();
        // Wait fails from the first clock reading after the operation reached its gate.
        TestClock clock = new TestClock().onceWhen(held::wasReached, () -> plan.waitFails(VssHresult.E_ACCESSDENIED));
        assertThatThrownBy(() -> session(BackupListener.none()).clock(clock).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.PREPARE_FOR_BACKUP);
                    assertThat(e.hresult()).isEqualTo(VssHresult.E_ACCESSDENIED.code());
                    assertThat(e.getMessage()).contains("IVssAsync::Wait", "IVssBackupComponents::PrepareForBackup",
                            "E_ACCESSDENIED");
                });
        assertCancelledAndAborted(held);
    }

    @Test
    void theOperationsFailurePropagatesWithItsHresultAndIsNotCancelled() {
        fx.machine.faults().async(IVssBackupComponents.DoSnapshotSet).failWith(VssHresult.VSS_E_PROVIDER_VETO);
        assertThatThrownBy(() -> session(BackupListener.none()).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.DO_SNAPSHOT_SET);
                    assertThat(e.hresult()).isEqualTo(VssHresult.VSS_E_PROVIDER_VETO.code());
                    assertThat(e.getMessage()).contains("IVssBackupComponents::DoSnapshotSet");
                });
        assertThat(cancels()).isZero();
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        assertThat(fx.machine.snapshots()).isEmpty();
    }
}
