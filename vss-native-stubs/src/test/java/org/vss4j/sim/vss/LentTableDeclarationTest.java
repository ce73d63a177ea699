package org.vss4j.sim.vss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.ComMethod;
import org.vss4j.abi.vtable.IVssCreateWriterMetadata;
import org.vss4j.abi.vtable.IVssWriterComponents;
import org.vss4j.abi.vtable.IVssWriterComponentsExt;
import org.vss4j.sim.abi.Declarations;
import org.vss4j.sim.abi.LentObject;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.sim.abi.SlotTable;
import org.vss4j.sim.abi.VtableSpec;

/**
 * The writer-side tables the simulator builds by hand (the interfaces it lends a hosted writer's handlers, and the
 * {@code IVssWriterComponentsExt} a requester gets) have, slot by slot, the callback the binding's declaration of the
 * same {@code Interface::Method} gives; a hand-written class that disagrees is refused when the slot is made.
 */
class LentTableDeclarationTest {

    private static List<Class<?>> declared(ComMethod m) {
        List<Class<?>> out = new ArrayList<>();
        out.add(Pointer.class);
        out.addAll(List.of(VtableSpec.declaredParameters(m)));
        return out;
    }

    /** Checks every slot of {@code table} as {@code slots} makes it; returns how many. */
    private static int checkEverySlot(String table, Function<SlotTable.Slot, NativeCallback> slots) {
        int n = 0;
        for (SlotTable.Slot s : SlotTable.of(table).slots()) {
            NativeCallback f = slots.apply(s);
            ComMethod m = Declarations.of(s);
            assertThat(f.getParameterTypes()).as(s.qualifiedName()).containsExactlyElementsOf(declared(m));
            assertThat(f.getReturnType()).as(s.qualifiedName()).isEqualTo(VtableSpec.declaredReturn(m));
            n++;
        }
        return n;
    }

    @Test
    void everySlotOfTheHandBuiltWriterSideTablesIsItsDeclaration() {
        assertThat(checkEverySlot("IVssCreateWriterMetadata", CreateWriterMetadataObject::slot)).isEqualTo(12);
        assertThat(checkEverySlot("IVssCreateWriterMetadataEx", CreateWriterMetadataObject::slot)).isEqualTo(13);
        assertThat(checkEverySlot("IVssWriterComponents", LentWriterComponentsObject::slot)).isEqualTo(3);
        assertThat(checkEverySlot("IVssWriterComponentsExt", WriterComponentsObject::componentSlot)).isEqualTo(3);
        assertThat(checkEverySlot("IUnknown", WriterComponentsObject::unknownSlot)).isEqualTo(3);
    }

    @Test
    void aWrongHandWrittenClassIsRefusedWhenTheSlotIsMade() {
        // HRESULT GetComponent(UINT iComponent, IVssComponent **ppComponent): UINT is 4 bytes.
        assertThatThrownBy(() -> WriterComponentsObject.slot(IVssWriterComponentsExt.GetComponent, (o, a) -> 0,
                long.class, Pointer.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("IVssWriterComponentsExt::GetComponent: parameter 1 is declared INT32 (int), the"
                        + " simulator's callback gives long");
        assertThatThrownBy(() -> LentObject.slot(LentWriterComponentsObject.class, IVssWriterComponents.GetWriterInfo,
                (o, a) -> 0, Pointer.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("IVssWriterComponents::GetWriterInfo: ").hasMessageContaining("takes 2");
        // AddComponent's bRestoreMetadata is a C++ bool (one byte), not a BOOL.
        assertThatThrownBy(() -> LentObject.slot(CreateWriterMetadataObject.class,
                IVssCreateWriterMetadata.AddComponent, (o, a) -> 0, int.class, Pointer.class, Pointer.class,
                Pointer.class, Pointer.class, int.class, int.class, byte.class, byte.class, byte.class, int.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("IVssCreateWriterMetadata::AddComponent: parameter 7 is declared BOOL8 (byte), the"
                        + " simulator's callback gives int");
    }
}
