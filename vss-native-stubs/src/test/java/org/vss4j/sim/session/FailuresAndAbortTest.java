package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vss4j.VssHresult;
import org.vss4j.WriterState;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupException;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentOutcome;
import org.vss4j.session.ComponentSelection;
import org.vss4j.session.FileRecord;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/** Writer failures at each event, failed files per component, and abort leaving nothing behind. */
@ExtendWith(VssSimulatorExtension.class)
class FailuresAndAbortTest {

    @TempDir
    Path temp;

    SessionFixture fx;
    SimulatedWriter writer;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        SessionFixture.write(fx.c, "one\\a.txt", "a");
        SessionFixture.write(fx.c, "one\\b.txt", "b");
        SessionFixture.write(fx.c, "two\\c.txt", "c");
        writer = machine.addWriter(SimulatedWriter.builder("AppWriter")
                .component(WriterComponent.fileGroup("", "one").withFile(FileSpec.of("C:\\one", "*", false)))
                .component(WriterComponent.fileGroup("", "two").withFile(FileSpec.of("C:\\two", "*", false)))
                .build());
    }

    @ParameterizedTest
    @EnumSource(value = WriterEvent.class, names = {"PREPARE_FOR_BACKUP", "PREPARE_FOR_SNAPSHOT", "FREEZE", "THAW",
        "POST_SNAPSHOT"})
    void aWriterFailingBeforeTheFilesAbortsNamingPhaseWriterAndHresult(WriterEvent event) {
        writer.failAt(event, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        BackupPhase expected = event == WriterEvent.PREPARE_FOR_BACKUP ? BackupPhase.PREPARE_FOR_BACKUP
                : BackupPhase.DO_SNAPSHOT_SET;
        assertThatThrownBy(() -> fx.session().components(ComponentSelection.writer("AppWriter")).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(expected);
                    assertThat(e.writer()).contains("AppWriter");
                    assertThat(e.hresult()).isEqualTo(VssHresult.VSS_E_WRITERERROR_RETRYABLE.code());
                    assertThat(e.writerFailure().orElseThrow().state()).isEqualTo(event.failedState());
                    assertThat(e.getMessage()).contains("AppWriter").contains("VSS_E_WRITERERROR_RETRYABLE")
                            .contains(event.failedState().nativeName());
                });
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        // Microsoft docs, "CVssWriter::OnAbort": not called once the writer has had OnPostSnapshot, and no event
        // follows an OnAbort (so the Abort of the failed DoSnapshotSet is the only one).
        if (event == WriterEvent.POST_SNAPSHOT) {
            assertThat(writer.events()).endsWith(WriterEvent.POST_SNAPSHOT).doesNotContain(WriterEvent.ABORT);
        } else {
            assertThat(writer.events()).endsWith(WriterEvent.ABORT).containsOnlyOnce(WriterEvent.ABORT);
        }
        assertThat(fx.machine.snapshots()).isEmpty();
    }

    @Test
    void aWriterFailingAtBackupCompleteIsReportedInTheResult() {
        writer.failAt(WriterEvent.BACKUP_COMPLETE, VssHresult.VSS_E_WRITERERROR_NONRETRYABLE);
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("AppWriter")).start()) {
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        assertThat(result.succeeded()).isFalse();
        assertThat(result.writerFailures()).singleElement().satisfies(f -> {
            assertThat(f.phase()).isEqualTo(BackupPhase.BACKUP_COMPLETE);
            assertThat(f.writer().name()).isEqualTo("AppWriter");
            assertThat(f.state()).isEqualTo(WriterState.FAILED_AT_BACKUP_COMPLETE);
            assertThat(f.failureHresult()).isEqualTo(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE.code());
        });
        // The files were saved before: nothing to abort.
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isZero();
        assertThat(result.components()).allSatisfy(c -> assertThat(c.backupSucceeded()).isTrue());
    }

    @Test
    void aFailedFileMarksExactlyItsComponentFailed() {
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("AppWriter")).start()) {
            for (BackupItem item : s.items()) {
                if (item.originalPath().equals("C:\\one\\b.txt")) {
                    s.failed(item, new java.io.IOException("media full"));
                } else {
                    s.saved(item);
                }
            }
            result = s.complete();
        }
        assertThat(result.components()).extracting(c -> c.component().name() + "=" + c.backupSucceeded())
                .containsExactlyInAnyOrder("one=false", "two=true");
        ComponentOutcome one = result.components().stream().filter(c -> c.component().name().equals("one"))
                .findFirst().orElseThrow();
        assertThat(one.failedFiles()).extracting(FileRecord::originalPath).containsExactly("C:\\one\\b.txt");
        assertThat(one.failedFiles().get(0).failure()).contains("media full");
        assertThat(result.failedFilesByComponent()).containsOnlyKeys(one.component());
        assertThat(componentElement(result.backupComponentsDocument(), "one")).contains("backupSucceeded=\"no\"");
        assertThat(componentElement(result.backupComponentsDocument(), "two")).contains("backupSucceeded=\"yes\"");
        assertThat(fx.events).filteredOn(e -> e instanceof BackupEvent.ItemFailed).hasSize(1);
    }

    @Test
    void anItemNeverReportedCountsAsFailed() {
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.component("AppWriter", "two")).start()) {
            result = s.complete();
        }
        assertThat(result.files()).singleElement().satisfies(f -> {
            assertThat(f.saved()).isFalse();
            assertThat(f.failure()).isEqualTo("not reported as saved");
        });
        assertThat(result.components().get(0).backupSucceeded()).isFalse();
    }

    @Test
    void closingWithoutCompletingAbortsAndLeavesNoSnapshot() {
        List<BackupItem> items;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("AppWriter")).start()) {
            items = s.items();
            assertThat(fx.machine.snapshots()).hasSize(1);
        }
        assertThat(items).hasSize(3);
        // The writer had PostSnapshot, so AbortBackup sends it no Abort (Microsoft docs, "CVssWriter::OnAbort").
        assertThat(writer.events()).endsWith(WriterEvent.POST_SNAPSHOT).doesNotContain(WriterEvent.ABORT);
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        assertThat(fx.machine.snapshots()).isEmpty();
    }

    @Test
    void aVssCallFailingAfterPrepareForBackupAborts() {
        fx.machine.faults().failOnCall(IVssBackupComponents.SetBackupSucceeded, 1, VssHresult.VSS_E_BAD_STATE);
        try (BackupSession s = fx.session().components(ComponentSelection.writer("AppWriter")).start()) {
            SessionFixture.copyAll(s);
            assertThatThrownBy(s::complete).isInstanceOfSatisfying(BackupException.class, e -> {
                assertThat(e.phase()).isEqualTo(BackupPhase.SET_BACKUP_SUCCEEDED);
                assertThat(e.hresult()).isEqualTo(VssHresult.VSS_E_BAD_STATE.code());
                assertThat(e.writer()).isEmpty();
            });
        }
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        assertThat(fx.machine.snapshots()).isEmpty();
    }

    @Test
    void aFailureBeforeTheSnapshotSetNeedsNoAbort() {
        fx.machine.faults().failOnCall(IVssBackupComponents.SetBackupState, 1, VssHresult.E_INVALIDARG);
        assertThatThrownBy(() -> fx.session().components(ComponentSelection.writer("AppWriter")).start())
                .isInstanceOfSatisfying(BackupException.class,
                        e -> assertThat(e.phase()).isEqualTo(BackupPhase.SET_BACKUP_STATE));
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isZero();
    }

    /** The start tag of the COMPONENT element named {@code name} in a Backup Components Document. */
    static String componentElement(String bcd, String name) {
        for (String part : bcd.split("<COMPONENT")) {
            String tag = part.substring(0, part.indexOf('>'));
            if (tag.contains("componentName=\"" + name + "\"")) {
                return tag;
            }
        }
        throw new AssertionError("no component " + name + " in " + bcd);
    }
}
