package org.vss4j.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vss4j.BackupType;
import org.vss4j.media.BackupChain;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.BackupSetReader;
import org.vss4j.media.BackupSetRequest;
import org.vss4j.media.CatalogRow;
import org.vss4j.media.ParentSet;
import org.vss4j.media.RestoreReport;
import org.vss4j.media.SessionBackupSet;
import org.vss4j.session.BackupSession;
import org.vss4j.session.BackupSessionBuilder;

/**
 * A directory backed up into a backup set from the target's shadow copy, then an incremental set on it: each verifies
 * and restores to exactly the tree it was taken of. On Windows this reads the files of a real shadow copy with backup
 * semantics (CreateFileW with FILE_FLAG_BACKUP_SEMANTICS, BackupRead, FILE_BASIC_INFO) and restores them with
 * BackupWrite; the incremental set must store again only the file that changed, which holds only if a file's times in
 * the shadow copy are its own (its ChangeTime included), not the copy's.
 */
@VssContract
class BackupSetContractTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void aFullAndAnIncrementalSetRestoreTheTreesTheyWereTakenOf(VssTarget target) throws Exception {
        Path data = target.workDir().resolve("data");
        Path media = target.workDir().resolve("media");
        write(data.resolve("orders.db"), "42 orders", 1);
        write(data.resolve("Archive 2025/ünïcödé.db"), "old orders", 1);
        write(data.resolve("empty.db"), "", 1);
        Map<String, String> atFull = tree(data);
        List<String> sources = List.of(target.vssPath(data));

        BackupSetInfo full = backUp(target, media, "full-1", sources, BackupType.FULL, null);
        assertThat(full.state()).isEqualTo("complete");
        assertThat(full.files()).isEqualTo(3);

        write(data.resolve("orders.db"), "43 orders", 2);
        write(data.resolve("new.db"), "added", 2);
        Map<String, String> atIncremental = tree(data);
        ParentSet parent = BackupChain.parentFor(media, sources, BackupType.INCREMENTAL).orElseThrow();
        assertThat(parent.set().setId()).isEqualTo("full-1");
        BackupSetInfo incremental = backUp(target, media, "inc-2", sources, BackupType.INCREMENTAL, parent);
        assertThat(incremental.state()).isEqualTo("complete");

        BackupSetReader reader = BackupSetReader.open(media);
        // Only what changed is stored again; the rest is listed with the full set's data.
        assertThat(reader.files("inc-2")).filteredOn(r -> r.storedIn() == null).extracting(CatalogRow::relativePath)
                .containsExactlyInAnyOrder(relative(target, data, "orders.db"), relative(target, data, "new.db"));
        assertThat(reader.verify("full-1").problems()).isEmpty();
        assertThat(reader.verify("inc-2").problems()).isEmpty();

        assertThat(restored(reader, "full-1", target.workDir().resolve("restore-full"), target, data))
                .isEqualTo(atFull);
        assertThat(restored(reader, "inc-2", target.workDir().resolve("restore-inc"), target, data))
                .isEqualTo(atIncremental);
        target.verifyNothingLeaked();
    }

    private static BackupSetInfo backUp(VssTarget target, Path media, String id, List<String> sources,
            BackupType type, ParentSet parent) throws IOException {
        BackupSessionBuilder builder = BackupSession.builder().type(type).volumeMode().phaseTimeout(Steps.timeout())
                .overallTimeout(Steps.remainingBudget()).directories(sources.toArray(String[]::new));
        if (parent != null) {
            builder.previous(parent.previous());
        }
        try (BackupSession session = builder.start()) {
            return SessionBackupSet.backUp(session, media, new BackupSetRequest(id, sources, parent));
        }
    }

    private static Map<String, String> restored(BackupSetReader reader, String set, Path into, VssTarget target,
            Path data) throws IOException {
        RestoreReport report = reader.restore(set, into, List.of(), false);
        assertThat(report.refused()).isEmpty();
        assertThat(report.missing()).isEmpty();
        // Under TARGET a file is ROOT/PATH: the volume's root name, then its path on the volume.
        String volumeRoot = target.volume().substring(0, 1);
        return tree(into.resolve(volumeRoot).resolve(target.volumeRoot().relativize(data).toString()));
    }

    /** The entry's path below its root (`D`), as the catalog has it. */
    private static String relative(VssTarget target, Path data, String name) {
        return target.volumeRoot().relativize(data.resolve(name)).toString().replace('\\', '/');
    }

    private static void write(Path p, String content, int minute) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        Files.setLastModifiedTime(p, FileTime.from(T0.plusSeconds(60L * minute)));
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
                }
            }
        }
        return out;
    }
}
