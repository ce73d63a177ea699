package org.vss4j.sim.win32;

import java.util.Map;
import org.vss4j.abi.NativeExport;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.abi.NativeCallback;

/**
 * The simulated {@code GetLogicalDrives} (Microsoft docs, "GetLogicalDrives function (fileapi.h)"): {@code DWORD
 * GetLogicalDrives(void)}, a bitmask of the drive letters in use, bit 0 for {@code A:} through bit 25 for {@code Z:}.
 * On the simulated machine a letter is in use when a volume is reached through it (a {@code X:\} alias, or a mounted
 * folder below it) or a shadow copy is exposed at it, as {@code ExposeSnapshot} checks. It fails (0, with the planned
 * Win32 error) only when a test plans it with {@code Faults.failWin32OnCall}.
 */
final class DriveLetters {

    private DriveLetters() {
    }

    /** Adds {@code GetLogicalDrives} to the simulator's export table. */
    public static void register(Map<NativeExport, NativeCallback> table) {
        Win32Function.put(table, NativeExport.GetLogicalDrives, 0, a -> mask());
    }

    /** The letters of the current machine that are in use. */
    static int mask() {
        SimulatedMachine machine = SimulatedMachine.current();
        int mask = 0;
        for (int i = 0; i < 26; i++) {
            if (machine.isDriveLetterInUse((char) ('A' + i) + ":")) {
                mask |= 1 << i;
            }
        }
        return mask;
    }
}
