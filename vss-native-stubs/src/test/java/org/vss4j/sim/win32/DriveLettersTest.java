package org.vss4j.sim.win32;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotContext;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Exports;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;

/** The simulated {@code GetLogicalDrives}, called through the binding's export seam. */
@ExtendWith(VssSimulatorExtension.class)
class DriveLettersTest {

    private static int bit(char letter) {
        return 1 << (letter - 'A');
    }

    @Test
    void theVolumesDriveLettersAreInUse(SimulatedMachine machine, @TempDir Path c, @TempDir Path e,
            @TempDir Path mounted) {
        machine.addVolume(c, "C:\\");
        machine.addVolume(e, "E:\\");
        machine.addVolume(mounted, "C:\\mnt\\data\\");

        assertThat(Exports.current().getLogicalDrives()).isEqualTo(bit('C') | bit('E'));
    }

    @Test
    void aShadowCopyExposedAtALetterTakesIt(SimulatedMachine machine, @TempDir Path c) {
        machine.addVolume(c, "C:\\");
        Duration t = Duration.ofSeconds(30);
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setContext(SnapshotContext.NAS_ROLLBACK);
            b.setBackupState(false, false, BackupType.COPY, false);
            b.startSnapshotSet();
            UUID id = b.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
            b.doSnapshotSet().finish(t);
            b.exposeSnapshotLocally(id, "X:");
            assertThat(Exports.current().getLogicalDrives()).isEqualTo(bit('C') | bit('X'));
            b.unexposeSnapshot(id);
            assertThat(Exports.current().getLogicalDrives()).isEqualTo(bit('C'));
            b.deleteSnapshots(id, ObjectType.SNAPSHOT, true);
        }
    }

    @Test
    void aPlannedFailureReturnsZeroWithTheLastError(SimulatedMachine machine, @TempDir Path c) {
        machine.addVolume(c, "C:\\");
        machine.faults().failWin32OnCall(NativeExport.GetLogicalDrives, 1, Win32Error.ERROR_ACCESS_DENIED);

        assertThat(Exports.current().getLogicalDrives()).isZero();
        assertThat(Exports.current().lastError()).isEqualTo(Win32Error.ERROR_ACCESS_DENIED);
        assertThat(Exports.current().getLogicalDrives()).isEqualTo(bit('C'));
    }
}
