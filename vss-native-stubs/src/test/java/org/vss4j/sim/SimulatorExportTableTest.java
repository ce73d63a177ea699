package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vss4j.VssHresult;
import org.vss4j.abi.CallbackClasses;
import org.vss4j.abi.NativeExport;
import org.vss4j.abi.NativeSignature;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.spi.NativeModule;

/**
 * The simulator implements every export the binding declares, each with the callback its declaration gives, and finds
 * a function only in the DLL that exports it, as {@code GetProcAddress} does.
 */
class SimulatorExportTableTest {

    private final SimulatorNativeProvider provider = new SimulatorNativeProvider();

    @Test
    void everyDeclaredExportIsSimulatedAndResolvable() {
        for (NativeExport export : NativeExport.values()) {
            NativeCallback callback = SimulatorExports.get(export);
            assertThat(callback).as(export.qualifiedName()).isNotNull();
            NativeSignature declared = export.signature().lowered();
            assertThat(callback.getReturnType()).as(export.qualifiedName() + " return")
                    .isEqualTo(CallbackClasses.of(declared.returns()));
            assertThat(callback.getParameterTypes()).as(export.qualifiedName() + " parameters")
                    .containsExactly(declared.parameters().stream().map(CallbackClasses::of)
                            .toArray(Class<?>[]::new));
            assertThat(provider.function(export.module(), export.name())).isNotNull();
        }
    }

    @Test
    void aFunctionIsFoundOnlyInItsOwnModule() {
        assertThatThrownBy(() -> provider.function(NativeModule.ADVAPI32, NativeExport.FindFirstFileW.name()))
                .isInstanceOf(UnsatisfiedLinkError.class).hasMessageContaining("advapi32!FindFirstFileW");
        // CloseHandle is kernel32's, although the token handles it closes come from advapi32.
        assertThat(Arrays.stream(NativeModule.values()).filter(m -> m != NativeModule.KERNEL32)
                .noneMatch(m -> resolves(m, NativeExport.CloseHandle.name()))).isTrue();
    }

    @Test
    void aFaultIsPlannedOnlyWhereTheSimulationConsultsThePlan() {
        try (SimulatedMachine machine = SimulatedMachine.create()) {
            machine.faults().failExportOnCall(NativeExport.CreateVssBackupComponentsInternal, 1,
                    VssHresult.E_ACCESSDENIED);
            machine.faults().failWin32OnCall(NativeExport.FindFirstFileW, 1, 5);
            // SysStringLen's simulation never asks the plan: such a fault would never fire, so it is refused.
            assertThatThrownBy(() -> machine.faults().failExportOnCall(NativeExport.SysStringLen.name(), 1,
                    VssHresult.E_FAIL))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("oleaut32!SysStringLen cannot be made to fail");
            assertThatThrownBy(() -> machine.faults().failExportOnCall("CreateVssBackupComponent", 1,
                    VssHresult.E_FAIL))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'CreateVssBackupComponent'");
        }
    }

    @Test
    void anUndeclaredExportIsNotSimulated() {
        assertThatThrownBy(() -> provider.function(NativeModule.OLEAUT32, "SysAllocString"))
                .isInstanceOf(UnsatisfiedLinkError.class);
    }

    private boolean resolves(NativeModule module, String name) {
        try {
            provider.function(module, name);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
