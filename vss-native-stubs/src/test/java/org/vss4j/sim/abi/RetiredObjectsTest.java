package org.vss4j.sim.abi;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;
import org.vss4j.BackupComponents;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.com.ComObject;
import org.vss4j.sim.SimulatedMachine;

/**
 * A released simulated COM object is not kept by the simulator (a long-running process's heap grew by every object of
 * every backup), while a call through its stale pointer is still diagnosed from the tombstone it leaves, and the
 * tombstones are bounded.
 */
class RetiredObjectsTest {

    /** Runs {@code body} on a machine of its own, returned closed, with the current machine restored. */
    private static SimulatedMachine onOwnMachine(Runnable body) {
        SimulatedMachine m = SimulatedMachine.create();
        SimulatedMachine previous = SimulatedMachine.install(m);
        try {
            body.run();
        } finally {
            SimulatedMachine.install(previous);
            m.close();
        }
        return m;
    }

    /** Whether {@code ref} is cleared after at most a few full collections (the referent must be unreachable). */
    private static boolean collected(WeakReference<?> ref) {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
        }
        return ref.get() == null;
    }

    @Test
    void aReleasedObjectIsGarbageAndACallOnItIsStillDiagnosed() {
        WeakReference<?>[] released = new WeakReference<?>[1];
        Pointer[] stale = new Pointer[1];
        SimulatedMachine m = onOwnMachine(() -> {
            BackupComponents b = BackupComponents.create();
            stale[0] = b.pointer();
            released[0] = new WeakReference<>(ComRegistry.live(Pointer.nativeValue(stale[0])));
            assertThat(released[0].get()).isNotNull();
            b.close();
        });
        assertThat(collected(released[0])).as("the released IVssBackupComponents is no longer referenced").isTrue();

        SimulatedMachine.install(m);
        try {
            ComObject.callSlot(stale[0], IVssBackupComponents.Release);
        } finally {
            SimulatedMachine.install(null);
        }
        assertThat(m.leakReport().errors()).singleElement().asString()
                .contains("IVssBackupComponents::Release called on a released object: IVssBackupComponentsEx4 at 0x")
                .contains("created by");
    }

    @Test
    void tombstonesAreBounded() {
        onOwnMachine(() -> {
            for (int i = 0; i < ComRegistry.TOMBSTONES + 100; i++) {
                BackupComponents.create().close();
            }
            assertThat(ComRegistry.holdings().tombstones()).isEqualTo(ComRegistry.TOMBSTONES);
        });
    }

    @Test
    void aLateCallThroughAnEarlierMachinesPointerFailsTheCurrentMachine() {
        Pointer[] stale = new Pointer[1];
        SimulatedMachine earlier = onOwnMachine(() -> {
            BackupComponents b = BackupComponents.create();
            stale[0] = b.pointer();
            b.close();
        });
        SimulatedMachine now = onOwnMachine(() -> ComObject.callSlot(stale[0], IVssBackupComponents.Release));
        assertThat(now.leakReport().errors()).singleElement().asString()
                .contains("IVssBackupComponents::Release called on a released object: IVssBackupComponentsEx4")
                .contains("belonged to an earlier simulated machine");
        assertThat(earlier.leakReport().errors()).singleElement().asString()
                .contains("IVssBackupComponents::Release called on a released object");
    }

    /** The one method of the probe's interface: {@code HRESULT Ping()}, slot 0. */
    record Ping(int ordinal, String name, String interfaceName, NativeSignature signature) implements ComMethod {
        static final Ping PING = new Ping(0, "Ping", "IProbe", NativeSignature.of(NativeKind.INT32));
    }

    /** A lent interface of one method, to call its table with any {@code this}. */
    static final class Probe extends LentObject {
        static final Memory TABLE = LentObject.table(LentObject.slot(Probe.class, Ping.PING, (self, args) -> 0));

        Probe(LeakLedger ledger) {
            super(TABLE, "IProbe", "a test", ledger);
        }

        /** Calls slot 0 of the probe's table with {@code self} as {@code this}. */
        static int ping(Pointer self) {
            return Function.getFunction(TABLE.getPointer(0)).invokeInt(new Object[] {self});
        }
    }

    @Test
    void aStalePointerOfOneKindIsRecognisedWhereAnotherKindIsExpected() {
        SimulatedMachine m = onOwnMachine(() -> {
            BackupComponents b = BackupComponents.create();
            Pointer stale = b.pointer();
            b.close();
            assertThat(Probe.ping(stale)).isEqualTo(org.vss4j.VssHresult.E_UNEXPECTED.code());
        });
        assertThat(m.leakReport().errors()).singleElement().asString()
                .contains("IProbe::Ping called on ")
                .contains("IVssBackupComponentsEx4 at 0x");
    }

    @Test
    void oneBoundHoldsForEveryKindOfObject() {
        SimulatedMachine m = onOwnMachine(() -> {
            Probe p = new Probe(SimulatedMachine.current().ledger());
            Pointer stale = p.pointer();
            p.retire();
            for (int i = 0; i < ComRegistry.TOMBSTONES; i++) {
                BackupComponents.create().close();
            }
            assertThat(ComRegistry.holdings().tombstones()).isEqualTo(ComRegistry.TOMBSTONES);
            // The lent object's tombstone was the oldest of the one store, and went first: a call through its
            // pointer is no longer diagnosed as a call on the lent object.
            Probe.ping(stale);
        });
        assertThat(m.leakReport().errors()).singleElement().asString().startsWith("IProbe::Ping called on ")
                .doesNotContain("the IProbe lent to a test");
    }
}
