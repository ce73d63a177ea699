package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.RestoreMethod;
import org.vss4j.RestoreType;
import org.vss4j.VssHresult;
import org.vss4j.WriterRestore;
import org.vss4j.cli.BackupRunFixture.Run;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * {@code vss restore MEDIA --writers} on the simulator: a full backup with a writer, the live file damaged, the
 * restore writes it back where the writer's restore method says, with the writer taking part (PreRestore,
 * PostRestore); a component whose restore method needs a service stop, and one of a writer no longer running, are
 * reported not restored with exit code 13.
 */
class RestoreWritersCommandTest {

    @TempDir
    Path root;

    RestoreWritersFixture fixture;

    @BeforeEach
    void files() throws IOException {
        fixture = new RestoreWritersFixture(root);
        fixture.write("data/orders.db", "42 orders");
        fixture.write("data/sub/old.db", "old orders");
        fixture.write("other/notes.txt", "notes");
    }

    /** The writer of D:\data, restored with {@code method}. */
    private static SimulatedWriter orders(RestoreMethod method, String service) {
        return RestoreWritersFixture.ordersWriter()
                .restoreMethod(method, service, null, WriterRestore.ALWAYS, false)
                .build();
    }

    private static SimulatedWriter notes() {
        return SimulatedWriter.builder("Notes Writer")
                .component(WriterComponent.fileGroup("", "notes").withFile(FileSpec.of("D:\\other", "*", true)))
                .restoreMethod(RestoreMethod.RESTORE_IF_CAN_REPLACE, null, null, WriterRestore.ALWAYS, false)
                .build();
    }

    private void backUp(SimulatedWriter... writers) {
        fixture.backUp(m -> List.of(writers).forEach(m::addWriter), "D:\\data", "D:\\other");
    }

