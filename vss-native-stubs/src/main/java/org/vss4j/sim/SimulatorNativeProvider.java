package org.vss4j.sim;

import com.sun.jna.Function;
import java.util.Arrays;
import org.vss4j.abi.NativeExport;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.spi.NativeModule;
import org.vss4j.spi.VssNativeProvider;

/**
 * The {@code simulator} provider: resolves the binding's exports to the simulator's native functions, on any OS. The
 * production binding then runs unchanged against {@link SimulatedMachine#current()} through real native memory and
 * function pointers.
 */
public final class SimulatorNativeProvider implements VssNativeProvider {

    /** The provider's id, {@code simulator}, which the system property {@code vss4j.provider} names to force it. */
    public static final String ID = org.vss4j.spi.NativeProviders.SIMULATOR_ID;

    @Override
    public String id() {
        return ID;
    }

    /**
     * Always: the simulator needs nothing but JNA. Being able to run is not being chosen: on Windows only
     * {@code -Dvss4j.provider=simulator} selects it ({@link org.vss4j.spi.NativeProviders}, docs/providers.md).
     */
    @Override
    public boolean isAvailable() {
        return true;
    }

    /** The simulated kernel32's per-thread last error ({@link org.vss4j.sim.win32.LastError}). */
    @Override
    public int lastError() {
        return org.vss4j.sim.win32.LastError.get();
    }

    /**
     * The simulator's function for {@code exportName} in {@code module}: as {@code GetProcAddress} on Windows, a name
     * is found only in the DLL that exports it ({@link NativeExport#module()}), so asking kernel32 for an advapi32
     * function fails here too.
     */
    @Override
    public Function function(NativeModule module, String exportName) {
        NativeExport export = Arrays.stream(NativeExport.values()).filter(e -> e.name().equals(exportName))
                .filter(e -> e.module() == module).findFirst().orElse(null);
        NativeCallback cb = export == null ? null : SimulatorExports.get(export);
        if (cb == null) {
            throw new UnsatisfiedLinkError("The VSS simulator has no export " + module.libraryName() + "!"
                    + exportName);
        }
        return cb.function();
    }
}
