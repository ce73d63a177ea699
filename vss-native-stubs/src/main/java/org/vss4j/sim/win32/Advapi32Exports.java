package org.vss4j.sim.win32;

import java.util.Map;
import org.vss4j.abi.NativeExport;
import org.vss4j.sim.abi.NativeCallback;

/**
 * The simulated advapi32 functions the binding calls (and kernel32's {@code CloseHandle} for the token handles they
 * give): the process token, the service control manager and the registry, answered from the current machine's
 * {@link org.vss4j.sim.SimulatedToken}, {@link org.vss4j.sim.VssServiceState} and
 * {@link org.vss4j.sim.SimulatedRegistry} (docs/doctor.md says what each models).
 */
public final class Advapi32Exports {

    private Advapi32Exports() {
    }

    /**
     * Adds the advapi32 exports to the simulator's export table.
     *
     * @param table the export table, export to callback
     */
    public static void register(Map<NativeExport, NativeCallback> table) {
        TokenExports.register(table);
        ServiceExports.register(table);
        RegistryExports.register(table);
    }
}
