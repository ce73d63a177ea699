package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.cli.FileTrees.tree;
import static org.vss4j.cli.MediaSetsFixture.T1;
import static org.vss4j.cli.MediaSetsFixture.T2;
import static org.vss4j.cli.MediaSetsFixture.T3;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.cli.MediaSetsFixture.End;

/**
 * {@code vss restore MEDIA [SET] --to TARGET}: the newest complete set by default, only inside TARGET, existing files
 * kept unless --overwrite; exit code 0 only when every selected file was restored, else each problem named.
 */
class RestoreCommandTest {

    @TempDir
    Path media;
    @TempDir
    Path root;
    private Path target;

    @BeforeEach
    void sets() throws Exception {
        target = root.resolve("target");
        MediaSetsFixture.set(media, "older", T1, Map.of("a.txt", "old alpha"));
        MediaSetsFixture.set(media, "newer", T2, Map.of("a.txt", "alpha", "orders/x.db", "xray",
                "orders/sub/y.db", "yankee", "orders/z.log", "zulu"));
        // The newest set is partial: a restore without SET never picks it.
        MediaSetsFixture.set(media, MediaSetsFixture.metadata("newest", "copy", T3, null), Map.of("a.txt", "p"),
                End.PARTIAL);
    }

    @Test
    void damagedDataInTheParentOfAnIncrementalIsRefusedByNameWithExitCode12() throws Exception {
        Map<String, org.vss4j.media.CatalogRow> full = MediaSetsFixture.set(media, MediaSetsFixture.metadata("full-4",
                "full", T3.plusSeconds(60), null), Map.of("a.txt", "alpha", "b.txt", "bravo"), End.COMPLETE);
        MediaSetsFixture.incremental(media, "incr-5", T3.plusSeconds(120), "full-4", full, Map.of("b.txt", "BRAVO"));
        MediaSetsFixture.flipAByte(media, "full-4", full.get("a.txt"));

        CliRun run = CliRun.vss("restore", media.toString(), "incr-5", "--to", target.toString());

        // As the help says: 11 only for a set of the chain that is missing or unreadable; damaged data is refused.
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.RESTORE_INCOMPLETE);
        assertThat(run.out()).contains("  refused   D/a.txt: ");
        assertThat(tree(target)).isEqualTo(Map.of("D/b.txt", "BRAVO"));
        assertThat(CliRun.vss("help", "restore").out().replaceAll("\\s+", " "))
                .contains("data damaged in the set or in a set it builds on too");
    }

    @Test
    void withoutSetTheNewestCompleteSetIsRestoredAndNamed() throws Exception {
        CliRun run = CliRun.vss("restore", media.toString(), "--to", target.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("restoring set newer (copy, complete, snapshot " + T2
                + "), the newest complete set in " + media);
        assertThat(run.out()).contains("restored 4 files, 19 bytes from set newer into " + target);
        assertThat(tree(target)).isEqualTo(Map.of("D/a.txt", "alpha", "D/orders/x.db", "xray",
                "D/orders/sub/y.db", "yankee", "D/orders/z.log", "zulu"));
    }

    @Test
    void aNamedSetIsRestoredAndAPartialOneSaysWhatItLacks() throws Exception {
        CliRun run = CliRun.vss("restore", media.toString(), "newest", "--to", target.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("restoring set newest (copy, partial", "set newest is partial: 1 file could "
                + "not be saved", "not in the set: D:\\lost.txt").doesNotContain("newest complete");
        assertThat(tree(target)).isEqualTo(Map.of("D/a.txt", "p"));
    }

    @Test
    void pathPatternsSelectAndOneThatSelectsNothingIsNamed() throws Exception {
        CliRun run = CliRun.vss("restore", media.toString(), "newer", "--to", target.toString(),
                "--path", "D/orders/**/*.DB", "--path", "D\\nosuch");

        assertThat(run.exit()).isEqualTo(ExitCodes.RESTORE_INCOMPLETE);
        assertThat(tree(target)).isEqualTo(Map.of("D/orders/x.db", "xray", "D/orders/sub/y.db", "yankee"));
        assertThat(run.out()).contains("restored 2 files", "  no match  --path D\\nosuch selected no file (a "
                + "PATTERN is ROOT/PATH over the entry names, such as D/data/sub/*; * stays within one name, **/*.txt "
                + "is at any depth)")
                .doesNotContain("--path D/orders");
        assertThat(run.err()).contains("vss: restore incomplete: 0 refused, 0 missing from data.tar, 1 --path");

        CliRun matching = CliRun.vss("restore", media.toString(), "newer", "--to", root.resolve("t2").toString(),
                "--path", "D/orders");
        assertThat(matching.exit()).as(matching.err()).isZero();
        assertThat(tree(root.resolve("t2"))).containsOnlyKeys("D/orders/x.db", "D/orders/sub/y.db",
                "D/orders/z.log");

        // The path as the backup printed it: the drive D:\ is the root D.
        CliRun windows = CliRun.vss("restore", media.toString(), "newer", "--to", root.resolve("t3").toString(),
                "--path", "D:\\orders\\sub\\*");
        assertThat(windows.exit()).as(windows.out()).isZero();
        assertThat(tree(root.resolve("t3"))).containsOnlyKeys("D/orders/sub/y.db");
    }

    @Test
    void anExistingFileIsKeptWithoutOverwriteAndReplacedWithIt() throws Exception {
        Files.createDirectories(target.resolve("D"));
        Files.writeString(target.resolve("D/a.txt"), "mine");

        CliRun kept = CliRun.vss("restore", media.toString(), "--to", target.toString());

        assertThat(kept.exit()).isEqualTo(ExitCodes.RESTORE_INCOMPLETE);
        assertThat(kept.out()).contains("restored 3 files", "  refused   D/a.txt: a file of that name exists");
        assertThat(target.resolve("D/a.txt")).hasContent("mine");
        assertThat(kept.err()).contains("vss: restore incomplete: 1 refused");

        CliRun replaced = CliRun.vss("restore", media.toString(), "--to", target.toString(), "--overwrite");

        assertThat(replaced.exit()).as(replaced.err()).isZero();
        assertThat(target.resolve("D/a.txt")).hasContent("alpha");
    }

    /** A data.tar made by hand with an entry leading out of TARGET, and without a file the catalog lists. */
    @Test
    void anUnsafeEntryIsRefusedByNameAndAMissingFileIsNamed() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("D/a.txt", "alpha");
        entries.put("../escaped.txt", "out");
        entries.put("D/orders/x.db", "xray");
        MediaSetsFixture.replaceDataTar(media, "newer", entries);

        CliRun run = CliRun.vss("restore", media.toString(), "newer", "--to", target.toString(), "--json");

        assertThat(run.exit()).isEqualTo(ExitCodes.RESTORE_INCOMPLETE);
        assertThat(root.resolve("escaped.txt")).doesNotExist();
        assertThat(tree(target)).isEqualTo(Map.of("D/a.txt", "alpha", "D/orders/x.db", "xray"));
        JsonNode doc = run.json();
        assertThat(doc.get("complete").asBoolean()).isFalse();
        assertThat(doc.get("restoredFiles").asLong()).isEqualTo(2);
        assertThat(doc.get("refused")).hasSize(1);
        assertThat(doc.get("refused").get(0).get("name").asText()).isEqualTo("../escaped.txt");
        assertThat(doc.get("refused").get(0).get("reason").asText()).isNotBlank();
        assertThat(doc.get("missing")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("D/orders/sub/y.db", "D/orders/z.log");
        assertThat(run.err()).contains("1 refused, 2 missing from data.tar");

        CliRun text = CliRun.vss("restore", media.toString(), "newer", "--to", root.resolve("t2").toString());
        assertThat(text.out()).contains("  refused   ../escaped.txt: ",
                "  missing   D/orders/z.log: the catalog lists it, data.tar does not hold it");
    }

    @Test
    void jsonIsOneDocumentNamingTheSetAndWhatWasRestored() throws Exception {
        CliRun run = CliRun.vss("restore", media.toString(), "--to", target.toString(), "--json",
                "--path", "D/a.txt", "--progress");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode doc = run.json();
        assertThat(doc.get("media").asText()).isEqualTo(media.toAbsolutePath().toString());
        assertThat(doc.get("removedPartials")).isEmpty();
        assertThat(doc.get("set").get("setId").asText()).isEqualTo("newer");
        assertThat(doc.get("set").get("complete").asBoolean()).isTrue();
        assertThat(doc.get("chosen").asText()).isEqualTo("newest complete");
        assertThat(doc.get("target").asText()).isEqualTo(target.toAbsolutePath().toString());
        assertThat(doc.get("pathPatterns")).extracting(JsonNode::asText).containsExactly("D/a.txt");
        assertThat(doc.get("overwrite").asBoolean()).isFalse();
        assertThat(doc.get("restoredFiles").asLong()).isEqualTo(1);
        assertThat(doc.get("restoredBytes").asLong()).isEqualTo(5);
        assertThat(doc.get("refused")).isEmpty();
        assertThat(doc.get("missing")).isEmpty();
        assertThat(doc.get("patternsMatchingNothing")).isEmpty();
        assertThat(doc.get("complete").asBoolean()).isTrue();
        // The progress of all four entries read, on stderr only.
        assertThat(run.err()).contains("restoring newer", "4/4 files", "100%");
    }

    @Test
    void anUnknownSetOrNoCompleteSetOrAFileAsTargetIsAUsageError() throws Exception {
        CliRun unknown = CliRun.vss("restore", media.toString(), "nosuch", "--to", target.toString());
        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no backup set nosuch in " + media,
                "its sets: older (complete), newer (complete), newest (partial)");
        assertThat(target).doesNotExist();

        Path file = Files.writeString(root.resolve("file"), "x");
        CliRun toAFile = CliRun.vss("restore", media.toString(), "--to", file.toString());
        assertThat(toAFile.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(toAFile.err()).contains("--to " + file + " is not a directory");

        Path onlyPartial = Files.createDirectories(root.resolve("partial-media"));
        MediaSetsFixture.set(onlyPartial, MediaSetsFixture.metadata("p", "copy", T1, null), Map.of("a", "a"),
                End.UNCONFIRMED);
        CliRun none = CliRun.vss("restore", onlyPartial.toString(), "--to", target.toString());
        assertThat(none.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("no complete set in " + onlyPartial, "p (unconfirmed)");
        assertThat(target).doesNotExist();

        CliRun noTo = CliRun.vss("restore", media.toString());
        assertThat(noTo.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTo.err()).contains("--to");
    }

    @Test
    void missingOrEmptyMediaFailsWithTheMediaCode() throws Exception {
        CliRun missing = CliRun.vss("restore", root.resolve("nosuch").toString(), "--to", target.toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.MEDIA_NOT_FOUND);
        Path empty = Files.createDirectories(root.resolve("empty"));
        CliRun none = CliRun.vss("restore", empty.toString(), "--to", target.toString(), "--json");
        assertThat(none.exit()).isEqualTo(ExitCodes.MEDIA_NOT_FOUND);
        assertThat(none.out()).isEmpty();
        assertThat(target).doesNotExist();
    }

    @Test
    void aLeftoverPartialIsRemovedAndReported() throws Exception {
        Path dead = MediaSetsFixture.deadPartial(media, "killed");

        CliRun run = CliRun.vss("restore", media.toString(), "--to", target.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("removed .partial-killed");
        assertThat(run.json().get("removedPartials")).extracting(JsonNode::asText).containsExactly("killed");
        assertThat(dead).doesNotExist();
    }
}
