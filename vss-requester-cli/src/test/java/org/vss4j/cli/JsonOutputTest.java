package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code --json} command prints one JSON document on stdout and nothing else (the provider and simulator notes
 * go to stderr), with the names the text output uses and nothing of the binding's internals.
 */
class JsonOutputTest {

    @TempDir
    Path volume;

    @TempDir
    Path state;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(volume.resolve("report.txt"), "q3");
        Files.createDirectory(volume.resolve("logs"));
    }

    private CliRun vss(String... args) {
        return CliRun.vss(CliRun.concat(args, "--sim-volume", "D:\\=" + volume, "--sim-state", state.toString()));
    }

    /** Stdout of a successful run as JSON; the notes are on stderr. */
    private JsonNode json(String... args) {
        CliRun run = vss(args);
        assertThat(run.exit()).as(run.err()).isIn(0, 1);
        assertThat(run.err()).contains("(VSS provider: simulator").contains("(simulated VSS: volume D:\\ is ");
        JsonNode doc = run.json();
        assertThat(fieldNames(doc)).as("no internal object leaks (ComponentIcon's isEmpty, ...)")
                .doesNotContain("empty", "icon", "identity");
        return doc;
    }

    @Test
    void writersHaveTheWindowsNamesOfTheirValuesAndHresultNamesNextToNumbers() {
        JsonNode writer = json("writers", "--json").get(0);

        assertThat(writer.get("writerName").asText()).isEqualTo("vss4j Demo Writer");
        assertThat(writer.get("usage").asText()).isEqualTo("VSS_UT_USERDATA");
        assertThat(writer.get("source").asText()).isEqualTo("VSS_ST_OTHER");
        assertThat(writer.at("/status/state").asText()).isEqualTo("VSS_WS_STABLE");
        assertThat(writer.at("/status/failureHresult").asInt()).isZero();
        assertThat(writer.at("/status/failureHresultName").asText()).isEqualTo("S_OK");
        JsonNode component = writer.at("/components/0");
        assertThat(component.get("type").asText()).isEqualTo("VSS_CT_FILEGROUP");
        assertThat(component.get("iconBytes").asInt()).isZero();
        JsonNode files = component.at("/files/0");
        assertThat(files.get("path").asText()).isEqualTo("D:\\");
        assertThat(texts(files.get("backupTypes"))).contains("VSS_FSBT_FULL_BACKUP_REQUIRED",
                "VSS_FSBT_LOG_SNAPSHOT_REQUIRED");
        assertThat(files.get("backupTypeMask").asInt()).isEqualTo(0xF0F);
    }

    @Test
    void providersHaveTheirTypeByItsWindowsName() {
        JsonNode provider = json("providers", "--json").get(0);

        assertThat(provider.get("name").asText()).isEqualTo("Microsoft Software Shadow Copy provider 1.0");
        assertThat(provider.get("type").asText()).isEqualTo("VSS_PROV_SYSTEM");
    }

    @Test
    void createPrintsTheSetAndEachShadowCopyAndListShowsTheSame() {
        JsonNode set = json("snapshot", "create", "D:", "--persistent", "--json", "--list", "5");

        assertThat(set.get("context").asText()).isEqualTo("VSS_CTX_APP_ROLLBACK");
        assertThat(set.get("backupType").asText()).isEqualTo("VSS_BT_COPY");
        assertThat(set.get("persistent").asBoolean()).isTrue();
        assertThat(set.get("released").asBoolean()).isFalse();
        JsonNode shadow = set.at("/snapshots/0");
        assertThat(shadow.get("volumeName").asText()).isEqualTo("D:\\");
        assertThat(shadow.get("originalVolumeName").asText()).matches("\\\\\\\\\\?\\\\Volume\\{[0-9a-f-]{36}}\\\\");
        assertThat(shadow.get("deviceObject").asText()).startsWith("\\\\?\\GLOBALROOT\\Device\\");
        assertThat(shadow.get("snapshotSetId").asText()).isEqualTo(set.get("snapshotSetId").asText());
        assertThat(shadow.has("exposedName")).isTrue();
        assertThat(texts(shadow.get("rootEntries"))).contains("logs/", "report.txt");
        assertThat(texts(shadow.get("attributes"))).contains("VSS_VOLSNAP_ATTR_PERSISTENT");

        JsonNode list = json("snapshot", "list", "--json");
        assertThat(list.isObject()).as("an object with snapshots, as create's set").isTrue();
        JsonNode listed = list.at("/snapshots/0");
        assertThat(listed.get("snapshotId").asText()).isEqualTo(shadow.get("snapshotId").asText());
        // One shape for a shadow copy in both documents: the same fields, in the same order.
        assertThat(fieldNamesOf(listed)).isEqualTo(fieldNamesOf(shadow));
        assertThat(listed.get("volumeName").asText()).as("the drive letter of the volume").isEqualTo("D:\\");
        assertThat(listed.get("rootEntries").isNull()).isTrue();
        assertThat(listed.get("state").asText()).isEqualTo("VSS_SS_CREATED");
        assertThat(texts(listed.get("attributes"))).contains("VSS_VOLSNAP_ATTR_PERSISTENT",
                "VSS_VOLSNAP_ATTR_NO_AUTO_RELEASE");
        assertThat(listed.get("attributeMask").asInt() & 0x1).as("VSS_VOLSNAP_ATTR_PERSISTENT").isEqualTo(1);
    }

    @Test
    void createWithJsonAndExecIsAUsageError() {
        CliRun run = vss("snapshot", "create", "D:", "--json", "--exec", "true");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--json and --exec");
    }

    @Test
    void doctorPrintsOnlyItsReport() {
        JsonNode report = json("doctor", "--json");

        assertThat(report.has("backupPossible")).isTrue();
        assertThat(report.get("findings").get(0).get("check").asText()).isEqualTo("os");
    }

    private static List<String> texts(JsonNode array) {
        List<String> all = new ArrayList<>();
        array.forEach(n -> all.add(n.asText()));
        return all;
    }

    private static List<String> fieldNamesOf(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                names.add(e.getKey());
                names.addAll(fieldNames(e.getValue()));
            }
        } else if (node.isArray()) {
            node.forEach(n -> names.addAll(fieldNames(n)));
        }
        return names;
    }
}
