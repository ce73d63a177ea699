package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.AsyncState;
import org.vss4j.BackupComponents;
import org.vss4j.VssAsync;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssBackupComponents;

/**
 * Every documented outcome of the simulated {@code IVssAsync::Wait}, {@code QueryStatus} and {@code Cancel}
 * (Microsoft docs, "IVssAsync::Wait", "IVssAsync::QueryStatus", "IVssAsync::Cancel"), and the undocumented value of a
 * Wait whose time runs out, seen through {@link VssAsync}. Operations are held at gates; no test sleeps.
 */
@ExtendWith(VssSimulatorExtension.class)
class VssAsyncOutcomesTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static final int WIN32_TIMEOUT = 0x800705B4; // HRESULT_FROM_WIN32(ERROR_TIMEOUT), winerror.h

    private static BackupComponents requester() {
        BackupComponents b = BackupComponents.create();
        b.initializeForBackup(null);
        return b;
    }

    /** Wait's raw HRESULT, success or failure. */
    private static int rawWait(VssAsync a, Duration timeout) {
        try {
            return a.waitFor(timeout);
        } catch (VssException e) {
            return e.hresult();
        }
    }

    @Test
    void pendingThenFinished(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(IVssBackupComponents.GatherWriterMetadata);
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(gate.awaitReached(T)).isTrue();
            assertThat(a.queryStatus()).isEqualTo(AsyncState.PENDING);
            // The simulator's choice for a Wait whose time ran out: S_OK, the status still pending.
            assertThat(rawWait(a, Duration.ofMillis(1))).isZero();
            assertThat(a.await(Duration.ZERO)).isEqualTo(AsyncState.PENDING);
            assertThat(a.hasEnded()).isFalse();
            gate.open();
            assertThat(rawWait(a, null)).isZero();
            assertThat(a.await(T)).isEqualTo(AsyncState.FINISHED);
            assertThat(a.hasEnded()).isTrue();
            assertThat(a.cancel()).isEqualTo(VssHresult.VSS_S_ASYNC_FINISHED.code());
        }
    }

    @Test
    void cancelledWhilePending(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(IVssBackupComponents.GatherWriterMetadata);
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(gate.awaitReached(T)).isTrue();
            assertThat(a.cancel()).isEqualTo(VssHresult.S_OK.code());
            // A cancelled operation is no failure: Wait succeeds, the status says cancelled.
            assertThat(rawWait(a, T)).isZero();
            assertThat(a.queryStatus()).isEqualTo(AsyncState.CANCELLED);
            assertThat(a.cancel()).isEqualTo(VssHresult.VSS_S_ASYNC_CANCELLED.code());
        }
    }

    @Test
    void aFailedOperationsErrorComesFromWaitQueryStatusAndALaterCancel(SimulatedMachine machine) {
        machine.faults().async(IVssBackupComponents.GatherWriterMetadata)
                .failWith(VssHresult.VSS_E_WRITER_INFRASTRUCTURE);
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            // "If an operation fails while being waited on, Wait returns the error that operation encountered."
            assertThat(rawWait(a, T)).isEqualTo(VssHresult.VSS_E_WRITER_INFRASTRUCTURE.code());
            assertThatThrownBy(a::queryStatus).isInstanceOfSatisfying(VssException.class, e -> {
                assertThat(e.operation()).isEqualTo("IVssBackupComponents::GatherWriterMetadata");
                assertThat(e.is(VssHresult.VSS_E_WRITER_INFRASTRUCTURE)).isTrue();
            });
            assertThat(a.hasEnded()).isTrue();
            // "If an operation has completed unsuccessfully before Cancel was called, then Cancel returns the error".
            assertThatThrownBy(a::cancel).isInstanceOfSatisfying(VssException.class, e -> {
                assertThat(e.operation()).isEqualTo("IVssAsync::Cancel");
                assertThat(e.is(VssHresult.VSS_E_WRITER_INFRASTRUCTURE)).isTrue();
            });
        }
    }

    @Test
    void waitsOwnFailureReturnsAtOnceAndIsRaisedNamingWait(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(IVssBackupComponents.GatherWriterMetadata);
        machine.faults().async(IVssBackupComponents.GatherWriterMetadata).waitFails(VssHresult.E_ACCESSDENIED);
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(gate.awaitReached(T)).isTrue();
            // Even an INFINITE Wait returns at once.
            assertThat(rawWait(a, null)).isEqualTo(VssHresult.E_ACCESSDENIED.code());
            assertThatThrownBy(() -> a.await(T)).isInstanceOfSatisfying(VssException.class, e -> {
                assertThat(e.operation()).isEqualTo("IVssAsync::Wait");
                assertThat(e.is(VssHresult.E_ACCESSDENIED)).isTrue();
                assertThat(e.getMessage()).contains("IVssBackupComponents::GatherWriterMetadata");
            });
            assertThat(a.hasEnded()).isFalse();
            gate.open();
        }
    }

    @Test
    void queryStatussOwnFailureIsRaisedNamingQueryStatus(SimulatedMachine machine) {
        machine.faults().async(IVssBackupComponents.GatherWriterMetadata).queryStatusFails(VssHresult.VSS_E_UNEXPECTED);
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(rawWait(a, T)).isZero();
            assertThatThrownBy(a::queryStatus).isInstanceOfSatisfying(VssException.class, e -> {
                assertThat(e.operation()).isEqualTo("IVssAsync::QueryStatus");
                assertThat(e.is(VssHresult.VSS_E_UNEXPECTED)).isTrue();
            });
            assertThat(a.hasEnded()).isFalse();
        }
    }

    @Test
    void aWaitThatReturnsEarlyWithTheUndocumentedTimeoutValueLeavesTheOperationPending(SimulatedMachine machine)
            throws Exception {
        Gate gate = machine.faults().delay(IVssBackupComponents.GatherWriterMetadata);
        machine.faults().async(IVssBackupComponents.GatherWriterMetadata).waitReturnsEarly()
                .waitTimeoutResult(WIN32_TIMEOUT);
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(gate.awaitReached(T)).isTrue();
            // A ten-minute Wait returns at once, with a failure code, and the operation still runs.
            assertThat(rawWait(a, Duration.ofMinutes(10))).isEqualTo(WIN32_TIMEOUT);
            assertThat(a.await(Duration.ofMinutes(10))).isEqualTo(AsyncState.PENDING);
            gate.open();
            // INFINITE still waits for the end.
            assertThat(rawWait(a, null)).isZero();
            assertThat(a.await(Duration.ofMinutes(10))).isEqualTo(AsyncState.FINISHED);
        }
    }

    @Test
    void cancelIgnoredByTheOperationLetsItFinish(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(IVssBackupComponents.GatherWriterMetadata);
        machine.faults().async(IVssBackupComponents.GatherWriterMetadata).ignoresCancel();
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(gate.awaitReached(T)).isTrue();
            assertThat(a.cancel()).isEqualTo(VssHresult.S_OK.code());
            assertThat(gate.isOpen()).isFalse();
            assertThat(a.queryStatus()).isEqualTo(AsyncState.PENDING);
            gate.open();
            assertThat(a.await(T)).isEqualTo(AsyncState.FINISHED);
            // It finished although Cancel was called: a later Cancel says so.
            assertThat(a.cancel()).isEqualTo(VssHresult.VSS_S_ASYNC_FINISHED.code());
        }
    }

    @Test
    void cancelsOwnFailureCancelsNothing(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(IVssBackupComponents.GatherWriterMetadata);
        machine.faults().async(IVssBackupComponents.GatherWriterMetadata).cancelFails(VssHresult.VSS_E_UNEXPECTED);
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(gate.awaitReached(T)).isTrue();
            assertThatThrownBy(a::cancel).isInstanceOfSatisfying(VssException.class,
                    e -> assertThat(e.is(VssHresult.VSS_E_UNEXPECTED)).isTrue());
            assertThat(a.queryStatus()).isEqualTo(AsyncState.PENDING);
            gate.open();
            assertThat(a.await(T)).isEqualTo(AsyncState.FINISHED);
        }
    }

    @Test
    void theCallersJavaInterruptDoesNotEndANativeWait(SimulatedMachine machine) throws Exception {
        Gate gate = machine.faults().delay(IVssBackupComponents.GatherWriterMetadata);
        // A Wait that ended for any other reason than the operation's end would return this value.
        machine.faults().async(IVssBackupComponents.GatherWriterMetadata).waitTimeoutResult(WIN32_TIMEOUT);
        try (BackupComponents b = requester(); VssAsync a = b.gatherWriterMetadata()) {
            assertThat(gate.awaitReached(T)).isTrue();
            gate.open();
            assertThat(a.await(T)).isEqualTo(AsyncState.FINISHED);
            Thread.currentThread().interrupt();
            try {
                assertThat(rawWait(a, null)).isZero();
                assertThat(rawWait(a, T)).isZero();
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }
}
