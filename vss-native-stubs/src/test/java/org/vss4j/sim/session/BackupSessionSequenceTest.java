package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vss4j.BackupType;
import org.vss4j.FileSpecBackupType;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupResult;
import org.vss4j.session.FileRecord;
import org.vss4j.session.BackupSession;
import org.vss4j.session.BackupState;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/** The session's order of steps, backup types, component and volume mode, and what it returns for storage. */
@ExtendWith(VssSimulatorExtension.class)
class BackupSessionSequenceTest {

    @TempDir
    Path temp;

    SessionFixture fx;
    SimulatedWriter db;
    SimulatedWriter other;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        SessionFixture.write(fx.c, "db\\main.mdf", "data");
        SessionFixture.write(fx.c, "db\\logs\\main.ldf", "log");
        SessionFixture.write(fx.c, "other\\x.txt", "x");
        SessionFixture.write(fx.c, "plain\\readme.txt", "plain");
        db = machine.addWriter(SimulatedWriter.builder("DbWriter")
                .component(WriterComponent.database("", "main")
                        .withDatabaseFile(FileSpec.of("C:\\db", "*.mdf", false))
                        .withLogFile(FileSpec.of("C:\\db\\logs", "*.ldf", false)))
                .build());
        other = machine.addWriter(SimulatedWriter.builder("OtherWriter")
                .component(WriterComponent.fileGroup("", "files").withFile(FileSpec.of("C:\\other", "*", true)))
                .build());
    }

    @Test
    void componentModeBackupFollowsTheDocumentedSequenceAndReturnsEverythingToStore() {
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("DbWriter")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\db\\logs\\main.ldf", "C:\\db\\main.mdf");
            assertThat(s.items()).allSatisfy(i -> {
                assertThat(i.writer().name()).isEqualTo("DbWriter");
                assertThat(i.component().name()).isEqualTo("main");
                assertThat(i.addedComponent()).isEqualTo(i.component());
                assertThat(i.fromAlternatePath()).isFalse();
                assertThat(i.inSnapshot().startsWith(fx.c)).isFalse();
            });
            assertThat(SessionFixture.copyAll(s)).containsEntry("C:\\db\\main.mdf", "data");
            result = s.complete();
        }
        assertThat(db.events()).containsExactly(WriterEvent.IDENTIFY, WriterEvent.PREPARE_FOR_BACKUP,
                WriterEvent.PREPARE_FOR_SNAPSHOT, WriterEvent.FREEZE, WriterEvent.THAW, WriterEvent.POST_SNAPSHOT,
                WriterEvent.BACKUP_COMPLETE);
        // Component mode: a writer without components added receives no event after Identify.
        assertThat(other.events()).containsExactly(WriterEvent.IDENTIFY);
        // Each step is one phase: started once, finished once.
        List<BackupPhase> steps = List.of(BackupPhase.INITIALIZE, BackupPhase.SET_CONTEXT,
                BackupPhase.SET_BACKUP_STATE, BackupPhase.GATHER_WRITER_METADATA, BackupPhase.SELECT_COMPONENTS,
                BackupPhase.SET_BACKUP_OPTIONS, BackupPhase.START_SNAPSHOT_SET, BackupPhase.PREPARE_FOR_BACKUP,
                BackupPhase.DO_SNAPSHOT_SET, BackupPhase.GET_SNAPSHOT_PROPERTIES, BackupPhase.FILE_LIST,
                BackupPhase.SET_BACKUP_SUCCEEDED, BackupPhase.BACKUP_COMPLETE, BackupPhase.FINAL_WRITER_STATUS,
                BackupPhase.SAVE_DOCUMENTS);
        assertThat(phasesStarted()).containsExactlyElementsOf(steps);
        assertThat(events(BackupEvent.PhaseFinished.class)).extracting(BackupEvent.PhaseFinished::phase)
                .containsExactlyElementsOf(steps);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.state()).isEqualTo(new BackupState(BackupType.FULL, false, true, false));
        assertThat(result.backupComponentsDocument()).contains("componentName=\"main\"")
                .contains("backupSucceeded=\"yes\"").contains("VSS_BT_FULL").contains(result.snapshotSetId()
                        .toString());
        assertThat(result.writerMetadataDocuments()).extracting(d -> d.writer().name())
                .containsExactlyInAnyOrder("DbWriter", "OtherWriter");
        assertThat(result.writerMetadataDocuments()).allSatisfy(d -> assertThat(d.xml()).contains("WRITER_METADATA"));
        assertThat(result.files()).extracting(f -> f.originalPath() + "@" + f.component().fullPath())
                .containsExactly("C:\\db\\main.mdf@main", "C:\\db\\logs\\main.ldf@main");
        assertThat(result.components()).singleElement().satisfies(c -> assertThat(c.backupSucceeded()).isTrue());
        assertThat(events(BackupEvent.ItemSaved.class)).hasSize(2);
        assertThat(events(BackupEvent.WriterStatusReported.class)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.failure()).isNull());
        assertThat(fx.machine.snapshots()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = BackupType.class, names = {"FULL", "COPY", "INCREMENTAL", "DIFFERENTIAL", "LOG"})
    void eachBackupTypeReachesTheWritersAndTakesItsFiles(BackupType type) {
        BackupResult result;
        List<String> files;
        try (BackupSession s = fx.session().type(type).components(ComponentSelection.writer("DbWriter")).start()) {
            files = SessionFixture.originals(s);
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        assertThat(result.backupComponentsDocument()).contains("backupType=\"" + type.nativeName() + "\"");
        assertThat(result.state().type()).isEqualTo(type);
        if (type == BackupType.LOG) {
            // Microsoft docs, "VSS Backup State": a log backup takes only the writer's log files.
            assertThat(files).containsExactly("C:\\db\\logs\\main.ldf");
        } else {
            assertThat(files).containsExactly("C:\\db\\logs\\main.ldf", "C:\\db\\main.mdf");
        }
        assertThat(db.events()).endsWith(WriterEvent.BACKUP_COMPLETE);
    }

    @Test
    void fileSetsNotRequiredForTheBackupTypeAreLeftOut(SimulatedMachine machine) {
        int fullOnly = FileSpecBackupType.FULL_BACKUP_REQUIRED.value()
                | FileSpecBackupType.ALL_SNAPSHOT_REQUIRED.value();
        machine.addWriter(SimulatedWriter.builder("MaskWriter").component(WriterComponent.fileGroup("", "f")
                .withFile(new FileSpec("C:\\plain", "*", false, null, fullOnly))
                .withFile(FileSpec.of("C:\\other", "*", false))).build());
        try (BackupSession s = fx.session().type(BackupType.INCREMENTAL)
                .components(ComponentSelection.writer("MaskWriter")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\other\\x.txt");
        }
    }

    @Test
    void volumeModeTakesWholeVolumesAndTellsWhichComponentAFileBelongsTo() {
        BackupResult result;
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\").start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\db\\logs\\main.ldf", "C:\\db\\main.mdf",
                    "C:\\other\\x.txt", "C:\\plain\\readme.txt");
            BackupItem plain = s.items().stream().filter(i -> i.originalPath().equals("C:\\plain\\readme.txt"))
                    .findFirst().orElseThrow();
            assertThat(plain.component()).isNull();
            BackupItem x = s.items().stream().filter(i -> i.originalPath().equals("C:\\other\\x.txt")).findFirst()
                    .orElseThrow();
            assertThat(x.component().name()).isEqualTo("files");
            assertThat(x.addedComponent()).isNull();
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        assertThat(result.state().componentMode()).isFalse();
        assertThat(result.components()).isEmpty();
        assertThat(result.backupComponentsDocument()).contains("selectComponents=\"no\"");
        // Volume mode: every writer takes part.
        assertThat(other.events()).contains(WriterEvent.FREEZE, WriterEvent.BACKUP_COMPLETE);
        assertThat(db.events()).contains(WriterEvent.FREEZE, WriterEvent.BACKUP_COMPLETE);
    }

    @Test
    void withoutWritersTheCopyIsCrashConsistentAndNoWriterIsFrozen() {
        try (BackupSession s = fx.session().withoutWriters().volumes("C:\\").start()) {
            assertThat(s.items()).hasSize(4);
            // No writer took part: no file is attributed to a writer's component (volume mode attributes C:\other).
            assertThat(s.items()).allSatisfy(i -> {
                assertThat(i.writer()).isNull();
                assertThat(i.component()).isNull();
            });
            SessionFixture.copyAll(s);
            // The session enables SeBackupPrivilege, so System Volume Information (only SYSTEM may list it) is listed,
            // as on Windows: nothing is left out (ACL-denied listing without the privilege: WindowsFileFactsTest).
            assertThat(s.notTaken()).isEmpty();
            BackupResult result = s.complete();
            assertThat(result.files()).filteredOn(FileRecord::saved).hasSize(4);
            assertThat(result.succeeded()).isTrue();
        }
        assertThat(db.events()).doesNotContain(WriterEvent.FREEZE);
    }

    @Test
    void contradictoryDescriptionsAreRejectedBeforeVssIsCalled() {
        assertThatThrownBy(() -> BackupSession.builder().start()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing to back up");
        assertThatThrownBy(() -> BackupSession.builder().volumeMode().components(ComponentSelection.writer("x"))
                .start()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itemsOfAnotherSessionAndReportsAfterCompletionAreRefused() {
        try (BackupSession s = fx.session().components(ComponentSelection.writer("DbWriter")).start()) {
            BackupItem foreign = new BackupItem(null, null, null, temp, "C:\\nope", false, "C:\\");
            assertThatThrownBy(() -> s.saved(foreign)).isInstanceOf(IllegalArgumentException.class);
            BackupItem first = s.items().get(0);
            SessionFixture.copyAll(s);
            s.complete();
            assertThatThrownBy(() -> s.saved(first)).isInstanceOf(IllegalStateException.class);
        }
    }

    private List<BackupPhase> phasesStarted() {
        return events(BackupEvent.PhaseStarted.class).stream().map(BackupEvent.PhaseStarted::phase).toList();
    }

    private <T extends BackupEvent> List<T> events(Class<T> type) {
        return fx.events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static Map<String, String> unused() {
        return Map.of();
    }
}
