package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ComponentType;
import org.vss4j.VssHresult;
import org.vss4j.WriterState;
import org.vss4j.WriterStatus;

/**
 * A writer that calls SetWriterFailure and returns true ({@link SimulatedWriter#failsButContinuesAt}; Microsoft docs,
 * "CVssWriter::OnPreRestore": "If a nonfatal error occurs, the method should still call SetWriterFailure but return
 * true"): the asynchronous operation succeeds and only GatherWriterStatus shows the failure.
 */
@ExtendWith(VssSimulatorExtension.class)
class NonFatalWriterFailureTest {

    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path volumeDir;

    private SimulatedWriter writer;
    private SimulatedWriter other;
    private UUID writerId;
    private UUID instanceId;

    @BeforeEach
    void machine(SimulatedMachine machine) throws Exception {
        Files.writeString(volumeDir.resolve("data.txt"), "data");
        machine.addVolume(volumeDir, "C:\\");
        writer = machine.addWriter(SimulatedWriter.builder("Files Writer")
                .component(WriterComponent.fileGroup("", "Data")).build());
        other = machine.addWriter(SimulatedWriter.builder("Other Writer")
                .component(WriterComponent.fileGroup("", "Other")).build());
        writerId = writer.metadata().writerClassId();
        instanceId = writer.metadata().instanceId();
    }

    private WriterStatus statusOf(BackupComponents bc, SimulatedWriter w) {
        bc.gatherWriterStatus().finish(T);
        try {
            for (int i = 0; i < bc.getWriterStatusCount(); i++) {
                WriterStatus s = bc.getWriterStatus(i);
                if (s.instanceId().equals(w.metadata().instanceId())) {
                    return s;
                }
            }
            throw new AssertionError("no status for " + w.name());
        } finally {
            bc.freeWriterStatus();
        }
    }

    /** A component-mode backup of Data; the saved Backup Components Document. */
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
            bc.backupComplete().finish(T);
            return bc.saveAsXml();
        }
    }

    @Test
    void aNonFatalFailureAtPrepareForBackupLetsTheBackupGoOnAndShowsInTheWriterStatus() {
        writer.failsButContinuesAt(WriterEvent.PREPARE_FOR_BACKUP, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(false, false, BackupType.FULL, false);
            bc.gatherWriterMetadata().finish(T);
            bc.startSnapshotSet();
            bc.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(T);

            WriterStatus failed = statusOf(bc, writer);
            assertThat(failed.state()).isEqualTo(WriterState.FAILED_AT_PREPARE_BACKUP);
            assertThat(failed.failureHresult()).isEqualTo(VssHresult.VSS_E_WRITERERROR_RETRYABLE.code());

            bc.doSnapshotSet().finish(T);
            assertThat(statusOf(bc, writer).state()).isEqualTo(WriterState.FAILED_AT_PREPARE_BACKUP);
            assertThat(statusOf(bc, other).state()).isEqualTo(WriterState.WAITING_FOR_BACKUP_COMPLETE);
        }
        // The writer that failed takes no further part, as after a veto; the other writer freezes.
        assertThat(writer.events()).doesNotContain(WriterEvent.FREEZE);
        assertThat(other.events()).contains(WriterEvent.FREEZE, WriterEvent.POST_SNAPSHOT);
    }

    @Test
    void aNonFatalFailureAtPreRestoreLetsPreRestoreSucceedAndShowsInTheWriterStatus() {
        String bcd = backup();
        writer.failsButContinuesAt(WriterEvent.PRE_RESTORE, VssHresult.VSS_E_WRITERERROR_NONRETRYABLE);
        try (BackupComponents r = BackupComponents.create()) {
            r.initializeForRestore(bcd);
            r.gatherWriterMetadata().finish(T);
            r.setSelectedForRestore(writerId, ComponentType.FILEGROUP, null, "Data", true);
            r.preRestore().finish(T);

            WriterStatus status = statusOf(r, writer);
            assertThat(status.state()).isEqualTo(WriterState.FAILED_AT_PRE_RESTORE);
            assertThat(status.failureHresult()).isEqualTo(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE.code());
            // PreRestore succeeded, so PostRestore may follow; the writer's failure stays what it reports.
            r.postRestore().finish(T);
            assertThat(statusOf(r, writer).state()).isEqualTo(WriterState.FAILED_AT_PRE_RESTORE);
        }
        assertThat(writer.events()).contains(WriterEvent.PRE_RESTORE, WriterEvent.POST_RESTORE);
    }
}
