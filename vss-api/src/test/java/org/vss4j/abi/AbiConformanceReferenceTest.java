package org.vss4j.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Guid.GUID;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.struct.VssComponentInfo;
import org.vss4j.abi.struct.VssObjectProp;
import org.vss4j.abi.struct.VssObjectUnion;
import org.vss4j.abi.struct.VssProviderProp;
import org.vss4j.abi.struct.VssSnapshotProp;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.CVssWriterEx;

/**
 * The Windows SDK facts that hold without a compiler: the x64 sizes of the SDK structures, and what mingw-w64 cannot
 * express (the second vtable pointer of the two-vptr interfaces, {@link MingwDeviations}). Runs on every machine, so
 * these are checked even where the mingw-w64 packages are absent.
 */
class AbiConformanceReferenceTest {

    /** x64 sizes: the field lists of vss.h, vsbackup.h and guiddef.h (WIN32_FIND_DATAW: below), x64 alignment. */
    private static final Map<Class<? extends Structure>, Integer> SDK_X64_SIZES = new LinkedHashMap<>();

    static {
        SDK_X64_SIZES.put(VssSnapshotProp.class, 128);
        SDK_X64_SIZES.put(VssProviderProp.class, 72);
        SDK_X64_SIZES.put(VssObjectProp.class, 136);
        SDK_X64_SIZES.put(VssObjectUnion.class, 128);
        SDK_X64_SIZES.put(VssComponentInfo.class, 72);
        SDK_X64_SIZES.put(GUID.class, 16);
        // Microsoft docs, "WIN32_FIND_DATAW structure": DWORD, three FILETIMEs (4-aligned), four DWORDs, WCHAR[260],
        // WCHAR[14]: 4 + 24 + 16 + 520 + 28.
        SDK_X64_SIZES.put(org.vss4j.abi.struct.Win32FindDataW.class, 592);
        // winnt.h: LUID is DWORD + LONG; LUID_AND_ATTRIBUTES adds a DWORD (4-aligned); TOKEN_PRIVILEGES is a DWORD and
        // ANYSIZE_ARRAY (1) of them.
        SDK_X64_SIZES.put(org.vss4j.abi.struct.Luid.class, 8);
        SDK_X64_SIZES.put(org.vss4j.abi.struct.LuidAndAttributes.class, 12);
        SDK_X64_SIZES.put(org.vss4j.abi.struct.TokenPrivileges.class, 16);
        // winbase.h: WIN32_STREAM_ID is two DWORDs, a LARGE_INTEGER, a DWORD and WCHAR[1]: 22, padded to 8 (24).
        SDK_X64_SIZES.put(org.vss4j.abi.struct.Win32StreamId.class, 24);
        // winbase.h: FILE_BASIC_INFO is four LARGE_INTEGERs and a DWORD: 36, padded to 8 (40).
        SDK_X64_SIZES.put(org.vss4j.abi.struct.FileBasicInfo.class, 40);
        // winsvc.h: SERVICE_STATUS_PROCESS is nine DWORDs (Microsoft docs, "SERVICE_STATUS_PROCESS structure").
        SDK_X64_SIZES.put(org.vss4j.abi.struct.ServiceStatusProcess.class, 36);
    }

    @Test
    void everyStructHasTheSdkSizeInJnaAndInItsAnnotation() {
        assertEquals(Set.copyOf(AbiCatalog.STRUCTS), SDK_X64_SIZES.keySet(), "the SDK gives a size for each");
        SDK_X64_SIZES.forEach((struct, size) -> {
            assertEquals(size, JnaLayout.of(struct).size(), struct.getSimpleName() + ": JNA size()");
            assertEquals(size, NativeType.of(struct).orElseThrow().x64Size(),
                    struct.getSimpleName() + ": @NativeStruct.x64Size");
        });
    }

    @Test
    void objectPropHasTheTypeAtZeroAndTheUnionAtEight() {
        // vss.h: 4-byte enum, 4 bytes of padding, 8-aligned union; the IVssEnumObject::Next stride.
        JnaLayout prop = JnaLayout.of(VssObjectProp.class);
        assertEquals(0, prop.offset("Type"));
        assertEquals(8, prop.offset("Obj"));
    }

