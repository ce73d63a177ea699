package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.AbiCatalog;
import org.vss4j.abi.ComMethod;

/**
 * Every vtable enum of an interface the Windows SDK headers give an IID declares it as
 * {@code public static final UUID IID}; the interfaces the SDK declares as plain C++ classes (no IID) declare none; no
 * two IIDs collide.
 */
class InterfaceIdsTest {

    /** The IIDs of vss.h, vsbackup.h and vswriter.h (and unknwn.h for IUnknown), as {@code interface -> IID}. */
    private static final Map<String, String> SDK_IIDS = Map.ofEntries(
            Map.entry("IUnknown", "00000000-0000-0000-c000-000000000046"),
            Map.entry("IVssBackupComponents", "665c1d5f-c218-414d-a05d-7fef5f9d5c86"),
            Map.entry("IVssBackupComponentsEx", "963f03ad-9e4c-4a34-ac15-e4b6174e5036"),
            Map.entry("IVssBackupComponentsEx2", "acfe2b3a-22c9-4ef8-bd03-2f9ca230084e"),
            Map.entry("IVssBackupComponentsEx3", "c191bfbc-b602-4675-8bd1-67d642f529d5"),
            Map.entry("IVssBackupComponentsEx4", "f434c2fd-b553-4961-a9f9-a8e90b673e53"),
            Map.entry("IVssAsync", "507c37b4-cf5b-4e95-b0af-14eb9767467e"),
            Map.entry("IVssEnumObject", "ae1c7110-2f60-11d3-8a39-00c04f72d8e3"),
            Map.entry("IVssExamineWriterMetadata", "902fcf7f-b7fd-42f8-81f1-b2e400b1e5bd"),
            Map.entry("IVssExamineWriterMetadataEx", "0c0e5ec0-ca44-472b-b702-e652db1c0451"),
            Map.entry("IVssExamineWriterMetadataEx2", "ce115780-a611-431b-b57f-c38303ab6aee"),
            Map.entry("IVssComponent", "d2c72c96-c121-4518-b627-e5a93d010ead"),
            Map.entry("IVssComponentEx", "156c8b5e-f131-4bd7-9c97-d1923be7e1fa"),
            Map.entry("IVssComponentEx2", "3b5be0f2-07a9-4e4b-bdd3-cfdc8e2c0d2d"),
            Map.entry("IVssCreateWriterMetadataEx", "9f21981d-d469-4349-b807-39e64e4674e1"));

    @Test
    void everyVtableEnumDeclaresExactlyTheReferenceIid() throws ReflectiveOperationException {
        Map<String, String> declared = new HashMap<>();
        for (Class<? extends ComMethod> vtable : AbiCatalog.VTABLES) {
            Field iid;
            try {
                iid = vtable.getField("IID");
            } catch (NoSuchFieldException noIid) {
                continue;
            }
            assertThat(Modifier.isStatic(iid.getModifiers()) && Modifier.isFinal(iid.getModifiers()))
                    .as(vtable.getSimpleName() + ".IID is static final").isTrue();
            declared.put(vtable.getSimpleName(), ((UUID) iid.get(null)).toString());
        }
        assertThat(declared).isEqualTo(SDK_IIDS);
        assertThat(declared.values()).doesNotHaveDuplicates();
    }
}
