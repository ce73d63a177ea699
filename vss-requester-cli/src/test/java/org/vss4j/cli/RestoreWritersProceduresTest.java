package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.RestoreMethod;
import org.vss4j.WriterRestore;
import org.vss4j.cli.BackupRunFixture.Run;
import org.vss4j.diagnostics.ServiceState;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.PendingRenames;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * {@code vss restore --writers --stop-services | --at-reboot}: the restore procedures the session performs when the
 * command allows them (docs/restore-procedures.md), on the simulated service control manager and MoveFileExW: a
 * STOP_RESTORE_START writer's service stopped for the copy and started again, a RESTORE_AT_REBOOT writer's files
 * staged beside the originals and replaced at the next reboot, a RESTORE_AT_REBOOT_IF_CANNOT_REPLACE writer's file
 * held open by a running service staged while the others are replaced; without the options the reason names them.
 */
class RestoreWritersProceduresTest {

    @TempDir
    Path root;

    RestoreWritersFixture fixture;

    @BeforeEach
    void files() throws IOException {
        fixture = new RestoreWritersFixture(root);
        fixture.write("data/orders.db", "42 orders");
        fixture.write("data/sub/old.db", "old orders");
    }

    /** The writer of D:\data, restored with {@code method}. */
    private static SimulatedWriter orders(RestoreMethod method, String service) {
        return RestoreWritersFixture.ordersWriter()
                .restoreMethod(method, service, null, WriterRestore.ALWAYS, false)
                .build();
    }

    /** Backs up the orders writer restored with {@code method}, then damages both files. */
    private void backUpAndDamage(RestoreMethod method, String service) throws IOException {
        fixture.backUp(m -> m.addWriter(orders(method, service)), "D:\\data");
        fixture.write("data/orders.db", "damaged");
        fixture.write("data/sub/old.db", "damaged too");
    }

    @Test
    void withoutTheOptionsTheReasonsNameThem() throws IOException {
        backUpAndDamage(RestoreMethod.STOP_RESTORE_START, "OrdersSvc");
        Run stop = fixture.vss(m -> m.addWriter(orders(RestoreMethod.STOP_RESTORE_START, "OrdersSvc")), "restore",
                fixture.media.toString(), "--writers");
        assertThat(stop.exit()).isEqualTo(ExitCodes.COMPONENTS_NOT_RESTORED);
        assertThat(stop.out()).contains("needs service stop", "OrdersSvc", "--stop-services")
                .doesNotContain("RestoreSessionBuilder");
        assertThat(fixture.read("data/orders.db")).isEqualTo("damaged");
    }

    @Test
    void withoutAtRebootTheReasonNamesIt() throws IOException {
        backUpAndDamage(RestoreMethod.RESTORE_AT_REBOOT, null);
        Run r = fixture.vss(m -> m.addWriter(orders(RestoreMethod.RESTORE_AT_REBOOT, null)), "restore",
                fixture.media.toString(), "--writers", "--json");
        assertThat(r.exit()).isEqualTo(ExitCodes.COMPONENTS_NOT_RESTORED);
        assertThat(r.json().get("components").get(0).get("reason").asText()).contains("needs reboot", "--at-reboot")
                .doesNotContain("RestoreSessionBuilder");
    }

    @Test
    void stopServicesStopsTheWritersServiceForTheCopyAndStartsItAgain() throws IOException {
        backUpAndDamage(RestoreMethod.STOP_RESTORE_START, "OrdersSvc");
        SimulatedWriter w = orders(RestoreMethod.STOP_RESTORE_START, "OrdersSvc");

        Run r = fixture.vss(m -> m.addWriter(w), "restore", fixture.media.toString(), "--writers", "--stop-services");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        // The service held the files while it ran (ERROR_SHARING_VIOLATION): they were replaced while it was stopped.
        assertThat(fixture.read("data/orders.db")).isEqualTo("42 orders");
        assertThat(fixture.read("data/sub/old.db")).isEqualTo("old orders");
        assertThat(r.machine().services().get("OrdersSvc").history())
                .containsSubsequence(ServiceState.STOPPED, ServiceState.RUNNING);
        assertThat(r.machine().services().get("OrdersSvc").state()).isEqualTo(ServiceState.RUNNING);
        assertThat(r.out()).contains("Orders Writer\\orders: restored (2 file(s), ALL), replaced with its writer's "
                + "service stopped, then started again", "service OrdersSvc: stopped", "service OrdersSvc: started");
        assertThat(w.seenAt(WriterEvent.POST_RESTORE)).singleElement()
                .satisfies(c -> assertThat(c.fileRestoreStatus()).hasToString("ALL"));
    }

