package org.vss4j.sim.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ComponentType;
import org.vss4j.RestoreType;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterState;
import org.vss4j.WriterStatusEx;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * A Java writer hosted through the {@code CVssWriter} ABI that calls SetWriterFailure(Ex) and returns true has a
 * non-fatal error (Microsoft docs, "CVssWriter::OnPrepareBackup", "CVssWriter::OnPreRestore": "If a nonfatal error
 * occurs, the method should still call SetWriterFailure but return true"): the asynchronous operation succeeds and
 * GatherWriterStatus shows the event's failed state with the writer's HRESULT. Returning false stays a veto.
 */
@ExtendWith(VssSimulatorExtension.class)
class JavaWriterNonFatalFailureTest {

    private static final Duration T = JavaWriterBackupTest.T;
    private static final int ACCESS_DENIED = 0x80070005;

    @TempDir
    Path volumeDir;

    /** The only writer's status, after a GatherWriterStatus. */
    private static WriterStatusEx statusOf(BackupComponents b) {
        b.gatherWriterStatus().finish(T);
        try {
            return b.getWriterStatusEx(0);
        } finally {
            b.freeWriterStatus();
        }
    }

    /** Volume-mode backup up to PrepareForBackup. */
    private static void prepare(BackupComponents b) {
        b.initializeForBackup(null);
        b.setBackupState(false, false, BackupType.FULL, false);
        b.gatherWriterMetadata().finish(T);
        b.startSnapshotSet();
        b.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
    }

    /** A restore of the writer's component "Data" from {@code bcd}, up to its selection. */
    private static void selectForRestore(BackupComponents r, String bcd) {
        r.initializeForRestore(bcd);
        r.setRestoreState(RestoreType.IMPORT);
        r.gatherWriterMetadata().finish(T);
        r.setSelectedForRestore(RecordingWriter.WRITER_ID, ComponentType.FILEGROUP, null, "Data", true);
    }

    private static UUID instanceOf(SimulatedMachine machine) {
        return machine.hostedWriters().get(0).metadata().instanceId();
    }

    @Test
    void setWriterFailureThenTrueAtPrepareBackupLetsPrepareForBackupAndTheSnapshotSucceed(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "C:\\");
        WriterStatusEx afterPrepare;
        WriterStatusEx afterSnapshot;
        try (RecordingWriter w = new RecordingWriter()) {
            w.at(CVssWriter.OnPrepareBackup, x -> {
                w.setWriterFailure(VssHresult.VSS_E_WRITERERROR_RETRYABLE);
                return true;
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            try (BackupComponents b = BackupComponents.create()) {
                prepare(b);
                b.prepareForBackup().finish(T);
                afterPrepare = statusOf(b);
                b.doSnapshotSet().finish(T);
                assertThat(machine.snapshots()).hasSize(1);
                afterSnapshot = statusOf(b);
                b.backupComplete().finish(T);
            }
            // As after a veto, the failed writer takes no further part in the backup (the simulator's choice).
            assertThat(w.events()).doesNotContain(CVssWriter.OnFreeze);
        }
        assertThat(afterPrepare.status().state()).isEqualTo(WriterState.FAILED_AT_PREPARE_BACKUP);
        assertThat(afterPrepare.status().failureHresult()).isEqualTo(VssHresult.VSS_E_WRITERERROR_RETRYABLE.code());
        assertThat(afterSnapshot.status().state()).isEqualTo(WriterState.FAILED_AT_PREPARE_BACKUP);
    }

    @Test
    void setWriterFailureExThenTrueAtPreRestoreLetsPreRestoreAndPostRestoreSucceed(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "C:\\");
        WriterStatusEx afterPreRestore;
        WriterStatusEx afterPostRestore;
        try (RecordingWriterEx w = new RecordingWriterEx()) {
            w.declaring(m -> m.addComponent(ComponentType.FILEGROUP, null, "Data", null, false, false, true));
            w.at(CVssWriter.OnPreRestore, x -> {
                w.setWriterFailureEx(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE.code(), ACCESS_DENIED,
                        "log files locked");
                return true;
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            String bcd = ComponentBackup.of(instanceOf(machine), "Data", T);
            try (BackupComponents r = BackupComponents.create()) {
                selectForRestore(r, bcd);
                r.preRestore().finish(T);
                afterPreRestore = statusOf(r);
                r.postRestore().finish(T);
                afterPostRestore = statusOf(r);
            }
            assertThat(w.events()).containsSubsequence(CVssWriter.OnPreRestore, CVssWriter.OnPostRestore);
        }
        assertThat(afterPreRestore.status().state()).isEqualTo(WriterState.FAILED_AT_PRE_RESTORE);
        assertThat(afterPreRestore.status().failureHresult())
                .isEqualTo(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE.code());
        assertThat(afterPreRestore.applicationHresult()).isEqualTo(ACCESS_DENIED);
        assertThat(afterPreRestore.applicationMessage()).isEqualTo("log files locked");
        assertThat(afterPostRestore.status().state()).isEqualTo(WriterState.FAILED_AT_PRE_RESTORE);
    }

    @Test
    void setWriterFailureThenFalseAtPrepareBackupStillFailsPrepareForBackup(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "C:\\");
        WriterStatusEx status;
        try (RecordingWriter w = new RecordingWriter()) {
            w.at(CVssWriter.OnPrepareBackup, x -> {
                w.setWriterFailure(VssHresult.VSS_E_WRITERERROR_RETRYABLE);
                return false;
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            try (BackupComponents b = BackupComponents.create()) {
                prepare(b);
                assertThatThrownBy(() -> b.prepareForBackup().finish(T)).isInstanceOfSatisfying(VssException.class,
                        e -> assertThat(e.is(VssHresult.VSS_E_WRITERERROR_RETRYABLE)).isTrue());
                status = statusOf(b);
                b.abortBackup();
            }
        }
        assertThat(status.status().state()).isEqualTo(WriterState.FAILED_AT_PREPARE_BACKUP);
        assertThat(status.status().failureHresult()).isEqualTo(VssHresult.VSS_E_WRITERERROR_RETRYABLE.code());
    }

    @Test
    void setWriterFailureExThenFalseAtPreRestoreStillFailsPreRestore(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "C:\\");
        WriterStatusEx status;
        try (RecordingWriterEx w = new RecordingWriterEx()) {
            w.declaring(m -> m.addComponent(ComponentType.FILEGROUP, null, "Data", null, false, false, true));
            w.at(CVssWriter.OnPreRestore, x -> {
                w.setWriterFailureEx(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE.code(), ACCESS_DENIED,
                        "log files locked");
                return false;
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            String bcd = ComponentBackup.of(instanceOf(machine), "Data", T);
            try (BackupComponents r = BackupComponents.create()) {
                selectForRestore(r, bcd);
                assertThatThrownBy(() -> r.preRestore().finish(T)).isInstanceOfSatisfying(VssException.class,
                        e -> assertThat(e.is(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE)).isTrue());
                status = statusOf(r);
            }
        }
        assertThat(status.status().state()).isEqualTo(WriterState.FAILED_AT_PRE_RESTORE);
        assertThat(status.applicationMessage()).isEqualTo("log files locked");
    }
}
