package org.vss4j.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
    /** Each export's reference prototype (none when the headers do not declare it) and where it comes from. */
    private static final Map<NativeExport, Reference> EXPORT_REFERENCES = new EnumMap<>(NativeExport.class);
    /** The exports mingw-w64's headers do not declare. */
    private static final List<String> MINGW_LACKS = new ArrayList<>();
    private static ImportLibraries importLibraries;
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
            String preprocessed = Files.readString(workDir.resolve("vss4j_abi_probe.i"), StandardCharsets.ISO_8859_1);
            headers = HeaderVtbls.parse(preprocessed, vtbls);
            readExportPrototypes(new HeaderFunctions(preprocessed));
            importLibraries = new ImportLibraries(compiler.get());
            // ... and a second one classifies every type the vtables and the SDK prototypes use.
            List<String> types = new ArrayList<>(headers.types(vtbls));
            types.addAll(SdkSignatures.types());
            EXPORT_REFERENCES.values().forEach(r -> r.prototypes().forEach(p -> {
                types.add(p.resultType());
                types.addAll(p.declaredParameters());
            }));
            MingwLayout layout = MingwLayouts.compute(compiler.get(), workDir, TypeKinds.probes(types));
            kinds = TypeKinds.of(types, layout);
        } catch (MingwUnavailableException e) {
            absence = e.getMessage();
            MingwPrerequisite.warn(absence);
        }
    }

    /**
     * mingw-w64's declaration of each export; the SDK's ({@link SdkSignatures#EXPORTS}) only where mingw-w64 declares
     * none. {@link #onlyCreateWriterAndCreateWriterExNeedTheSdkPrototypes} keeps that list honest.
     */
    private static void readExportPrototypes(HeaderFunctions functions) {
        for (NativeExport export : NativeExport.values()) {
            Optional<HeaderFunctions.Found> mingw = functions.function(export.name());
            if (mingw.isPresent()) {
                EXPORT_REFERENCES.put(export, new Reference(List.of(mingw.get().prototype()),
                        "mingw-w64 " + mingw.get().header()));
                continue;
            }
            MINGW_LACKS.add(export.name());
            EXPORT_REFERENCES.put(export, SdkSignatures.EXPORTS.stream().filter(p -> p.name().equals(export.name()))
                    .findFirst().map(p -> new Reference(List.of(p), SdkSignatures.SOURCE))
                    .orElse(new Reference(List.of(), "the mingw-w64 headers (" + ProbeSource.HEADERS + ")")));
        }
    }

    private static List<String> exportProblems(SignatureCheck.Declared declared, NativeExport export) {
        Reference ref = EXPORT_REFERENCES.get(export);
        return SignatureCheck.problems(declared, ref.prototypes(), ref.where(), kinds);
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

    @TestFactory
    Stream<DynamicTest> everyExportsSignatureMatchesTheHeaders() {
        requireHeaders();
        return Stream.of(NativeExport.values()).map(export -> DynamicTest.dynamicTest(export.qualifiedName(),
                () -> AbiConformanceTest.assertNoProblems(exportProblems(SignatureCheck.Declared.of(export), export))));
    }

    /**
     * The SDK prototypes stand in only where mingw-w64 has no declaration: if mingw-w64 starts declaring
     * CreateWriter, this fails and the hand-written copy should go.
     */
    @Test
    void onlyCreateWriterAndCreateWriterExNeedTheSdkPrototypes() {
        requireHeaders();
        assertEquals(List.of("CreateWriter", "CreateWriterEx"), MINGW_LACKS);
        assertEquals(MINGW_LACKS, SdkSignatures.EXPORTS.stream().map(CPrototype::name).toList());
    }

    /** The declared module is the DLL that exports the function: mingw-w64's import library for it lists it. */
    @TestFactory
    Stream<DynamicTest> everyExportIsInTheImportLibraryOfItsModule() {
        requireHeaders();
        return Stream.of(NativeExport.values()).map(export -> DynamicTest.dynamicTest(export.qualifiedName(), () -> {
            String library = export.module().libraryName();
            assertTrue(importLibraries.exportsOf(library).contains(export.name()),
                    export.name() + " is not in mingw-w64's lib" + library + ".a");
        }));
    }

    @Test
    void aFunctionDeclaredInTheWrongModuleIsNotInThatImportLibrary() throws Exception {
        requireHeaders();
        // OpenProcessToken is advapi32's: declared as kernel32's it would fail to resolve on Windows.
        assertTrue(importLibraries.exportsOf("advapi32").contains("OpenProcessToken"));
        assertTrue(!importLibraries.exportsOf("kernel32").contains("OpenProcessToken"));
        assertTrue(!importLibraries.exportsOf("advapi32").contains("CloseHandle"));
    }

    /** Done means: any one changed kind or parameter count, anywhere, fails the check. */
    @Test
    void everySingleChangeOfADeclarationFails() {
        requireHeaders();
        List<String> survivors = new ArrayList<>();
        int tried = 0;
        for (NativeExport export : NativeExport.values()) {
            for (SignatureCheck.Mutant mutant : SignatureCheck.mutations(SignatureCheck.Declared.of(export))) {
                tried++;
                if (exportProblems(mutant.declared(), export).isEmpty()) {
                    survivors.add(mutant.change());
                }
            }
        }
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
    void aChangedExportIsReportedWithItsHeaderPrototype() {
        requireHeaders();
        // CreateSymbolicLinkW returns a one-byte BOOLEAN, not a 4-byte BOOL: read as an int, the upper bytes of EAX
        // are garbage and a failure can look like success.
        SignatureCheck.Declared link = SignatureCheck.Declared.of(NativeExport.CreateSymbolicLinkW)
                .with(0, NativeSignature.of(NativeKind.INT32, NativeKind.POINTER, NativeKind.POINTER,
                        NativeKind.INT32));
        assertEquals(List.of("kernel32.CreateSymbolicLinkW: Java INT32(POINTER, POINTER, INT32), returns INT32, the "
                        + "headers BOOL8: BOOLEAN CreateSymbolicLinkW(LPCWSTR, LPCWSTR, DWORD) (mingw-w64 winbase.h)"),
                exportProblems(link, NativeExport.CreateSymbolicLinkW));
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
