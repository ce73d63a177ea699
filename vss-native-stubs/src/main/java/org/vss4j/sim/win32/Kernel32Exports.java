package org.vss4j.sim.win32;

import java.util.Map;
import org.vss4j.abi.NativeExport;
import org.vss4j.sim.abi.NativeCallback;

/**
 * The simulated kernel32: every kernel32 function the binding calls, with the semantics Microsoft documents for it,
 * behind the same export names (docs/simulator.md lists them and what each models).
 */
public final class Kernel32Exports {

    private Kernel32Exports() {
    }

    /**
     * Adds the kernel32 exports to the simulator's export table.
     *
     * @param table the export table, export to callback
     */
    public static void register(Map<NativeExport, NativeCallback> table) {
        // Each group registers its own functions.
        SymbolicLinks.register(table);
        FindFiles.register(table);
        DriveLetters.register(table);
        VolumeNames.register(table);
        LongPathNames.register(table);
        FileHandles.register(table);
        FileMoves.register(table);
        BackupStreams.register(table);
    }
}
