package org.vss4j.sim.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.vtable.IUnknown;
import org.vss4j.abi.vtable.IVssCreateWriterMetadataEx;

/**
 * The IUnknown table behind the second vtable pointer of a lent interface has IUnknown's declared callbacks, and the
 * declaration of a slot is found by the interface that declares it and the method's name.
 */
class LentObjectDeclarationTest {

    @Test
    void theIUnknownTableAtPlus8HasIUnknownsDeclarations() {
        for (SlotTable.Slot s : SlotTable.of("IUnknown").slots()) {
            NativeCallback f = LentObject.unknownSlot("IVssCreateWriterMetadataEx", IVssCreateWriterMetadataEx.IID, s);
            IUnknown m = IUnknown.values()[s.index()];
            assertThat(Declarations.of(s)).isEqualTo(m);
            Class<?>[] after = VtableSpec.declaredParameters(m);
            assertThat(f.getParameterTypes()).as(s.qualifiedName()).hasSize(after.length + 1)
                    .startsWith(Pointer.class).endsWith(after);
            assertThat(f.getReturnType()).isEqualTo(int.class);
        }
    }

    @Test
    void declarationsAreFoundByInterfaceAndNameOrRefused() {
        SlotTable ex = SlotTable.of("IVssCreateWriterMetadataEx");
        // Inherited slots are declared in the base (vswriter.h), the Ex's own method in the Ex.
        assertThat(Declarations.of(ex.find("AddComponent").orElseThrow()).qualifiedName())
                .isEqualTo("IVssCreateWriterMetadata::AddComponent");
        assertThat(Declarations.of(ex.find("AddExcludeFilesFromSnapshot").orElseThrow()))
                .isEqualTo(IVssCreateWriterMetadataEx.AddExcludeFilesFromSnapshot);
        assertThatThrownBy(() -> Declarations.of("IVssCreateWriterMetadata", "AddExcludeFilesFromSnapshot"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("IVssCreateWriterMetadata::AddExcludeFilesFromSnapshot: ");
        assertThatThrownBy(() -> Declarations.of("IProbe", "Ping"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no vtable IProbe");
    }
}
