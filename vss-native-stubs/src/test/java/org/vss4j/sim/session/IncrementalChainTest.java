package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupType;
import org.vss4j.DifferencedFile;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentSelection;
import org.vss4j.session.ComponentStamp;
import org.vss4j.session.PreviousBackup;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * Incremental and differential backups through the writers' backup stamps: each backup's stamp (set by the writer in
 * PostSnapshot) is fed to the next one's SetPreviousBackupStamp; differenced files leave out what did not change.
 */
@ExtendWith(VssSimulatorExtension.class)
class IncrementalChainTest {

    static final Instant CUT = Instant.parse("2024-05-01T12:00:00Z");

    @TempDir
    Path temp;

    SessionFixture fx;
    SimulatedWriter writer;
    final AtomicInteger stamps = new AtomicInteger();

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        SessionFixture.write(fx.c, "db\\old.dat", "old");
        SessionFixture.write(fx.c, "db\\new.dat", "new");
        writer = machine.addWriter(SimulatedWriter.builder("StampWriter").component(WriterComponent.fileGroup("",
                "db").withFile(FileSpec.of("C:\\db", "*.dat", true))).build());
        writer.recordsAt(WriterEvent.POST_SNAPSHOT, "", "db", d -> d.withBackupStamp("stamp-"
                + stamps.incrementAndGet()));
    }

    private BackupResult backup(BackupType type, PreviousBackup previous) {
        try (BackupSession s = fx.session().type(type).previous(previous)
                .components(ComponentSelection.writer("StampWriter")).start()) {
            SessionFixture.copyAll(s);
            return s.complete();
        }
    }

    @Test
    void stampsChainFullIncrementalIncrementalAndDifferential() {
        BackupResult full = backup(BackupType.FULL, null);
        assertThat(full.components().get(0).backupStamp()).isEqualTo("stamp-1");
        assertThat(full.backupComponentsDocument()).doesNotContain("previousBackupStamp");

        BackupResult inc1 = backup(BackupType.INCREMENTAL, full.asPrevious());
        assertThat(FailuresAndAbortTest.componentElement(inc1.backupComponentsDocument(), "db"))
                .contains("previousBackupStamp=\"stamp-1\"");
        assertThat(inc1.components().get(0).backupStamp()).isEqualTo("stamp-2");

        BackupResult inc2 = backup(BackupType.INCREMENTAL, inc1.asPrevious());
        assertThat(FailuresAndAbortTest.componentElement(inc2.backupComponentsDocument(), "db"))
                .contains("previousBackupStamp=\"stamp-2\"");

        BackupResult diff = backup(BackupType.DIFFERENTIAL, full.asPrevious());
        assertThat(FailuresAndAbortTest.componentElement(diff.backupComponentsDocument(), "db"))
                .contains("previousBackupStamp=\"stamp-1\"");

        // A differential backup builds on the last full backup only; copy backups leave the history alone.
        assertThatThrownBy(() -> backup(BackupType.DIFFERENTIAL, inc1.asPrevious()))
                .isInstanceOf(IllegalArgumentException.class);
        BackupResult copy = backup(BackupType.COPY, null);
        assertThatThrownBy(copy::asPrevious).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> backup(BackupType.COPY, full.asPrevious()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredDocumentGivesBackTheStampItWasSavedWith() {
        BackupResult full = backup(BackupType.FULL, null);
        backup(BackupType.INCREMENTAL, full.asPrevious());
        // The writer's live record now holds stamp-2; the stored document still says stamp-1.
        PreviousBackup fromDocument = PreviousBackup.fromDocument(full.backupComponentsDocument(), full.state(),
                full.snapshotTime());
        assertThat(fromDocument.stamps()).containsExactly(new ComponentStamp(writer.metadata().writerClassId(), "",
                "db", "stamp-1"));
        BackupResult next = backup(BackupType.INCREMENTAL, fromDocument);
        assertThat(FailuresAndAbortTest.componentElement(next.backupComponentsDocument(), "db"))
                .contains("previousBackupStamp=\"stamp-1\"");
    }

    @Test
    void differencedFilesLeaveOutWhatDidNotChangeSinceTheWritersTime() throws IOException {
        touch("db\\old.dat", CUT.minusSeconds(3600));
        touch("db\\new.dat", CUT.plusSeconds(3600));
        writer.recordsAt(WriterEvent.POST_SNAPSHOT, "", "db", d -> d.withDifferencedFile(
                new DifferencedFile("C:\\db", "*.dat", true, null, CUT)));
        BackupResult full = backup(BackupType.FULL, null);
        assertThat(full.files()).hasSize(2);
        BackupResult inc = backup(BackupType.INCREMENTAL, full.asPrevious());
        assertThat(inc.files()).extracting(f -> f.originalPath()).containsExactly("C:\\db\\new.dat");
        // Left out on purpose, and said so: an exclusion with its reason, not a silent drop and not a failure.
        assertThat(inc.excluded()).singleElement().satisfies(x -> {
            assertThat(x.originalPath()).isEqualTo("C:\\db\\old.dat");
            assertThat(x.excludedBy()).isNull();
            assertThat(x.component().name()).isEqualTo("db");
            assertThat(x.reason()).contains("not changed since", "AddDifferencedFilesByLastModifyTime");
        });
        assertThat(inc.components()).allSatisfy(c -> assertThat(c.backupSucceeded()).isTrue());
    }

    @Test
    void differencedFilesWithoutATimeAreComparedWithThePreviousBackup() throws IOException {
        writer.recordsAt(WriterEvent.POST_SNAPSHOT, "", "db", d -> d.withDifferencedFile(
                new DifferencedFile("C:\\db", "*.dat", true, null, Instant.parse("1601-01-01T00:00:00Z"))));
        PreviousBackup previous = new PreviousBackup(BackupType.FULL, CUT, java.util.List.of());
        touch("db\\old.dat", CUT.minusSeconds(60));
        touch("db\\new.dat", CUT.plusSeconds(60));
        BackupResult diff = backup(BackupType.DIFFERENTIAL, previous);
        assertThat(diff.files()).extracting(f -> f.originalPath()).containsExactly("C:\\db\\new.dat");
    }

    private void touch(String rel, Instant time) throws IOException {
        Files.setLastModifiedTime(fx.c.resolve(rel.replace('\\', '/')), FileTime.from(time));
    }
}
