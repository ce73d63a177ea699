package org.vss4j.sim.win32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.BackupComponents;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.diagnostics.ServiceStartType;
import org.vss4j.diagnostics.ServiceState;
import org.vss4j.diagnostics.ServiceStatus;
import org.vss4j.diagnostics.Win32CallException;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedToken;
import org.vss4j.sim.VssServiceState;
import org.vss4j.sim.VssSimulatorExtension;

/** The VSS service as the service control manager reports it, and what its state means for a requester. */
@ExtendWith(VssSimulatorExtension.class)
class ServiceExportsTest {

    private static final Exports X = Exports.current();

    @Test
    void vssStartsOnDemandForTheFirstRequester(SimulatedMachine machine) {
        ServiceStatus before = ServiceStatus.vss();
        assertThat(before.state()).isEqualTo(ServiceState.STOPPED);
        assertThat(before.startType()).isEqualTo(ServiceStartType.DEMAND_START);
        assertThat(before.displayName()).isEqualTo("Volume Shadow Copy");

        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
        }

        assertThat(ServiceStatus.vss().state()).isEqualTo(ServiceState.RUNNING);
        assertThat(machine.vssService()).isEqualTo(VssServiceState.RUNNING);
    }

    @Test
    void aDisabledServiceStopsEveryRequester(SimulatedMachine machine) {
        machine.vssService(VssServiceState.DISABLED);

        ServiceStatus status = ServiceStatus.vss();
        assertThat(status.state()).isEqualTo(ServiceState.STOPPED);
        assertThat(status.startType()).isEqualTo(ServiceStartType.DISABLED);
        assertThatThrownBy(BackupComponents::create).isInstanceOf(VssException.class)
                .satisfies(e -> assertThat(((VssException) e).is(
                        VssHresult.HRESULT_FROM_WIN32_ERROR_SERVICE_DISABLED)).isTrue());
        assertThat(ServiceStatus.vss().state()).isEqualTo(ServiceState.STOPPED);
    }

    @Test
    void onlyVssIsInstalled() {
        assertThatThrownBy(() -> ServiceStatus.query(X, "NoSuchService")).isInstanceOf(Win32CallException.class)
                .hasMessage("OpenServiceW(NoSuchService) failed with Win32 error 1060 (ERROR_SERVICE_DOES_NOT_EXIST)");
        assertThat(ServiceStatus.query(X, "vss").name()).isEqualTo("vss");
    }

    @Test
    void theConfigurationBufferIsSizedByAFirstCallAndItsStringsLiveInIt() {
        Pointer scm = X.openSCManager(null, null, 0x1);
        Pointer vss = X.openService(scm, Utf16.toNative("VSS"), 0x1 | 0x4);
        try {
            IntByReference needed = new IntByReference();
            assertThat(X.queryServiceConfig(vss, null, 0, needed)).isFalse();
            assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_INSUFFICIENT_BUFFER);
            Memory config = new Memory(needed.getValue());
            assertThat(X.queryServiceConfig(vss, config, (int) config.size(), needed)).isTrue();
            assertThat(Utf16.read(config.getPointer(16))).isEqualTo("C:\\Windows\\system32\\vssvc.exe");
            assertThat(Utf16.read(config.getPointer(40))).isEqualTo("RPCSS");
            assertThat(Utf16.read(config.getPointer(48))).isEqualTo("LocalSystem");
            long inside = Pointer.nativeValue(config.getPointer(56)) - Pointer.nativeValue(config);
            assertThat(inside).isBetween(64L, config.size());
        } finally {
            assertThat(X.closeServiceHandle(vss)).isTrue();
            assertThat(X.closeServiceHandle(scm)).isTrue();
        }
    }

    @Test
    void aHandleWithoutTheQueryRightIsRefusedAndAStandardUserCannotStopVss(SimulatedMachine machine) {
        Pointer scm = X.openSCManager(null, null, 0x1);
        Pointer configOnly = X.openService(scm, Utf16.toNative("VSS"), 0x1);
        try {
            assertThat(X.queryServiceStatus(configOnly, new Memory(28))).isFalse();
            assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_ACCESS_DENIED);
            machine.token().setTo(SimulatedToken.standardUser());
            // SERVICE_STOP (0x20) needs an administrator; querying does not.
            assertThat(X.openService(scm, Utf16.toNative("VSS"), 0x20)).isNull();
            assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_ACCESS_DENIED);
            assertThat(ServiceStatus.vss().state()).isEqualTo(ServiceState.STOPPED);
        } finally {
            X.closeServiceHandle(configOnly);
            X.closeServiceHandle(scm);
        }
    }

    @Test
    void onlyTheLocalServiceControlManagerAnswers(SimulatedMachine machine) {
        assertThat(X.openSCManager(Utf16.toNative("\\\\ELSEWHERE"), null, 0x1)).isNull();
        assertThat(X.lastError()).isEqualTo(1722);
        Pointer own = X.openSCManager(Utf16.toNative("\\\\" + machine.name()), null, 0x1);
        assertThat(own).isNotNull();
        X.closeServiceHandle(own);
    }
}
