package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.sim.SimulatedMachine;

/** The {@code vss} command on the embedded simulator, as the README's main job runs it. */
class VssCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void snapshotCreatesListsAndReleasesAShadowCopy(@TempDir Path volume) throws Exception {
        Files.writeString(volume.resolve("report.txt"), "q3");
        Files.createDirectory(volume.resolve("logs"));

        int exit = run("snapshot", "--sim-volume", "D:\\=" + volume, "D:\\", "--list", "10");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("GatherWriterMetadata ...", "PrepareForBackup ...", "DoSnapshotSet ...", "BackupComplete ...")
                .contains("vss4j Demo Writer")
                .containsPattern("volume  \\\\\\\\\\?\\\\Volume\\{[0-9a-f-]{36}}\\\\")
                .contains("    logs/", "    report.txt", "VSS_SS_CREATED")
                .contains("released: non-persistent shadow copies are gone");
        // The command closed its machine: its snapshot storage is gone and nothing leaked.
        assertThat(SimulatedMachine.current().snapshots()).isEmpty();
    }

    @Test
    void anUnknownVolumeFailsWithTheHresultName(@TempDir Path volume) {
        int exit = run("snapshot", "--sim-volume", "D:\\=" + volume, "Q:\\");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("IVssBackupComponents::").contains("VSS_E_");
    }

    @Test
    void aMalformedSimulatedVolumeIsAUsageError() {
        int exit = run("snapshot", "--sim-volume", "D:", "D:\\");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--sim-volume wants NAME=DIR");
    }

    @Test
    void writersListsIdentityAndState(@TempDir Path volume) {
        int exit = run("writers", "--sim-volume", "C:\\=" + volume);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Writer name: 'vss4j Demo Writer'", "State of 'vss4j Demo Writer': "
                + "VSS_WS_STABLE");
    }
}
