package org.vss4j.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a Windows environment block (Microsoft docs, "CreateEnvironmentBlock function"). */
class MachineEnvironmentTest {

    private static Memory block(String entries) {
        byte[] b = entries.getBytes(StandardCharsets.UTF_16LE);
        Memory m = new Memory(b.length);
        m.write(0, b, 0, b.length);
        return m;
    }

    @Test
    void entriesAreNameValuePairsUpToTheEmptyOneAndNamesIgnoreCase() {
        Map<String, String> vars = MachineEnvironment.parse(block("=C:=C:\\Windows\0SystemRoot=C:\\Windows\0"
                + "TEMP=C:\\Windows\\TEMP\0X=a=b\0\0Ignored=after the end\0\0"));
        assertThat(vars).containsOnlyKeys("SystemRoot", "TEMP", "X");
        assertThat(vars.get("systemroot")).isEqualTo("C:\\Windows");
        assertThat(vars.get("X")).isEqualTo("a=b");
    }

    @Test
    void anEmptyBlockHasNoVariables() {
        assertThat(MachineEnvironment.parse(block("\0\0"))).isEmpty();
    }

    @Test
    void perUserVariablesAreNotMachineScope() {
        Map<String, String> vars = MachineEnvironment.withoutPerUser(MachineEnvironment.parse(block(
                "USERPROFILE=C:\\Users\\Default\0AppData=C:\\Users\\Default\\AppData\\Roaming\0"
                        + "ProgramData=C:\\ProgramData\0\0")));
        assertThat(vars).containsOnlyKeys("ProgramData");
    }
}
