package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default {@code --sim-state}: {@code $HOME} off Windows when it is set, as {@code ~} means in a shell. */
class SimulatorStateDefaultTest {

    @Test
    void offWindowsHomeFromTheEnvironmentWins() {
        assertThat(SimulatorStateDefault.of(Map.of("HOME", "/x"), "/root", false))
                .isEqualTo(Path.of("/x", ".vss4j", "simulator"));
    }

    @Test
    void withoutAnAbsoluteHomeJavasUserHomeIsUsed() {
        assertThat(SimulatorStateDefault.of(Map.of(), "/root", false)).isEqualTo(Path.of("/root", ".vss4j", "simulator"));
        assertThat(SimulatorStateDefault.of(Map.of("HOME", ""), "/root", false))
                .isEqualTo(Path.of("/root", ".vss4j", "simulator"));
        assertThat(SimulatorStateDefault.of(Map.of("HOME", "relative"), "/root", false))
                .isEqualTo(Path.of("/root", ".vss4j", "simulator"));
    }

    @Test
    void onWindowsTheProfileFolderIsUsedWhateverHomeSays() {
        assertThat(SimulatorStateDefault.of(Map.of("HOME", "/c/Users/alice"), "C:\\Users\\alice", true))
                .isEqualTo(Path.of("C:\\Users\\alice", ".vss4j", "simulator"));
    }
}
