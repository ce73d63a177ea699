package org.vss4j.sim.win32;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.abi.BlockKind;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.sim.abi.NativeHeap;

/**
 * The simulated userenv.dll: {@code CreateEnvironmentBlock} and {@code DestroyEnvironmentBlock} (Microsoft docs,
 * "CreateEnvironmentBlock function", "DestroyEnvironmentBlock function"). With a NULL token and {@code bInherit}
 * FALSE the block holds the current machine's {@link org.vss4j.sim.SimulatedEnvironment}, sorted by name, as UTF-16
 * {@code NAME=VALUE} strings ending with an empty one. User tokens and inheriting the caller's environment are not
 * modelled: both fail (ERROR_INVALID_HANDLE, ERROR_NOT_SUPPORTED), as docs/volumes.md says. Blocks are tracked:
 * one never destroyed is a leak the JUnit extension reports.
 */
public final class UserEnvExports {

    private UserEnvExports() {
    }

    /**
     * Adds the userenv exports to the simulator's export table.
     *
     * @param table the export table, export to callback
     */
    public static void register(Map<NativeExport, NativeCallback> table) {
        Win32Function.put(table, NativeExport.CreateEnvironmentBlock, 0, a -> create(SimulatedMachine.current(), a.pointer(0), a.pointer(1), a.int32(2)));
        Win32Function.put(table, NativeExport.DestroyEnvironmentBlock, 0, a -> destroy(a.pointer(0)));
    }

    private static int create(SimulatedMachine machine, Pointer out, Pointer token, int inherit) {
        if (out == null) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        if (token != null) {
            return fail(Win32Error.ERROR_INVALID_HANDLE);
        }
        if (inherit != 0) {
            return fail(Win32Error.ERROR_NOT_SUPPORTED);
        }
        StringBuilder b = new StringBuilder();
        machine.environment().asMap().forEach((k, v) -> b.append(k).append('=').append(v).append('\0'));
        b.append('\0');
        if (b.length() == 1) {
            b.append('\0');
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_16LE);
        Pointer block = NativeHeap.allocate(BlockKind.ENVIRONMENT_BLOCK, bytes.length, 0, NativeExport.CreateEnvironmentBlock.name());
        block.write(0, bytes, 0, bytes.length);
        out.setPointer(0, block);
        return 1;
    }

    private static int destroy(Pointer block) {
        if (block == null || !NativeHeap.free(BlockKind.ENVIRONMENT_BLOCK, block, "DestroyEnvironmentBlock")) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        return 1;
    }

    private static int fail(int error) {
        LastError.set(error);
        return 0;
    }
}
