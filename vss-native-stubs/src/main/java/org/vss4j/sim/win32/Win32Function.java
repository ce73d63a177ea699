package org.vss4j.sim.win32;

import com.sun.jna.Pointer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.abi.CallbackClasses;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.NativeCallback;

/**
 * Registers one simulated kernel32, userenv or advapi32 export. Unlike COM methods, these functions report failure by their
 * return value (FALSE, 0, {@code INVALID_HANDLE_VALUE}) plus {@code SetLastError}: a fault planned on the export's name
 * with {@code Faults.failWin32OnCall} therefore makes it return {@code failure} with the planned number as its Win32
 * error.
 *
 * <p>A Java exception in a body is a simulator defect. It is caught here, not in {@link NativeCallback}: that one
 * answers {@code E_UNEXPECTED} for an {@code int} return, which is nonzero, so TRUE to a caller of a {@code BOOL}
 * function, and NULL rather than {@code INVALID_HANDLE_VALUE} for a handle. Here the function returns its own
 * {@code failure} with {@code ERROR_INTERNAL_ERROR} (1359, "An internal error occurred.", winerror.h) as its last
 * error, the simulator's choice for "the simulator broke", and the exception is recorded in the current machine's
 * ledger, so the JUnit extension fails the test.
 */
public final class Win32Function {

    /** The Java side of the function. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the function.
         *
         * @param a the call's arguments
         * @return the value returned to the caller, of the export's declared return type
         */
        Object call(CallArgs a);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Win32Function.class);

    private Win32Function() {
    }

    /**
     * Adds {@code export} to {@code table}, its callback built from the declared signature, returning {@code failure}
     * when a fault is planned or the body throws.
     *
     * @param table the export table, export to callback
     * @param export the function
     * @param failure what the function returns when it fails, e.g. 0 (FALSE) or {@code INVALID_HANDLE_VALUE}
     * @param body the implementation
     */
    public static void put(Map<NativeExport, NativeCallback> table, NativeExport export, Object failure, Body body) {
        requireFailureFits(export, failure);
        String name = export.name();
        table.put(export, NativeCallback.of(export, true, raw -> {
            try {
                Integer injected = SimulatedMachine.current().faults().onCall(name);
                if (injected != null) {
                    LastError.set(injected);
                    return failure;
                }
                return body.call(new CallArgs(raw));
            } catch (RuntimeException | Error e) {
                LOG.error("simulated {} threw; it returns its failure value with ERROR_INTERNAL_ERROR", name, e);
                SimulatedMachine.current().ledger().error(name + " threw " + e);
                LastError.set(Win32Error.ERROR_INTERNAL_ERROR);
                return failure;
            }
        }));
    }

    /**
     * The failure value must be what JNA can return for the declared result (an {@code int} for a 4-byte result, a
     * {@code byte} for a one-byte {@code BOOLEAN}, a {@code Pointer} or NULL for a handle): checked when the table is
     * built, not when a fault first fires.
     */
    static void requireFailureFits(NativeExport export, Object failure) {
        Class<?> returns = CallbackClasses.returns(export.signature());
        boolean fits = returns == Pointer.class ? failure == null || failure instanceof Pointer
                : returns == int.class ? failure instanceof Integer
                : returns == byte.class ? failure instanceof Byte
                : returns == long.class && failure instanceof Long;
        if (!fits) {
            throw new IllegalStateException(export.qualifiedName() + " returns " + export.signature().returns()
                    + ", its failure value is " + (failure == null ? "null" : failure.getClass().getName()));
        }
    }
}
