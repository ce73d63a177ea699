package org.vss4j.sim.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterState;
import org.vss4j.WriterStatus;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * {@code IsWriterShuttingDown} through the Java writer API ({@code VssWriterEx}, made as CVssWriterEx2) (Microsoft
 * docs, "CVssWriterEx2::IsWriterShuttingDown": a writer polls it during long events and, when it answers true, fails
 * with a non-retryable error). The simulated machine begins shutting down with
 * {@link SimulatedMachine#beginShutdown()}.
 */
@ExtendWith(VssSimulatorExtension.class)
class WriterShutdownTest {

    static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path volumeDir;

    @Test
    void aWriterIsNotShuttingDownUntilTheMachineBeginsTo(SimulatedMachine machine) {
        try (RecordingWriterEx w = new RecordingWriterEx().start(JavaWriterBackupTest.FREEZE_TIMEOUT)) {
            assertThat(w.isWriterShuttingDown()).isFalse();
            machine.beginShutdown();
            assertThat(w.isWriterShuttingDown()).isTrue();
        }
    }

    @Test
    void aLongEventThatSeesTheShutdownFailsTheWriterNonRetryably(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "C:\\");
        List<Boolean> answers = new ArrayList<>();
        WriterStatus status;
        try (RecordingWriterEx w = new RecordingWriterEx()) {
            // A long OnPrepareBackup working in chunks; the machine begins shutting down after the first one.
            w.at(CVssWriter.OnPrepareBackup, x -> {
                for (int chunk = 0; chunk < 3; chunk++) {
                    boolean shuttingDown = w.isWriterShuttingDown();
                    answers.add(shuttingDown);
                    if (shuttingDown) {
                        w.setWriterFailure(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE);
                        return false;
                    }
                    machine.beginShutdown();
                }
                return true;
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            try (BackupComponents b = BackupComponents.create()) {
                b.initializeForBackup(null);
                b.setBackupState(false, false, BackupType.FULL, false);
                b.gatherWriterMetadata().finish(T);
                b.startSnapshotSet();
                b.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
                assertThatThrownBy(() -> b.prepareForBackup().finish(T)).isInstanceOfSatisfying(VssException.class,
                        e -> assertThat(e.is(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE)).isTrue());
                b.gatherWriterStatus().finish(T);
                status = b.getWriterStatus(0);
                b.freeWriterStatus();
                b.abortBackup();
            }
        }
        assertThat(answers).containsExactly(false, true);
        assertThat(status.state()).isEqualTo(WriterState.FAILED_AT_PREPARE_BACKUP);
        assertThat(status.failureHresult()).isEqualTo(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE.code());
    }
}
