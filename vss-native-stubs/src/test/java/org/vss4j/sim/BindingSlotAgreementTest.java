package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.abi.NativeKind.INT32;
import static org.vss4j.abi.NativeKind.POINTER;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.BackupComponents;
import org.vss4j.VssAsync;
import org.vss4j.abi.AbiCatalog;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.NativeKind;
import org.vss4j.abi.NativeSignature;
import org.vss4j.com.ComObject;
import org.vss4j.sim.abi.SlotTable;

/**
 * The binding's vtable enums against the simulator's own slot tables, which are written from the SDK headers and not
 * derived from those enums: with mingw-w64 absent this is what catches a binding enum with two constants swapped
 * (before the simulator had its own tables, such a swap passed every test but the mingw-w64 conformance one, because
 * both sides read the same enum). Shown on a copy of {@code IVssAsync} with {@code Cancel} and {@code Wait} swapped.
 */
@ExtendWith(VssSimulatorExtension.class)
class BindingSlotAgreementTest {

    /** The mutation: the binding's {@code IVssAsync} (vss.h order: Cancel, Wait, QueryStatus) with slots 3 and 4 swapped. */
    enum IVssAsync implements ComMethod {
        QueryInterface(INT32, POINTER, POINTER), AddRef(INT32), Release(INT32), Wait(INT32, INT32), Cancel(INT32),
        QueryStatus(INT32, POINTER, POINTER);

        private final NativeSignature signature;

        IVssAsync(NativeKind returns, NativeKind... parameters) {
            this.signature = NativeSignature.of(returns, parameters);
        }

        @Override
        public NativeSignature signature() {
            return signature;
        }
    }

    /** Every slot where {@code vtable}'s ordinals and the simulator's table disagree, one sentence each. */
    static List<String> disagreements(Class<? extends ComMethod> vtable) {
        String name = vtable.getSimpleName();
        SlotTable table = SlotTable.of(name);
        ComMethod[] constants = vtable.getEnumConstants();
        List<String> out = new ArrayList<>();
        if (constants.length != table.size()) {
            out.add(name + ": the binding has " + constants.length + " slots, the simulator's table " + table.size());
        }
        for (ComMethod m : constants) {
            Optional<SlotTable.Slot> s = table.find(m.name());
            if (s.isEmpty()) {
                out.add(m.qualifiedName() + ": binding slot " + m.ordinal() + ", not in the simulator's table");
            } else if (s.get().index() != m.ordinal()) {
                out.add(m.qualifiedName() + ": binding slot " + m.ordinal() + ", simulator slot " + s.get().index());
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyBindingVtableAgreesWithTheSimulatorsOwnTable() {
        return AbiCatalog.VTABLES.stream().map(v -> DynamicTest.dynamicTest(v.getSimpleName(),
                () -> assertThat(disagreements(v)).isEmpty()));
    }

    @Test
    void aBindingEnumWithTwoSlotsSwappedDisagrees() {
        assertThat(disagreements(IVssAsync.class)).containsExactly(
                "IVssAsync::Wait: binding slot 3, simulator slot 4",
                "IVssAsync::Cancel: binding slot 4, simulator slot 3");
    }

    /** The simulator dispatches by its own table: the swapped binding's "Wait" runs the simulated Cancel. */
    @Test
    void aCallThroughTheSwappedSlotReachesTheOtherMethod(SimulatedMachine machine) {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            try (VssAsync a = b.gatherWriterMetadata()) {
                a.awaitFinished(Duration.ofMinutes(1));
                int waits = machine.faults().calls(org.vss4j.abi.vtable.IVssAsync.Wait);
                int cancels = machine.faults().calls(org.vss4j.abi.vtable.IVssAsync.Cancel);

                ComObject.callSlot(a.pointer(), IVssAsync.Wait, -1);

                assertThat(machine.faults().calls(org.vss4j.abi.vtable.IVssAsync.Cancel)).isEqualTo(cancels + 1);
                assertThat(machine.faults().calls(org.vss4j.abi.vtable.IVssAsync.Wait)).isEqualTo(waits);
            }
        }
    }
}
