package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.testing.FakeComObject;

/** IVssAsync through a real vtable of native function pointers (callbacks written by the test). */
class VssAsyncTest {

    interface QueryStatus extends Callback {
        int invoke(Pointer self, Pointer hrResult, Pointer reserved);
    }

    interface WaitFn extends Callback {
        int invoke(Pointer self, int millis);
    }

    interface NoArgs extends Callback {
        int invoke(Pointer self);
    }

    private static FakeComObject async(int status) {
        return new FakeComObject(IVssAsync.class, IVssAsync.Release)
                .set(IVssAsync.QueryStatus, (QueryStatus) (self, hr, reserved) -> {
                    if (reserved != null) {
                        return VssHresult.E_INVALIDARG.code();
                    }
                    hr.setInt(0, status);
                    return 0;
                });
    }

    @Test
    void asyncSuccessCodesAreStatesNotExceptions() {
        for (AsyncState state : AsyncState.values()) {
            FakeComObject fake = async(state.code().code());
            try (VssAsync a = new VssAsync(fake.pointer(), IVssBackupComponents.DoSnapshotSet)) {
                assertThat(a.queryStatus()).isEqualTo(state);
            }
        }
    }

    @Test
    void aFailedOperationRaisesTheOperationsHresultNamingTheMethodThatStartedIt() {
        FakeComObject fake = async(VssHresult.VSS_E_WRITERERROR_RETRYABLE.code());
        try (VssAsync a = new VssAsync(fake.pointer(), IVssBackupComponents.DoSnapshotSet)) {
            assertThatThrownBy(a::queryStatus).isInstanceOfSatisfying(VssException.class, e -> {
                assertThat(e.is(VssHresult.VSS_E_WRITERERROR_RETRYABLE)).isTrue();
                assertThat(e.getMessage()).startsWith("IVssBackupComponents::DoSnapshotSet failed: "
                        + "VSS_E_WRITERERROR_RETRYABLE (0x800423F3)");
            });
        }
    }

    /**
     * An operation on a virtual clock: Wait(ms) lets {@code ms} pass and returns {@code waitResult} while the status
     * is pending; Cancel turns the status to {@code afterCancel}.
     */
    private static final class VirtualOperation {
        final AtomicLong nanos = new AtomicLong();
        final AtomicInteger status = new AtomicInteger(VssHresult.VSS_S_ASYNC_PENDING.code());
        final List<Integer> waits = new ArrayList<>();
        final AtomicInteger cancels = new AtomicInteger();
        final FakeComObject fake;

        VirtualOperation(int waitResult, int afterCancel) {
            fake = new FakeComObject(IVssAsync.class, IVssAsync.Release)
                    .set(IVssAsync.QueryStatus, (QueryStatus) (self, hr, reserved) -> {
                        hr.setInt(0, status.get());
                        return 0;
                    })
                    .set(IVssAsync.Wait, (WaitFn) (self, ms) -> {
                        waits.add(ms);
                        nanos.addAndGet(Duration.ofMillis(Integer.toUnsignedLong(ms)).toNanos());
                        return status.get() == VssHresult.VSS_S_ASYNC_PENDING.code() ? waitResult : 0;
                    })
                    .set(IVssAsync.Cancel, (NoArgs) self -> {
                        cancels.incrementAndGet();
                        status.set(afterCancel);
                        return 0;
                    });
        }

        AsyncCompletion completion(Duration slice, Duration grace) {
            return new AsyncCompletion(nanos::get, slice, grace);
        }
    }

    @Test
    void aTimeoutWaitsInDwordSlicesUntilTheDeadlineThenCancelsAndWaitsForTheAcknowledgement() {
        VirtualOperation op = new VirtualOperation(0, VssHresult.VSS_S_ASYNC_CANCELLED.code());
        try (VssAsync a = new VssAsync(op.fake.pointer(), IVssBackupComponents.PrepareForBackup)) {
            assertThatThrownBy(() -> op.completion(Duration.ofSeconds(1), Duration.ofSeconds(30))
                    .awaitFinished(a, Duration.ofMillis(1500)))
                    .isInstanceOfSatisfying(AsyncIncompleteException.class, e -> {
                        assertThat(e.reason()).isEqualTo(AsyncIncompleteException.Reason.TIMED_OUT);
                        assertThat(e.cancelOutcome()).isEqualTo(AsyncIncompleteException.CancelOutcome.ACKNOWLEDGED);
                        assertThat(e.getMessage()).contains("IVssBackupComponents::PrepareForBackup", "E_ABORT",
                                "PT1.5S", "VSS_S_ASYNC_CANCELLED");
                    });
        }
        // Two slices up to the deadline, then one Wait for the rest of the grace after the cancel.
        assertThat(op.waits).containsExactly(1000, 500, 30_000);
        assertThat(op.cancels.get()).isEqualTo(1);
        assertThat(op.fake.releaseCount()).isEqualTo(1);
    }

    @Test
    void aWaitThatReturnsBeforeItsTimeWhilePendingDoesNotEndTheWait() {
        // Wait returns at once (no time passes) and S_OK while the status stays pending; the operation finishes
        // after the fourth Wait.
        VirtualOperation op = new VirtualOperation(0, VssHresult.VSS_S_ASYNC_CANCELLED.code());
        AtomicInteger calls = new AtomicInteger();
        op.fake.set(IVssAsync.Wait, (WaitFn) (self, ms) -> {
            if (calls.incrementAndGet() == 4) {
                op.status.set(VssHresult.VSS_S_ASYNC_FINISHED.code());
            }
            op.nanos.addAndGet(1);
            return 0;
        });
        try (VssAsync a = new VssAsync(op.fake.pointer(), IVssBackupComponents.DoSnapshotSet)) {
            op.completion(Duration.ofSeconds(1), Duration.ofSeconds(30)).awaitFinished(a, Duration.ofMinutes(10));
        }
        assertThat(calls.get()).isEqualTo(4);
        assertThat(op.cancels.get()).isZero();
    }

