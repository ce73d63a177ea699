package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.cli.FileTrees.tree;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full, an incremental and a differential backup through the command: each chains to the set the type allows, and
 * each restores to exactly the tree it was taken of (a file deleted in between is not brought back); a chain with a
 * set missing restores nothing and says which set.
 */
class BackupChainCommandTest {

    @TempDir
    Path disk;
    @TempDir
    Path state;
    @TempDir
    Path noWriters;
    @TempDir
    Path work;

    @Test
    void fullIncrementalAndDifferentialEachRestoreTheirOwnTree() throws IOException {
        Path media = work.resolve("media");
        write("data/orders.db", "42 orders", 1);
        write("data/empty.db", "", 1);
        write("data/keep/old.db", "unchanged all along", 1);
        Map<String, String> atFull = tree(disk.resolve("data"));
        String full = backUp(media, "full");

        write("data/orders.db", "43 orders", 2); // same size, new content and time
        Files.delete(disk.resolve("data/empty.db"));
        write("data/new.db", "added after the full backup", 2);
        Map<String, String> atIncremental = tree(disk.resolve("data"));
        String incremental = backUp(media, "incremental");

        write("data/orders.db", "44 orders", 3);
        Map<String, String> atDifferential = tree(disk.resolve("data"));
        String differential = backUp(media, "differential");

        JsonNode sets = vss("sets", media.toString(), "--json").json().get("sets");
        Map<String, String> parents = new TreeMap<>();
        sets.forEach(s -> parents.put(s.get("setId").asText(), s.path("parent").asText(null)));
        // A differential builds on the full backup, never on the incremental taken in between.
        assertThat(parents).containsEntry(incremental, full).containsEntry(differential, full);
        assertThat(parents.get(full)).isNull();

        assertThat(restored(media, full)).isEqualTo(atFull);
        assertThat(restored(media, incremental)).isEqualTo(atIncremental);
        assertThat(restored(media, differential)).isEqualTo(atDifferential);

        CliRun text = vss("restore", media.toString(), incremental, "--to", work.resolve("text").toString());
        assertThat(text.err()).contains("applying its chain in order: " + full + ", " + incremental);
        assertThat(text.out()).contains("chain     " + full + ", " + incremental);

        deleteTree(media.resolve(full));
        Path nothing = work.resolve("nothing");
        CliRun broken = vss("restore", media.toString(), incremental, "--to", nothing.toString());
        assertThat(broken.exit()).as(broken.err()).isEqualTo(ExitCodes.SET_DAMAGED);
        assertThat(broken.err()).contains(full).contains("nothing was restored");
        assertThat(nothing).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void anIncrementalWithoutAFullBackupOfTheSameSourcesIsRefused() throws IOException {
        Path media = work.resolve("media");
        write("data/orders.db", "42 orders", 1);
        write("other/notes.txt", "elsewhere", 1);
        backUp(media, "full");
        CliRun other = vss(args(media, "D:\\other", "incremental"));
        assertThat(other.exit()).as(other.err()).isEqualTo(ExitCodes.NO_PARENT);
        assertThat(other.err()).contains("run a full backup first");
    }

    @Test
    void twoDirectoriesOfOneVolumeAndOneGivenTwiceMakeOneSet() throws IOException {
        Path media = work.resolve("media");
        write("data/orders.db", "42 orders", 1);
        write("logs/today.log", "log", 1);
        write("other/notes.txt", "not a source", 1);
        CliRun r = vss("backup", "D:\\data", "D:\\logs", "d:\\DATA", "--to", media.toString(), "--volume-mode",
                "--json", "--sim-volume", "D:\\=" + disk, "--sim-state", state.toString(), "--sim-writers",
                noWriters.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode set = vss("sets", media.toString(), "--json").json().get("sets").get(0);
        assertThat(set.get("sources").findValuesAsText("source")).containsExactly("D:\\data", "D:\\logs");
        Path target = work.resolve("restored");
        assertThat(vss("restore", media.toString(), "--to", target.toString()).exit()).isZero();
        assertThat(tree(target)).isEqualTo(Map.of("D/data/orders.db", "42 orders", "D/logs/today.log", "log"));
    }

    private String backUp(Path media, String type) {
        CliRun r = vss(args(media, "D:\\data", type));
        assertThat(r.exit()).as("backup --type %s: %s", type, r.err()).isZero();
        return r.json().get("setId").asText();
    }

    private String[] args(Path media, String source, String type) {
        return new String[] {"backup", source, "--to", media.toString(), "--type", type, "--json", "--sim-volume",
            "D:\\=" + disk, "--sim-state", state.toString(), "--sim-writers", noWriters.toString()};
    }

    private Map<String, String> restored(Path media, String set) throws IOException {
        Path target = work.resolve("restore-" + set);
        CliRun r = vss("restore", media.toString(), set, "--to", target.toString());
        assertThat(r.exit()).as("restore %s: %s", set, r.err()).isZero();
        return tree(target.resolve("D/data"));
    }

    private static CliRun vss(String... args) {
        return CliRun.vss(args);
    }

    private void write(String relative, String content, int minute) throws IOException {
        Path p = disk.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse("2026-11-30T10:00:00Z").plusSeconds(60L * minute)));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
