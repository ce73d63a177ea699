package org.vss4j.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Proves, without any compiler, that the comparison logic and the compiler-output parsers report wrong bindings
 * precisely. The layouts here are written by hand from the SDK's vss.h, as gcc would deliver them.
 */
class AbiConformanceSelfTest {

    private static final String ASYNC = "IVssAsyncVtbl";
    private static final String ENUM_OBJECT = "IVssEnumObjectVtbl";

    /** IVssAsyncVtbl and IVssEnumObjectVtbl (vss.h), VSS_PROVIDER_PROP (vss.h), and a rejected member/interface. */
    private static MingwLayout handMadeLayout() {
        Map<LayoutProbe, Long> values = new HashMap<>();
        values.put(LayoutProbe.POINTER_SIZE, 8L);
        slots(values, ASYNC, "QueryInterface", "AddRef", "Release", "Cancel", "Wait", "QueryStatus");
        slots(values, ENUM_OBJECT, "QueryInterface", "AddRef", "Release", "Next", "Skip", "Reset", "Clone");
        values.put(LayoutProbe.sizeOf("VSS_PROVIDER_PROP"), 72L);
        String[] members = {"m_ProviderId", "m_pwszProviderName", "m_eProviderType", "m_pwszProviderVersion",
            "m_ProviderVersionId", "m_ClassId"};
        long[] offsets = {0, 16, 24, 32, 40, 56};
        for (int i = 0; i < members.length; i++) {
            values.put(LayoutProbe.offsetOf("VSS_PROVIDER_PROP", members[i]), offsets[i]);
        }
        values.put(LayoutProbe.sizeOf("VSS_OBJECT_PROP"), 136L);
        values.put(LayoutProbe.offsetOf("VSS_OBJECT_PROP", "Obj"), 8L);
        Set<LayoutProbe> rejected = Set.of(
                LayoutProbe.offsetOf(ENUM_OBJECT, "CloneEnum"),
                LayoutProbe.offsetOf("VSS_OBJECT_PROP", "eType"),
                LayoutProbe.sizeOf("IVssNoSuchInterfaceVtbl"),
                LayoutProbe.offsetOf("IVssNoSuchInterfaceVtbl", "QueryInterface"));
        return new MingwLayout(values, rejected,
                Map.of(ASYNC, "vss.h", ENUM_OBJECT, "vss.h", "VSS_PROVIDER_PROP", "vss.h", "VSS_OBJECT_PROP", "vss.h"));
    }

    private static void slots(Map<LayoutProbe, Long> values, String vtbl, String... methods) {
        values.put(LayoutProbe.sizeOf(vtbl), 8L * methods.length);
        for (int slot = 0; slot < methods.length; slot++) {
            values.put(LayoutProbe.offsetOf(vtbl, methods[slot]), 8L * slot);
        }
    }

    @Test
    void swappedAndMissingMethodsAreReportedBySlot() {
        assertEquals(List.of(
                        "IVssAsync: Java enum has 5 constants, mingw-w64 IVssAsyncVtbl has 6 slots "
                                + "(vss.h, sizeof 48)",
                        "IVssAsync.Wait: Java slot 3, mingw-w64 slot 4 (vss.h IVssAsyncVtbl)",
                        "IVssAsync.Cancel: Java slot 4, mingw-w64 slot 3 (vss.h IVssAsyncVtbl)"),
                VtableCheck.problems(AbiFakes.Swapped.IVssAsync.class, handMadeLayout()));
    }

    @Test
    void aMethodNameTheHeadersDoNotHaveIsReported() {
        assertEquals(List.of(
                        "IVssEnumObject.CloneEnum: Java slot 6, mingw-w64 has no such method "
                                + "(vss.h IVssEnumObjectVtbl)"),
                VtableCheck.problems(AbiFakes.Misspelt.IVssEnumObject.class, handMadeLayout()));
    }

    @Test
    void anInterfaceTheHeadersDoNotDeclareIsReported() {
        assertEquals(List.of("IVssNoSuchInterface: the mingw-w64 headers declare no IVssNoSuchInterfaceVtbl "
                        + "(searched [windows.h, vss.h, vswriter.h, vsbackup.h, userenv.h]); the interface cannot be checked"),
                VtableCheck.problems(AbiFakes.IVssNoSuchInterface.class, handMadeLayout()));
    }

