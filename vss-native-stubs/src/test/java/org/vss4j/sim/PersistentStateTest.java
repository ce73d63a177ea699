package org.vss4j.sim;

import org.vss4j.SnapshotMount;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotProperties;

/** A machine opened at a state directory keeps persistent shadow copies for the next process, as a real one does. */
class PersistentStateTest {

    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path state;

    @TempDir
    Path disk;

    @AfterEach
    void emptyMachine() {
        SimulatedMachine.install(SimulatedMachine.create()).close();
    }

    /** Opens the machine at {@link #state} as a new process would, with volume {@code D:\} = {@link #disk}. */
    private SimulatedMachine boot() {
        SimulatedMachine m = SimulatedMachine.persistentAt(state);
        m.addVolume(disk, "D:\\");
        SimulatedMachine.install(m);
        return m;
    }

    private static UUID snapshot(SnapshotContext context) {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(context);
            bc.setBackupState(false, false, BackupType.COPY, false);
            bc.gatherWriterMetadata().finish(T);
            bc.startSnapshotSet();
            UUID id = bc.addToSnapshotSet("D:\\", BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(T);
            bc.doSnapshotSet().finish(T);
            bc.backupComplete().finish(T);
            return id;
        }
    }

    private static List<SnapshotProperties> all() {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.ALL);
            return bc.querySnapshots();
        }
    }

    @Test
    void persistentShadowCopiesOutliveTheMachineUntilDeleted() throws Exception {
        Files.writeString(disk.resolve("a.txt"), "then");
        SimulatedMachine first = boot();
        UUID kept = snapshot(SnapshotContext.APP_ROLLBACK);
        UUID gone = snapshot(SnapshotContext.BACKUP);
        VssSimulatorExtension.verifyNoLeaks(first);
        first.close();
        Files.writeString(disk.resolve("a.txt"), "now");

        SimulatedMachine second = boot();
        List<SnapshotProperties> seen = all();
        assertThat(seen).extracting(SnapshotProperties::snapshotId).containsExactly(kept).doesNotContain(gone);
        SnapshotProperties p = seen.get(0);
        assertThat(p.isPersistent()).isTrue();
        assertThat(p.originalVolumeName()).isEqualTo(second.volume("D:\\").orElseThrow().guidName());
        try (SnapshotMount mount = SnapshotMount.open(p)) {
            assertThat(Files.readString(mount.root().resolve("a.txt"))).isEqualTo("then");
        }
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.ALL);
            assertThat(bc.deleteSnapshots(kept, ObjectType.SNAPSHOT, true).deletedCount()).isEqualTo(1);
        }
        VssSimulatorExtension.verifyNoLeaks(second);
        second.close();

        SimulatedMachine third = boot();
        assertThat(all()).isEmpty();
        // Nothing of the deleted shadow copy is left; only the device counter, since device numbers never repeat, and
        // the file processes lock to advance it; and the locks of the journal and of the set in creation.
        try (var left = Files.list(state.resolve("snapshots"))) {
            assertThat(left.map(f -> f.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("last-device-number", "last-device-number.lock", "journal.lock",
                            "snapshot-set.lock");
        }
        VssSimulatorExtension.verifyNoLeaks(third);
        third.close();
    }
}
