package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.ExamineWriterMetadata;
import org.vss4j.RootAndLogicalPrefixPaths;
import org.vss4j.VssAsync;
import org.vss4j.VssHresult;
import org.vss4j.WmComponent;
import org.vss4j.WmFiledesc;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.com.Bstr;
import org.vss4j.com.Exports;

/** The leak check that {@link VssSimulatorExtension} runs after every test, exercised on private machines. */
@ExtendWith(VssSimulatorExtension.class)
class LeakDetectionTest {


    @Test
    void aLeakedBstrFailsTheCheckAndFreeingItPassesIt() {
        Pointer[] bstr = new Pointer[1];
        SimulatedMachine m = PrivateMachine.run(() -> bstr[0] = Bstr.alloc("leaked"));
        assertThatThrownBy(() -> VssSimulatorExtension.verifyNoLeaks(m)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("BSTR").hasMessageContaining("SysFreeString");
        Bstr.free(bstr[0]);
        VssSimulatorExtension.verifyNoLeaks(m);
    }

    @Test
    void aDoubleFreeIsAnError() {
        SimulatedMachine m = PrivateMachine.run(() -> {
            Pointer p = Bstr.alloc("twice");
            Bstr.free(p);
            Bstr.free(p);
        });
        assertThat(m.leakReport().errors()).singleElement().asString().contains("double free");
        assertThatThrownBy(() -> VssSimulatorExtension.verifyNoLeaks(m)).hasMessageContaining("double free");
    }

    @Test
    void coTaskMemAndForeignFreesAreTracked() {
        SimulatedMachine m = PrivateMachine.run(() -> {
            Pointer block = Exports.current().coTaskMemAlloc(32);
            Pointer bstr = Bstr.alloc("wrong allocator");
            Exports.current().coTaskMemFree(bstr);
            Bstr.free(bstr);
            Exports.current().coTaskMemFree(block);
        });
        assertThat(m.leakReport().liveBlocks()).isEmpty();
        assertThat(m.leakReport().errors()).singleElement().asString().contains("must be freed with SysFreeString");
    }

    @Test
    void anUnclosedComObjectIsALeakedReference() {
        BackupComponents[] kept = new BackupComponents[1];
        SimulatedMachine m = PrivateMachine.run(() -> kept[0] = BackupComponents.create());
        assertThat(m.leakReport().liveObjects()).singleElement().asString()
                .contains("IVssBackupComponents", "1 reference(s)");
        kept[0].close();
        VssSimulatorExtension.verifyNoLeaks(m);
    }

    /** The only thing alive: {@code b}'s requester object, holding exactly the one reference {@code b} owns. */
    private static void onlyTheRequesterIsAlive(SimulatedMachine m, String after) {
        assertThat(m.leakReport().liveObjects()).as("live COM objects after " + after).singleElement().asString()
                .contains("IVssBackupComponents", " with 1 reference(s)");
        assertThat(m.leakReport().liveBlocks()).as("live BSTRs and CoTaskMem blocks after " + after).isEmpty();
        assertThat(m.leakReport().errors()).as("misuse after " + after).isEmpty();
    }

    /**
     * Every ownership path of the binding, checked after each step, not only at the end: an [in] BSTR the binding
     * allocates and frees (CreateVssExamineWriterMetadata from a saved document), a QueryInterface'd extension released after one call (GetSessionId),
     * indexed interface out-values (GetComponent, GetFile) that the wrapper owns, BSTR out-values freed with
     * SysFreeString (the writer's identity, the file path), and CoTaskMem out-strings freed with CoTaskMemFree
     * (GetRootAndLogicalPrefixPaths). A missing Release, an extra AddRef or a skipped free leaves something alive and
     * fails the step that made it (docs/reliability.md lists the mutations this was checked with).
     */
    @Test
    void theBindingReleasesAndFreesWhatItOwnsAtEveryStep(@TempDir Path disk) throws Exception {
        Files.createDirectories(disk.resolve("data"));
        Files.writeString(disk.resolve("data/a.db"), "a");
        SimulatedMachine m = SimulatedMachine.create();
        m.addVolume(disk, "D:\\");
        m.addWriter(SimulatedWriter.builder("Leak Check Writer")
                .component(WriterComponent.database("", "db").withDatabaseFile(FileSpec.of("D:\\data", "*.db", false)))
                .build());
        SimulatedMachine previous = SimulatedMachine.install(m);
        try {
            try (BackupComponents b = BackupComponents.create()) {
                b.initializeForBackup(null);
                onlyTheRequesterIsAlive(m, "InitializeForBackup");

                assertThat(b.getSessionId()).isNotNull();
                onlyTheRequesterIsAlive(m, "GetSessionId through IVssBackupComponentsEx3");

                try (VssAsync a = b.gatherWriterMetadata()) {
                    a.awaitFinished(Duration.ofMinutes(1));
                }
                try (WriterMetadataEntry entry = b.getWriterMetadata(0);
                        WmComponent component = entry.metadata().getComponent(0);
                        WmFiledesc file = component.getDatabaseFile(0)) {
                    assertThat(entry.metadata().getIdentity().writerName()).isEqualTo("Leak Check Writer");
                    assertThat(file.getPath()).isEqualTo("D:\\data");
                    assertThat(m.leakReport().liveBlocks()).as("BSTRs after the identity and path getters").isEmpty();
                    // SaveAsXML's BSTR out-value, then that document as CreateVssExamineWriterMetadata's [in] BSTR.
                    try (ExamineWriterMetadata copy = ExamineWriterMetadata.fromXml(entry.metadata().saveAsXml())) {
                        assertThat(copy.getIdentity().writerName()).isEqualTo("Leak Check Writer");
                    }
                    assertThat(m.leakReport().liveBlocks()).as("BSTRs after SaveAsXML and the copy from it").isEmpty();
                }
                b.freeWriterMetadata();
                onlyTheRequesterIsAlive(m, "the writer metadata, its component and its file were closed");

                RootAndLogicalPrefixPaths paths = b.getRootAndLogicalPrefixPaths("D:\\data\\a.db", false);
                assertThat(paths.rootPath()).isNotEmpty();
                onlyTheRequesterIsAlive(m, "GetRootAndLogicalPrefixPaths through IVssBackupComponentsEx4");
            }
            assertThat(m.leakReport().liveObjects()).as("live COM objects after the requester's close").isEmpty();
            VssSimulatorExtension.verifyNoLeaks(m);
        } finally {
            SimulatedMachine.install(previous);
            m.close();
        }
    }

    @Test
    void releasingADeadObjectIsAnError() {
        SimulatedMachine m = PrivateMachine.run(() -> {
            BackupComponents b = BackupComponents.create();
            Pointer p = b.pointer();
            b.close();
            new RawCom(p, "IVssBackupComponents").call(IVssBackupComponents.Release);
        });
        assertThat(m.leakReport().errors()).singleElement().asString().contains("released object");
    }

    @Test
    void comMethodsRefuseThreadsThatNeverInitialisedCom() throws Exception {
        try (BackupComponents b = BackupComponents.create()) {
            Pointer self = b.pointer();
            Pointer fn = self.getPointer(0).getPointer(IVssBackupComponents.InitializeForBackup.slot() * 8L);
            // A raw vtable call from a thread the binding never joined to the MTA.
            int hr = CompletableFuture.supplyAsync(() -> Function.getFunction(fn).invokeInt(new Object[] {self, null}),
                    r -> new Thread(r).start()).get();
            assertThat(hr).isEqualTo(VssHresult.CO_E_NOTINITIALIZED.code());
            b.initializeForBackup(null);
        }
    }
}
