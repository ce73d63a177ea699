package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.SnapshotContext;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.abi.vtable.IVssExamineWriterMetadata;
import org.vss4j.session.BackupEvent;
import org.vss4j.session.BackupException;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.Gate;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * How a session ends when something fails late or a writer misbehaves: nothing aborts after BackupComplete, a broken
 * writer nobody selected is skipped (one whose metadata could not be read still takes part), a writer that ignores
 * Cancel is bounded by the overall timeout (and the overrun of the last Cancel and Wait), and a persistent context's
 * set never outlives a failed backup.
 */
@ExtendWith(VssSimulatorExtension.class)
class SessionEndingsTest {

    @TempDir
    Path temp;

    SessionFixture fx;
    SimulatedWriter app;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        SessionFixture.write(fx.c, "app\\a.txt", "a");
        SessionFixture.write(fx.c, "other\\b.txt", "b");
        app = machine.addWriter(SimulatedWriter.builder("AppWriter").component(WriterComponent.fileGroup("", "app")
                .withFile(FileSpec.of("C:\\app", "*", false))).build());
    }

    private SimulatedWriter addBroken() {
        return fx.machine.addWriter(SimulatedWriter.builder("BrokenWriter").component(WriterComponent
                .fileGroup("", "other").withFile(FileSpec.of("C:\\other", "*", false))).build());
    }

    // ---- after BackupComplete nothing aborts ------------------------------------------------------------------------

    @Test
    void aDocumentThatCannotBeSavedAfterBackupCompleteIsAttachedToTheResultWithoutAnAbort() {
        fx.machine.faults().failOnCall(IVssBackupComponents.SaveAsXML, 1, VssHresult.E_OUTOFMEMORY);
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("AppWriter")).start()) {
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        assertThat(result.succeeded()).isFalse();
        assertThat(result.backupComponentsDocument()).isNull();
        assertThat(result.postCompleteFailures()).singleElement().satisfies(f -> {
            assertThat(f.phase()).isEqualTo(BackupPhase.SAVE_DOCUMENTS);
            assertThat(f.hresult()).isEqualTo(VssHresult.E_OUTOFMEMORY.code());
            assertThat(f.message()).contains("IVssBackupComponents::SaveAsXML", "E_OUTOFMEMORY");
        });
        // The files and the writers' documents are still there to store.
        assertThat(result.files()).allSatisfy(f -> assertThat(f.saved()).isTrue());
        assertThat(result.writerMetadataDocuments()).hasSize(1);
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isZero();
        assertThat(app.events()).endsWith(WriterEvent.BACKUP_COMPLETE).doesNotContain(WriterEvent.ABORT);
    }

    @Test
    void theFinalWriterStatusFailingKeepsTheDocument() {
        // GatherWriterStatus: after GatherWriterMetadata, PrepareForBackup, DoSnapshotSet, then the final one.
        fx.machine.faults().failOnCall(IVssBackupComponents.GatherWriterStatus, 4, VssHresult.VSS_E_UNEXPECTED);
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("AppWriter")).start()) {
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        assertThat(result.backupComponentsDocument()).contains("componentName=\"app\"");
        assertThat(result.postCompleteFailures()).singleElement()
                .satisfies(f -> assertThat(f.phase()).isEqualTo(BackupPhase.FINAL_WRITER_STATUS));
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isZero();
    }

    @Test
    void aPersistentSetOfACompletedBackupStaysWhenALaterStepFails() {
        fx.machine.faults().failOnCall(IVssBackupComponents.SaveAsXML, 1, VssHresult.E_FAIL);
        BackupResult result;
        try (BackupSession s = fx.session().context(SnapshotContext.APP_ROLLBACK)
                .components(ComponentSelection.writer("AppWriter")).start()) {
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        assertThat(result.postCompleteFailures()).hasSize(1);
        assertThat(fx.machine.snapshots()).singleElement()
                .satisfies(snap -> assertThat(snap.setId()).isEqualTo(result.snapshotSetId()));
        assertThat(fx.machine.faults().calls(IVssBackupComponents.DeleteSnapshots)).isZero();
    }

    // ---- a failed persistent backup leaves nothing ------------------------------------------------------------------

    @Test
    void aPersistentSetIsDeletedWhenTheBackupFailsAfterItsCreation() {
        app.failAt(WriterEvent.POST_SNAPSHOT, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        assertThatThrownBy(() -> fx.session().context(SnapshotContext.APP_ROLLBACK)
                .components(ComponentSelection.writer("AppWriter")).start())
                .isInstanceOfSatisfying(BackupException.class,
                        e -> assertThat(e.phase()).isEqualTo(BackupPhase.DO_SNAPSHOT_SET));
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        assertThat(fx.machine.faults().calls(IVssBackupComponents.DeleteSnapshots)).isEqualTo(1);
        assertThat(fx.machine.snapshots()).isEmpty();
    }

    @Test
    void aPersistentSetIsDeletedWhenTheSessionIsClosedWithoutCompleting() {
        try (BackupSession s = fx.session().context(SnapshotContext.APP_ROLLBACK)
                .components(ComponentSelection.writer("AppWriter")).start()) {
            assertThat(fx.machine.snapshots()).singleElement().satisfies(snap -> assertThat(snap.isPersistent())
                    .isTrue());
            assertThat(s.items()).isNotEmpty();
        }
        assertThat(fx.machine.snapshots()).isEmpty();
    }

    @Test
    void aPersistentSetIsDeletedWhenBackupCompleteCannotBeCalled() {
        fx.machine.faults().failOnCall(IVssBackupComponents.BackupComplete, 1, VssHresult.VSS_E_BAD_STATE);
        try (BackupSession s = fx.session().context(SnapshotContext.APP_ROLLBACK)
                .components(ComponentSelection.writer("AppWriter")).start()) {
            SessionFixture.copyAll(s);
            // The call failed: the writers were never told, so the backup is aborted and its set deleted.
            assertThatThrownBy(s::complete).isInstanceOfSatisfying(BackupException.class, e -> {
                assertThat(e.phase()).isEqualTo(BackupPhase.BACKUP_COMPLETE);
                assertThat(e.hresult()).isEqualTo(VssHresult.VSS_E_BAD_STATE.code());
            });
        }
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
        assertThat(fx.machine.snapshots()).isEmpty();
    }

    // ---- a broken writer ----------------------------------------------------------------------------------------------

    @Test
    void aWriterWhoseMetadataCannotBeSavedIsSkippedWhenNobodySelectedIt() {
        addBroken();
        // SaveAsXML of the second writer's metadata (writers are examined in the order they report).
        fx.machine.faults().failOnCall(IVssExamineWriterMetadata.SaveAsXML, 2, VssHresult.E_OUTOFMEMORY);
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("AppWriter")).start()) {
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        assertThat(result.succeeded()).isTrue();
        assertThat(result.skippedWriters()).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo("BrokenWriter");
            assertThat(w.hresult()).isEqualTo(VssHresult.E_OUTOFMEMORY.code());
            assertThat(w.toString()).contains("BrokenWriter", "E_OUTOFMEMORY", "IVssExamineWriterMetadata::SaveAsXML");
        });
        assertThat(result.writerMetadataDocuments()).extracting(d -> d.writer().name()).containsExactly("AppWriter");
    }

    @Test
    void aSelectedWriterWhoseMetadataCannotBeReadFailsTheSessionNamingIt() {
        addBroken();
        fx.machine.faults().failOnCall(IVssExamineWriterMetadata.GetFileCounts, 2, VssHresult.E_FAIL);
        assertThatThrownBy(() -> fx.session().components(ComponentSelection.writer("BrokenWriter")).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.GATHER_WRITER_METADATA);
                    assertThat(e.writer()).contains("BrokenWriter");
                    assertThat(e.hresult()).isEqualTo(VssHresult.E_FAIL.code());
                    assertThat(e.getMessage()).contains("BrokenWriter", "E_FAIL",
                            "IVssExamineWriterMetadata::GetFileCounts");
                });
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isZero();
    }

    @Test
    void aSelectedWriterThatFailedIdentifyIsNamedWithItsFailure() {
        addBroken().failAt(WriterEvent.IDENTIFY, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        assertThatThrownBy(() -> fx.session().components(ComponentSelection.writer("BrokenWriter")).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.GATHER_WRITER_METADATA);
                    assertThat(e.writer()).contains("BrokenWriter");
                    assertThat(e.hresult()).isEqualTo(VssHresult.VSS_E_WRITERERROR_RETRYABLE.code());
                    assertThat(e.getMessage()).contains("VSS_WS_FAILED_AT_IDENTIFY");
                });
    }

    @Test
    void aWriterThatFailedIdentifyIsReportedInTheResultWhenNobodySelectedIt() {
        addBroken().failAt(WriterEvent.IDENTIFY, VssHresult.VSS_E_WRITERERROR_NONRETRYABLE);
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("AppWriter")).start()) {
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        assertThat(result.skippedWriters()).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo("BrokenWriter");
            assertThat(w.hresult()).isEqualTo(VssHresult.VSS_E_WRITERERROR_NONRETRYABLE.code());
        });
    }

    /**
     * A writer skipped because its metadata could not be read answered Identify, and the session cannot exclude it
     * any more (Microsoft docs, "Overview of Backup Initialization": DisableWriterInstances has no effect after
     * GatherWriterMetadata): it is frozen like the others, so its Freeze failure fails a volume-mode backup.
     */
    @Test
    void aWriterSkippedForUnreadableMetadataStillTakesPartAndItsFreezeFailureFailsTheBackup() {
        SimulatedWriter broken = addBroken().failAt(WriterEvent.FREEZE, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        fx.machine.faults().failOnCall(IVssExamineWriterMetadata.SaveAsXML, 2, VssHresult.E_OUTOFMEMORY);
        assertThatThrownBy(() -> fx.session().volumeMode().volumes("C:\\").start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.DO_SNAPSHOT_SET);
                    assertThat(e.writer()).contains("BrokenWriter");
                    assertThat(e.getMessage()).contains("VSS_WS_FAILED_AT_FREEZE");
                });
        assertThat(broken.events()).contains(WriterEvent.FREEZE);
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
    }

    @Test
    void aWriterThatFailedIdentifyDoesNotFailAVolumeModeBackup() {
        addBroken().failAt(WriterEvent.IDENTIFY, VssHresult.VSS_E_WRITERERROR_NONRETRYABLE);
        BackupResult result;
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\").start()) {
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        assertThat(result.writerFailures()).isEmpty();
        assertThat(result.postCompleteFailures()).isEmpty();
        assertThat(result.skippedWriters()).extracting(w -> w.name()).containsExactly("BrokenWriter");
    }

    /**
     * A failure of any kind after BackupComplete (here the caller's clock throwing when the final writer status
     * starts) is attached to the result; the writers were told the backup ended, so nothing aborts and the
     * documents are still saved.
     */
    @Test
    void anUnexpectedFailureAfterBackupCompleteIsAttachedToTheResultWithoutAnAbort() {
        boolean[] finalStatusStarted = new boolean[1];
        TestClock clock = new TestClock().onceWhen(() -> finalStatusStarted[0], () -> {
            throw new ArithmeticException("the caller's clock overflowed");
        });
        BackupResult result;
        try (BackupSession s = fx.session().clock(clock).listener(e -> {
            if (e instanceof BackupEvent.PhaseStarted p && p.phase() == BackupPhase.FINAL_WRITER_STATUS) {
                finalStatusStarted[0] = true;
            }
        }).components(ComponentSelection.writer("AppWriter")).start()) {
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        assertThat(result.postCompleteFailures()).singleElement().satisfies(f -> {
            assertThat(f.phase()).isEqualTo(BackupPhase.FINAL_WRITER_STATUS);
            assertThat(f.hresult()).isEqualTo(VssHresult.E_UNEXPECTED.code());
            assertThat(f.message()).contains("ArithmeticException", "the caller's clock overflowed");
        });
        assertThat(result.succeeded()).isFalse();
        assertThat(result.backupComponentsDocument()).contains("backupSucceeded=\"yes\"");
        assertThat(result.components()).singleElement().satisfies(c -> assertThat(c.backupSucceeded()).isTrue());
        assertThat(fx.machine.faults().calls(IVssBackupComponents.AbortBackup)).isZero();
        assertThat(app.events()).endsWith(WriterEvent.BACKUP_COMPLETE);
    }

    // ---- a writer that ignores Cancel ---------------------------------------------------------------------------------

    @Test
    void aWriterIgnoringCancelIsReleasedWithinTheOverallTimeoutAndNamed() {
        Gate hang = app.hangAt(WriterEvent.PREPARE_FOR_BACKUP);
        fx.machine.faults().async(IVssBackupComponents.PrepareForBackup).ignoresCancel().waitReturnsEarly();
        Duration step = Duration.ofSeconds(10);
        Duration overall = Duration.ofMinutes(5);
        TestClock clock = new TestClock().advanceWhen(hang::wasReached, step);
        try {
            assertThatThrownBy(() -> fx.session().clock(clock).pollInterval(Duration.ofMillis(5))
                    .phaseTimeout(Duration.ofMinutes(10)).overallTimeout(overall).cancelGrace(Duration.ofMinutes(1))
                    .components(ComponentSelection.writer("AppWriter")).start())
                    .isInstanceOfSatisfying(BackupException.class, e -> {
                        assertThat(e.isTimeout()).isTrue();
                        assertThat(e.phase()).isEqualTo(BackupPhase.PREPARE_FOR_BACKUP);
                        assertThat(e.writer()).contains("AppWriter");
                        assertThat(e.getMessage()).contains("E_ABORT", "overall timeout",
                                "still VSS_S_ASYNC_PENDING", "writers still in PrepareForBackup", "'AppWriter'");
                    });
            // The grace is spent inside the overall timeout, not after it (three clock steps of slack: the readings after the wait).
            assertThat(clock.elapsed()).isLessThanOrEqualTo(overall.plus(step.multipliedBy(3)));
        } finally {
            hang.open();
        }
    }
}
