package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VssHresultTest {

    @Test
    void knownCodesMapToTheirSymbolicNames() {
        assertThat(VssHresult.of(0x80042301)).contains(VssHresult.VSS_E_BAD_STATE);
        assertThat(VssHresult.of(0x80042316)).contains(VssHresult.VSS_E_SNAPSHOT_SET_IN_PROGRESS);
        assertThat(VssHresult.of(0x800423F4)).contains(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE);
        assertThat(VssHresult.of(0x80070005)).contains(VssHresult.E_ACCESSDENIED);
        assertThat(VssHresult.of(0x80070057)).contains(VssHresult.E_INVALIDARG);
    }

    @Test
    void asyncStatusCodesAreSuccessCodes() {
        // VSS_S_* have severity 0 (vsserror.h): SUCCEEDED(hr) is true, so they are values, not errors.
        assertThat(VssHresult.VSS_S_ASYNC_PENDING.code()).isEqualTo(0x00042309);
        assertThat(VssHresult.VSS_S_ASYNC_FINISHED.code()).isEqualTo(0x0004230A);
        assertThat(VssHresult.VSS_S_ASYNC_CANCELLED.code()).isEqualTo(0x0004230B);
        assertThat(VssHresult.VSS_S_ASYNC_PENDING.isFailure()).isFalse();
        assertThat(VssHresult.VSS_E_BAD_STATE.isFailure()).isTrue();
    }

    @Test
    void everyVssErrorUsesFacilityItfAndHasAnExplanation() {
        for (VssHresult h : VssHresult.values()) {
            assertThat(h.explanation()).as(h.name()).isNotBlank();
            if (h.name().startsWith("VSS_")) {
                assertThat((h.code() >>> 16) & 0x1FFF).as(h.name() + " facility").isEqualTo(4);
                assertThat(h.isFailure()).as(h.name()).isEqualTo(h.name().startsWith("VSS_E_"));
            }
        }
    }

    @Test
    void unknownCodesAreDescribedByValueAndFacility() {
        assertThat(VssHresult.describe(0x80042399)).isEqualTo("0x80042399");
        assertThat(VssHresult.explain(0x80070020)).contains("Win32 error 32");
        assertThat(VssHresult.describe(0x80042301)).isEqualTo("VSS_E_BAD_STATE (0x80042301)");
    }

    @Test
    void exceptionNamesOperationCodeAndMeaning() {
        VssException e = new VssException(0x80042301, "IVssBackupComponents::DoSnapshotSet", "set 1234");
        assertThat(e.getMessage())
                .startsWith("IVssBackupComponents::DoSnapshotSet failed: VSS_E_BAD_STATE (0x80042301) [set 1234] - ")
                .contains(VssHresult.VSS_E_BAD_STATE.explanation());
        assertThat(e.hresult()).isEqualTo(0x80042301);
        assertThat(e.is(VssHresult.VSS_E_BAD_STATE)).isTrue();
        assertThat(e.known()).contains(VssHresult.VSS_E_BAD_STATE);
        assertThat(e.operation()).isEqualTo("IVssBackupComponents::DoSnapshotSet");
    }
}