    @Test
    void stopServicesRestartsARestoreStopStartWritersServiceAfterTheCopy() throws IOException {
        backUpAndDamage(RestoreMethod.RESTORE_STOP_START, "OrdersSvc");

        Run r = fixture.vss(m -> m.addWriter(orders(RestoreMethod.RESTORE_STOP_START, "OrdersSvc")), "restore",
                fixture.media.toString(), "--writers", "--stop-services", "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(fixture.read("data/orders.db")).isEqualTo("42 orders");
        assertThat(r.machine().services().get("OrdersSvc").history())
                .containsSubsequence(ServiceState.STOPPED, ServiceState.RUNNING);
        assertThat(r.json().get("services")).extracting(s -> s.get("action").asText() + " " + s.get("service")
                .asText()).containsExactly("stopped OrdersSvc", "started OrdersSvc");
        assertThat(r.json().get("components").get(0).get("procedure").asText())
                .isEqualTo("replaced while its writer's service ran, then the service stopped and started");
    }

    @Test
    void atRebootStagesTheFilesBesideTheOriginalsAndTheRebootReplacesThem() throws IOException {
        backUpAndDamage(RestoreMethod.RESTORE_AT_REBOOT, null);

        Run r = fixture.vss(m -> m.addWriter(orders(RestoreMethod.RESTORE_AT_REBOOT, null)), "restore",
                fixture.media.toString(), "--writers", "--at-reboot", "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(fixture.read("data/orders.db")).isEqualTo("damaged");
        assertThat(fixture.read("data/orders.db.vss4j-restore-at-reboot")).isEqualTo("42 orders");
        assertThat(fixture.read("data/sub/old.db.vss4j-restore-at-reboot")).isEqualTo("old orders");
        assertThat(r.machine().pendingRenames().pending()).extracting(PendingRenames.Rename::to)
                .containsExactlyInAnyOrder("D:\\data\\orders.db", "D:\\data\\sub\\old.db");
        JsonNode c = r.json().get("components").get(0);
        assertThat(c.get("restored").asBoolean()).isTrue();
        assertThat(c.get("files").asInt()).isEqualTo(2);
        assertThat(c.get("stagedFiles").asInt()).isEqualTo(2);
        assertThat(c.get("reason").asText()).startsWith("restored at next reboot: 2 file(s)");
        assertThat(c.get("procedure").isNull()).as("the reason says it").isTrue();
        assertThat(r.err()).contains("2 file(s) staged for the next reboot stay beside their originals, as "
                + fixture.disk.resolve("data").toRealPath(), "move each over its original to finish the restore, "
                + "or delete it to undo it");

        r.machine().reboot();

        assertThat(fixture.read("data/orders.db")).isEqualTo("42 orders");
        assertThat(fixture.read("data/sub/old.db")).isEqualTo("old orders");
        assertThat(fixture.disk.resolve("data/orders.db.vss4j-restore-at-reboot")).doesNotExist();
    }

    @Test
    void aFileThatCannotBeReplacedIsStagedAndTheOthersAreReplaced() throws IOException {
        backUpAndDamage(RestoreMethod.RESTORE_AT_REBOOT_IF_CANNOT_REPLACE, null);
        // A database service that holds orders.db open (the simulator's sharing violation while its service runs).
        SimulatedWriter holder = SimulatedWriter.builder("Db Writer")
                .component(WriterComponent.fileGroup("", "db").withFile(FileSpec.of("D:\\data", "orders.db", false)))
                .restoreMethod(RestoreMethod.STOP_RESTORE_START, "DbSvc", null, WriterRestore.ALWAYS, false)
                .build();

        Run r = fixture.vss(m -> {
            m.addWriter(orders(RestoreMethod.RESTORE_AT_REBOOT_IF_CANNOT_REPLACE, null));
            m.addWriter(holder);
        }, "restore", fixture.media.toString(), "--writers", "--at-reboot");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(fixture.read("data/sub/old.db")).isEqualTo("old orders");
        assertThat(fixture.read("data/orders.db")).isEqualTo("damaged");
        assertThat(fixture.read("data/orders.db.vss4j-restore-at-reboot")).isEqualTo("42 orders");
        assertThat(fixture.disk.resolve("data/sub/old.db.vss4j-restore-at-reboot")).doesNotExist();
        assertThat(r.machine().pendingRenames().pending()).extracting(PendingRenames.Rename::to)
                .containsExactly("D:\\data\\orders.db");
        assertThat(r.out()).contains("Orders Writer\\orders: restored (2 file(s), ALL), restored at next reboot: "
                + "1 file(s)").doesNotContain("staged to replace");
    }

    @Test
    void theProcedureOptionsGoWithWriters() {
        Run stop = fixture.vss(m -> { }, "restore", fixture.media.toString(), "--to",
                fixture.work.resolve("t").toString(), "--stop-services");
        Run reboot = fixture.vss(m -> { }, "restore", fixture.media.toString(), "--to",
                fixture.work.resolve("t").toString(), "--at-reboot");

        assertThat(stop.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(stop.err()).contains("--stop-services goes with --writers");
        assertThat(reboot.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(reboot.err()).contains("--at-reboot goes with --writers");
    }
}
