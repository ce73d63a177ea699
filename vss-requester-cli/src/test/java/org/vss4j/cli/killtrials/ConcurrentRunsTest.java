package org.vss4j.cli.killtrials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.sim.KillPoint;

/**
 * Two {@code vss} runs on one simulator state at once: while one creates a two-volume set (held at a kill point
 * between its volumes), the other's StartSnapshotSet gets VSS_E_SNAPSHOT_SET_IN_PROGRESS until its wait runs out, and a
 * listing shows nothing
 * of the set in creation; once the first is killed, the next run can create a set again.
 */
class ConcurrentRunsTest {

    @TempDir
    Path work;

    private List<String> vss(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--sim-volume", "D:\\=" + work.resolve("d"), "--sim-volume", "E:\\=" + work.resolve("e"),
                "--sim-state", work.resolve("state").toString()));
        return all;
    }

    @Test
    void oneSetInCreationAcrossProcessesAndNoneOfItListed() throws Exception {
        Files.createDirectories(work.resolve("d"));
        Files.createDirectories(work.resolve("e"));
        Path links = Files.createDirectories(work.resolve("links"));
        ForkedVss first = ForkedVss.start(work, links, KillPoint.CREATE_VOLUME_COPIED + 1, work.resolve("first.marker"),
                vss("snapshot", "create", "--persistent", "D:\\", "E:\\"));
        try {
            assertThat(first.awaitMarker()).as("the first run reached its point").isTrue();

            // The second run would wait the other set out; its --in-progress-timeout is shorter than the first
            // backoff, so it gives up at once (the first run stays held at its point anyway).
            ForkedVss.Result second = ForkedVss.run(work, links,
                    vss("snapshot", "create", "--persistent", "D:\\", "--in-progress-timeout", "PT1S"));
            ForkedVss.Result listing = ForkedVss.run(work, links, vss("snapshot", "list"));

            assertThat(second.exit()).isNotZero();
            assertThat(second.out() + second.err()).contains("VSS_E_SNAPSHOT_SET_IN_PROGRESS")
                    .contains("another shadow copy set was still being built or created after");
            assertThat(listing.exit()).as(listing.err()).isZero();
            assertThat(listing.out()).contains("no shadow copies");
            assertThat(listing.err()).as("a live creation is no left-over").doesNotContain(KillTrials.REPORTED);
        } finally {
            first.kill();
        }
        ForkedVss.Result after = ForkedVss.run(work, links, vss("snapshot", "create", "--persistent", "D:\\"));
        assertThat(after.exit()).as(after.out() + after.err()).isZero();
        assertThat(after.err()).as("the killed run's set is reported and removed").contains(KillTrials.REPORTED);
    }
}
