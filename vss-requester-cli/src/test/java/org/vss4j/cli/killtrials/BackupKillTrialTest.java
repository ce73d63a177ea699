package org.vss4j.cli.killtrials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.BackupSetReader;
import org.vss4j.sim.KillPoint;

/**
 * {@code vss backup} killed (SIGKILL) in its own JVM: during DoSnapshotSet, after the first and the third file are
 * stored, and once the set is published but the writers not yet told. No kill leaves a set that reads as complete; the
 * next run reports and removes what the killed one left, and backs up.
 */
class BackupKillTrialTest {

    @TempDir
    Path work;

    private List<String> backup(Path media) {
        List<String> all = new ArrayList<>(List.of("backup", "D:\\data", "--to", media.toString(),
                "--sim-volume", "D:\\=" + work.resolve("d"), "--sim-state", work.resolve("state").toString(),
                "--sim-writers", work.resolve("no-writers").toString()));
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {KillPoint.CREATE_COMPLETE, "backup.file-saved.1", "backup.file-saved.3",
        "backup.published"})
    void aKilledBackupIsNeverACompleteSetAndTheNextRunCleansUp(String point) throws Exception {
        for (int i = 0; i < 5; i++) {
            Path f = work.resolve("d/data/f" + i + ".txt");
            Files.createDirectories(f.getParent());
            Files.writeString(f, "file " + i);
        }
        Files.createDirectories(work.resolve("no-writers"));
        Path media = work.resolve("media");
        Path links = Files.createDirectories(work.resolve("links"));

        ForkedVss.Result earlier = ForkedVss.run(work, links, backup(media));
        assertThat(earlier.exit()).as(earlier.err()).isZero();
        String earlierId = BackupSetReader.open(media).list().get(0).setId();

        ForkedVss killed = ForkedVss.start(work, links, point, work.resolve("marker"), backup(media));
        List<String> partial;
        try {
            assertThat(killed.awaitMarker()).as("the run reached %s", point).isTrue();
            partial = entries(media).stream().filter(n -> n.startsWith(".partial-") && !n.endsWith(".lock"))
                    .toList();
        } finally {
            killed.kill();
        }
        boolean partialLeft = point.startsWith("backup.file-saved.");
        if (partialLeft) {
            assertThat(partial).as("the killed run's partial set").hasSize(1);
        }
        // After one kill the next vss run finds what it left; after the other, the reader (each reports it).
        boolean nextRunSweeps = point.equals("backup.file-saved.3");
        if (!nextRunSweeps) {
            BackupSetReader reader = BackupSetReader.open(media);
            assertThat(reader.removedPartials()).containsExactlyElementsOf(partialLeft
                    ? List.of(partial.get(0).substring(".partial-".length())) : List.of());
            // Whatever the kill left, no listing calls the killed run's set complete.
            List<BackupSetInfo> sets = reader.list();
            assertThat(sets).filteredOn(s -> !s.setId().equals(earlierId)).allSatisfy(s ->
                    assertThat(s.state()).as(point).isEqualTo("unconfirmed"));
            assertThat(sets).hasSize(point.equals("backup.published") ? 2 : 1);
        }

        ForkedVss.Result next = ForkedVss.run(work, links, backup(media));
        assertThat(next.exit()).as(next.err()).isZero();
        if (nextRunSweeps) {
            assertThat(next.err()).contains("removed what killed or failed runs left in " + media + ": "
                    + partial.get(0));
        } else {
            assertThat(next.err()).doesNotContain("removed what killed");
        }
        assertThat(entries(media)).noneMatch(n -> n.startsWith(".partial-"));
        BackupSetReader reader = BackupSetReader.open(media);
        assertThat(reader.removedPartials()).isEmpty();
        assertThat(reader.list()).filteredOn(s -> s.state().equals("complete")).hasSize(2);
        assertThat(reader.list()).hasSize(point.equals("backup.published") ? 3 : 2);
        for (BackupSetInfo s : reader.list()) {
            assertThat(reader.verify(s.setId()).ok()).as(s.setId()).isTrue();
        }
    }

    private static List<String> entries(Path media) throws IOException {
        try (Stream<Path> s = Files.list(media)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
