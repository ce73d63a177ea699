package org.vss4j.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Guid.GUID;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.vtable.IVssBackupComponents;

/**
 * Nothing escapes the conformance check: every vtable enum in {@code org.vss4j.abi.vtable} and every structure in
 * {@code org.vss4j.abi.struct} on the class path is listed in {@link AbiCatalog}, and the catalog lists nothing else.
 */
class AbiConformanceCatalogTest {

    private static final String VTABLE_PACKAGE = "org.vss4j.abi.vtable";
    private static final String STRUCT_PACKAGE = "org.vss4j.abi.struct";

    @Test
    void everyVtableEnumIsInTheCatalog() {
        Set<String> found = names(PackageClasses.scan(VTABLE_PACKAGE).stream()
                .filter(c -> c.isEnum() && ComMethod.class.isAssignableFrom(c)).toList());
        assertTrue(found.contains(IVssBackupComponents.class.getName()), "the scan found the vtable enums: " + found);
        assertEquals(found, names(AbiCatalog.VTABLES), "AbiCatalog.VTABLES vs the enums in " + VTABLE_PACKAGE);
    }

    @Test
    void everyStructIsInTheCatalog() {
        Set<String> found = names(PackageClasses.scan(STRUCT_PACKAGE).stream()
                .filter(Structure.class::isAssignableFrom).toList());
        found.add(GUID.class.getName()); // JNA-Platform's, stands for GUID/VSS_ID (NativeType.GUID_TYPE)
        assertTrue(found.size() > 1, "the scan found the structures: " + found);
        assertEquals(found, names(AbiCatalog.STRUCTS), "AbiCatalog.STRUCTS vs the structures in " + STRUCT_PACKAGE);
    }

    @Test
    void everyCatalogEntryCanBeChecked() {
        // The conformance test derives the C names from these: enum simple name + "Vtbl", @NativeStruct.value.
        for (Class<?> vtable : AbiCatalog.VTABLES) {
            assertTrue(vtable.isEnum() && vtable.getPackageName().equals(VTABLE_PACKAGE), vtable.getName());
        }
        for (Class<? extends Structure> struct : AbiCatalog.STRUCTS) {
            assertTrue(NativeType.of(struct).isPresent(), struct.getName() + " has no @NativeStruct");
        }
    }

    private static Set<String> names(List<? extends Class<?>> classes) {
        Set<String> names = new TreeSet<>();
        classes.forEach(c -> names.add(c.getName()));
        return names;
    }
}
