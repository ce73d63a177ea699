package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupSchema;
import org.vss4j.RestoreMethod;
import org.vss4j.WriterRestore;
import org.vss4j.cli.BackupRunFixture.Run;
import org.vss4j.sim.SimulatedWriter;

/**
 * {@code vss restore --writers} against surprises: the plain restore's options refused, a set made without writers
 * refused, components named by class id or with a hint for the printed form, {@code --to} checked before the restore
 * is announced, in-place replacement named, what was asked of each writer reported, and the files of a service-stop
 * writer written under {@code --to} with its service left alone.
 */
class RestoreWritersGuardsTest {

    private static final int SCHEMA = BackupSchema.WRITER_SUPPORTS_NEW_TARGET.value()
            | BackupSchema.AUTHORITATIVE_RESTORE.value() | BackupSchema.ROLLFORWARD_RESTORE.value()
            | BackupSchema.RESTORE_RENAME.value();
    private static final UUID ORDERS_CLASS = UUID.fromString("0a1b2c3d-0000-4000-8000-00000000c1a5");

    @TempDir
    Path root;

    RestoreWritersFixture fixture;

    @BeforeEach
    void files() throws IOException {
        fixture = new RestoreWritersFixture(root);
        fixture.write("data/orders.db", "42 orders");
        fixture.write("data/b.db", "b");
    }

    private static SimulatedWriter orders(RestoreMethod method, String service) {
        return RestoreWritersFixture.ordersWriter().classId(ORDERS_CLASS)
                .restoreMethod(method, service, null, WriterRestore.ALWAYS, false)
                .backupSchema(SCHEMA)
                .build();
    }

    private void backUp(RestoreMethod method, String service) throws IOException {
        fixture.backUp(m -> m.addWriter(orders(method, service)), "D:\\data");
        fixture.write("data/orders.db", "damaged");
    }

