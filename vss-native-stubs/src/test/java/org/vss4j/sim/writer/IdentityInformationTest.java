package org.vss4j.sim.writer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.ComponentType;
import org.vss4j.ExamineWriterMetadata;
import org.vss4j.WriterMetadata;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.IVssWriterImpl;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * {@code CVssWriterEx::GetIdentifyInformation} (Microsoft docs, same title): the metadata the writer's last Identify
 * reported, callable "only in a writer's OnPrepareBackup, OnPrepareSnapshot, or OnPostSnapshot method", through an
 * {@code IVssExamineWriterMetadata} whose reference VSS holds, so the writer never releases it.
 */
@ExtendWith(VssSimulatorExtension.class)
class IdentityInformationTest {

    @TempDir
    Path volumeDir;

    private static RecordingWriterEx declaringOneComponent() {
        return new RecordingWriterEx().declaring(m -> m.addComponent(ComponentType.FILEGROUP, null, "Data",
                "Data files", false, false, true));
    }

    @Test
    void inPrepareBackupPrepareSnapshotAndPostSnapshotItIsTheIdentifiedMetadataAndNothingIsReleased(
            SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        List<WriterMetadata> seen = new ArrayList<>();
        try (RecordingWriterEx w = declaringOneComponent()) {
            for (CVssWriter event : List.of(CVssWriter.OnPrepareBackup, CVssWriter.OnPrepareSnapshot,
                    CVssWriter.OnPostSnapshot)) {
                w.at(event, x -> seen.add(w.getIdentityInformation()));
            }
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            WriterBackups.volumeBackup(v);
        }
        assertThat(seen).hasSize(3).allSatisfy(m -> {
            assertThat(m.identity().writerName()).isEqualTo("Java Test Writer");
            assertThat(m.identity().writerId()).isEqualTo(RecordingWriterEx.WRITER_ID);
            assertThat(m.components()).extracting(c -> c.name()).containsExactly("Data");
        });
        // A release of VSS's reference (what closing an owned wrapper does) would be in the ledger.
        assertThat(machine.ledger().errors()).isEmpty();
    }

    @Test
    void anywhereElseTheBindingRefusesIt(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        List<String> refusals = new ArrayList<>();
        try (RecordingWriterEx w = declaringOneComponent()) {
            w.declaring(m -> refusals.add(refusal(w)));
            w.at(CVssWriter.OnFreeze, x -> refusals.add(refusal(w)));
            w.at(CVssWriter.OnBackupComplete, x -> refusals.add(refusal(w)));
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            WriterBackups.volumeBackup(v);
            refusals.add(refusal(w));
        }
        assertThat(refusals).containsExactly("in OnIdentify", "in OnFreeze", "in OnBackupComplete",
                "outside a handler (or off its thread)");
    }

    private static String refusal(RecordingWriterEx w) {
        try {
            w.getIdentityInformation();
            return "allowed";
        } catch (IllegalStateException e) {
            assertThat(e).hasMessageContaining("CVssWriterEx::GetIdentifyInformation can only be called in "
                    + "OnPrepareBackup, OnPrepareSnapshot or OnPostSnapshot");
            return e.getMessage().substring(e.getMessage().indexOf("called it ") + "called it ".length());
        }
    }

    @Test
    void theSimulatorCountsAReleaseOfTheReferenceVssHoldsAsAFault(@TempDir Path dir) {
        SimulatedMachine m = WriterBackups.onOwnMachine(machine -> {
            Volume v = machine.addVolume(dir);
            try (RecordingWriterEx w = declaringOneComponent()) {
                w.at(CVssWriter.OnPrepareBackup, x -> {
                    // The old binding's mistake: the pointer wrapped as an owned object and closed.
                    new ExamineWriterMetadata(new RawWriterImpl(w).pointer(IVssWriterImpl.GetIdentityInformation))
                            .close();
                    return true;
                });
                w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
                WriterBackups.volumeBackup(v);
            }
        });
        assertThat(m.leakReport().errors()).singleElement().asString().contains(
                "released the IVssExamineWriterMetadata from IVssWriterImpl::GetIdentityInformation",
                "CVssWriterEx::GetIdentifyInformation");
    }

    @Test
    void theSimulatorAnswersNullOutsideTheThreeHandlersAndBeforeAnyIdentify(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        AtomicReference<Pointer> atFreeze = new AtomicReference<>(Pointer.createConstant(1));
        AtomicReference<Pointer> atPrepareBackup = new AtomicReference<>();
        try (RecordingWriterEx w = declaringOneComponent()) {
            w.at(CVssWriter.OnFreeze, x -> {
                atFreeze.set(new RawWriterImpl(w).pointer(IVssWriterImpl.GetIdentityInformation));
                return true;
            });
            w.at(CVssWriter.OnPrepareBackup, x -> {
                atPrepareBackup.set(new RawWriterImpl(w).pointer(IVssWriterImpl.GetIdentityInformation));
                return true;
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            assertThat(new RawWriterImpl(w).pointer(IVssWriterImpl.GetIdentityInformation)).isNull();
            WriterBackups.volumeBackup(v);
            assertThat(new RawWriterImpl(w).pointer(IVssWriterImpl.GetIdentityInformation)).isNull();
        }
        assertThat(atFreeze.get()).isNull();
        assertThat(atPrepareBackup.get()).isNotNull();
    }

    @Test
    void onAWriterMadeByCreateWriterTheSimulatorRefusesIt(@TempDir Path dir) {
        AtomicReference<Pointer> answer = new AtomicReference<>(Pointer.createConstant(1));
        SimulatedMachine m = WriterBackups.onOwnMachine(machine -> {
            Volume v = machine.addVolume(dir);
            try (RecordingWriter w = new RecordingWriter()) {
                w.at(CVssWriter.OnPrepareBackup, x -> {
                    answer.set(new RawWriterImpl(w).pointer(IVssWriterImpl.GetIdentityInformation));
                    return true;
                });
                w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
                WriterBackups.volumeBackup(v);
            }
        });
        assertThat(answer.get()).isNull();
        assertThat(m.leakReport().errors()).singleElement().asString()
                .contains("IVssWriterImpl::GetIdentityInformation called on an IVssWriterImpl made by CreateWriter");
    }
}