    @Test
    void anUndocumentedFailureFromAWaitWhoseTimeRanOutIsNotTheOperationsEnd() {
        int timeoutValue = 0x800705B4; // HRESULT_FROM_WIN32(ERROR_TIMEOUT): a value Microsoft does not document here
        VirtualOperation op = new VirtualOperation(timeoutValue, VssHresult.VSS_S_ASYNC_CANCELLED.code());
        try (VssAsync a = new VssAsync(op.fake.pointer(), IVssBackupComponents.DoSnapshotSet)) {
            assertThat(a.await(Duration.ofSeconds(1))).isEqualTo(AsyncState.PENDING);
            op.status.set(VssHresult.VSS_S_ASYNC_FINISHED.code());
            assertThat(a.await(Duration.ofSeconds(1))).isEqualTo(AsyncState.FINISHED);
        }
    }

    @Test
    void waitsOwnDocumentedFailureIsRaisedNamingWaitAndTheOperation() {
        VirtualOperation op = new VirtualOperation(VssHresult.E_ACCESSDENIED.code(),
                VssHresult.VSS_S_ASYNC_CANCELLED.code());
        try (VssAsync a = new VssAsync(op.fake.pointer(), IVssBackupComponents.GatherWriterStatus)) {
            assertThatThrownBy(() -> a.await(Duration.ofSeconds(1))).isInstanceOfSatisfying(VssException.class, e -> {
                assertThat(e.operation()).isEqualTo("IVssAsync::Wait");
                assertThat(e.is(VssHresult.E_ACCESSDENIED)).isTrue();
                assertThat(e.getMessage()).contains("[IVssBackupComponents::GatherWriterStatus]");
            });
            assertThat(a.hasEnded()).isFalse();
        }
    }

    @Test
    void theOperationsFailureReturnedByWaitIsRaisedAsTheOperations() {
        VirtualOperation op = new VirtualOperation(0, 0);
        op.status.set(VssHresult.VSS_E_PROVIDER_VETO.code());
        op.fake.set(IVssAsync.Wait, (WaitFn) (self, ms) -> VssHresult.VSS_E_PROVIDER_VETO.code());
        try (VssAsync a = new VssAsync(op.fake.pointer(), IVssBackupComponents.DoSnapshotSet)) {
            assertThatThrownBy(() -> a.awaitFinished(Duration.ofSeconds(1)))
                    .isInstanceOfSatisfying(VssException.class, e -> {
                        assertThat(e.operation()).isEqualTo("IVssBackupComponents::DoSnapshotSet");
                        assertThat(e.is(VssHresult.VSS_E_PROVIDER_VETO)).isTrue();
                    });
            assertThat(a.hasEnded()).isTrue();
        }
        // It ended: nothing to cancel.
        assertThat(op.cancels.get()).isZero();
    }

    @Test
    void closeReleasesExactlyOnceAndBlocksLaterCalls() {
        FakeComObject fake = async(VssHresult.VSS_S_ASYNC_FINISHED.code());
        VssAsync a = new VssAsync(fake.pointer(), IVssBackupComponents.GatherWriterMetadata);
        a.close();
        a.close();
        assertThat(fake.releaseCount()).isEqualTo(1);
        assertThat(a.isClosed()).isTrue();
        assertThatThrownBy(a::queryStatus).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IVssAsync::QueryStatus called after the IVssAsync was closed");
    }

    @Test
    void aFailingMethodHresultIsRaisedWithInterfaceAndMethod() {
        FakeComObject fake = new FakeComObject(IVssAsync.class, IVssAsync.Release)
                .set(IVssAsync.Cancel, (NoArgs) self -> VssHresult.E_ACCESSDENIED.code());
        try (VssAsync a = new VssAsync(fake.pointer(), IVssBackupComponents.BackupComplete)) {
            assertThatThrownBy(a::cancel).isInstanceOfSatisfying(VssException.class, e -> {
                assertThat(e.operation()).isEqualTo("IVssAsync::Cancel");
                assertThat(e.getMessage()).contains("E_ACCESSDENIED (0x80070005)")
                        .contains("IVssBackupComponents::BackupComplete").contains("elevated");
            });
        }
    }

    @Test
    void finishReleasesTheHandleWhetherTheOperationSucceededOrFailed() {
        FakeComObject ok = async(VssHresult.VSS_S_ASYNC_FINISHED.code())
                .set(IVssAsync.Wait, (WaitFn) (self, ms) -> 0);
        new VssAsync(ok.pointer(), IVssBackupComponents.PrepareForBackup).finish(Duration.ofSeconds(1));
        assertThat(ok.releaseCount()).isEqualTo(1);

        FakeComObject failed = async(VssHresult.VSS_E_PROVIDER_VETO.code())
                .set(IVssAsync.Wait, (WaitFn) (self, ms) -> 0);
        VssAsync a = new VssAsync(failed.pointer(), IVssBackupComponents.DoSnapshotSet);
        assertThatThrownBy(() -> a.finish(Duration.ofSeconds(1))).isInstanceOf(VssException.class)
                .hasMessageContaining("VSS_E_PROVIDER_VETO");
        assertThat(failed.releaseCount()).isEqualTo(1);
    }
}
