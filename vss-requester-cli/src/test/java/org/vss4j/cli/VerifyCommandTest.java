package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.vss4j.cli.MediaSetsFixture.T1;
import static org.vss4j.cli.MediaSetsFixture.T2;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.cli.MediaSetsFixture.End;
import org.vss4j.media.CatalogRow;

/** {@code vss verify MEDIA [SET]}: every stored byte against the catalog; a damaged set is named and exits 11. */
class VerifyCommandTest {

    @TempDir
    Path media;
    private Map<String, CatalogRow> second;

    @BeforeEach
    void twoSets() throws Exception {
        MediaSetsFixture.set(media, "first", T1, Map.of("a.txt", "alpha"));
        second = MediaSetsFixture.set(media, MediaSetsFixture.metadata("second", "copy", T2, null),
                Map.of("a.txt", "alpha 2", "dir/b.txt", "bravo, somewhat longer"), End.PARTIAL);
    }

    @Test
    void intactSetsVerifyAndAPartialOneIsNotCalledComplete() {
        CliRun run = CliRun.vss("verify", media.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("set first (complete): verified, 1 file, 5 bytes match the catalog",
                "set second (partial): verified, 2 files, 29 bytes match the catalog");
        assertThat(run.out().indexOf("set first")).isLessThan(run.out().indexOf("set second"));
        assertThat(run.err()).contains("verifying set first", "verifying set second");
    }

    @Test
    void aFlippedByteIsNamedAndTheExitCodeSaysDamaged() throws Exception {
        MediaSetsFixture.flipAByte(media, "second", second.get("dir/b.txt"));

        CliRun run = CliRun.vss("verify", media.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.SET_DAMAGED);
        assertThat(run.out()).contains("set first (complete): verified",
                "set second (partial): DAMAGED, 1 problem; 1 file, 7 bytes matched", "  D/dir/b.txt: checksum: SHA-256");
        assertThat(run.err()).contains("vss: verification failed: 1 of 2 sets damaged");

        CliRun one = CliRun.vss("verify", media.toString(), "first");
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(one.out()).doesNotContain("second");
    }

    @Test
    void jsonNamesEachProblem() throws Exception {
        MediaSetsFixture.flipAByte(media, "second", second.get("a.txt"));

        CliRun run = CliRun.vss("verify", media.toString(), "--json");

        assertThat(run.exit()).isEqualTo(ExitCodes.SET_DAMAGED);
        JsonNode doc = run.json();
        assertThat(doc.get("ok").asBoolean()).isFalse();
        assertThat(doc.get("removedPartials")).isEmpty();
        JsonNode first = doc.get("sets").get(0);
        assertThat(first.get("setId").asText()).isEqualTo("first");
        assertThat(first.get("verified").asBoolean()).isTrue();
        assertThat(first.get("complete").asBoolean()).isTrue();
        JsonNode damaged = doc.get("sets").get(1);
        assertThat(damaged.get("verified").asBoolean()).isFalse();
        assertThat(damaged.get("state").asText()).isEqualTo("partial");
        assertThat(damaged.get("complete").asBoolean()).isFalse();
        assertThat(damaged.get("files").asLong()).isEqualTo(1);
        assertThat(damaged.get("problems")).hasSize(1);
        assertThat(damaged.get("problems").get(0).get("name").asText()).isEqualTo("D/a.txt");
        assertThat(damaged.get("problems").get(0).get("kind").asText()).isEqualTo("checksum"); // as the text says
    }

    @Test
    void verifyingAnIncrementalReadsTheDataItTakesFromItsParent() throws Exception {
        Map<String, CatalogRow> full = MediaSetsFixture.set(media, MediaSetsFixture.metadata("full-3", "full",
                MediaSetsFixture.T3, null), Map.of("a.txt", "alpha", "b.txt", "bravo"), End.COMPLETE);
        MediaSetsFixture.incremental(media, "incr-4", MediaSetsFixture.T3.plusSeconds(60), "full-3", full,
                Map.of("b.txt", "BRAVO"));
        CliRun intact = CliRun.vss("verify", media.toString(), "incr-4");
        assertThat(intact.exit()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("set incr-4 (complete): verified, 1 file, 5 bytes match the catalog; what "
                + "it takes from the earlier sets of its chain (full-3) matches too");

        MediaSetsFixture.flipAByte(media, "full-3", full.get("a.txt"));
        CliRun run = CliRun.vss("verify", media.toString(), "incr-4");

        assertThat(run.exit()).isEqualTo(ExitCodes.SET_DAMAGED);
        assertThat(run.out()).contains("set incr-4 (complete): DAMAGED, 1 problem",
                "  D/a.txt: checksum: its data in set full-3, which restoring this set reads: SHA-256");
        assertThat(run.err()).contains("vss: verification failed: 1 of 1 set damaged");
    }

    @Test
    void anUnknownSetIsAUsageErrorNamingTheSetsThereAre() {
        CliRun run = CliRun.vss("verify", media.toString(), "third");

        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no backup set third in " + media, "its sets: first (complete), "
                + "second (partial)");
        assertThat(CliRun.vss("verify", media.toString(), "../first").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void mediaWithoutSetsOrMissingFailsWithTheMediaCode(@TempDir Path empty) {
        CliRun none = CliRun.vss("verify", empty.toString());
        assertThat(none.exit()).isEqualTo(ExitCodes.MEDIA_NOT_FOUND);
        assertThat(none.err()).contains(empty + " holds no backup set");
        assertThat(none.out()).isEmpty();

        CliRun missing = CliRun.vss("verify", empty.resolve("nosuch").toString(), "--json");
        assertThat(missing.exit()).isEqualTo(ExitCodes.MEDIA_NOT_FOUND);
        assertThat(missing.out()).isEmpty();
    }

    @Test
    void aLeftoverPartialIsReportedBeforeVerifying() throws Exception {
        MediaSetsFixture.deadPartial(media, "killed");

        CliRun run = CliRun.vss("verify", media.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("removed .partial-killed");
        assertThat(run.json().get("removedPartials").get(0).asText()).isEqualTo("killed");
        assertThat(run.json().get("sets")).hasSize(2);
    }

    @Test
    void progressAskedForGoesToStderrOnly() {
        CliRun run = CliRun.vss("verify", media.toString(), "--progress", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("verifying first", "1/1 files", "verifying second", "2/2 files", "100%");
        run.json();
        assertThat(run.out()).doesNotContain("\r", "100%");
    }

    @Test
    void noProgressWhenStderrIsNotATerminalOrItIsRefused() {
        assumeFalse(StderrTerminal.isTerminal(), "stderr of this test JVM is a terminal (run from an IDE?)");
        for (String[] args : new String[][] {{"verify", media.toString()},
            {"verify", media.toString(), "--no-progress"}}) {
            CliRun run = CliRun.vss(args);
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.err()).doesNotContain("\r", "files", "%");
        }
    }
}