    @Test
    void wrongStructOffsetsAndSizeAreReportedByField() {
        List<String> problems = StructCheck.problems(AbiFakes.ProviderPropWithIntName.class, handMadeLayout());
        assertEquals(5, problems.size(), String.join("\n", problems));
        assertEquals("VSS_PROVIDER_PROP (ProviderPropWithIntName): JNA size() 64, mingw-w64 sizeof 72 "
                + "(vss.h VSS_PROVIDER_PROP)", problems.get(0));
        assertEquals("VSS_PROVIDER_PROP.m_eProviderType (ProviderPropWithIntName): JNA offset 20, mingw-w64 offset 24 "
                + "(vss.h VSS_PROVIDER_PROP)", problems.get(1));
    }

    @Test
    void aJavaFieldNameThatIsNotTheCNameIsReported() {
        assertEquals(List.of("VSS_OBJECT_PROP.eType (ObjectPropWithJavaName): JNA offset 0, mingw-w64 has no such "
                        + "member (vss.h VSS_OBJECT_PROP)"),
                StructCheck.problems(AbiFakes.ObjectPropWithJavaName.class, handMadeLayout()));
    }

    @Test
    void aStructWithoutNativeStructIsReported() {
        List<String> problems = StructCheck.problems(AbiFakes.Unannotated.class, handMadeLayout());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).endsWith("no @NativeStruct naming its C type, so its layout cannot be checked"));
    }

    @Test
    void mismatchesOnATwoVptrInterfaceNameTheDocumentedDeviation() {
        assertTrue(MingwDeviations.hint("IVssWriterComponentsExt").orElseThrow()
                .contains("second vtable pointer at +8"));
        assertEquals(Optional.empty(), MingwDeviations.hint("IVssAsync"));
    }

    @Test
    void aProbeThatWasNeverCompiledIsAnErrorNotAbsence() {
        assertThrows(IllegalArgumentException.class,
                () -> handMadeLayout().value(LayoutProbe.sizeOf("VSS_SNAPSHOT_PROP")));
    }

    @Test
    void assemblyConstantsReadQuadAndZeroDirectives() {
        // As x86_64-w64-mingw32-gcc 12 -S writes them: a zero long long becomes ".space 8".
        String assembly = "\t.globl\tvss4j_abi_0\n\t.section .rdata,\"dr\"\n\t.align 8\nvss4j_abi_0:\n\t.space 8\n"
                + "\t.globl\tvss4j_abi_1\n\t.align 8\nvss4j_abi_1:\n\t.quad\t48\nother:\n\t.long\t7\n";
        assertEquals(Map.of("vss4j_abi_0", 0L, "vss4j_abi_1", 48L),
                AssemblyConstants.parse(assembly, ProbeSource.LABEL_PREFIX));
        assertThrows(IllegalStateException.class,
                () -> AssemblyConstants.parse("vss4j_abi_2:\n\t.long\t4\n", ProbeSource.LABEL_PREFIX));
    }

    @Test
    void gccDiagnosticsSeparateRejectedProbesFromMissingHeaders() {
        // Captured from x86_64-w64-mingw32-gcc 12 with LC_ALL=C.
        String rejected = "/tmp/x/vss4j_abi_probe.c:8:30: error: 'IVssAsyncVtbl' has no member named 'Nope'\n"
                + "    8 | const long long vss4j_abi_2 = offsetof(IVssAsyncVtbl, Nope);\n"
                + "/tmp/x/vss4j_abi_probe.c:10:38: error: 'IVssFooVtbl' undeclared here (not in a function)\n";
        GccDiagnostics parsed = GccDiagnostics.parse(rejected, ProbeSource.FILE_NAME);
        assertEquals(List.of(8, 10), parsed.errorLines());
        assertEquals(Optional.empty(), parsed.missingHeader());

        String noHeaders = "/tmp/x/vss4j_abi_probe.c:3:10: fatal error: vss.h: No such file or directory\n";
        assertEquals(Optional.of("vss.h"), GccDiagnostics.parse(noHeaders, ProbeSource.FILE_NAME).missingHeader());
    }

    @Test
    void probeSourceMapsEachProbeToItsOwnLine() {
        LayoutProbe wait = LayoutProbe.offsetOf(ASYNC, "Wait");
        ProbeSource source = new ProbeSource(List.of(LayoutProbe.POINTER_SIZE, wait));
        String[] lines = source.text().split("\n");
        for (int line = 1; line <= lines.length; line++) {
            Optional<LayoutProbe> probe = source.probeAtLine(line);
            if (probe.isPresent()) {
                assertTrue(lines[line - 1].contains(probe.get().cExpression() + ";"), lines[line - 1]);
            }
        }
        assertEquals(Optional.of(wait), source.probeAtLine(lines.length));
        assertTrue(source.text().contains("const long long vss4j_abi_1 = offsetof(IVssAsyncVtbl, Wait);"));
    }
}
