package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.AsyncCompletion;
import org.vss4j.AsyncIncompleteException;
import org.vss4j.AsyncIncompleteException.CancelOutcome;
import org.vss4j.AsyncIncompleteException.Reason;
import org.vss4j.AsyncState;
import org.vss4j.BackupComponents;
import org.vss4j.VssAsync;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.abi.vtable.IVssBackupComponents;

/**
 * {@link AsyncCompletion} and {@link VssAsync#awaitFinished} against the simulated {@code IVssAsync}: QueryStatus
 * decides, and every exit that leaves the operation unfinished cancels it and waits a bounded grace. Time is a test
 * clock that moves one minute per reading while a condition holds; Waits return early where the test would otherwise
 * wait in real time.
 */
@ExtendWith(VssSimulatorExtension.class)
class VssAsyncCompletionTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static final Duration GRACE = Duration.ofMinutes(3);
    private static final IVssBackupComponents ORIGIN = IVssBackupComponents.GatherWriterMetadata;

    /** A clock that moves a minute per reading while {@code moving} holds. */
    private static final class StepClock {
        final AtomicLong nanos = new AtomicLong();
        final BooleanSupplier moving;

        StepClock(BooleanSupplier moving) {
            this.moving = moving;
        }

        long read() {
            return moving.getAsBoolean() ? nanos.addAndGet(Duration.ofMinutes(1).toNanos()) : nanos.get();
        }

        AsyncCompletion completion() {
            return new AsyncCompletion(this::read, Duration.ofMillis(5), GRACE);
        }
    }

    private static BackupComponents requester() {
        BackupComponents b = BackupComponents.create();
        b.initializeForBackup(null);
        return b;
    }

    private static int cancels(SimulatedMachine machine) {
        return machine.faults().calls(IVssAsync.Cancel);
    }

    @Test
    void aTimeoutCancelsAndWaitsUntilQueryStatusReportsCancelled(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(ORIGIN);
        machine.faults().async(ORIGIN).waitReturnsEarly();
        // The clock runs until the cancel: the grace is then waited for in full, and the cancel ends the operation.
        StepClock clock = new StepClock(() -> gate.wasReached() && cancels(machine) == 0);
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(gate.awaitReached(T)).isTrue();
            assertThatThrownBy(() -> clock.completion().awaitFinished(a, Duration.ofMinutes(10)))
                    .isInstanceOfSatisfying(AsyncIncompleteException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT);
                        assertThat(e.cancelOutcome()).isEqualTo(CancelOutcome.ACKNOWLEDGED);
                        assertThat(e.is(VssHresult.E_ABORT)).isTrue();
                        assertThat(e.operation()).isEqualTo("IVssBackupComponents::GatherWriterMetadata");
                        assertThat(e.getMessage()).contains("did not finish within PT10M",
                                "cancelled (VSS_S_ASYNC_CANCELLED)");
                    });
            assertThat(cancels(machine)).isEqualTo(1);
            assertThat(a.queryStatus()).isEqualTo(AsyncState.CANCELLED);
        }
    }

    @Test
    void aCancelNotAcknowledgedWithinTheGraceIsReportedAndTheWaitEnds(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(ORIGIN);
        machine.faults().async(ORIGIN).waitReturnsEarly().ignoresCancel();
        StepClock clock = new StepClock(gate::wasReached);
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(gate.awaitReached(T)).isTrue();
            assertThatThrownBy(() -> clock.completion().awaitFinished(a, Duration.ofMinutes(10)))
                    .isInstanceOfSatisfying(AsyncIncompleteException.class, e -> {
                        assertThat(e.cancelOutcome()).isEqualTo(CancelOutcome.NOT_ACKNOWLEDGED);
                        assertThat(e.getMessage()).contains("still VSS_S_ASYNC_PENDING after the grace of PT3M");
                    });
            assertThat(cancels(machine)).isEqualTo(1);
            gate.open();
            assertThat(a.await(null)).isEqualTo(AsyncState.FINISHED);
        }
    }

    @Test
    void aFailingCancelDoesNotHideTheTimeout(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(ORIGIN);
        machine.faults().async(ORIGIN).waitReturnsEarly().cancelFails(VssHresult.VSS_E_UNEXPECTED);
        StepClock clock = new StepClock(gate::wasReached);
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(gate.awaitReached(T)).isTrue();
            assertThatThrownBy(() -> clock.completion().awaitFinished(a, Duration.ofMinutes(10)))
                    .isInstanceOfSatisfying(AsyncIncompleteException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT);
                        assertThat(e.cancelOutcome()).isEqualTo(CancelOutcome.NOT_ACKNOWLEDGED);
                    });
            gate.open();
            assertThat(a.await(null)).isEqualTo(AsyncState.FINISHED);
        }
    }

    @Test
    void anUndocumentedTimeoutValueFromWaitDoesNotEndTheWait(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(ORIGIN);
        machine.faults().async(ORIGIN).waitReturnsEarly().waitTimeoutResult(0x800705B4);
        AtomicInteger readings = new AtomicInteger();
        // The operation may finish only after a few Waits that returned the undocumented value.
        AsyncCompletion completion = new AsyncCompletion(() -> {
            if (gate.wasReached() && readings.incrementAndGet() == 5) {
                gate.open();
            }
            return 0;
        }, Duration.ofMillis(5), GRACE);
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(gate.awaitReached(T)).isTrue();
            completion.awaitFinished(a, Duration.ofMinutes(10));
            assertThat(a.queryStatus()).isEqualTo(AsyncState.FINISHED);
        }
        assertThat(machine.faults().calls(IVssAsync.Wait)).isGreaterThan(1);
        assertThat(cancels(machine)).isZero();
    }

    @Test
    void anInterruptCancelsTheOperationAndIsRestoredOnTheThread(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(ORIGIN);
        machine.faults().async(ORIGIN).waitReturnsEarly();
        // Time runs until the cancel: a wait that ignored the interrupt would end by its timeout instead.
        AsyncCompletion completion = new StepClock(() -> gate.wasReached() && cancels(machine) == 0).completion();
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(gate.awaitReached(T)).isTrue();
            try {
                assertThatThrownBy(() -> completion.awaitFinished(a, completion.within(Duration.ofMinutes(10)),
                        elapsed -> Thread.currentThread().interrupt()))
                        .isInstanceOfSatisfying(AsyncIncompleteException.class, e -> {
                            assertThat(e.reason()).isEqualTo(Reason.INTERRUPTED);
                            assertThat(e.cancelOutcome()).isEqualTo(CancelOutcome.ACKNOWLEDGED);
                            assertThat(e.getMessage()).contains("interrupted");
                        });
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            assertThat(cancels(machine)).isEqualTo(1);
            assertThat(a.queryStatus()).isEqualTo(AsyncState.CANCELLED);
        }
    }

    @Test
    void anErrorFromTheProgressCallbackCancelsTheOperationAndPropagates(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(ORIGIN);
        machine.faults().async(ORIGIN).waitReturnsEarly();
        AsyncCompletion completion = new StepClock(() -> gate.wasReached() && cancels(machine) == 0).completion();
        AssertionError thrown = new AssertionError("listener failed");
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(gate.awaitReached(T)).isTrue();
            assertThatThrownBy(() -> completion.awaitFinished(a, completion.within(Duration.ofMinutes(10)),
                    elapsed -> {
                        throw thrown;
                    })).isSameAs(thrown);
            assertThat(cancels(machine)).isEqualTo(1);
            assertThat(a.queryStatus()).isEqualTo(AsyncState.CANCELLED);
        }
    }

    @Test
    void waitsOwnFailureWhilePendingCancelsTheOperation(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(ORIGIN);
        AsyncPlan plan = machine.faults().async(ORIGIN);
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(gate.awaitReached(T)).isTrue();
            plan.waitFails(VssHresult.E_ACCESSDENIED);
            assertThatThrownBy(() -> new StepClock(() -> false).completion().awaitFinished(a, Duration.ofMinutes(10)))
                    .isInstanceOfSatisfying(VssException.class, e -> {
                        assertThat(e.operation()).isEqualTo("IVssAsync::Wait");
                        assertThat(e.is(VssHresult.E_ACCESSDENIED)).isTrue();
                    });
            assertThat(cancels(machine)).isEqualTo(1);
            // The cancel was accepted: the gate opened and the status, asked directly, says cancelled.
            assertThat(gate.isOpen()).isTrue();
        }
    }

    @Test
    void theOperationsFailurePropagatesWithItsHresultAndNeedsNoCancel(SimulatedMachine machine) {
        machine.faults().async(ORIGIN).failWith(VssHresult.VSS_E_WRITER_INFRASTRUCTURE);
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThatThrownBy(() -> a.awaitFinished(T)).isInstanceOfSatisfying(VssException.class, e -> {
                assertThat(e).isNotInstanceOf(AsyncIncompleteException.class);
                assertThat(e.operation()).isEqualTo("IVssBackupComponents::GatherWriterMetadata");
                assertThat(e.is(VssHresult.VSS_E_WRITER_INFRASTRUCTURE)).isTrue();
            });
        }
        assertThat(cancels(machine)).isZero();
    }

    @Test
    void finishReleasesTheHandleOnceWhenItGivesUp(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(ORIGIN);
        try (BackupComponents b = requester()) {
            VssAsync a = b.gatherWriterMetadata();
            assertThat(gate.awaitReached(T)).isTrue();
            // Duration.ZERO: one Wait(0) and one QueryStatus, then the cancel (which opens the gate) and its grace.
            assertThatThrownBy(() -> a.finish(Duration.ZERO)).isInstanceOfSatisfying(AsyncIncompleteException.class,
                    e -> assertThat(e.cancelOutcome()).isEqualTo(CancelOutcome.ACKNOWLEDGED));
            assertThat(a.isClosed()).isTrue();
        }
        // A second Release would be recorded by the simulator and fail the test in VssSimulatorExtension.
    }
}
