package org.vss4j.sim.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.ComponentType;
import org.vss4j.FileSet;
import org.vss4j.VssHresult;
import org.vss4j.WriterMetadata;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.CVssWriterEx;
import org.vss4j.abi.vtable.IVssCreateWriterMetadataEx;
import org.vss4j.abi.vtable.IVssWriterImpl;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.writer.CreateWriterMetadataEx;

/**
 * The Ex form of a Java writer, made as the SDK makes {@code CVssWriterEx}/{@code CVssWriterEx2} (vswriter.h):
 * {@code CreateWriterEx}, the {@code CVssWriterEx} vtable with {@code OnIdentifyEx} in slot 16, the
 * {@code IVssCreateWriterMetadataEx} it receives; and what the simulator refuses as vssapi's contract does: the Ex2
 * queries on an implementation made by {@code CreateWriter}, and the lent interface after its handler.
 */
@ExtendWith(VssSimulatorExtension.class)
class WriterExFormTest {

    static final FileSet TEMP_FILES = new FileSet("C:\\data", "*.tmp", true, null, 0x0F | 0xF00);

    @TempDir
    Path volumeDir;

    @Test
    void anExWriterIsMadeByCreateWriterExAndDeclaresFilesExcludedFromTheSnapshotInOnIdentifyEx(
            SimulatedMachine machine) {
        WriterMetadata read;
        try (RecordingWriterEx w = new RecordingWriterEx()) {
            w.declaring(m -> {
                m.addComponent(ComponentType.FILEGROUP, null, "Data", "Data files", false, false, true);
                m.addExcludeFilesFromSnapshot("C:\\data", "*.tmp", true);
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            assertThat(machine.leakReport().liveObjects()).singleElement().asString()
                    .contains("IVssWriterImpl", "created by CreateWriterEx");
            try (BackupComponents b = BackupComponents.create()) {
                b.initializeForBackup(null);
                b.gatherWriterMetadata().finish(WriterBackups.T);
                try (WriterMetadataEntry e = b.getWriterMetadata(0)) {
                    read = e.metadata().read();
                }
                b.freeWriterMetadata();
            }
            assertThat(w.calls()).singleElement().satisfies(c -> {
                assertThat(c.event()).isEqualTo(CVssWriter.OnIdentify);
                assertThat(c.argument()).isInstanceOf(CreateWriterMetadataEx.class);
            });
        }
        assertThat(read.excludeFromSnapshot()).containsExactly(TEMP_FILES);
        assertThat(read.components()).extracting(c -> c.name()).containsExactly("Data");
    }

    @Test
    void theVtableIsCVssWriterExsAndItsOnIdentifyAnswersFalseAsTheSdksDoes(SimulatedMachine machine) {
        try (RecordingWriterEx ex = new RecordingWriterEx().start(JavaWriterBackupTest.FREEZE_TIMEOUT);
                RecordingWriter plain = new RecordingWriter()) {
            Pointer table = ex.nativeObject().getPointer(0);
            assertThat(table.getPointer(CVssWriterEx.OnIdentifyEx.slot() * 8L)).isNotNull();
            Function onIdentify = Function.getFunction(table.getPointer(CVssWriterEx.OnIdentify.slot() * 8L));
            Object answer = onIdentify.invoke(Byte.class, new Object[] {ex.nativeObject(), null});
            assertThat(answer).isEqualTo((byte) 0);
            assertThat(ex.calls()).as("CVssWriterEx::OnIdentify calls no Java handler").isEmpty();
            plain.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            assertThat(machine.leakReport().liveObjects()).extracting(Object::toString)
                    .anySatisfy(o -> assertThat(o).contains("created by CreateWriter;"))
                    .anySatisfy(o -> assertThat(o).contains("created by CreateWriterEx"));
        }
    }

    @Test
    void theEx2QueriesOnAnImplementationMadeByCreateWriterAreRefusedAndRecorded(@TempDir Path dir) {
        List<Object> answers = new ArrayList<>();
        SimulatedMachine m = WriterBackups.onOwnMachine(machine -> {
            Volume v = machine.addVolume(dir);
            machine.beginShutdown();
            try (RecordingWriter w = new RecordingWriter()) {
                w.at(CVssWriter.OnPrepareSnapshot, x -> {
                    RawWriterImpl raw = new RawWriterImpl(w);
                    answers.add(raw.hresult(IVssWriterImpl.SetWriterFailureEx,
                            VssHresult.VSS_E_WRITERERROR_RETRYABLE.code(), 0, null));
                    answers.add(raw.hresult(IVssWriterImpl.GetSessionId, new com.sun.jna.Memory(16)));
                    answers.add(raw.cppBool(IVssWriterImpl.IsWriterShuttingDown));
                    return true;
                });
                w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
                WriterBackups.volumeBackup(v);
            }
        });
        assertThat(answers).containsExactly(VssHresult.E_NOTIMPL.code(), VssHresult.E_NOTIMPL.code(), false);
        assertThat(m.leakReport().errors()).hasSize(3).allSatisfy(e -> assertThat(e)
                .contains("called on an IVssWriterImpl made by CreateWriter", "CreateWriterEx"));
    }

    @Test
    void theExInterfaceIsUsableOnlyWhileOnIdentifyExRuns(SimulatedMachine machine) {
        AtomicReference<CreateWriterMetadataEx> kept = new AtomicReference<>();
        try (RecordingWriterEx w = new RecordingWriterEx()) {
            w.declaring(kept::set);
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            WriterBackups.listWriters();
        }
        assertThatThrownBy(() -> kept.get().addExcludeFilesFromSnapshot("C:\\x", "*", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IVssCreateWriterMetadataEx passed to OnIdentifyEx");
    }

    @Test
    void theSimulatorFlagsANativeCallOnTheExInterfaceAfterItsHandler() {
        AtomicReference<Pointer> raw = new AtomicReference<>();
        SimulatedMachine m = WriterBackups.onOwnMachine(machine -> {
            try (RecordingWriterEx w = new RecordingWriterEx()) {
                w.declaring(meta -> raw.set(meta.pointer()));
                w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
                WriterBackups.listWriters();
                int hr = org.vss4j.com.ComObject.callSlot(raw.get(),
                        IVssCreateWriterMetadataEx.AddExcludeFilesFromSnapshot, null, null, (byte) 0);
                assertThat(hr).isEqualTo(VssHresult.E_UNEXPECTED.code());
            }
        });
        assertThat(m.leakReport().errors()).singleElement().asString()
                .contains("IVssCreateWriterMetadataEx::AddExcludeFilesFromSnapshot", "after the handler returned");
    }

    @Test
    void theExInterfacesIUnknownAtPlus8CountsTheWritersOwnReferencesOnly() {
        List<Integer> counts = new ArrayList<>();
        SimulatedMachine m = WriterBackups.onOwnMachine(machine -> {
            try (RecordingWriterEx w = new RecordingWriterEx()) {
                w.declaring(meta -> {
                    Pointer unknown = meta.pointer().share(IVssCreateWriterMetadataEx.IUNKNOWN_VPTR_OFFSET);
                    Pointer table = unknown.getPointer(0);
                    Function addRef = Function.getFunction(table.getPointer(8));
                    Function release = Function.getFunction(table.getPointer(16));
                    counts.add(addRef.invokeInt(new Object[] {unknown}));
                    counts.add(release.invokeInt(new Object[] {unknown}));
                    // One Release more than the writer's AddRefs: VSS's own reference.
                    counts.add(release.invokeInt(new Object[] {unknown}));
                });
                w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
                WriterBackups.listWriters();
            }
        });
        assertThat(counts).containsExactly(2, 1, 1);
        assertThat(m.leakReport().errors()).singleElement().asString()
                .contains("Release on the IVssCreateWriterMetadataEx lent to CVssWriterEx::OnIdentifyEx",
                        "without an AddRef of the writer's own");
    }
}
