package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A GUID is taken as the text output prints it, {@code {...}}, and as the JSON output has it, bare: every command. */
class GuidArgumentsTest {

    @TempDir
    Path volume;

    @TempDir
    Path state;

    private CliRun vss(String... args) {
        return CliRun.vss(CliRun.concat(args, "--sim-volume", "D:\\=" + volume, "--sim-state", state.toString()));
    }

    @Test
    void listExposeAndDeleteTakeTheIdsAsPrinted() throws Exception {
        Files.createDirectory(volume.resolve("mnt"));
        CliRun create = vss("snapshot", "create", "D:", "--persistent", "--json");
        assertThat(create.exit()).as(create.err()).isZero();
        String id = create.json().at("/snapshots/0/snapshotId").asText();
        String set = create.json().get("snapshotSetId").asText();

        CliRun list = vss("snapshot", "list", "--set", "{" + set + "}", "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.json().get("snapshots")).hasSize(1);
        assertThat(vss("snapshot", "expose", "{" + id.toUpperCase() + "}", "D:\\mnt").exit()).isZero();
        assertThat(vss("snapshot", "expose", "--undo", "{" + id + "}").exit()).isZero();
        CliRun delete = vss("snapshot", "delete", "--set", "{" + set + "}");
        assertThat(delete.exit()).as(delete.err()).isZero();
        assertThat(delete.out()).isEqualTo("deleted 1 shadow copy of set {" + set + "}"
                + System.lineSeparator());
    }

    @Test
    void writerClassIdsToo() {
        CliRun writers = vss("writers", "--json");
        String writerId = writers.json().get(0).get("writerId").asText();

        for (String given : new String[] {writerId, "{" + writerId + "}"}) {
            CliRun run = vss("snapshot", "create", "D:", "--include-writer", given);
            assertThat(run.exit()).as(given + ": " + run.err()).isZero();
        }
    }
}
