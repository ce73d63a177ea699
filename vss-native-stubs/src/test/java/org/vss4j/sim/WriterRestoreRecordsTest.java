package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ComponentState;
import org.vss4j.ComponentType;
import org.vss4j.DirectedTarget;
import org.vss4j.FileRestoreStatus;
import org.vss4j.RestoreTarget;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterComponents;

/**
 * What a simulated writer records in its components at PreRestore and PostRestore ({@link SimulatedWriter#recordsAt}):
 * the requester reads it with GetWriterComponents after the event (Microsoft docs, "Overview of Preparing for Restore":
 * a requester re-reads the components after PreRestore for the writer's restore target), and an edit Windows would
 * refuse at the event is refused when scripted.
 */
@ExtendWith(VssSimulatorExtension.class)
class WriterRestoreRecordsTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static final DirectedTarget TARGET = new DirectedTarget("C:\\data", "db.mdf", "0:4096", "D:\\moved",
            "db.mdf", "0:4096");

    @TempDir
    Path volumeDir;

    private SimulatedWriter writer;
    private UUID writerId;
    private UUID instanceId;

    @BeforeEach
    void machine(SimulatedMachine machine) throws Exception {
        Files.writeString(volumeDir.resolve("data.txt"), "data");
        machine.addVolume(volumeDir, "C:\\");
        writer = machine.addWriter(SimulatedWriter.builder("Files Writer")
                .component(WriterComponent.fileGroup("", "Data").withFile(FileSpec.of("C:\\data", "*", true)))
                .build());
        writerId = writer.metadata().writerClassId();
        instanceId = writer.metadata().instanceId();
    }

    /** A component-mode backup of Data in which the writer stamps it; the saved Backup Components Document. */
    private String backup() {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(true, false, BackupType.FULL, false);
            bc.gatherWriterMetadata().finish(T);
            bc.addComponent(instanceId, writerId, ComponentType.FILEGROUP, null, "Data");
            bc.startSnapshotSet();
            bc.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(T);
            bc.doSnapshotSet().finish(T);
            bc.setBackupSucceeded(instanceId, writerId, ComponentType.FILEGROUP, null, "Data", true);
            bc.backupComplete().finish(T);
            return bc.saveAsXml();
        }
    }

    private static ComponentState data(BackupComponents r) {
        try (WriterComponents wc = r.getWriterComponents(0)) {
            return wc.read().components().stream().filter(c -> c.name().equals("Data")).findFirst().orElseThrow();
        }
    }

    /** Restores Data: the state the requester reads after PreRestore and after PostRestore. */
    private List<ComponentState> restore(String bcd) {
        try (BackupComponents r = BackupComponents.create()) {
            r.initializeForRestore(bcd);
            r.gatherWriterMetadata().finish(T);
            r.setSelectedForRestore(writerId, ComponentType.FILEGROUP, null, "Data", true);
            r.preRestore().finish(T);
            ComponentState afterPreRestore = data(r);
            r.setFileRestoreStatus(writerId, ComponentType.FILEGROUP, null, "Data", FileRestoreStatus.ALL);
            r.postRestore().finish(T);
            return List.of(afterPreRestore, data(r));
        }
    }

    @Test
    void whatTheWriterRecordsAtPreRestoreIsReadByTheRequesterAfterPreRestore() {
        writer.recordsAt(WriterEvent.POST_SNAPSHOT, "", "Data", d -> d.withBackupStamp("stamp-1"));
        writer.recordsAt(WriterEvent.PRE_RESTORE, "", "Data", d -> d.withRestoreTarget(RestoreTarget.DIRECTED)
                .withDirectedTarget(TARGET).withRestoreMetadata("restore-hint")
                .withPreRestoreFailureMsg("log files kept"));
        writer.recordsAt(WriterEvent.POST_RESTORE, "", "Data", d -> d.withPostRestoreFailureMsg("reindex pending"));
        String bcd = backup();

        List<ComponentState> read = restore(bcd);
        ComponentState afterPre = read.get(0);
        assertThat(afterPre.restoreTarget()).isEqualTo(RestoreTarget.DIRECTED);
        assertThat(afterPre.directedTargets()).containsExactly(TARGET);
        assertThat(afterPre.restoreMetadata()).isEqualTo("restore-hint");
        assertThat(afterPre.preRestoreFailureMsg()).isEqualTo("log files kept");
        assertThat(afterPre.postRestoreFailureMsg()).isNull();
        assertThat(afterPre.backupStamp()).isEqualTo("stamp-1");
        // PostRestore adds its message and wipes nothing PreRestore recorded.
        ComponentState afterPost = read.get(1);
        assertThat(afterPost.restoreTarget()).isEqualTo(RestoreTarget.DIRECTED);
        assertThat(afterPost.directedTargets()).containsExactly(TARGET);
        assertThat(afterPost.preRestoreFailureMsg()).isEqualTo("log files kept");
        assertThat(afterPost.postRestoreFailureMsg()).isEqualTo("reindex pending");
    }

    @Test
    void eachRestoreFailureMessageMayBeSetAtEitherRestoreEvent() {
        // "Only a writer can call this method, and only during a restore operation": neither page names the event.
        writer.recordsAt(WriterEvent.PRE_RESTORE, "", "Data", d -> d.withPostRestoreFailureMsg("set early"));
        writer.recordsAt(WriterEvent.POST_RESTORE, "", "Data", d -> d.withPreRestoreFailureMsg("set late"));
        String bcd = backup();

        List<ComponentState> read = restore(bcd);

        assertThat(read.get(0).postRestoreFailureMsg()).isEqualTo("set early");
        assertThat(read.get(1).preRestoreFailureMsg()).isEqualTo("set late");
        assertThat(read.get(1).postRestoreFailureMsg()).isEqualTo("set early");
    }

    @Test
    void theNextBackupsPrepareForBackupClearsTheRestoreRecords(SimulatedMachine machine) {
        writer.recordsAt(WriterEvent.PRE_RESTORE, "", "Data", d -> d.withRestoreTarget(RestoreTarget.DIRECTED));
        restore(backup());
        assertThat(writer.recorded("", "Data").restoreTarget()).isEqualTo(RestoreTarget.DIRECTED);

        backup();
        assertThat(writer.recorded("", "Data")).isEqualTo(WriterComponentData.NONE);
    }

    @Test
    void aSecondRestoreStartsWithoutTheFirstRestoresRecords() {
        writer.recordsAt(WriterEvent.POST_SNAPSHOT, "", "Data", d -> d.withBackupStamp("stamp-1"));
        writer.recordsAt(WriterEvent.POST_RESTORE, "", "Data", d -> d.withPostRestoreFailureMsg("reindex pending"));
        String bcd = backup();
        restore(bcd);

        ComponentState afterSecondPreRestore = restore(bcd).get(0);
        assertThat(afterSecondPreRestore.postRestoreFailureMsg()).isNull();
        assertThat(afterSecondPreRestore.backupStamp()).isEqualTo("stamp-1");
    }

    @Test
    void anEventWithoutComponentsIsRefusedWhenScripted() {
        assertThatThrownBy(() -> writer.recordsAt(WriterEvent.FREEZE, "", "Data", d -> d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not FREEZE")
                .hasMessageContaining("PRE_RESTORE");
    }

    /** Runs a backup of Data on a machine of its own with {@code script} applied to its writer; the machine. */
    private SimulatedMachine backupOnAPrivateMachine(java.util.function.Consumer<SimulatedWriter> script,
            VssHresult[] prepareResult) {
        return PrivateMachine.run(() -> {
            SimulatedMachine m = SimulatedMachine.current();
            m.addVolume(volumeDir, "C:\\");
            SimulatedWriter w = m.addWriter(SimulatedWriter.builder("Files Writer")
                    .component(WriterComponent.fileGroup("", "Data")).build());
            script.accept(w);
            try (BackupComponents bc = BackupComponents.create()) {
                bc.initializeForBackup(null);
                bc.setBackupState(true, false, BackupType.FULL, false);
                bc.gatherWriterMetadata().finish(T);
                bc.addComponent(w.metadata().instanceId(), w.metadata().writerClassId(), ComponentType.FILEGROUP,
                        null, "Data");
                try {
                    bc.prepareForBackup().finish(T);
                    prepareResult[0] = VssHresult.S_OK;
                } catch (VssException e) {
                    prepareResult[0] = e.known().orElseThrow();
                }
                bc.abortBackup();
            }
            assertThat(w.recorded("", "Data")).isEqualTo(WriterComponentData.NONE);
        });
    }

    @Test
    void anEditSettingAFieldWindowsRefusesAtTheEventFailsTheEventNamingWhereTheFieldBelongs() {
        VssHresult[] result = new VssHresult[1];
        SimulatedMachine m = backupOnAPrivateMachine(w -> w.recordsAt(WriterEvent.PREPARE_FOR_BACKUP, "", "Data",
                d -> d.withBackupMetadata("meta").withRestoreMetadata("hint")), result);
        assertThat(result[0]).isEqualTo(VssHresult.VSS_E_UNEXPECTED);
        assertThat(m.leakReport().errors()).singleElement().asString().contains("IllegalArgumentException",
                "SetRestoreMetadata", "refused at PREPARE_FOR_BACKUP", "[PRE_RESTORE]");
    }

    @Test
    void anEditIsRunOnlyWhenItsEventArrives() {
        int[] calls = new int[1];
        VssHresult[] result = new VssHresult[1];
        SimulatedMachine m = backupOnAPrivateMachine(w -> w.recordsAt(WriterEvent.PRE_RESTORE, "", "Data", d -> {
            calls[0]++;
            return d.withRestoreTarget(RestoreTarget.DIRECTED);
        }), result);
        assertThat(result[0]).isEqualTo(VssHresult.S_OK);
        assertThat(calls[0]).isZero();
        assertThat(m.leakReport().isClean()).as(m.leakReport().toString()).isTrue();
    }
}
