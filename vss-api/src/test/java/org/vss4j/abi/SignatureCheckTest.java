package org.vss4j.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.vtable.IVssAsync;

/**
 * The signature comparison without a compiler: every vtable enum declares a signature on every constant, and the
 * check, fed a recorded extraction of {@code IVssAsyncVtbl} (mingw-w64 vss.h, preprocessed by
 * {@code x86_64-w64-mingw32-gcc -E}) with the sizes and gcc type classes the probe computed for its types, accepts the
 * real declarations and rejects every single change of them. {@code SignatureConformanceTest} does the same on the
 * live headers for every vtable.
 */
class SignatureCheckTest {

    /** Recorded from the preprocessed mingw-w64 10 vss.h; the line marker is gcc's. */
    private static final String RECORDED_VSS_H = """
            # 270 "/usr/share/mingw-w64/include/vss.h" 3
            typedef struct IVssAsyncVtbl {

                HRESULT ( *QueryInterface)(
                    IVssAsync *This,
                    const IID *const riid,
                    void **ppvObject);
                ULONG ( *AddRef)(
                    IVssAsync *This);
                ULONG ( *Release)(
                    IVssAsync *This);
                HRESULT ( *Cancel)(
                    IVssAsync *This);
                HRESULT ( *Wait)(
                    IVssAsync *This,
                    DWORD dwMilliseconds);
                HRESULT ( *QueryStatus)(
                    IVssAsync *This,
                    HRESULT *pHrResult,
                    INT *pReserved);

            } IVssAsyncVtbl;
            """;

    /** {@code sizeof} and {@code __builtin_classify_type} of each type, as the probe computed them for x64. */
    private static TypeKinds recordedKinds() {
        Map<String, long[]> recorded = new LinkedHashMap<>();
        recorded.put("const IID *const", new long[] {8, LayoutProbe.GCC_POINTER_CLASS});
        recorded.put("void **", new long[] {8, LayoutProbe.GCC_POINTER_CLASS});
        recorded.put("HRESULT *", new long[] {8, LayoutProbe.GCC_POINTER_CLASS});
        recorded.put("INT *", new long[] {8, LayoutProbe.GCC_POINTER_CLASS});
        recorded.put("HRESULT", new long[] {4, LayoutProbe.GCC_INTEGER_CLASS});
        recorded.put("ULONG", new long[] {4, LayoutProbe.GCC_INTEGER_CLASS});
        recorded.put("DWORD", new long[] {4, LayoutProbe.GCC_INTEGER_CLASS});
        Map<String, Optional<NativeKind>> kinds = new LinkedHashMap<>();
        recorded.forEach((type, v) -> kinds.put(type, TypeKinds.classify(v[0], v[1])));
        return new TypeKinds(kinds);
    }

    private static List<String> problems(SignatureCheck.Declared declared) {
        HeaderVtbls headers = HeaderVtbls.parse(RECORDED_VSS_H, List.of("IVssAsyncVtbl"));
        return SignatureCheck.problems(declared, headers.methods("IVssAsyncVtbl").orElseThrow(),
                "mingw-w64 " + headers.where("IVssAsyncVtbl"), recordedKinds());
    }

