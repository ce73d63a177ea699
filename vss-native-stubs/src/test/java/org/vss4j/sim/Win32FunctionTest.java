package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Pointer;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Exports;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.sim.win32.LastError;
import org.vss4j.sim.win32.Win32Function;

/**
 * A simulated kernel32 function whose Java body throws fails the way that function fails on Windows (its own failure
 * value, a last error), never with a value the caller reads as success, and the defect is recorded.
 */
@ExtendWith(VssSimulatorExtension.class)
class Win32FunctionTest {

    private static final Pointer INVALID_HANDLE_VALUE = new Pointer(Exports.INVALID_HANDLE_VALUE);

    private static NativeCallback throwing(NativeExport export, Object failure) {
        Map<NativeExport, NativeCallback> table = new EnumMap<>(NativeExport.class);
        Win32Function.put(table, export, failure, a -> {
            throw new IllegalStateException("a simulator defect");
        });
        return table.get(export);
    }

    @Test
    void aBoolFunctionThatThrowsReturnsFalseWithALastErrorAndTheDefectIsRecorded() {
        NativeCallback f = throwing(NativeExport.GetVolumePathNameW, 0);
        int[] result = new int[1];
        int[] error = new int[1];

        SimulatedMachine m = PrivateMachine.run(() -> {
            LastError.set(0);
            result[0] = f.function().invokeInt(new Object[] {Pointer.NULL, Pointer.NULL, 0});
            error[0] = LastError.get();
        });

        assertThat(result[0]).as("BOOL result").isZero();
        assertThat(error[0]).isEqualTo(Win32Error.ERROR_INTERNAL_ERROR);
        assertThat(m.leakReport().errors()).singleElement().asString()
                .contains("GetVolumePathNameW threw", "a simulator defect");
    }

    @Test
    void aHandleFunctionThatThrowsReturnsInvalidHandleValue() {
        NativeCallback f = throwing(NativeExport.FindFirstFileW, INVALID_HANDLE_VALUE);
        Pointer[] result = new Pointer[1];

        SimulatedMachine m = PrivateMachine.run(() -> result[0] = f.function().invokePointer(new Object[] {null, null}));

        assertThat(Pointer.nativeValue(result[0])).isEqualTo(Exports.INVALID_HANDLE_VALUE);
        assertThat(m.leakReport().errors()).singleElement().asString().contains("FindFirstFileW threw");
    }

    @Test
    void aFailureValueThatDoesNotFitTheDeclaredResultIsRefusedWhenRegistered() {
        Map<NativeExport, NativeCallback> table = new EnumMap<>(NativeExport.class);
        // FindFirstFileW returns a HANDLE: 0 as an int would break JNA's result conversion only when the fault fires.
        assertThatThrownBy(() -> Win32Function.put(table, NativeExport.FindFirstFileW, 0, a -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("kernel32!FindFirstFileW returns POINTER, its failure value is java.lang.Integer");
        assertThatThrownBy(() -> Win32Function.put(table, NativeExport.CreateSymbolicLinkW, 0, a -> null))
                .isInstanceOf(IllegalStateException.class);
        assertThat(table).isEmpty();
    }
}
