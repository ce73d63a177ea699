package org.vss4j.sim.win32;

import java.util.Map;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.NativeCallback;

/**
 * Registers one simulated kernel32 export. Unlike COM methods, kernel32 functions report failure by their return value
 * (FALSE, 0, {@code INVALID_HANDLE_VALUE}) plus {@code SetLastError}: a fault planned on the export's name with
 * {@code Faults.failExportOnCall} therefore makes it return {@code failure} with the planned number as its Win32 error.
 */
public final class Kernel32Function {

    /** The Java side of the function. */
    @FunctionalInterface
    public interface Body {
        Object call(CallArgs a);
    }

    private Kernel32Function() {
    }

    /** Adds {@code returnType name(params)} to {@code table}, returning {@code failure} when a fault is planned. */
    public static void put(Map<String, NativeCallback> table, String name, Class<?> returnType, Class<?>[] params,
            Object failure, Body body) {
        table.put(name, NativeCallback.of(name, returnType, params, raw -> {
            Integer injected = SimulatedMachine.current().faults().onCall(name);
            if (injected != null) {
                LastError.set(injected);
                return failure;
            }
            return body.call(new CallArgs(raw));
        }));
    }
}
