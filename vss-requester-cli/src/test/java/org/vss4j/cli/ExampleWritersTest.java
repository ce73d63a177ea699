package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example Writer Metadata Documents of docs/examples/sim-writers, replayed with {@code --sim-writers}:
 * {@code vss writers} shows each one's restore method, service and backup schema, and {@code vss restore --writers}
 * takes the options each is there to try (a service stop, a replacement at reboot, an authoritative restore and a
 * roll-forward).
 */
class ExampleWritersTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples", "sim-writers");

    @TempDir
    Path volume;
    @TempDir
    Path state;
    @TempDir
    Path work;

    @BeforeEach
    void files() throws IOException {
        for (String dir : List.of("service-data", "reboot-data", "recovery-data")) {
            Files.createDirectories(volume.resolve(dir));
            Files.writeString(volume.resolve(dir).resolve("a.txt"), dir);
        }
    }

    private CliRun vss(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--sim-volume", "C:\\=" + volume, "--sim-state", state.toString(), "--sim-writers",
                EXAMPLES.toString()));
        int exit = VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new));
        return new CliRun(exit, out.toString(), err.toString());
    }

    private static JsonNode named(JsonNode writers, String name) {
        for (JsonNode w : writers) {
            if (name.equals(w.get("writerName").asText())) {
                return w;
            }
        }
        throw new AssertionError("no writer " + name + " in " + writers);
    }

    @Test
    void writersShowsHowEachExampleIsRestored() {
        CliRun json = vss("writers", "--json");
        CliRun text = vss("writers");

        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode service = named(json.json(), "Example Service Writer");
        assertThat(service.get("restoreMethod").asText()).isEqualTo("VSS_RME_STOP_RESTORE_START");
        assertThat(service.get("service").asText()).isEqualTo("ExampleSvc");
        assertThat(service.get("writerRestore").asText()).isEqualTo("VSS_WRE_ALWAYS");
        assertThat(service.get("rebootRequired").asBoolean()).isFalse();
        assertThat(service.get("backupSchemaMask").asInt()).isEqualTo(256);
        assertThat(service.get("backupSchema")).extracting(JsonNode::asText)
                .containsExactly("VSS_BS_WRITER_SUPPORTS_NEW_TARGET");
        JsonNode recovery = named(json.json(), "Example Recovery Writer");
        assertThat(recovery.get("backupSchemaMask").asInt()).isEqualTo(28928);
        assertThat(recovery.get("backupSchema")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "VSS_BS_WRITER_SUPPORTS_NEW_TARGET", "VSS_BS_ROLLFORWARD_RESTORE", "VSS_BS_RESTORE_RENAME",
                "VSS_BS_AUTHORITATIVE_RESTORE");
        assertThat(named(json.json(), "Example Reboot Writer").get("restoreMethod").asText())
                .isEqualTo("VSS_RME_RESTORE_AT_REBOOT");
        assertThat(text.out()).contains("Restore method: VSS_RME_STOP_RESTORE_START (service ExampleSvc), writer "
                + "restore: VSS_WRE_ALWAYS", "Backup schema: VSS_BS_WRITER_SUPPORTS_NEW_TARGET (0x100)",
                "Backup schema: none (0x0)");
    }

    @Test
    void theRecoveryOptionsCanBeTriedOnTheExamples() throws IOException {
        Path media = work.resolve("media");
        CliRun b = vss("backup", "C:\\", "--to", media.toString(), "--type", "full");
        assertThat(b.exit()).as(b.out() + b.err()).isZero();
        Files.writeString(volume.resolve("service-data/a.txt"), "changed");

        CliRun r = vss("restore", media.toString(), "--writers", "--stop-services", "--at-reboot",
                "--authoritative", "Example Recovery Writer", "--roll-forward", "Example Recovery Writer:db=all");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(Files.readString(volume.resolve("service-data/a.txt"))).isEqualTo("service-data");
        assertThat(r.out()).contains("Example Service Writer\\app\\db: restored (1 file(s), ALL), replaced with its "
                + "writer's service stopped, then started again", "service ExampleSvc: stopped",
                "service ExampleSvc: started", "Example Recovery Writer\\db: restored (1 file(s), ALL), "
                + "authoritative, roll-forward: all", "Example Reboot Writer\\config: restored (1 file(s), ALL), "
                + "restored at next reboot");
    }
}
