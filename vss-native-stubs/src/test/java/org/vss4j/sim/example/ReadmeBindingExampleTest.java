package org.vss4j.sim.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotMount;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;

/** The README's "Using the binding" example, verbatim in {@link #copyNotes}: it must compile and work. */
@ExtendWith(VssSimulatorExtension.class)
class ReadmeBindingExampleTest {

    static void copyNotes(Path backupDir) throws Exception {
        Duration timeout = Duration.ofMinutes(5);
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.BACKUP);
            bc.setBackupState(false, false, BackupType.FULL, false);
            bc.gatherWriterMetadata().finish(timeout);        // waits, fails on error/timeout, releases the IVssAsync
            UUID set = bc.startSnapshotSet();
            UUID snap = bc.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(timeout);
            bc.doSnapshotSet().finish(timeout);
            try (SnapshotMount root = bc.mountSnapshot(snap)) { // a link to \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN
                Files.copy(root.root().resolve("Users/me/notes.txt"), backupDir.resolve("notes.txt"));
            }
            bc.backupComplete().finish(timeout);
        }   // releasing the components deletes the non-persistent shadow copies
    }

    @Test
    void copiesAFileOutOfTheShadowCopy(SimulatedMachine machine, @TempDir Path disk, @TempDir Path backupDir)
            throws Exception {
        Files.createDirectories(disk.resolve("Users/me"));
        Files.writeString(disk.resolve("Users/me/notes.txt"), "frozen notes");
        machine.addVolume(disk, "C:\\");

        copyNotes(backupDir);

        assertThat(backupDir.resolve("notes.txt")).hasContent("frozen notes");
        assertThat(machine.snapshots()).isEmpty();
    }
}
