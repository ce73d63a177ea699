package org.vss4j.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.jna.Structure;
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

/**
 * ABI conformance: every vtable enum and every JNA structure of {@link AbiCatalog} against the Windows x64 layout that
 * the mingw-w64 headers (Debian {@code mingw-w64-common}) give under {@code x86_64-w64-mingw32-gcc} (Debian
 * {@code gcc-mingw-w64-x86-64-win32}). One compilation answers every question; see {@link MingwLayouts}.
 *
 * <p>Without those packages the whole class is skipped with a loud warning, or fails when {@code CI=true}
 * ({@link MingwPrerequisite}). Known mingw-w64 deviations from the Windows SDK: {@link MingwDeviations}.
 */
class AbiConformanceTest {

    @TempDir
    static Path workDir;

    private static MingwLayout layout;
    /** Why the layout could not be computed here; each test then reports itself skipped (or failed on CI). */
    private static String absence;

    @BeforeAll
    static void computeLayoutOnce() throws Exception {
        Optional<MingwCompiler> compiler = MingwCompiler.locate();
        if (compiler.isEmpty()) {
            absence = MingwCompiler.EXECUTABLE + " is not on the PATH";
            MingwPrerequisite.warn(absence);
            return;
        }
        List<LayoutProbe> probes = new ArrayList<>();
        mingwVtables().forEach(v -> probes.addAll(VtableCheck.probes(enumClass(v))));
        AbiCatalog.STRUCTS.forEach(s -> probes.addAll(StructCheck.probes(s)));
        // The fakes ride along in the same compilation (their names all exist, so no second run is needed).
        probes.addAll(VtableCheck.probes(AbiFakes.Swapped.IVssAsync.class));
        probes.addAll(StructCheck.probes(AbiFakes.ProviderPropWithIntName.class));
        try {
            layout = MingwLayouts.compute(compiler.get(), workDir, probes);
        } catch (MingwUnavailableException e) {
            absence = e.getMessage();
            MingwPrerequisite.warn(absence);
        }
    }

    /** The layout, or an aborted (skipped) test, or on CI a failed one. */
    private static MingwLayout layout() {
        if (absence != null) {
            MingwPrerequisite.absent(absence);
        }
        return layout;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Enum<?>> enumClass(Class<? extends ComMethod> vtable) {
        return (Class<? extends Enum<?>>) (Class<?>) vtable;
    }

    @Test
    void layoutIsWindowsX64() {
        // Windows x64: 8-byte pointers, so a vtable slot's byte offset is slot x 8. A different pointer size would mean
        // the values came from the wrong compiler target.
        assertEquals(8, layout().pointerSize(), "sizeof(void *) from " + MingwCompiler.EXECUTABLE);
    }

    /**
     * The vtables mingw-w64 declares: all but the C++ classes of {@link AbiCatalog#CPP_CLASS_VTABLES}, which are
     * checked against the SDK facts by {@code AbiConformanceReferenceTest} ({@link MingwDeviations#SDK_ONLY_VTABLES}).
     */
    private static Stream<Class<? extends ComMethod>> mingwVtables() {
        return AbiCatalog.VTABLES.stream().filter(v -> !AbiCatalog.CPP_CLASS_VTABLES.contains(v));
    }

    @TestFactory
    Stream<DynamicTest> everyVtableEnumMatchesItsMingwVtbl() {
        MingwLayout mingw = layout();
        return mingwVtables().map(vtable -> DynamicTest.dynamicTest(vtable.getSimpleName(),
                () -> assertNoProblems(VtableCheck.problems(enumClass(vtable), mingw))));
    }

    @TestFactory
    Stream<DynamicTest> everyStructMatchesItsMingwType() {
        MingwLayout mingw = layout();
        return AbiCatalog.STRUCTS.stream().map(struct -> DynamicTest.dynamicTest(struct.getSimpleName(),
                () -> assertNoProblems(StructCheck.problems(struct, mingw))));
    }

    /** The same checks, fed real compiler output, do fail on a wrong binding (values: the SDK's vss.h). */
    @Test
    void aWrongBindingFailsAgainstTheRealHeaders() {
        assertEquals(List.of(
                        "IVssAsync: Java enum has 5 constants, mingw-w64 IVssAsyncVtbl has 6 slots "
                                + "(vss.h, sizeof 48)",
                        "IVssAsync.Wait: Java slot 3, mingw-w64 slot 4 (vss.h IVssAsyncVtbl)",
                        "IVssAsync.Cancel: Java slot 4, mingw-w64 slot 3 (vss.h IVssAsyncVtbl)"),
                VtableCheck.problems(AbiFakes.Swapped.IVssAsync.class, layout()));
        Class<? extends Structure> wrong = AbiFakes.ProviderPropWithIntName.class;
        assertEquals(List.of(
                        "VSS_PROVIDER_PROP (ProviderPropWithIntName): JNA size() 64, mingw-w64 sizeof 72 "
                                + "(vss.h VSS_PROVIDER_PROP)",
                        "VSS_PROVIDER_PROP.m_eProviderType (ProviderPropWithIntName): JNA offset 20, "
                                + "mingw-w64 offset 24 (vss.h VSS_PROVIDER_PROP)",
                        "VSS_PROVIDER_PROP.m_pwszProviderVersion (ProviderPropWithIntName): JNA offset 24, "
                                + "mingw-w64 offset 32 (vss.h VSS_PROVIDER_PROP)",
                        "VSS_PROVIDER_PROP.m_ProviderVersionId (ProviderPropWithIntName): JNA offset 32, "
                                + "mingw-w64 offset 40 (vss.h VSS_PROVIDER_PROP)",
                        "VSS_PROVIDER_PROP.m_ClassId (ProviderPropWithIntName): JNA offset 48, mingw-w64 offset 56 "
                                + "(vss.h VSS_PROVIDER_PROP)"),
                StructCheck.problems(wrong, layout()));
    }

    /**
     * A name the headers do not declare is reported as absent, precisely, rather than failing the whole compilation.
     * This needs its own (small) compilation: in the main one every name exists, so it runs exactly once.
     */
    @Test
    void namesTheHeadersRejectAreReportedPrecisely(@TempDir Path ownDir) throws Exception {
        layout();
        List<LayoutProbe> probes = new ArrayList<>(VtableCheck.probes(AbiFakes.Misspelt.IVssEnumObject.class));
        probes.addAll(VtableCheck.probes(AbiFakes.IVssNoSuchInterface.class));
        MingwLayout rejecting = MingwLayouts.compute(MingwCompiler.locate().orElseThrow(), ownDir, probes);
        assertEquals(List.of(
                        "IVssEnumObject.CloneEnum: Java slot 6, mingw-w64 has no such method "
                                + "(vss.h IVssEnumObjectVtbl)"),
                VtableCheck.problems(AbiFakes.Misspelt.IVssEnumObject.class, rejecting));
        assertEquals(List.of("IVssNoSuchInterface: the mingw-w64 headers declare no IVssNoSuchInterfaceVtbl "
                        + "(searched [windows.h, vss.h, vswriter.h, vsbackup.h, userenv.h]); the interface cannot be checked"),
                VtableCheck.problems(AbiFakes.IVssNoSuchInterface.class, rejecting));
    }

    static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " ABI mismatch(es):\n  " + String.join("\n  ", problems));
        }
    }
}
