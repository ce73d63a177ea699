package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.session.BackupSession;
import org.vss4j.session.VolumeResolver;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * The whole volumes a caller gives the session: a name that is no volume root, a bare drive, a NUL or a null is a
 * clear error before any VSS call, never a backup of something else (the whole volume) or a raw exception later.
 */
@ExtendWith(VssSimulatorExtension.class)
class CallerVolumesTest {

    @TempDir
    Path temp;

    SessionFixture fx;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        SessionFixture.write(fx.c, "sub\\in.txt", "in sub");
        SessionFixture.write(fx.c, "other\\out.txt", "elsewhere on the volume");
    }

    @Test
    void aPathBelowAVolumeRootIsRefusedBeforeAnyVssCallNotBackedUpAsTheWholeVolume(SimulatedMachine machine) {
        assertThatThrownBy(() -> fx.session().volumeMode().volumes("C:\\sub").start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("volume C:\\sub given to the session is no volume root")
                .hasMessageContaining("give C:\\ (or the mount point of a volume mounted there");
        assertThat(fx.events).as("no phase started").isEmpty();
        assertThat(machine.snapshots()).isEmpty();
    }

    /** The volumes given are resolved once, before any VSS call, and the session backs up exactly those roots. */
    @Test
    void aVolumeGivenIsResolvedOnce() {
        List<String> asked = new ArrayList<>();
        VolumeResolver windows = VolumeResolver.forCurrentProvider();
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\").volumeResolver(p -> {
            asked.add(p);
            return windows.resolve(p);
        }).start()) {
            assertThat(SessionFixture.originals(s)).contains("C:\\sub\\in.txt", "C:\\other\\out.txt");
        }
        assertThat(asked).filteredOn("C:\\"::equals).hasSize(1);
    }

    @Test
    void aMountedFolderIsAVolumeRoot(SimulatedMachine machine) {
        Path d = SessionFixture.mkdirs(temp.resolve("d"));
        SessionFixture.write(d, "m.txt", "mounted");
        machine.addVolume(d, "C:\\sub\\mnt\\");
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\sub\\mnt").start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\sub\\mnt\\m.txt");
        }
    }

    @Test
    void aBareDriveANulAndANullAreRefusedWhenGiven() {
        assertThatThrownBy(() -> BackupSession.builder().volumes("C:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("C: names the current directory of drive C, not its root")
                .hasMessageContaining("give C:\\");
        assertThatThrownBy(() -> BackupSession.builder().volumes("C:\\\u0000D:\\"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds a NUL character at index 3").hasMessageContaining("would see only \"C:\\\"");
        assertThatThrownBy(() -> BackupSession.builder().volumes("C:\\", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("volume name 2 of 2 is null");
        assertThatThrownBy(() -> BackupSession.builder().volumes((String[]) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("volumes(...)");
    }
}
