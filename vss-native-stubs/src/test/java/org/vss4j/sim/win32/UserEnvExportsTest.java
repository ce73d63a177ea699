package org.vss4j.sim.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.com.Exports;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;

/** CreateEnvironmentBlock with no user token: the machine's system variables, never the calling process's. */
@ExtendWith(VssSimulatorExtension.class)
class UserEnvExportsTest {

    private static List<String> entries(Pointer block) {
        List<String> out = new ArrayList<>();
        long offset = 0;
        while (true) {
            int units = 0;
            while (block.getShort(offset + 2L * units) != 0) {
                units++;
            }
            if (units == 0) {
                return out;
            }
            out.add(new String(block.getByteArray(offset, 2 * units), StandardCharsets.UTF_16LE));
            offset += 2L * (units + 1);
        }
    }

    @Test
    void theBlockHoldsTheMachineScopeVariablesSortedAndIsFreedByDestroy(SimulatedMachine machine) {
        machine.environment().set("VSS4J_MACHINE", "machine value").set("systemroot", "D:\\Win");
        PointerByReference out = new PointerByReference();
        assertThat(Exports.current().createEnvironmentBlock(out, null, false)).isTrue();
        List<String> entries = entries(out.getValue());
        assertThat(entries).contains("VSS4J_MACHINE=machine value", "systemroot=D:\\Win", "TEMP=C:\\Windows\\TEMP",
                "SystemDrive=C:", "ProgramData=C:\\ProgramData", "COMPUTERNAME=" + machine.name());
        assertThat(entries.stream().map(e -> e.substring(0, e.indexOf('=', 1))).toList())
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(entries).noneMatch(e -> e.regionMatches(true, 0, "USERPROFILE=", 0, 12));
        // The JVM's own environment (HOME, PATH with host directories, ...) is not the machine's.
        System.getenv().forEach((k, v) -> assertThat(entries).doesNotContain(k + "=" + v));
        assertThat(machine.leakReport().isClean()).isFalse();
        assertThat(Exports.current().destroyEnvironmentBlock(out.getValue())).isTrue();
        assertThat(machine.leakReport().isClean()).isTrue();
    }

    @Test
    void userTokensAndInheritingTheCallersEnvironmentAreNotModelled() {
        PointerByReference out = new PointerByReference();
        assertThat(Exports.current().createEnvironmentBlock(out, new Memory(8), false)).isFalse();
        assertThat(Exports.current().lastError()).isEqualTo(Win32Error.ERROR_INVALID_HANDLE);
        assertThat(Exports.current().createEnvironmentBlock(out, null, true)).isFalse();
        assertThat(Exports.current().lastError()).isEqualTo(Win32Error.ERROR_NOT_SUPPORTED);
        assertThat(Exports.current().createEnvironmentBlock(null, null, false)).isFalse();
        assertThat(Exports.current().lastError()).isEqualTo(Win32Error.ERROR_INVALID_PARAMETER);
    }
}
