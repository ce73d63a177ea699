package org.vss4j.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.abi.vtable.IVssWriterImpl;

/**
 * The native signature of every vtable method ({@link ComMethod#signature()}) against the mingw-w64 headers: the
 * headers are preprocessed with the includes of the slot check ({@link ProbeSource#HEADERS}), each
 * {@code <Interface>Vtbl} is read method by method ({@link HeaderVtbls}), every type it uses is classified by a
 * compiled probe ({@link TypeKinds}), and the kinds are compared ({@link SignatureCheck}). The C++ classes mingw-w64
 * does not declare are compared with the SDK prototypes of {@link SdkSignatures}, classified by the same probe.
 *
 * <p>Without mingw-w64 the class is skipped with a loud warning, or fails when {@code CI=true}
 * ({@link MingwPrerequisite}); {@code SignatureCheckTest} checks the comparison itself on a recorded extraction.
 */
class SignatureConformanceTest {

    @TempDir
    static Path workDir;

    private static HeaderVtbls headers;
    private static TypeKinds kinds;
    private static String absence;

    @BeforeAll
    static void readHeadersOnce() throws Exception {
        Optional<MingwCompiler> compiler = MingwCompiler.locate();
        if (compiler.isEmpty()) {
            absence = MingwCompiler.EXECUTABLE + " is not on the PATH";
            MingwPrerequisite.warn(absence);
            return;
        }
        try {
            // One compilation of just the headers leaves their preprocessed text (-save-temps) ...
            MingwLayouts.compute(compiler.get(), workDir, List.of());
            List<String> vtbls = mingwVtables().map(VtableCheck::vtblType).toList();
            headers = HeaderVtbls.parse(Files.readString(workDir.resolve("vss4j_abi_probe.i"),
                    StandardCharsets.ISO_8859_1), vtbls);
            // ... and a second one classifies every type the vtables and the SDK prototypes use.
            List<String> types = new ArrayList<>(headers.types(vtbls));
            types.addAll(SdkSignatures.types());
            MingwLayout layout = MingwLayouts.compute(compiler.get(), workDir, TypeKinds.probes(types));
            kinds = TypeKinds.of(types, layout);
        } catch (MingwUnavailableException e) {
            absence = e.getMessage();
            MingwPrerequisite.warn(absence);
        }
    }

    private static void requireHeaders() {
        if (absence != null) {
            MingwPrerequisite.absent(absence);
        }
    }

    @SuppressWarnings("unchecked")
    private static Stream<Class<? extends Enum<?>>> mingwVtables() {
        return AbiCatalog.VTABLES.stream().filter(v -> !AbiCatalog.CPP_CLASS_VTABLES.contains(v))
                .map(v -> (Class<? extends Enum<?>>) (Class<?>) v);
    }

    /** The reference prototypes of a vtable and where they come from. */
    private record Reference(List<CPrototype> prototypes, String where) {
    }

    private static Reference reference(Class<? extends ComMethod> vtable) {
        List<CPrototype> sdk = SdkSignatures.PROTOTYPES.get(vtable);
        if (sdk != null) {
            return new Reference(sdk, SdkSignatures.SOURCE + " " + vtable.getSimpleName());
        }
        String vtbl = vtable.getSimpleName() + "Vtbl";
        return new Reference(headers.methods(vtbl).orElse(List.of()), "mingw-w64 " + headers.where(vtbl));
    }

    private static List<String> problems(SignatureCheck.Declared declared, Class<? extends ComMethod> vtable) {
        Reference ref = reference(vtable);
        return SignatureCheck.problems(declared, ref.prototypes(), ref.where(), kinds);
    }

    @Test
    void theCppClassesHaveSdkPrototypesAndNoOtherVtableDoes() {
        assertEquals(List.copyOf(AbiCatalog.CPP_CLASS_VTABLES).stream().map(Class::getSimpleName).sorted().toList(),
                SdkSignatures.PROTOTYPES.keySet().stream().map(Class::getSimpleName).sorted().toList());
    }

    @TestFactory
    Stream<DynamicTest> everyDeclaredSignatureMatchesTheHeaders() {
        requireHeaders();
        return AbiCatalog.VTABLES.stream().map(vtable -> DynamicTest.dynamicTest(vtable.getSimpleName(),
                () -> AbiConformanceTest.assertNoProblems(problems(SignatureCheck.Declared.of(vtable), vtable))));
    }

    /** Done means: any one changed kind or parameter count, anywhere, fails the check. */
    @Test
    void everySingleChangeOfADeclarationFails() {
        requireHeaders();
        List<String> survivors = new ArrayList<>();
        int tried = 0;
        for (Class<? extends ComMethod> vtable : AbiCatalog.VTABLES) {
            SignatureCheck.Declared original = SignatureCheck.Declared.of(vtable);
            for (SignatureCheck.Mutant mutant : SignatureCheck.mutations(original)) {
                tried++;
                if (problems(mutant.declared(), vtable).isEmpty()) {
                    survivors.add(mutant.change());
                }
            }
        }
        assertTrue(tried > 5000, "mutations tried: " + tried);
        assertEquals(List.of(), survivors, "changed declarations the header check accepted");
    }

    @Test
    void aChangedDeclarationIsReportedWithItsHeaderPrototype() {
        requireHeaders();
        SignatureCheck.Declared wait = SignatureCheck.Declared.of(IVssAsync.class)
                .with(IVssAsync.Wait.ordinal(), NativeSignature.of(NativeKind.INT32, NativeKind.INT64));
        assertEquals(List.of("IVssAsync.Wait: Java INT32(INT64), parameter 1 is INT64, the headers' DWORD is INT32: "
                        + "HRESULT Wait(DWORD) (mingw-w64 vss.h IVssAsyncVtbl)"),
                problems(wait, IVssAsync.class));
        // The hidden result pointer spelled as an ordinary out-parameter: same registers, different contract.
        SignatureCheck.Declared setId = SignatureCheck.Declared.of(IVssWriterImpl.class)
                .with(IVssWriterImpl.GetCurrentSnapshotSetId.ordinal(),
                        NativeSignature.of(NativeKind.POINTER, NativeKind.POINTER));
        assertEquals(List.of(
                        "IVssWriterImpl.GetCurrentSnapshotSetId: Java POINTER(POINTER), returns POINTER, the headers "
                                + "GUID: VSS_ID *GetCurrentSnapshotSetId(VSS_ID *__ret) (mingw-w64 vswriter.h "
                                + "IVssWriterImplVtbl)",
                        "IVssWriterImpl.GetCurrentSnapshotSetId: Java POINTER(POINTER), no hidden result pointer, "
                                + "the headers one: VSS_ID *GetCurrentSnapshotSetId(VSS_ID *__ret) (mingw-w64 "
                                + "vswriter.h IVssWriterImplVtbl)",
                        "IVssWriterImpl.GetCurrentSnapshotSetId: Java POINTER(POINTER), 1 parameter(s), the headers "
                                + "0: VSS_ID *GetCurrentSnapshotSetId(VSS_ID *__ret) (mingw-w64 vswriter.h "
                                + "IVssWriterImplVtbl)"),
                problems(setId, IVssWriterImpl.class));
    }
}