    @Test
    void twoVptrInterfacesMirrorVptrOneAndPlaceIUnknownAtPlusEight() throws ReflectiveOperationException {
        for (MingwDeviations.TwoVptrInterface iface : MingwDeviations.TWO_VPTR_INTERFACES) {
            String name = iface.vtable().getSimpleName();
            // SDK: vptr #1 holds only the primary base's methods; QueryInterface/AddRef/Release are behind vptr #2.
            List<String> methods = Arrays.stream(iface.vtable().getEnumConstants()).map(Enum::name).toList();
            for (String unknownMethod : List.of("QueryInterface", "AddRef", "Release")) {
                assertFalse(methods.contains(unknownMethod), name + " must not list IUnknown's " + unknownMethod
                        + " in vptr #1 (SDK: IUnknown is the second base class)");
            }
            Field offset = declaredOffset(iface.vtable());
            if (offset == null) {
                assertFalse(iface.constantDeclared(), name + " must declare " + MingwDeviations.OFFSET_CONSTANT
                        + " = " + MingwDeviations.SDK_IUNKNOWN_VPTR_OFFSET_X64 + " (MSVC layout of the SDK class)");
                continue;
            }
            assertTrue(Modifier.isStatic(offset.getModifiers()) && Modifier.isFinal(offset.getModifiers()),
                    name + "." + MingwDeviations.OFFSET_CONSTANT + " must be static final");
            assertEquals(MingwDeviations.SDK_IUNKNOWN_VPTR_OFFSET_X64, offset.getInt(null),
                    name + "." + MingwDeviations.OFFSET_CONSTANT + ": SDK x64 offset of the IUnknown vptr "
                            + "(MSVC layout of the SDK class, clang -fdump-record-layouts)");
        }
    }

    @Test
    void everyCppClassVtableIsCheckedAgainstTheSdkOrder() {
        assertEquals(Set.copyOf(AbiCatalog.CPP_CLASS_VTABLES), MingwDeviations.SDK_ONLY_VTABLES.keySet(),
                "every C++ class vtable has its SDK order encoded in MingwDeviations.SDK_ONLY_VTABLES");
        assertTrue(AbiCatalog.VTABLES.containsAll(AbiCatalog.CPP_CLASS_VTABLES), "and is in AbiCatalog.VTABLES");
        MingwDeviations.SDK_ONLY_VTABLES.forEach((vtable, sdk) ->
                AbiConformanceTest.assertNoProblems(sdk.problems(vtable)));
    }

    @Test
    void cVssWriterObjectIsVptrThenWriterImpl() {
        // vswriter.h, MSVC layout: vftable pointer at 0, IVssWriterImpl *m_pWriterImpl at 8, sizeof 16 on x64.
        assertEquals(16, CVssWriter.OBJECT_SIZE);
        assertEquals(8, CVssWriter.WRITER_IMPL_OFFSET);
    }

    @Test
    void cVssWriterExIsCVssWritersTableThenOnIdentifyEx() {
        // vswriter.h: class CVssWriterEx : public CVssWriter, one new virtual function; no data members.
        List<String> base = Arrays.stream(CVssWriter.values()).map(Enum::name).toList();
        List<String> ex = Arrays.stream(CVssWriterEx.values()).map(Enum::name).toList();
        assertEquals(base, ex.subList(0, base.size()));
        assertEquals(List.of("OnIdentifyEx"), ex.subList(base.size(), ex.size()));
        assertEquals(16, CVssWriterEx.OnIdentifyEx.slot());
        assertEquals(CVssWriter.OBJECT_SIZE, CVssWriterEx.OBJECT_SIZE);
        assertEquals(CVssWriter.WRITER_IMPL_OFFSET, CVssWriterEx.WRITER_IMPL_OFFSET);
    }

    @Test
    void theCVssWriterTableUsedForAnExWriterIsReported() {
        // The mistake this check exists for: an Ex writer (CreateWriterEx) given the 16-slot CVssWriter table, whose
        // slot 16 VSS would call as OnIdentifyEx.
        MingwDeviations.SdkVtable sdk = MingwDeviations.SDK_ONLY_VTABLES.get(CVssWriterEx.class);
        assertEquals(List.of("CVssWriter: Java enum has 16 constants, the SDK vtable has 17 slots (" + sdk.source()
                + ")"), sdk.problems(CVssWriter.class));
    }

    @Test
    void aWrongCppClassOrderIsReportedBySlot() {
        // The order of the old hand-written mingw-w64 vswriter.h (2010 to Feb 2022), a real wrong binding.
        MingwDeviations.SdkVtable sdk = MingwDeviations.SDK_ONLY_VTABLES.get(CVssWriter.class);
        String src = " (" + sdk.source() + ")";
        List<String> problems = sdk.problems(AbiFakes.OldMingw.CVssWriter.class);
        assertEquals(List.of(
                        "CVssWriter: Java enum has 15 constants, the SDK vtable has 16 slots" + src,
                        "CVssWriter.OnAbort: Java slot 0, SDK slot 6" + src,
                        "CVssWriter.OnFreeze: Java slot 1, SDK slot 4" + src,
                        "CVssWriter.OnPrepareSnapshot: Java slot 2, SDK slot 3" + src,
                        "CVssWriter.OnThaw: Java slot 3, SDK slot 5" + src,
                        "CVssWriter.ScalarDeletingDestructor: Java slot 4, SDK slot 0" + src),
                problems.subList(0, 6));
        assertEquals("CVssWriter.OnVssShutdown: Java slot 14, the SDK has no such virtual function" + src,
                problems.get(problems.size() - 1));
    }

    private static Field declaredOffset(Class<?> vtable) {
        try {
            return vtable.getDeclaredField(MingwDeviations.OFFSET_CONSTANT);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