    @Test
    void everyVtableEnumDeclaresASignatureOnEveryConstant() {
        List<String> missing = new ArrayList<>();
        for (Class<? extends ComMethod> vtable : AbiCatalog.VTABLES) {
            for (ComMethod m : vtable.getEnumConstants()) {
                try {
                    m.signature();
                } catch (UnsupportedOperationException e) {
                    missing.add(m.qualifiedName());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theRecordedHeaderIsReadMethodByMethod() {
        HeaderVtbls headers = HeaderVtbls.parse(RECORDED_VSS_H, List.of("IVssAsyncVtbl"));
        assertEquals("vss.h IVssAsyncVtbl", headers.where("IVssAsyncVtbl"));
        assertEquals(List.of("HRESULT QueryInterface(const IID *const, void **)", "ULONG AddRef()", "ULONG Release()",
                        "HRESULT Cancel()", "HRESULT Wait(DWORD)", "HRESULT QueryStatus(HRESULT *, INT *)"),
                headers.methods("IVssAsyncVtbl").orElseThrow().stream().map(CPrototype::toString).toList());
    }

    @Test
    void theRealDeclarationsMatchTheRecordedHeader() {
        assertEquals(List.of(), problems(SignatureCheck.Declared.of(IVssAsync.class)));
    }

    @Test
    void everySingleChangeOfTheDeclarationsFails() {
        List<SignatureCheck.Mutant> mutants = SignatureCheck.mutations(SignatureCheck.Declared.of(IVssAsync.class));
        // 6 methods x (6 other return kinds + 6 kinds of added parameter); Wait's and QueryStatus's and
        // QueryInterface's 5 parameters x (5 other kinds + removal).
        assertEquals(6 * 6 + 6 * 6 + 5 * 6, mutants.size());
        for (SignatureCheck.Mutant mutant : mutants) {
            assertTrue(!problems(mutant.declared()).isEmpty(), "accepted: " + mutant.change());
        }
    }

    @Test
    void aChangedKindAndAnAddedParameterAreReportedPrecisely() {
        SignatureCheck.Declared declared = SignatureCheck.Declared.of(IVssAsync.class);
        assertEquals(List.of("IVssAsync.QueryStatus: Java INT32(POINTER, INT32), parameter 2 is INT32, the headers' "
                        + "INT * is POINTER: HRESULT QueryStatus(HRESULT *, INT *) (mingw-w64 vss.h IVssAsyncVtbl)"),
                problems(declared.with(IVssAsync.QueryStatus.ordinal(),
                        NativeSignature.of(NativeKind.INT32, NativeKind.POINTER, NativeKind.INT32))));
        assertEquals(List.of("IVssAsync.Cancel: Java INT32(INT32), 1 parameter(s), the headers 0: HRESULT Cancel() "
                        + "(mingw-w64 vss.h IVssAsyncVtbl)"),
                problems(declared.with(IVssAsync.Cancel.ordinal(),
                        NativeSignature.of(NativeKind.INT32, NativeKind.INT32))));
        assertEquals(List.of("IVssAsync.AddRef: Java BOOL8(), returns BOOL8, the headers INT32: ULONG AddRef() "
                        + "(mingw-w64 vss.h IVssAsyncVtbl)"),
                problems(declared.with(IVssAsync.AddRef.ordinal(), NativeSignature.of(NativeKind.BOOL8))));
    }

    @Test
    void typesAreClassifiedBySizeAndGccClass() {
        assertEquals(Optional.of(NativeKind.BOOL8), TypeKinds.classify(1, LayoutProbe.GCC_INTEGER_CLASS));
        assertEquals(Optional.of(NativeKind.BOOL8), TypeKinds.classify(1, LayoutProbe.GCC_BOOLEAN_CLASS));
        assertEquals(Optional.of(NativeKind.INT32), TypeKinds.classify(4, LayoutProbe.GCC_INTEGER_CLASS));
        assertEquals(Optional.of(NativeKind.INT64), TypeKinds.classify(8, LayoutProbe.GCC_INTEGER_CLASS));
        assertEquals(Optional.of(NativeKind.POINTER), TypeKinds.classify(8, LayoutProbe.GCC_POINTER_CLASS));
        assertEquals(Optional.of(NativeKind.STRUCT8), TypeKinds.classify(8, LayoutProbe.GCC_RECORD_CLASS));
        assertEquals(Optional.of(NativeKind.GUID), TypeKinds.classify(16, LayoutProbe.GCC_RECORD_CLASS));
        // A 2-byte integer or a 12-byte struct has no kind: no VSS method uses one, so it must not pass silently.
        assertEquals(Optional.empty(), TypeKinds.classify(2, LayoutProbe.GCC_INTEGER_CLASS));
        assertEquals(Optional.empty(), TypeKinds.classify(12, LayoutProbe.GCC_RECORD_CLASS));
        assertEquals(Optional.empty(), TypeKinds.classify(4, LayoutProbe.GCC_POINTER_CLASS));
    }

    @Test
    void sdkPrototypesParseWithoutTheirNames() {
        CPrototype p = CPrototype.parse("_Bool OnBackOffIOOnVolume(VSS_PWSZ wszVolumeName, VSS_ID snapshotId, "
                + "VSS_ID providerId)");
        assertEquals("_Bool OnBackOffIOOnVolume(VSS_PWSZ, VSS_ID, VSS_ID)", p.toString());
        assertEquals(List.of(), CPrototype.parse("_Bool OnFreeze(void)").parameters());
        assertEquals("void *", CPrototype.parse("void *ScalarDeletingDestructor(unsigned int flags)").returns());
        assertThrows(IllegalArgumentException.class, () -> CPrototype.parameterTypes("DWORD"));
    }

    @Test
    void voidIsAReturnKindOnly() {
        assertThrows(IllegalArgumentException.class, () -> NativeSignature.of(NativeKind.INT32, NativeKind.VOID));
        assertEquals("GUID()", NativeSignature.of(NativeKind.GUID).toString());
        assertEquals(NativeSignature.of(NativeKind.POINTER, NativeKind.POINTER),
                NativeSignature.of(NativeKind.GUID).lowered());
    }
}
