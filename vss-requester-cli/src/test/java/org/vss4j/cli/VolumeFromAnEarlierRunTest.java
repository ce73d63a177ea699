package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A persistent shadow copy of a volume that a later run does not declare: the state directory knows the volume only
 * from the shadow copy's record, without a name. Every command still runs; the shadow copy is listed and deleted.
 */
class VolumeFromAnEarlierRunTest {

    @TempDir
    Path volume;

    @TempDir
    Path earlierVolume;

    @TempDir
    Path state;

    @Test
    void everyCommandRunsAndTheShadowCopyIsListedAndDeleted() throws Exception {
        Files.writeString(earlierVolume.resolve("old.txt"), "then");
        CliRun earlier = CliRun.vss("snapshot", "create", "E:", "--persistent", "--json",
                "--sim-volume", "E:\\=" + earlierVolume, "--sim-state", state.toString());
        assertThat(earlier.exit()).as(earlier.err()).isZero();
        String id = earlier.json().get("snapshots").get(0).get("snapshotId").asText();

        String[] onlyD = {"--sim-volume", "D:\\=" + volume, "--sim-state", state.toString()};
        for (String[] command : new String[][] {{"writers"}, {"providers"}, {"doctor"}, {"snapshot", "list"}}) {
            CliRun run = CliRun.vss(CliRun.concat(command, onlyD));
            assertThat(run.exit()).as(String.join(" ", command) + ": " + run.err()).isIn(0, 1);
            assertThat(run.err()).doesNotContain("out of bounds");
        }

        CliRun list = CliRun.vss(CliRun.concat(new String[] {"snapshot", "list", "--json"}, onlyD));
        assertThat(list.exit()).as(list.err()).isZero();
        JsonNode listed = list.json().get("snapshots");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("snapshotId").asText()).isEqualTo(id);

        CliRun delete = CliRun.vss(CliRun.concat(new String[] {"snapshot", "delete", id}, onlyD));
        assertThat(delete.exit()).as(delete.err()).isZero();
        CliRun after = CliRun.vss(CliRun.concat(new String[] {"snapshot", "list", "--json"}, onlyD));
        assertThat(after.json().get("snapshots")).isEmpty();
    }
}
