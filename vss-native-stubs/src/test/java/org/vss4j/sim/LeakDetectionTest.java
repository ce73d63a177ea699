package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Function;
import com.sun.jna.Pointer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.BackupComponents;
import org.vss4j.VssHresult;
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