    private Run restore(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("restore", fixture.media.toString(), "--writers"));
        args.addAll(List.of(more));
        return fixture.vss(m -> m.addWriter(orders(RestoreMethod.RESTORE_IF_CAN_REPLACE, null)),
                args.toArray(String[]::new));
    }

    @Test
    void pathAndOverwriteAreRefusedWithWriters() throws IOException {
        backUp(RestoreMethod.RESTORE_IF_CAN_REPLACE, null);

        Run path = restore("--path", "D/data/b.db");
        Run overwrite = restore("--overwrite");

        assertThat(path.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(path.err()).contains("vss: --path goes without --writers (a writer-aware restore restores whole "
                + "components", "--component");
        assertThat(overwrite.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(overwrite.err()).contains("vss: --overwrite goes without --writers");
        assertThat(fixture.read("data/orders.db")).isEqualTo("damaged");
    }

    @Test
    void aSetMadeWithoutWritersIsRefused() {
        Run b = fixture.vss(m -> { }, "backup", "D:\\data", "--to", fixture.media.toString(), "--no-writers");
        assertThat(b.exit()).as(b.out() + b.err()).isZero();

        Run r = fixture.vss(m -> { }, "restore", fixture.media.toString(), "--writers", "--json");

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("was made without writers (--no-writers / --volume-mode)",
                "restore its files without --writers");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aComponentIsNamedByClassIdOrGetsTheFormToGive() throws IOException {
        backUp(RestoreMethod.RESTORE_IF_CAN_REPLACE, null);
        Run byId = restore("--component", "{" + ORDERS_CLASS + "}:orders");
        Run printed = restore("--component", "Orders Writer\\orders");
        Run empty = restore("--component", "");

        assertThat(byId.exit()).as(byId.out() + byId.err()).isZero();
        assertThat(byId.out()).contains("Orders Writer\\orders: restored (2 file(s), ALL)");
        assertThat(printed.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(printed.err()).contains("did you mean Orders Writer:orders?");
        assertThat(empty.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(empty.err()).contains("--component : the writer is empty");
    }

    @Test
    void aBadNewTargetIsRefusedBeforeTheRestoreIsAnnounced() throws IOException {
        backUp(RestoreMethod.RESTORE_IF_CAN_REPLACE, null);

        Run dots = restore("--to", "D:\\a\\..\\..\\b");
        Run unc = restore("--to", "\\\\server\\share\\r");
        Run undeclared = restore("--to", "E:\\x");

        assertThat(List.of(dots, unc, undeclared)).allSatisfy(r -> {
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).doesNotContain("restoring set");
        });
        assertThat(dots.err()).contains("a new target with .. is refused");
        assertThat(unc.err()).contains("the simulated machine has no network shares");
        assertThat(fixture.read("data/orders.db")).isEqualTo("damaged");
    }

    @Test
    void aNewTargetWithSlashesIsReadAsWindowsSeparators() throws IOException {
        backUp(RestoreMethod.RESTORE_IF_CAN_REPLACE, null);

        Run r = restore("--to", "d:/restored", "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.json().get("newTarget").asText()).isEqualTo("d:\\restored");
        assertThat(fixture.read("restored/D/data/orders.db")).isEqualTo("42 orders");
    }

    @Test
    void replacingInPlaceIsNamedPerVolume() throws IOException {
        backUp(RestoreMethod.RESTORE_IF_CAN_REPLACE, null);

        Run inPlace = restore();
        Run elsewhere = restore("--to", "D:\\restored");

        assertThat(inPlace.exit()).as(inPlace.out() + inPlace.err()).isZero();
        assertThat(inPlace.err()).contains("replacing files in place on D:\\ (= " + fixture.disk.toRealPath() + ")");
        assertThat(elsewhere.err()).doesNotContain("replacing files in place");
    }

    @Test
    void whatWasAskedOfTheWriterIsReported() throws IOException {
        backUp(RestoreMethod.RESTORE_IF_CAN_REPLACE, null);

        Run json = restore("--authoritative", "Orders Writer", "--roll-forward", "Orders Writer:orders=partial:42",
                "--restore-name", "Orders Writer:orders=orders2", "--additional-restores", "Orders Writer", "--json");
        Run text = restore("--roll-forward", "Orders Writer=all", "--additional-restores", "Orders Writer");

        assertThat(json.exit()).as(json.out() + json.err()).isZero();
        JsonNode c = json.json().get("components").get(0);
        assertThat(c.get("authoritative").asBoolean()).isTrue();
        assertThat(c.get("rollForward").asText()).isEqualTo("partial:42");
        assertThat(c.get("restoreName").asText()).isEqualTo("orders2");
        assertThat(c.get("additionalRestores").asBoolean()).isTrue();
        assertThat(text.out()).contains("Orders Writer\\orders: restored (2 file(s), ALL), roll-forward: all, "
                + "additional restores follow");
    }

    @Test
    void emptyRestoreOptionsAreRefused() throws IOException {
        backUp(RestoreMethod.RESTORE_IF_CAN_REPLACE, null);

        Run r = restore("--restore-options", "Orders Writer=");

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--restore-options Orders Writer=: the TEXT is empty");
    }

    @Test
    void aServiceStopWritersFilesGoUnderTheNewTargetAndItsServiceIsLeftAlone() throws IOException {
        backUp(RestoreMethod.STOP_RESTORE_START, "OrdersSvc");

        Run r = fixture.vss(m -> m.addWriter(orders(RestoreMethod.STOP_RESTORE_START, "OrdersSvc")), "restore",
                fixture.media.toString(), "--writers", "--to", "D:\\restored", "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(fixture.read("restored/D/data/orders.db")).isEqualTo("42 orders");
        assertThat(fixture.read("data/orders.db")).isEqualTo("damaged");
        assertThat(r.json().get("services")).isEmpty();
        assertThat(r.json().get("components").get(0).get("procedure").asText())
                .isEqualTo("written under the new target (--to), the originals left alone");
    }

    @Test
    void withoutSimVolumeStderrSaysTheCurrentDirectoryIsTheVolume() throws IOException {
        backUp(RestoreMethod.RESTORE_IF_CAN_REPLACE, null);
        // No --sim-volume: C:\ is the current directory. The writer takes no new target, so the session refuses
        // before anything is written there.
        SimulatedWriter noNewTarget = RestoreWritersFixture.ordersWriter().classId(ORDERS_CLASS)
                .restoreMethod(RestoreMethod.RESTORE_IF_CAN_REPLACE, null, null, WriterRestore.ALWAYS, false)
                .build();

        InProcessVss.Result r = InProcessVss.run(m -> m.addWriter(noNewTarget), List.of("restore",
                fixture.media.toString(), "--writers", "--to", "C:\\vss4j-never-written", "--sim-state",
                fixture.state.toString(), "--sim-writers", fixture.noWriters.toString()));

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.COMPONENTS_NOT_RESTORED);
        assertThat(r.err()).contains("no --sim-volume given, so the files of C:\\ are written back into the current "
                + "directory " + Path.of("").toAbsolutePath(), "give the --sim-volume options the backup used");
        assertThat(Path.of("vss4j-never-written")).doesNotExist();
    }

    @Test
    void aBadOptionValueIsOneLineWithoutTheSynopsis() throws IOException {
        backUp(RestoreMethod.RESTORE_IF_CAN_REPLACE, null);

        Run r = restore("--restore-type", "undefined");

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("vss: Invalid value for option '--restore-type': 'undefined' is no restore type",
                "See `vss help restore`").doesNotContain("Usage:");
    }

    @Test
    void aComponentNotRestoredNamesItsFileRestoreStatus() throws IOException {
        backUp(RestoreMethod.STOP_RESTORE_START, "OrdersSvc");

        Run r = fixture.vss(m -> m.addWriter(orders(RestoreMethod.STOP_RESTORE_START, "OrdersSvc")), "restore",
                fixture.media.toString(), "--writers");

        assertThat(r.exit()).isEqualTo(ExitCodes.COMPONENTS_NOT_RESTORED);
        assertThat(r.out()).contains("Orders Writer\\orders: not restored: needs service stop",
                ", file restore status VSS_RS_NONE").doesNotContain("not restored: not restored");
    }
}
