package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupType;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.WithSimulatedMachine;
import org.vss4j.sim.WriterComponent;

/** A {@link BackupSession} on a simulated machine written as a set, verified, and restored into an equal tree. */
@WithSimulatedMachine
class SessionBackupSetTest {

    @Test
    void aWritersVolumeIsBackedUpVerifiedAndRestoredIntoAnEqualTree(SimulatedMachine machine, @TempDir Path disk,
            @TempDir Path media, @TempDir Path target) throws IOException {
        Map<String, String> files = new TreeMap<>();
        files.put("data/orders.db", "42 orders");
        files.put("data/Orders Archive/2025 – ünïcödé.db", "old orders");
        files.put("data/deep/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/long name to pass the ustar limit.db",
                "deep");
        files.put("data/empty.db", "");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = disk.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        machine.addVolume(disk, "D:\\");
        machine.addWriter(SimulatedWriter.builder("Orders DB Writer")
                .component(WriterComponent.fileGroup("", "orders").withFile(FileSpec.of("D:\\data", "*", true)))
                .build());

        BackupSetInfo written;
        try (BackupSession session = BackupSession.builder()
                .components(ComponentSelection.writer("Orders DB Writer"))
                .type(BackupType.COPY)
                .phaseTimeout(Duration.ofMinutes(1))
                .start()) {
            written = SessionBackupSet.backUp(session, media, "copy-1");
        }

        assertThat(written.state()).isEqualTo("complete");
        BackupSetReader reader = BackupSetReader.open(media);
        BackupSetInfo listed = reader.list().get(0);
        assertThat(listed.setId()).isEqualTo("copy-1");
        assertThat(listed.metadata().type()).isEqualTo("copy");
        assertThat(listed.metadata().componentMode()).isTrue();
        assertThat(listed.metadata().snapshotSetId()).isNotNull();
        assertThat(listed.metadata().snapshotTime()).isNotNull();
        assertThat(listed.metadata().sources()).containsExactly(new SetMetadata.Source("D:\\", "D"));
        assertThat(listed.files()).isEqualTo(files.size());
        assertThat(reader.files("copy-1")).allSatisfy(row -> {
            assertThat(row.metadata().writerName()).isEqualTo("Orders DB Writer");
            assertThat(row.metadata().component()).isEqualTo("orders");
            assertThat(row.metadata().originalPath()).startsWith("D:\\data\\");
        });
        assertThat(media.resolve("copy-1/documents/backup-components.xml")).isNotEmptyFile();
        try (var docs = Files.list(media.resolve("copy-1/documents/writers"))) {
            assertThat(docs.toList()).isNotEmpty();
        }

        assertThat(reader.verify("copy-1").problems()).isEmpty();

        RestoreReport restored = reader.restore("copy-1", target, List.of(), false);
        assertThat(restored.refused()).isEmpty();
        assertThat(MediaFixtures.tree(target.resolve("D"))).isEqualTo(MediaFixtures.tree(disk));
    }

    @Test
    void aFileThatCannotBeOpenedMakesAPartialSetNamingIt(SimulatedMachine machine, @TempDir Path disk,
            @TempDir Path media) throws IOException {
        Files.createDirectories(disk.resolve("data"));
        Files.writeString(disk.resolve("data/good.db"), "good");
        Files.writeString(disk.resolve("data/gone.db"), "gone");
        machine.addVolume(disk, "D:\\");
        machine.addWriter(SimulatedWriter.builder("Orders DB Writer")
                .component(WriterComponent.fileGroup("", "orders").withFile(FileSpec.of("D:\\data", "*", false)))
                .build());

        BackupSetInfo written;
        try (BackupSession session = BackupSession.builder()
                .components(ComponentSelection.writer("Orders DB Writer"))
                .type(BackupType.COPY)
                .phaseTimeout(Duration.ofMinutes(1))
                .start()) {
            // The file vanishes from the shadow copy between the file list and the copy: it cannot be opened.
            session.items().stream().filter(i -> i.originalPath().endsWith("gone.db")).findFirst().ifPresent(i -> {
                try {
                    Files.delete(i.inSnapshot());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            written = SessionBackupSet.backUp(session, media, "copy-2");
        }
        assertThat(written.state()).isEqualTo("partial");
        assertThat(written.files()).isEqualTo(1);
        BackupSetReader reader = BackupSetReader.open(media);
        assertThat(reader.failedFiles("copy-2")).singleElement().asString().startsWith("D:\\data\\gone.db: ");
        assertThat(reader.list()).extracting(BackupSetInfo::state).containsExactly("partial");
        assertThat(reader.verify("copy-2").ok()).isTrue();
    }

    /** Publishing fails (here: before the flushes): no writer hears BackupComplete, the backup is aborted, no set. */
    @Test
    void aPublishFailureLeavesTheWritersNotToldOfSuccess(SimulatedMachine machine, @TempDir Path disk,
            @TempDir Path media) throws IOException {
        Files.createDirectories(disk.resolve("data"));
        Files.writeString(disk.resolve("data/orders.db"), "42 orders");
        machine.addVolume(disk, "D:\\");
        SimulatedWriter writer = machine.addWriter(SimulatedWriter.builder("Orders DB Writer")
                .component(WriterComponent.fileGroup("", "orders").withFile(FileSpec.of("D:\\data", "*", false)))
                .build());
        BackupSetWriter.beforePublish = () -> {
            throw new IOException("disk full (test)");
        };
        try (BackupSession session = BackupSession.builder()
                .components(ComponentSelection.writer("Orders DB Writer"))
                .type(BackupType.FULL)
                .phaseTimeout(Duration.ofMinutes(1))
                .start()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SessionBackupSet.backUp(session, media, "full-1"))
                    .isInstanceOf(IOException.class).hasMessageContaining("disk full (test)");
            // Aborted and released: it can no longer be completed.
            org.assertj.core.api.Assertions.assertThatThrownBy(session::complete)
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            BackupSetWriter.beforePublish = () -> { };
        }
        assertThat(writer.events()).doesNotContain(org.vss4j.sim.WriterEvent.BACKUP_COMPLETE);
        assertThat(BackupSetReader.open(media).list()).isEmpty();
    }
}
