package org.vss4j.sim.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.SnapshotMount;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/** Tests of a backup tool's code against the simulated VSS (the README's example, verbatim). */
@ExtendWith(VssSimulatorExtension.class) // a fresh machine per test; fails the test on any leak
class ReadmeExampleTest {

    /** The user's code under test: copies one file out of a shadow copy of the volume that holds it. */
    static String readConsistently(String volume, String relativePath) throws Exception {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(Duration.ofSeconds(30));
            bc.startSnapshotSet();
            UUID snapshot = bc.addToSnapshotSet(volume, BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(Duration.ofSeconds(30));
            try {
                bc.doSnapshotSet().finish(Duration.ofSeconds(30));
            } catch (VssException e) {
                bc.abortBackup();
                throw e;
            }
            String content;
            // The device object (\\?\GLOBALROOT\Device\...) is no java.nio path: read through a link to it.
            try (SnapshotMount root = bc.mountSnapshot(snapshot)) {
                content = Files.readString(root.root().resolve(relativePath));
            }
            bc.backupComplete().finish(Duration.ofSeconds(30));
            return content;
        }
    }

    @Test
    void readsThroughAShadowCopyWhileTheWriterIsFrozen(SimulatedMachine machine, @TempDir Path disk) throws Exception {
        Files.writeString(disk.resolve("orders.db"), "42 orders");
        machine.addVolume(disk, "D:\\");
        SimulatedWriter db = machine.addWriter(SimulatedWriter.builder("Orders DB Writer")
                .component(WriterComponent.database("", "orders").withDatabaseFile(FileSpec.of("D:\\", "orders.db",
                        false)))
                .build());

        assertThat(readConsistently("D:\\", "orders.db")).isEqualTo("42 orders");
        assertThat(db.events()).containsSubsequence(WriterEvent.FREEZE, WriterEvent.THAW,
                WriterEvent.BACKUP_COMPLETE);
    }

    @Test
    void aWriterVetoAtFreezeSurfacesAsItsHresult(SimulatedMachine machine, @TempDir Path disk) {
        machine.addVolume(disk, "D:\\");
        machine.addWriter(SimulatedWriter.builder("Orders DB Writer").build())
                .failAt(WriterEvent.FREEZE, VssHresult.VSS_E_WRITERERROR_RETRYABLE);

        assertThatThrownBy(() -> readConsistently("D:\\", "orders.db"))
                .isInstanceOfSatisfying(VssException.class,
                        e -> assertThat(e.is(VssHresult.VSS_E_WRITERERROR_RETRYABLE)).isTrue());
    }
}
