package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void waitPassesDwordMillisecondsAndATimeoutThatIsStillPendingCancels() {
        AtomicInteger waited = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        FakeComObject fake = async(VssHresult.VSS_S_ASYNC_PENDING.code())
                .set(IVssAsync.Wait, (WaitFn) (self, ms) -> {
                    waited.set(ms);
                    return 0;
                })
                .set(IVssAsync.Cancel, (NoArgs) self -> {
                    cancelled.incrementAndGet();
                    return 0;
                });
        try (VssAsync a = new VssAsync(fake.pointer(), IVssBackupComponents.PrepareForBackup)) {
            assertThatThrownBy(() -> a.awaitFinished(Duration.ofMillis(1500)))
                    .isInstanceOf(VssException.class)
                    .hasMessageContaining("IVssBackupComponents::PrepareForBackup")
                    .hasMessageContaining("E_ABORT")
                    .hasMessageContaining("PT1.5S");
        }
        assertThat(waited.get()).isEqualTo(1500);
        assertThat(cancelled.get()).isEqualTo(1);
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
                .hasMessageContaining("IVssAsync was already closed");
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
