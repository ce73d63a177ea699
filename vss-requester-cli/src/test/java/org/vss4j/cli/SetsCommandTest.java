package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.cli.MediaSetsFixture.T1;
import static org.vss4j.cli.MediaSetsFixture.T2;
import static org.vss4j.cli.MediaSetsFixture.T3;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.cli.MediaSetsFixture.End;

/** {@code vss sets MEDIA}: every set, oldest first, partial and unconfirmed ones never called complete. */
class SetsCommandTest {

    @TempDir
    Path media;

    /** Three sets written out of time order: full (T1), incremental on it (T3, partial), copy (T2, unconfirmed). */
    private void threeSets() throws Exception {
        MediaSetsFixture.set(media, MediaSetsFixture.metadata("full-1", "full", T1, null),
                Map.of("a.txt", "alpha", "dir/b.txt", "bravo!"), End.COMPLETE);
        MediaSetsFixture.set(media, MediaSetsFixture.metadata("incr-3", "incremental", T3, "full-1"),
                Map.of("a.txt", "alpha 2"), End.PARTIAL);
        MediaSetsFixture.set(media, MediaSetsFixture.metadata("copy-2", "copy", T2, null), Map.of("c.txt", "c"),
                End.UNCONFIRMED);
    }

    @Test
    void listsEverySetOldestFirstWithItsFields() throws Exception {
        threeSets();

        CliRun run = CliRun.vss("sets", media.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out.indexOf("set full-1")).isLessThan(out.indexOf("set copy-2"));
        assertThat(out.indexOf("set copy-2")).isLessThan(out.indexOf("set incr-3"));
        String full = block(out, "full-1");
        assertThat(full).contains("time      " + T1, "type      full", "state     complete",
                "sources   D:\\ (D in data.tar)", "parent    none", "files     2, 11 bytes");
        String incr = block(out, "incr-3");
        assertThat(incr).contains("type      incremental", "parent    full-1",
                "state     partial: 1 file could not be saved", "failed    D:\\lost.txt").doesNotContain("complete");
        assertThat(block(out, "copy-2")).contains("state     unconfirmed:").doesNotContain("complete");
        // A partial incremental is never a parent; a copy never is one anyway, so it says nothing.
        assertThat(incr).contains("could not be saved (never a parent of an incremental or differential set)");
        assertThat(full + block(out, "copy-2")).doesNotContain("never a parent");
        // Written on this (Linux) test machine through the binding's simulator provider.
        assertThat(full).containsPattern("  made by   simulator on (host \\S+|an unknown host) \\(simulated shadow "
                + "copies, not a machine's VSS\\)");
        assertThat(out).doesNotContain("chain     broken");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aSetWhoseParentIsGoneIsSaidToBeNotRestorable() throws Exception {
        threeSets();
        try (java.util.stream.Stream<Path> all = Files.walk(media.resolve("full-1"))) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        CliRun run = CliRun.vss("sets", media.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(block(run.out(), "incr-3")).contains("parent    full-1", "  chain     broken: this set cannot be "
                + "restored: backup set incr-3 builds on set full-1, which is missing from " + media);
        assertThat(block(run.out(), "copy-2")).doesNotContain("chain");
        JsonNode sets = CliRun.vss("sets", media.toString(), "--json").json().get("sets");
        assertThat(sets.get(0).get("restorable").asBoolean()).isTrue();
        assertThat(sets.get(0).get("notRestorableBecause").isNull()).isTrue();
        assertThat(sets.get(1).get("restorable").asBoolean()).isFalse();
        assertThat(sets.get(1).get("notRestorableBecause").asText()).contains("full-1", "missing");

        // A parent without data.tar cannot be restored from either (restore refuses it with exit code 11).
        MediaSetsFixture.set(media, MediaSetsFixture.metadata("full-4", "full", T3.plusSeconds(60), null),
                Map.of("a.txt", "a"), End.COMPLETE);
        MediaSetsFixture.set(media, MediaSetsFixture.metadata("incr-5", "incremental", T3.plusSeconds(120), "full-4"),
                Map.of("a.txt", "b"), End.COMPLETE);
        Files.delete(media.resolve("full-4/data.tar"));
        assertThat(block(CliRun.vss("sets", media.toString()).out(), "incr-5"))
                .contains("chain     broken: this set cannot be restored: backup set incr-5 builds on set full-4, "
                        + "which has no data.tar");
    }

    @Test
    void jsonIsOneDocumentWithEveryField() throws Exception {
        threeSets();

        CliRun run = CliRun.vss("sets", media.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("media").asText()).isEqualTo(media.toAbsolutePath().toString());
        assertThat(doc.get("removedPartials")).isEmpty();
        List<String> ids = new ArrayList<>();
        doc.get("sets").forEach(s -> ids.add(s.get("setId").asText()));
        assertThat(ids).containsExactly("full-1", "copy-2", "incr-3");
        JsonNode full = doc.get("sets").get(0);
        assertThat(full.get("time").asText()).isEqualTo(T1.toString());
        assertThat(full.get("type").asText()).isEqualTo("full");
        assertThat(full.get("state").asText()).isEqualTo("complete");
        assertThat(full.get("complete").asBoolean()).isTrue();
        assertThat(full.get("sources").get(0).get("source").asText()).isEqualTo("D:\\");
        assertThat(full.get("sources").get(0).get("root").asText()).isEqualTo("D");
        assertThat(full.get("parent").isNull()).isTrue();
        assertThat(full.get("files").asLong()).isEqualTo(2);
        assertThat(full.get("bytes").asLong()).isEqualTo(11);
        assertThat(full.get("snapshotSetId").asText()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(full.get("provider").asText()).isEqualTo("simulator");
        assertThat(full.has("host")).isTrue();
        assertThat(full.get("restorable").asBoolean()).isTrue();
        JsonNode copy = doc.get("sets").get(1);
        assertThat(copy.get("state").asText()).isEqualTo("unconfirmed");
        assertThat(copy.get("complete").asBoolean()).isFalse();
        JsonNode incr = doc.get("sets").get(2);
        assertThat(incr.get("parent").asText()).isEqualTo("full-1");
        assertThat(incr.get("complete").asBoolean()).isFalse();
        assertThat(incr.get("failedFiles").get(0).asText()).startsWith("D:\\lost.txt").contains("access denied");
    }

    @Test
    void emptyMediaListsNoSet() {
        CliRun text = CliRun.vss("sets", media.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).isEqualTo("no backup sets in " + media + System.lineSeparator());

        CliRun json = CliRun.vss("sets", media.toString(), "--json");
        assertThat(json.exit()).isZero();
        assertThat(json.json().get("sets")).isEmpty();
    }

    @Test
    void missingMediaOrAFileIsNoMediaDirectory() throws Exception {
        CliRun missing = CliRun.vss("sets", media.resolve("nosuch").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.MEDIA_NOT_FOUND);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).contains("no media directory " + media.resolve("nosuch"));

        Path file = Files.writeString(media.resolve("file"), "x");
        CliRun notADirectory = CliRun.vss("sets", file.toString(), "--json");
        assertThat(notADirectory.exit()).isEqualTo(ExitCodes.MEDIA_NOT_FOUND);
        assertThat(notADirectory.out()).isEmpty();
        assertThat(notADirectory.err()).contains(file + " is not a media directory");
    }

    @Test
    void whatAKilledBackupLeftIsRemovedAndReported() throws Exception {
        MediaSetsFixture.set(media, "kept", T1, Map.of("a.txt", "a"));
        Path dead = MediaSetsFixture.deadPartial(media, "killed");

        CliRun run = CliRun.vss("sets", media.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("removed .partial-killed from " + media,
                "what a killed or failed backup left");
        assertThat(run.json().get("removedPartials")).hasSize(1);
        assertThat(run.json().get("removedPartials").get(0).asText()).isEqualTo("killed");
        assertThat(run.json().get("sets")).hasSize(1);
        assertThat(dead).doesNotExist();
        // Reported once: the next run finds nothing left.
        assertThat(CliRun.vss("sets", media.toString()).err()).isEmpty();
    }

    /** The block of set {@code id} in the text listing. */
    static String block(String out, String id) {
        int start = out.indexOf("set " + id + System.lineSeparator());
        assertThat(start).as(out).isNotNegative();
        int next = out.indexOf(System.lineSeparator() + "set ", start + 1);
        return out.substring(start, next < 0 ? out.length() : next);
    }
}