    @Test
    void restoresTheDamagedFileWithTheWriterTakingPart() throws IOException {
        backUp(orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null));
        fixture.write("data/orders.db", "damaged");
        Files.delete(fixture.disk.resolve("data/sub/old.db"));
        SimulatedWriter w = orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null);

        Run r = fixture.vss(m -> m.addWriter(w), "restore", fixture.media.toString(), "--writers");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(fixture.read("data/orders.db")).isEqualTo("42 orders");
        assertThat(fixture.read("data/sub/old.db")).isEqualTo("old orders");
        assertThat(r.out()).contains("Orders Writer\\orders: restored (2 file(s), ALL)");
        assertThat(w.events()).containsSubsequence(WriterEvent.PRE_RESTORE, WriterEvent.POST_RESTORE);
        assertThat(w.seenAt(WriterEvent.PRE_RESTORE)).singleElement()
                .satisfies(c -> assertThat(c.selectedForRestore()).isTrue());
        assertThat(w.seenAt(WriterEvent.POST_RESTORE)).singleElement()
                .satisfies(c -> assertThat(c.fileRestoreStatus()).hasToString("ALL"));
    }

    @Test
    void aComponentWhoseRestoreMethodNeedsAServiceStopIsNotRestored() throws IOException {
        backUp(orders(RestoreMethod.STOP_RESTORE_START, "OrdersSvc"));
        fixture.write("data/orders.db", "damaged");

        Run r = fixture.vss(m -> m.addWriter(orders(RestoreMethod.STOP_RESTORE_START, "OrdersSvc")), "restore",
                fixture.media.toString(), "--writers", "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.COMPONENTS_NOT_RESTORED);
        assertThat(fixture.read("data/orders.db")).isEqualTo("damaged");
        JsonNode c = r.json().get("components").get(0);
        assertThat(c.get("writer").asText()).isEqualTo("Orders Writer");
        assertThat(c.get("restored").asBoolean()).isFalse();
        assertThat(c.get("reason").asText()).contains("service stop", "OrdersSvc");
        assertThat(r.json().get("allRestored").asBoolean()).isFalse();
    }

    @Test
    void aComponentOfAWriterNoLongerRunningIsReportedUnmatched() throws IOException {
        backUp(orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null), notes());
        fixture.write("other/notes.txt", "damaged");

        Run r = fixture.vss(m -> m.addWriter(orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null)), "restore",
                fixture.media.toString(), "--writers");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.COMPONENTS_NOT_RESTORED);
        assertThat(r.out()).contains("Orders Writer\\orders: restored",
                "Notes Writer\\notes: not restored: unmatched: no running writer of class",
                "start the application that hosts writer 'Notes Writer' (on the simulator: pass the --sim-writers "
                        + "DIR the backup used) and restore again, or restore its files without --writers");
        assertThat(fixture.read("other/notes.txt")).isEqualTo("damaged");
    }

    @Test
    void aWriterFailingPreRestoreIsNamedWithThePhaseAndHresult() throws IOException {
        backUp(orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null));
        fixture.write("data/orders.db", "damaged");
        SimulatedWriter w = orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null);
        w.failAt(WriterEvent.PRE_RESTORE, VssHresult.VSS_E_WRITERERROR_NONRETRYABLE);

        Run r = fixture.vss(m -> m.addWriter(w), "restore", fixture.media.toString(), "--writers", "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.COMPONENTS_NOT_RESTORED);
        JsonNode f = r.json().get("failure");
        assertThat(f.get("phase").asText()).isEqualTo("PRE_RESTORE");
        assertThat(f.get("writer").asText()).isEqualTo("Orders Writer");
        assertThat(f.get("hresult").asInt()).isEqualTo(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE.code());
        assertThat(f.get("hresultName").asText()).isEqualTo("VSS_E_WRITERERROR_NONRETRYABLE");
        assertThat(fixture.read("data/orders.db")).isEqualTo("damaged");
        assertThat(w.events()).doesNotContain(WriterEvent.POST_RESTORE);
    }

    @Test
    void componentSelectsOneWritersComponentsOnly() throws IOException {
        backUp(orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null), notes());
        fixture.write("other/notes.txt", "damaged");
        fixture.write("data/orders.db", "damaged");

        Run r = fixture.vss(m -> {
            m.addWriter(orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null));
            m.addWriter(notes());
        }, "restore", fixture.media.toString(), "--writers", "--component", "Notes Writer:notes");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(fixture.read("other/notes.txt")).isEqualTo("notes");
        assertThat(fixture.read("data/orders.db")).isEqualTo("damaged");
        assertThat(r.out()).contains("Notes Writer\\notes: restored").doesNotContain("Orders Writer");
    }

    @Test
    void anUnknownWriterIsAUsageError() {
        backUp(orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null));

        Run unknown = fixture.vss(m -> { }, "restore", fixture.media.toString(), "--writers", "--component", "Nobody");

        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no component of a writer named Nobody", "Orders Writer");
    }

    @Test
    void theRestoreTypeAndRestoreOptionsReachTheWriter() throws IOException {
        backUp(orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null), notes());
        fixture.write("data/orders.db", "damaged");
        SimulatedWriter o = orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null);
        SimulatedWriter n = notes();

        Run r = fixture.vss(m -> {
            m.addWriter(o);
            m.addWriter(n);
        }, "restore", fixture.media.toString(), "--writers", "--restore-type", "other", "--restore-options",
                "orders writer:ORDERS=replay-logs=yes", "--restore-options", "Notes Writer=keep");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(o.restoreTypeAt(WriterEvent.PRE_RESTORE)).isEqualTo(RestoreType.OTHER);
        assertThat(o.restoreTypeAt(WriterEvent.POST_RESTORE)).isEqualTo(RestoreType.OTHER);
        // The text after the first = is the writer's, = and all; names are matched without case.
        assertThat(o.seenAt(WriterEvent.PRE_RESTORE)).singleElement()
                .satisfies(c -> assertThat(c.restoreOptions()).isEqualTo("replay-logs=yes"));
        assertThat(n.seenAt(WriterEvent.PRE_RESTORE)).singleElement()
                .satisfies(c -> assertThat(c.restoreOptions()).isEqualTo("keep"));
        assertThat(r.out()).contains("Orders Writer\\orders: restored (2 file(s), ALL), restore options: "
                + "replay-logs=yes", "Notes Writer\\notes: restored (1 file(s), ALL), restore options: keep");
        assertThat(r.err()).contains("with its writers, restore type other");
    }

    @Test
    void theJsonHasTheRestoreTypeTheOptionsAndWhatWasNotApplied() throws IOException {
        backUp(orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null));
        fixture.write("data/orders.db", "damaged");
        SimulatedWriter w = orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null);

        Run r = fixture.vss(m -> m.addWriter(w), "restore", fixture.media.toString(), "--writers", "--restore-type",
                "import", "--restore-options", "Orders Writer=x", "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(w.restoreTypeAt(WriterEvent.PRE_RESTORE)).isEqualTo(RestoreType.IMPORT);
        JsonNode doc = r.json();
        assertThat(doc.get("restoreType").asText()).isEqualTo("import");
        assertThat(doc.get("components").get(0).get("restoreOptions").asText()).isEqualTo("x");
        assertThat(doc.get("notApplied")).isEmpty();
    }

    @Test
    void withoutRestoreTypeTheWritersAreToldByCopy() throws IOException {
        backUp(orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null));
        SimulatedWriter w = orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null);

        Run r = fixture.vss(m -> m.addWriter(w), "restore", fixture.media.toString(), "--writers", "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(w.restoreTypeAt(WriterEvent.PRE_RESTORE)).isEqualTo(RestoreType.BY_COPY);
        assertThat(r.json().get("restoreType").asText()).isEqualTo("by-copy");
        assertThat(r.json().get("components").get(0).get("restoreOptions").isNull()).isTrue();
    }

    @Test
    void badRestoreOptionsAndTypesAreUsageErrorsNamingWhatTheSetHolds() {
        backUp(orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null), notes());
        String m = fixture.media.toString();

        Run writer = fixture.vss(x -> { }, "restore", m, "--writers", "--restore-options", "Nobody=x");
        Run component = fixture.vss(x -> { }, "restore", m, "--writers", "--restore-options", "Orders Writer:nope=x");
        Run noText = fixture.vss(x -> { }, "restore", m, "--writers", "--restore-options", "Orders Writer");
        Run notChosen = fixture.vss(x -> { }, "restore", m, "--writers", "--component", "Notes Writer",
                "--restore-options", "Orders Writer=x");
        Run type = fixture.vss(x -> { }, "restore", m, "--writers", "--restore-type", "undefined");
        Run withoutWriters = fixture.vss(x -> { }, "restore", m, "--to", fixture.work.resolve("t").toString(),
                "--restore-type", "import");
        Run optionsWithoutWriters = fixture.vss(x -> { }, "restore", m, "--to", fixture.work.resolve("t").toString(),
                "--restore-options", "Orders Writer=x");

        assertThat(List.of(writer, component, noText, notChosen, type, withoutWriters, optionsWithoutWriters))
                .allSatisfy(r -> assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE));
        assertThat(writer.err()).contains("--restore-options Nobody=x: set", "holds no component of a writer named "
                + "Nobody (its writers: [Orders Writer {", "}, Notes Writer {");
        assertThat(component.err()).contains("holds no component nope of Orders Writer (its components: [orders])");
        assertThat(noText.err()).contains("--restore-options Orders Writer: give it as WRITER=TEXT or "
                + "WRITER:PATH=TEXT");
        assertThat(notChosen.err()).contains("--restore-options Orders Writer=x: component orders is not restored "
                + "(--component chooses [notes])");
        assertThat(type.err()).contains("'undefined' is no restore type: give one of by-copy, import, other");
        assertThat(withoutWriters.err()).contains("--restore-type goes with --writers");
        assertThat(optionsWithoutWriters.err()).contains("--restore-options goes with --writers");
        assertThat(Files.exists(fixture.work.resolve("t"))).isFalse();
    }
}
