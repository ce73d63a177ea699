package org.vss4j.sim.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.VssHresult;
import org.vss4j.WriterStatusEx;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.IVssWriterImpl;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.writer.VssWriterException;

/**
 * "Writers should never call the CVssWriter::SetWriterFailure method from the OnIdentify or CVssWriterEx::OnIdentifyEx
 * method" (Microsoft docs, "CVssWriter::OnIdentify"), and any requester raises Identify at any time, also during
 * another requester's backup. A throwing {@code onIdentify} returns false and is logged ({@code handlerThrew}); the
 * binding sets no failure, and refuses one the writer tries to set. The simulator records a SetWriterFailure(Ex) from
 * Identify as a misuse, so a clean ledger proves the binding made none.
 */
@ExtendWith(VssSimulatorExtension.class)
class IdentifyFailureTest {

    @TempDir
    Path volumeDir;

    @Test
    void aThrowingOnIdentifyOfAPlainWriterReturnsFalseAndSetsNoFailure(SimulatedMachine machine) {
        try (RecordingWriter w = new RecordingWriter()) {
            w.declaring(m -> {
                throw VssWriterException.retryable("configuration unreadable");
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            assertThat(WriterBackups.listWriters()).as("no metadata from a writer whose Identify failed").isZero();
            assertThat(w.thrown()).extracting(Recorder.Call::event).containsExactly(CVssWriter.OnIdentify);
        }
        assertThat(machine.ledger().errors()).isEmpty();
    }

    @Test
    void aThrowingOnIdentifyExReturnsFalseAndSetsNoFailureEither(SimulatedMachine machine) {
        try (RecordingWriterEx w = new RecordingWriterEx()) {
            w.declaring(m -> {
                throw new IllegalStateException("configuration unreadable");
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            assertThat(WriterBackups.listWriters()).isZero();
            assertThat(w.thrown()).extracting(Recorder.Call::event).containsExactly(CVssWriter.OnIdentify);
        }
        assertThat(machine.ledger().errors()).isEmpty();
    }

    @Test
    void aWriterSettingAFailureInIdentifyIsRefusedByTheBindingBeforeVssSeesIt(SimulatedMachine machine) {
        List<String> refused = new ArrayList<>();
        try (RecordingWriterEx w = new RecordingWriterEx()) {
            w.declaring(m -> {
                for (Runnable call : List.<Runnable>of(
                        () -> w.setWriterFailure(VssHresult.VSS_E_WRITERERROR_RETRYABLE),
                        () -> w.setWriterFailureEx(VssHresult.VSS_E_WRITERERROR_RETRYABLE.code(), 0, "no"))) {
                    try {
                        call.run();
                    } catch (IllegalStateException e) {
                        refused.add(e.getMessage().substring(0, e.getMessage().indexOf(" cannot")));
                    }
                }
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            assertThat(WriterBackups.listWriters()).as("the handler itself succeeded").isOne();
        }
        assertThat(refused).containsExactly("SetWriterFailure", "SetWriterFailureEx");
        assertThat(machine.ledger().errors()).isEmpty();
    }

    @Test
    void anotherRequestersIdentifyInTheMiddleOfABackupLeavesThatBackupAlone(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        AtomicInteger identifies = new AtomicInteger();
        WriterStatusEx status;
        try (RecordingWriterEx w = new RecordingWriterEx()) {
            // The second Identify (the one vssadmin-like requester raises mid-backup) fails.
            w.declaring(m -> {
                if (identifies.incrementAndGet() == 2) {
                    throw VssWriterException.nonRetryable("busy");
                }
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            try (BackupComponents b = BackupComponents.create()) {
                b.initializeForBackup(null);
                b.setBackupState(false, false, BackupType.FULL, false);
                b.gatherWriterMetadata().finish(WriterBackups.T);
                b.startSnapshotSet();
                b.addToSnapshotSet(v.guidName(), BackupComponents.GUID_NULL);
                b.prepareForBackup().finish(WriterBackups.T);
                assertThat(WriterBackups.listWriters()).isZero();
                b.doSnapshotSet().finish(WriterBackups.T);
                b.gatherWriterStatus().finish(WriterBackups.T);
                status = b.getWriterStatusEx(0);
                b.freeWriterStatus();
                b.backupComplete().finish(WriterBackups.T);
            }
            assertThat(identifies).hasValue(2);
            assertThat(w.thrown()).extracting(Recorder.Call::event).containsExactly(CVssWriter.OnIdentify);
            assertThat(w.events()).containsSubsequence(CVssWriter.OnPrepareBackup, CVssWriter.OnFreeze,
                    CVssWriter.OnThaw, CVssWriter.OnPostSnapshot, CVssWriter.OnBackupComplete);
        }
        assertThat(status.status().isFailed()).isFalse();
        assertThat(status.applicationMessage()).isNull();
        assertThat(machine.ledger().errors()).isEmpty();
    }

    @Test
    void theSimulatorRefusesSetWriterFailureFromIdentifyWithBadStateAndRecordsTheMisuse() {
        AtomicReference<List<Integer>> answers = new AtomicReference<>();
        SimulatedMachine m = WriterBackups.onOwnMachine(machine -> {
            try (RecordingWriterEx w = new RecordingWriterEx()) {
                w.declaring(meta -> {
                    RawWriterImpl raw = new RawWriterImpl(w);
                    answers.set(List.of(
                            raw.hresult(IVssWriterImpl.SetWriterFailure,
                                    VssHresult.VSS_E_WRITERERROR_RETRYABLE.code()),
                            raw.hresult(IVssWriterImpl.SetWriterFailureEx,
                                    VssHresult.VSS_E_WRITERERROR_RETRYABLE.code(), 0, null)));
                });
                w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
                assertThat(WriterBackups.listWriters()).as("the refused failure does not fail Identify").isOne();
            }
        });
        assertThat(answers.get()).containsExactly(VssHresult.VSS_E_BAD_STATE.code(),
                VssHresult.VSS_E_BAD_STATE.code());
        assertThat(m.leakReport().errors()).hasSize(2).allSatisfy(e -> assertThat(e)
                .contains("called from OnIdentifyEx of writer 'Java Test Writer'", "CVssWriter::SetWriterFailure"));
    }
}
