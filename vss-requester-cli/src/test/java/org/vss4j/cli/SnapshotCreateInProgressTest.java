package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.sim.Faults;
import org.vss4j.sim.SimulatedMachine;

/**
 * {@code vss snapshot create} waits out another shadow copy set in progress as a backup session does
 * (docs/simulator-in-progress.md): StartSnapshotSet is called again; a DoSnapshotSet that met another set is aborted
 * and the whole sequence runs again with a new requester. Each wait is a real 1 s backoff.
 */
class SnapshotCreateInProgressTest {

    private static final String IN_PROGRESS = "VSS_E_SNAPSHOT_SET_IN_PROGRESS";

    @TempDir
    Path volume;

    @TempDir
    Path state;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int vss(String... extra) {
        List<String> args = new ArrayList<>(List.of("snapshot", "create", "D:\\", "--sim-volume", "D:\\=" + volume,
                "--sim-state", state.toString()));
        args.addAll(List.of(extra));
        return VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    }

    private static Faults faults() {
        return SimulatedMachine.current().faults();
    }

    @Test
    void startSnapshotSetInProgressOnceIsCalledAgainAndTheCommandSucceeds() {
        int exit = vss("--sim-fault", "StartSnapshotSet=" + IN_PROGRESS);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("StartSnapshotSet: " + IN_PROGRESS + " (0x80042316), another shadow copy "
                + "set is in progress; attempt 2 again in PT1S", "BackupComplete ...", "done:");
        assertThat(faults().calls(IVssBackupComponents.StartSnapshotSet)).isEqualTo(2);
        assertThat(faults().calls(IVssBackupComponents.AbortBackup)).isZero();
    }

    @Test
    void doSnapshotSetInProgressOnceStartsOverWithANewRequesterAndTheCommandSucceeds() {
        int exit = vss("--sim-fault", "DoSnapshotSet=" + IN_PROGRESS);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("DoSnapshotSet: " + IN_PROGRESS, "attempt 2 again in PT1S",
                "aborting the backup", "BackupComplete ...", "done:");
        // The collided set is aborted and its requester released; the second one runs from InitializeForBackup.
        assertThat(faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        assertThat(faults().calls(IVssBackupComponents.InitializeForBackup)).isEqualTo(2);
        assertThat(faults().calls(IVssBackupComponents.DoSnapshotSet)).isEqualTo(2);
    }

    @Test
    void startSnapshotSetInProgressPastTheTimeoutIsAClearVssFailure() {
        int exit = vss("--sim-fault", "StartSnapshotSet#1-10=" + IN_PROGRESS, "--in-progress-timeout", "PT2S");

        assertThat(exit).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(err.toString()).contains(IN_PROGRESS + " (0x80042316)", "StartSnapshotSet: another shadow copy "
                + "set was still being built or created after 2 attempt(s) within the overall timeout PT2S");
        assertThat(faults().calls(IVssBackupComponents.StartSnapshotSet)).isEqualTo(2);
    }

    @Test
    void doSnapshotSetInProgressPastTheTimeoutFailsAndLeavesNoShadowCopy() throws Exception {
        int exit = vss("--persistent", "--sim-fault", "DoSnapshotSet#1-10=" + IN_PROGRESS, "--in-progress-timeout",
                "PT2S");

        assertThat(exit).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(err.toString()).contains(IN_PROGRESS, "DoSnapshotSet: another shadow copy set was still being "
                + "built or created after 2 attempt(s)");
        assertThat(faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(2);
        try (SimulatedMachine after = SimulatedMachine.persistentAt(state)) {
            assertThat(after.snapshots()).isEmpty();
        }
    }

    @Test
    void aFaultThatNamesNoMethodOrHresultIsAUsageError() {
        assertThat(vss("--sim-fault", "StartSnapshotSett=" + IN_PROGRESS)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--sim-fault StartSnapshotSett=" + IN_PROGRESS
                + ": IVssBackupComponents has no method StartSnapshotSett");
        assertThat(vss("--sim-fault", "StartSnapshotSet=VSS_E_NO_SUCH")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no HRESULT named VSS_E_NO_SUCH");
    }

    @Test
    void aFaultWithCallNumbersOutOfRangeOrASuccessCodeIsAUsageError() {
        assertThat(vss("--sim-fault", "StartSnapshotSet#99999999999=" + IN_PROGRESS)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("call numbers go up to 10000: 99999999999");
        assertThat(vss("--sim-fault", "StartSnapshotSet#1-2000000000=" + IN_PROGRESS)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("call numbers go up to 10000: 2000000000");
        assertThat(vss("--sim-fault", "StartSnapshotSet=0x0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("0x0 is a success code, not a failure");
        assertThat(vss("--sim-fault", "StartSnapshotSet#1-10000=" + IN_PROGRESS, "--in-progress-timeout", "PT0S"))
                .isEqualTo(ExitCodes.VSS_FAILURE);
    }
}
