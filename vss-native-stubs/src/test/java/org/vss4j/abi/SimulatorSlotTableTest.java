package org.vss4j.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
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
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.abi.vtable.CVssWriterEx;
import org.vss4j.sim.abi.SlotTable;

/**
 * The simulator's own slot tables ({@link SlotTable}, {@code org/vss4j/sim/abi/slots/*.slots}) against the mingw-w64
 * headers, with the machinery of vss-api's {@code AbiConformanceTest} ({@link MingwLayouts}, {@link VtableCheck}): one
 * compilation, every table's method names at {@code offsetof(<Interface>Vtbl, Method) / 8}. The C++ classes mingw-w64
 * does not declare (CVssWriter, CVssWriterEx) are compared with the SDK order of {@link MingwDeviations}. Without the
 * mingw-w64 packages the class is skipped loudly, or fails when {@code CI=true} ({@link MingwPrerequisite}).
 */
class SimulatorSlotTableTest {

    @TempDir
    static Path workDir;

    private static MingwLayout layout;
    private static String absence;

    /** Every interface the simulator has a slot table for, from the resource directory. */
    static List<String> tables() throws IOException, URISyntaxException {
        Path dir = Path.of(SlotTable.class.getResource("slots").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".slots"))
                    .map(n -> n.substring(0, n.length() - ".slots".length()))
                    .sorted()
                    .toList();
        }
    }

    private static boolean sdkOnly(String table) {
        return table.equals(CVssWriter.class.getSimpleName()) || table.equals(CVssWriterEx.class.getSimpleName());
    }

    static VtableCheck.Declared declared(String table) {
        return new VtableCheck.Declared(table, "simulator table",
                SlotTable.of(table).slots().stream().map(SlotTable.Slot::name).toList());
    }

    @BeforeAll
    static void computeLayoutOnce() throws Exception {
        Optional<MingwCompiler> compiler = MingwCompiler.locate();
        if (compiler.isEmpty()) {
            absence = MingwCompiler.EXECUTABLE + " is not on the PATH";
            MingwPrerequisite.warn(absence);
            return;
        }
        List<LayoutProbe> probes = new ArrayList<>();
        for (String table : tables()) {
            if (!sdkOnly(table)) {
                probes.addAll(VtableCheck.probes(declared(table)));
            }
        }
        try {
            layout = MingwLayouts.compute(compiler.get(), workDir, probes);
        } catch (MingwUnavailableException e) {
            absence = e.getMessage();
            MingwPrerequisite.warn(absence);
        }
    }

    private static MingwLayout layout() {
        if (absence != null) {
            MingwPrerequisite.absent(absence);
        }
        return layout;
    }

    @TestFactory
    Stream<DynamicTest> everySimulatorTableMatchesItsMingwVtbl() throws Exception {
        MingwLayout mingw = layout();
        return tables().stream().filter(t -> !sdkOnly(t)).map(table -> DynamicTest.dynamicTest(table,
                () -> AbiConformanceTest.assertNoProblems(VtableCheck.problems(declared(table), mingw))));
    }

    @Test
    void theWriterClassTablesAreTheSdkVftables() {
        for (Class<? extends Enum<?>> cls : List.<Class<? extends Enum<?>>>of(CVssWriter.class, CVssWriterEx.class)) {
            assertEquals(MingwDeviations.SDK_ONLY_VTABLES.get(cls).slots(), declared(cls.getSimpleName()).methods(),
                    cls.getSimpleName() + " simulator table against " + MingwDeviations.SDK_ONLY_VTABLES.get(cls)
                            .source());
        }
    }

    /** The check is not vacuous: a table with two methods swapped fails it, naming both. */
    @Test
    void aSwappedTableFailsAgainstTheHeaders() {
        List<String> swapped = new ArrayList<>(declared("IVssAsync").methods());
        swapped.set(3, "Wait");
        swapped.set(4, "Cancel");
        assertEquals(List.of(
                        "IVssAsync.Wait: simulator table slot 3, mingw-w64 slot 4 (vss.h IVssAsyncVtbl)",
                        "IVssAsync.Cancel: simulator table slot 4, mingw-w64 slot 3 (vss.h IVssAsyncVtbl)"),
                VtableCheck.problems(new VtableCheck.Declared("IVssAsync", "simulator table", swapped), layout()));
    }
}
