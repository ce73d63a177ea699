package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vss4j.sim.session.SessionFixture.outcome;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vss4j.FileRestoreStatus;
import org.vss4j.RestoreMethod;
import org.vss4j.VssHresult;
import org.vss4j.WriterRestore;
import org.vss4j.session.BackupException;
import org.vss4j.session.BackupPhase;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentSelection;
import org.vss4j.session.RestoreItem;
import org.vss4j.session.RestoreOutcome;
import org.vss4j.session.RestoreResult;
import org.vss4j.session.RestoreSession;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * A writer-aware restore with {@link RestoreSession}: a component-mode backup's document restored through the
 * simulated writers (Microsoft docs, "Overview of Preparing for Restore", "Overview of Actual File Restoration",
 * "Overview of Post-Restore Tasks").
 */
@ExtendWith(VssSimulatorExtension.class)
class RestoreSessionTest {

    private static final String SFRS = "IVssBackupComponents::SetFileRestoreStatus";
    private static final String POST = "IVssBackupComponents::PostRestore";

    @TempDir
    Path temp;

    SessionFixture fx;
    SimulatedMachine machine;
    /** What the last {@link #backup} copied: Windows path to content. */
    java.util.Map<String, String> saved = java.util.Map.of();

    @BeforeEach
    void setUp(SimulatedMachine m) {
        machine = m;
        fx = new SessionFixture(m, temp);
        SessionFixture.write(fx.c, "one\\a.txt", "a");
        SessionFixture.write(fx.c, "two\\b.txt", "b");
    }

    private SimulatedWriter.Builder writer(String name) {
        return SimulatedWriter.builder(name)
                .component(WriterComponent.fileGroup("", "one").withFile(FileSpec.of("C:\\one", "*", false)))
                .component(WriterComponent.fileGroup("", "two").withFile(FileSpec.of("C:\\two", "*", false)));
    }

    /** A component-mode backup of every component of {@code w}; its Backup Components Document. */
    private String backup(SimulatedWriter w) {
        SessionFixture.Backup b = fx.backUpComponents(w.metadata().writerClassId());
        saved = b.saved();
        return b.document();
    }

    /** Writes back what the backup saved under the item's file set, to its target on volume C:. */
    private void copyBack(RestoreItem item) {
        String prefix = item.files().path().toLowerCase(java.util.Locale.ROOT) + "\\";
        saved.forEach((path, content) -> {
            if (path.toLowerCase(java.util.Locale.ROOT).startsWith(prefix)) {
                String rel = item.target().substring("C:\\".length()) + "\\" + path.substring(prefix.length());
                SessionFixture.write(fx.c, rel, content);
            }
        });
    }

    private static RestoreSession start(String document) {
        return SessionFixture.restore(document).start();
    }

    @Test
    void roundTripSendsPreAndPostRestoreToTheWriterWithItsComponentsSelected() throws java.io.IOException {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").restoreMethod(RestoreMethod.RESTORE_IF_CAN_REPLACE,
                null, null, WriterRestore.ALWAYS, false).build());
        String bcd = backup(w);
        SessionFixture.write(fx.c, "one\\a.txt", "damaged");
        int before = w.events().size();
        RestoreResult result;
        try (RestoreSession s = RestoreSession.builder().document(bcd)
                .restoreOptions(w.metadata().writerClassId(), "one", "overwrite=yes").start()) {
            assertThat(s.items()).extracting(RestoreItem::target).containsExactly("C:\\one", "C:\\two");
            assertThat(s.items()).extracting(RestoreItem::action)
                    .containsOnly(RestoreItem.Action.REPLACE_IF_POSSIBLE);
            for (RestoreItem item : s.items()) {
                copyBack(item);
                s.restored(item);
            }
            result = s.complete();
        }
        assertThat(java.nio.file.Files.readString(fx.c.resolve("one").resolve("a.txt"))).isEqualTo("a");
        assertThat(w.events().subList(before, w.events().size())).containsExactly(WriterEvent.IDENTIFY,
                WriterEvent.PRE_RESTORE, WriterEvent.POST_RESTORE);
        assertThat(w.seenAt(WriterEvent.PRE_RESTORE)).allSatisfy(c -> assertThat(c.selectedForRestore()).isTrue());
        assertThat(w.seenAt(WriterEvent.PRE_RESTORE)).extracting(c -> c.name() + "=" + c.restoreOptions())
                .containsExactly("one=overwrite=yes", "two=null");
        // What the writer's GetRestoreType answered there: the builder's default, SetRestoreState(VSS_RTYPE_BY_COPY).
        assertThat(w.restoreTypeAt(WriterEvent.PRE_RESTORE)).isEqualTo(org.vss4j.RestoreType.BY_COPY);
        // At PostRestore the writer reads what the requester wrote (Microsoft docs, "Overview of Post-Restore Tasks").
        assertThat(w.seenAt(WriterEvent.POST_RESTORE)).extracting(c -> c.fileRestoreStatus())
                .containsOnly(FileRestoreStatus.ALL);
        assertThat(result.allRestored()).isTrue();
        assertThat(result.outcomes()).extracting(RestoreOutcome::status).containsOnly(FileRestoreStatus.ALL);
        assertThat(result.document()).contains("selectedForRestore=\"yes\"", "restoreOptions=\"overwrite=yes\"",
                "fileRestoreStatus=\"VSS_RS_ALL\"", "restoreType=\"VSS_RTYPE_BY_COPY\"");
    }

    @ParameterizedTest
    @EnumSource(RestoreMethod.class)
    void eachRestoreMethodDecidesTheItems(RestoreMethod method) {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").restoreMethod(method, "AppService", "call support",
                WriterRestore.ALWAYS, false).build());
        String bcd = backup(w);
        RestoreResult result;
        String reason;
        try (RestoreSession s = start(bcd)) {
            RestoreItem item = s.items().get(0);
            reason = item.reason();
            switch (method) {
                // C:\one\a.txt is on disk: none of the component's files is restored ("VSS_RESTOREMETHOD_ENUM").
                case RESTORE_IF_NOT_THERE -> assertThat(item.reason()).isEqualTo("files of the component are present "
                        + "(C:\\one\\a.txt) and its restore method is VSS_RME_RESTORE_IF_NOT_THERE");
                case RESTORE_IF_CAN_REPLACE -> assertThat(item.action())
                        .isEqualTo(RestoreItem.Action.REPLACE_IF_POSSIBLE);
                case STOP_RESTORE_START, RESTORE_STOP_START -> assertThat(item.reason())
                        .startsWith("needs service stop (AppService); allow the session to stop and start it with "
                                + "RestoreSessionBuilder.stopServices(true)");
                case RESTORE_AT_REBOOT, RESTORE_AT_REBOOT_IF_CANNOT_REPLACE -> assertThat(item.reason())
                        .startsWith("needs reboot; allow replacing the files at the next reboot with "
                                + "RestoreSessionBuilder.restoreAtReboot(true)");
                case CUSTOM -> assertThat(item.reason()).isEqualTo("needs custom procedure (call support)");
                case RESTORE_TO_ALTERNATE_LOCATION -> assertThat(item.reason()).isEqualTo("writer error: restore "
                        + "method VSS_RME_RESTORE_TO_ALTERNATE_LOCATION without an alternate location mapping for "
                        + "C:\\one\\*");
                case UNDEFINED -> assertThat(item.reason()).isEqualTo("writer error: the writer declares no restore "
                        + "method (VSS_RME_UNDEFINED)");
            }
            s.items().stream().filter(RestoreItem::toCopy).forEach(s::restored);
            result = s.complete();
        }
        RestoreOutcome one = outcome(result, "one");
        if (method == RestoreMethod.RESTORE_IF_CAN_REPLACE) {
            assertThat(one.restored()).isTrue();
            assertThat(one.status()).isEqualTo(FileRestoreStatus.ALL);
        } else {
            assertThat(one.restored()).isFalse();
            assertThat(one.reason()).isEqualTo("not restored: " + reason);
            assertThat(one.status()).isEqualTo(FileRestoreStatus.NONE);
        }
    }

    @Test
    void alternateLocationMappingIsHonouredAndRecorded() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter")
                .restoreMethod(RestoreMethod.RESTORE_TO_ALTERNATE_LOCATION, null, null, WriterRestore.NEVER, false)
                .alternateLocationMapping(new FileSpec("C:\\one", "*", false, "C:\\alt\\one", FileSpec.DEFAULT_MASK))
                .build());
        String bcd = backup(w);
        RestoreResult result;
        try (RestoreSession s = start(bcd)) {
            RestoreItem one = s.items().stream().filter(i -> i.component().name().equals("one")).findFirst()
                    .orElseThrow();
            RestoreItem two = s.items().stream().filter(i -> i.component().name().equals("two")).findFirst()
                    .orElseThrow();
            assertThat(one.action()).isEqualTo(RestoreItem.Action.COPY_TO_ALTERNATE_LOCATION);
            assertThat(one.target()).isEqualTo("C:\\alt\\one");
            assertThat(two.toCopy()).isFalse();
            assertThat(two.reason()).contains("alternate location mapping");
            s.restored(one);
            result = s.complete();
        }
        assertThat(outcome(result, "one").restored()).isTrue();
        assertThat(outcome(result, "two").restored()).isFalse();
        assertThat(result.document()).contains("ALTERNATE_LOCATION_MAPPING", "destination=\"C:\\alt\\one\"");
    }

    @Test
    void aWriterNotRunningAtRestoreIsReportedUnmatchedAndFailsOnlyIfAskedFor() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        SimulatedWriter gone = machine.addWriter(SimulatedWriter.builder("GoneWriter")
                .component(WriterComponent.fileGroup("", "g").withFile(FileSpec.of("C:\\two", "*", false))).build());
        String bcd;
        bcd = fx.backUpComponents(w.metadata().writerClassId(), gone.metadata().writerClassId()).document();
        gone.failAt(WriterEvent.IDENTIFY, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        try (RestoreSession s = start(bcd)) {
            assertThat(s.unmatched()).extracting(u -> u.component().name()).containsExactly("g");
            assertThat(s.selectedComponents()).extracting(c -> c.name()).containsExactly("one", "two");
            s.items().forEach(s::restored);
            // g was backed up and is not restored: not everything the session was to restore is.
            assertThat(s.complete().allRestored()).isFalse();
        }
        assertThatThrownBy(() -> RestoreSession.builder().document(bcd)
                .component(gone.metadata().writerClassId(), "g").start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.SELECT_FOR_RESTORE);
                    assertThat(e.getMessage()).contains("VSS_E_OBJECT_NOT_FOUND");
                });
        assertThat(gone.events()).doesNotContain(WriterEvent.PRE_RESTORE);
    }

    /** A component asked for that was not backed up successfully fails the selection naming its running writer. */
    @Test
    void aComponentAskedForThatWasNotBackedUpSuccessfullyNamesItsWriter() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd;
        try (BackupSession s = fx.session().components(ComponentSelection.writer(w.metadata().writerClassId()))
                .start()) {
            for (org.vss4j.session.BackupItem item : s.items()) {
                if (item.addedComponent() != null && item.addedComponent().name().equals("two")) {
                    s.failed(item, "unreadable");
                } else {
                    s.saved(item);
                }
            }
            bcd = s.complete().backupComponentsDocument();
        }
        assertThatThrownBy(() -> RestoreSession.builder().document(bcd).component(w.metadata().writerClassId(), "two")
                .start()).isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.SELECT_FOR_RESTORE);
                    assertThat(e.writer()).contains("AppWriter");
                    assertThat(e.getMessage()).contains("VSS_E_OBJECT_NOT_FOUND", "not backed up successfully");
                });
    }

    @Test
    void aWriterFailingPreRestoreNamesPhaseWriterAndHresult() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd = backup(w);
        w.failAt(WriterEvent.PRE_RESTORE, VssHresult.VSS_E_WRITERERROR_NONRETRYABLE);
        machine.faults().recordCalls();
        assertThatThrownBy(() -> start(bcd)).isInstanceOfSatisfying(BackupException.class, e -> {
            assertThat(e.phase()).isEqualTo(BackupPhase.PRE_RESTORE);
            assertThat(e.writer()).contains("AppWriter");
            assertThat(e.getMessage()).contains("VSS_E_WRITERERROR_NONRETRYABLE");
        });
    }

    /**
     * A PreRestore whose IVssAsync failed: the writers that handled OnPreRestore may have closed their files, so the
     * session still tries VSS_RS_NONE and PostRestore. The simulator refuses both with VSS_E_BAD_STATE (its choice,
     * docs/restore-session.md), which the session only logs: the exception carries nothing suppressed.
     */
    @Test
    void afterAFailedPreRestoreTheSessionStillTriesNoneAndPostRestore() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd = backup(w);
        w.failAt(WriterEvent.PRE_RESTORE, VssHresult.VSS_E_WRITERERROR_NONRETRYABLE);
        machine.faults().recordCalls();
        assertThatThrownBy(() -> start(bcd)).isInstanceOfSatisfying(BackupException.class, e -> {
            assertThat(e.getMessage()).startsWith("restore session, PRE_RESTORE failed: ");
            assertThat(e.getSuppressed()).isEmpty();
        });
        assertThat(machine.faults().callLog().stream().filter(c -> c.equals(SFRS) || c.equals(POST)
                || c.equals("IVssBackupComponents::PreRestore")))
                .containsExactly("IVssBackupComponents::PreRestore", SFRS, SFRS, POST);
        assertThat(w.events()).doesNotContain(WriterEvent.POST_RESTORE);
        assertThat(machine.leakReport().isClean()).as("%s", machine.leakReport()).isTrue();
    }

    /** A PreRestore that timed out was cancelled: VSS ends it, so neither a status nor PostRestore is tried. */
    @Test
    void aTimedOutPreRestoreGetsNeitherAStatusNorPostRestore() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd = backup(w);
        org.vss4j.abi.vtable.IVssBackupComponents pre = org.vss4j.abi.vtable.IVssBackupComponents.PreRestore;
        org.vss4j.sim.Gate held = machine.faults().delay(pre);
        machine.faults().async(pre).waitReturnsEarly();
        TestClock clock = new TestClock().advanceWhen(() -> held.wasReached()
                && machine.faults().calls(org.vss4j.abi.vtable.IVssAsync.Cancel) == 0, java.time.Duration.ofMinutes(1));
        machine.faults().recordCalls();
        assertThatThrownBy(() -> RestoreSession.builder().document(bcd).clock(clock)
                .phaseTimeout(java.time.Duration.ofMinutes(10)).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.isTimeout()).isTrue();
                    assertThat(e.phase()).isEqualTo(BackupPhase.PRE_RESTORE);
                });
        assertThat(machine.faults().callLog()).doesNotContain(SFRS, POST);
        assertThat(machine.leakReport().isClean()).as("%s", machine.leakReport()).isTrue();
    }

    /**
     * A writer failing Identify at restore keeps reporting VSS_WS_FAILED_AT_IDENTIFY in every writer status: it takes
     * no part in the restore, so a failed PostRestore is blamed on the failed writer that does.
     */
    @Test
    void aFailedStepIsBlamedOnAWriterTakingPartNotOnOneThatFailedIdentify() {
        // GoneWriter first: the writer status lists it before AppWriter.
        SimulatedWriter gone = machine.addWriter(SimulatedWriter.builder("GoneWriter")
                .component(WriterComponent.fileGroup("", "g").withFile(FileSpec.of("C:\\two", "*", false))).build());
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd = backupBesideAWriterFailingIdentifyAtRestore(w, gone);
        w.failAt(WriterEvent.POST_RESTORE, VssHresult.VSS_E_WRITERERROR_NONRETRYABLE);
        RestoreSession s = start(bcd);
        s.items().forEach(s::restored);
        assertThatThrownBy(s::complete).isInstanceOfSatisfying(BackupException.class, e -> {
            assertThat(e.phase()).isEqualTo(BackupPhase.POST_RESTORE);
            assertThat(e.writer()).contains("AppWriter");
            assertThat(e.getMessage()).contains("VSS_E_WRITERERROR_NONRETRYABLE").doesNotContain("GoneWriter");
        });
        s.close();
    }

    /** The result's writer failures are those of the writers taking part, each once, at the phase it failed. */
    @Test
    void theWriterFailuresAreThoseOfTheWritersTakingPartEachOnce() {
        // GoneWriter first: the writer status lists it before AppWriter.
        SimulatedWriter gone = machine.addWriter(SimulatedWriter.builder("GoneWriter")
                .component(WriterComponent.fileGroup("", "g").withFile(FileSpec.of("C:\\two", "*", false))).build());
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd = backupBesideAWriterFailingIdentifyAtRestore(w, gone);
        w.failsButContinuesAt(WriterEvent.PRE_RESTORE, VssHresult.VSS_E_WRITERERROR_NONRETRYABLE);
        RestoreResult result;
        try (RestoreSession s = start(bcd)) {
            result = s.complete();
        }
        assertThat(result.writerFailures()).singleElement().satisfies(f -> {
            assertThat(f.writer().name()).isEqualTo("AppWriter");
            assertThat(f.phase()).isEqualTo(BackupPhase.PRE_RESTORE);
        });
    }

    /** Backs up {@code w} and {@code gone}, which then fails Identify; the Backup Components Document. */
    private String backupBesideAWriterFailingIdentifyAtRestore(SimulatedWriter w, SimulatedWriter gone) {
        String bcd;
        bcd = fx.backUpComponents(w.metadata().writerClassId(), gone.metadata().writerClassId()).document();
        gone.failAt(WriterEvent.IDENTIFY, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        return bcd;
    }

    @Test
    void aPartialFailureIsReportedPerComponent() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd = backup(w);
        machine.faults().recordCalls();
        RestoreResult result;
        try (RestoreSession s = start(bcd)) {
            for (RestoreItem i : s.items()) {
                if (i.component().name().equals("one")) {
                    s.restored(i);
                } else {
                    s.failed(i, "disk full");
                }
            }
            result = s.complete();
        }
        assertThat(outcome(result, "one").status()).isEqualTo(FileRestoreStatus.ALL);
        assertThat(outcome(result, "two").status()).isEqualTo(FileRestoreStatus.FAILED);
        assertThat(outcome(result, "two").reason()).isEqualTo("not restored: disk full");
        List<String> log = machine.faults().callLog().stream().filter(c -> c.equals(SFRS) || c.equals(POST)
                || c.equals("IVssBackupComponents::PreRestore")).toList();
        assertThat(log).containsExactly("IVssBackupComponents::PreRestore", SFRS, SFRS, POST);
        assertThat(result.document()).contains("fileRestoreStatus=\"VSS_RS_ALL\"",
                "fileRestoreStatus=\"VSS_RS_FAILED\"");
    }

    /**
     * close() while copying: "one" reported restored is VSS_RS_ALL; "two", not reported, may be half written, so
     * VSS_RS_FAILED ("VSS_FILE_RESTORE_STATUS"); PostRestore is still sent.
     */
    @Test
    void closingWithoutCompleteReportsFailedAndStillCallsPostRestore() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd = backup(w);
        machine.faults().recordCalls();
        try (RestoreSession s = start(bcd)) {
            s.restored(s.items().get(0));
        }
        assertThat(machine.faults().callLog().stream().filter(c -> c.equals(SFRS) || c.equals(POST)))
                .containsExactly(SFRS, SFRS, POST);
        assertThat(w.events()).contains(WriterEvent.POST_RESTORE);
        assertThat(w.seenAt(WriterEvent.POST_RESTORE)).extracting(c -> c.name() + "=" + c.fileRestoreStatus())
                .containsExactly("one=" + FileRestoreStatus.ALL, "two=" + FileRestoreStatus.FAILED);
    }

    /**
     * close() where nothing can be on disk: a writer whose components the session does not copy (VSS_RME_CUSTOM), and
     * an item reported not written, get VSS_RS_NONE, not VSS_RS_FAILED ("components on disk are now corrupt").
     */
    @Test
    void closingWithoutCompleteReportsNoneWhereNothingWasWritten() {
        SimulatedWriter custom = machine.addWriter(writer("CustomWriter").restoreMethod(RestoreMethod.CUSTOM, null,
                "call support", WriterRestore.ALWAYS, false).build());
        String bcd = backup(custom);
        try (RestoreSession s = start(bcd)) {
            assertThat(s.items()).noneMatch(RestoreItem::toCopy);
        }
        assertThat(custom.seenAt(WriterEvent.POST_RESTORE)).extracting(c -> c.fileRestoreStatus())
                .containsExactly(FileRestoreStatus.NONE, FileRestoreStatus.NONE);
    }

    @Test
    void closingWithoutCompleteReportsNoneForAnItemReportedNotWritten() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd = backup(w);
        try (RestoreSession s = start(bcd)) {
            s.notWritten(s.items().get(0), "media unreadable");
            s.restored(s.items().get(1));
        }
        assertThat(w.seenAt(WriterEvent.POST_RESTORE)).extracting(c -> c.name() + "=" + c.fileRestoreStatus())
                .containsExactly("one=" + FileRestoreStatus.NONE, "two=" + FileRestoreStatus.ALL);
    }

    /** notWritten: nothing of the item on disk, VSS_RS_NONE; failed: some may be, VSS_RS_FAILED. Each item once. */
    @Test
    void anItemNotWrittenLeavesItsComponentNoneAndAnItemIsReportedOnce() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd = backup(w);
        RestoreResult result;
        try (RestoreSession s = start(bcd)) {
            RestoreItem one = s.items().get(0);
            s.notWritten(one, "C:\\one: volume offline");
            assertThatThrownBy(() -> s.restored(one)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already reported (not written: C:\\one: volume offline)");
            s.failed(s.items().get(1), "disk full");
            assertThatThrownBy(() -> s.failed(s.items().get(1), "again")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already reported (failed: disk full)");
            result = s.complete();
        }
        assertThat(w.seenAt(WriterEvent.POST_RESTORE)).extracting(c -> c.name() + "=" + c.fileRestoreStatus())
                .containsExactly("one=" + FileRestoreStatus.NONE, "two=" + FileRestoreStatus.FAILED);
        assertThat(outcome(result, "one").reason()).isEqualTo("not restored: C:\\one: volume offline");
        assertThat(outcome(result, "two").reason()).isEqualTo("not restored: disk full");
    }

    /**
     * A step of complete() failing before PostRestore (the second SetFileRestoreStatus): complete() throws naming the
     * phase, PostRestore is still sent once, and the writer reads the statuses from what was reported.
     */
    @Test
    void aFailureInCompleteBeforePostRestoreStillSendsPostRestoreWithTheReportedStatuses() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd = backup(w);
        machine.faults().recordCalls();
        RestoreSession s = start(bcd);
        s.restored(s.items().get(0));
        s.failed(s.items().get(1), "disk full");
        machine.faults().failOnCall(org.vss4j.abi.vtable.IVssBackupComponents.SetFileRestoreStatus, 2,
                VssHresult.E_OUTOFMEMORY);
        assertThatThrownBy(s::complete).isInstanceOfSatisfying(BackupException.class, e -> {
            assertThat(e.phase()).isEqualTo(BackupPhase.SET_FILE_RESTORE_STATUS);
            assertThat(e.getMessage()).startsWith("restore session, SET_FILE_RESTORE_STATUS failed: E_OUTOFMEMORY");
        });
        assertThat(machine.faults().callLog().stream().filter(POST::equals)).hasSize(1);
        assertThat(w.seenAt(WriterEvent.POST_RESTORE)).extracting(c -> c.name() + "=" + c.fileRestoreStatus())
                .containsExactly("one=" + FileRestoreStatus.ALL, "two=" + FileRestoreStatus.FAILED);
        assertThat(machine.leakReport().isClean()).as("%s", machine.leakReport()).isTrue();
        s.close();
    }

    /** The end of complete() (writer status, GetWriterComponents, SaveAsXML) is one FINAL_RESTORE_STATUS phase. */
    @Test
    void theFinalRestoreStatusIsOnePhase() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd = backup(w);
        List<org.vss4j.session.BackupEvent> events = new java.util.ArrayList<>();
        try (RestoreSession s = RestoreSession.builder().document(bcd).listener(events::add).start()) {
            s.items().forEach(s::restored);
            s.complete();
        }
        assertThat(events).filteredOn(e -> e instanceof org.vss4j.session.BackupEvent.PhaseStarted p
                && p.phase() == BackupPhase.FINAL_RESTORE_STATUS).hasSize(1);
    }

    /** A failure of the service control manager that is no ProcedureException still names the phase. */
    @Test
    void aServiceControlDefectAtTheServiceStopFailsPreRestoreAsABackupException() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").restoreMethod(RestoreMethod.STOP_RESTORE_START,
                "AppService", null, WriterRestore.ALWAYS, false).build());
        String bcd = backup(w);
        org.vss4j.procedures.ServiceControl broken = new org.vss4j.procedures.ServiceControl() {
            @Override
            public org.vss4j.diagnostics.ServiceState state(String service) {
                throw new UnsupportedOperationException("no service control manager here");
            }

            @Override
            public void stop(String service, java.time.Duration timeout) {
                throw new AssertionError("not stopped: its state is unknown");
            }

            @Override
            public void start(String service, java.time.Duration timeout) {
                throw new AssertionError("never stopped");
            }
        };
        assertThatThrownBy(() -> RestoreSession.builder().document(bcd).stopServices(true).serviceControl(broken)
                .start()).isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.PRE_RESTORE);
                    assertThat(e.getMessage()).contains("E_UNEXPECTED", "UnsupportedOperationException",
                            "no service control manager here");
                });
        // PreRestore succeeded: PostRestore still ends the restore, with nothing copied.
        assertThat(w.seenAt(WriterEvent.POST_RESTORE)).extracting(c -> c.fileRestoreStatus())
                .containsOnly(FileRestoreStatus.NONE);
    }

    @Test
    void aWriterFailingPostRestoreNamesPhaseWriterAndHresult() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd = backup(w);
        w.failAt(WriterEvent.POST_RESTORE, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        machine.faults().recordCalls();
        RestoreSession s = start(bcd);
        s.items().forEach(s::restored);
        assertThatThrownBy(s::complete).isInstanceOfSatisfying(BackupException.class, e -> {
            assertThat(e.phase()).isEqualTo(BackupPhase.POST_RESTORE);
            assertThat(e.writer()).contains("AppWriter");
            assertThat(e.getMessage()).contains("VSS_E_WRITERERROR_RETRYABLE");
        });
        // complete() released the requester itself: nothing is held before close(), PostRestore was sent once (the
        // failure handling does not send it again), and the session takes no more reports.
        assertThat(machine.leakReport().isClean()).as("%s", machine.leakReport()).isTrue();
        assertThat(machine.faults().callLog().stream().filter(POST::equals)).hasSize(1);
        assertThat(w.events().stream().filter(WriterEvent.POST_RESTORE::equals)).hasSize(1);
        assertThatThrownBy(() -> s.restored(s.items().get(0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        s.close();
    }

    /**
     * Microsoft docs, "IVssComponent::SetPostRestoreFailureMsg" ("Overview of Post-Restore Tasks"): a writer that
     * could not recover a component in OnPostRestore says so with a message, which the requester reads back with
     * GetWriterComponents. Its files were all written (the status sent stays VSS_RS_ALL), yet it is not restored.
     */
    @Test
    void aPostRestoreFailureMessageLeavesTheComponentNotRestoredWithTheMessage() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd = backup(w);
        w.recordsAt(WriterEvent.POST_RESTORE, "", "two", d -> d.withPostRestoreFailureMsg("log replay failed"));
        RestoreResult result;
        try (RestoreSession s = start(bcd)) {
            s.items().forEach(s::restored);
            result = s.complete();
        }
        assertThat(w.seenAt(WriterEvent.POST_RESTORE)).extracting(c -> c.fileRestoreStatus())
                .containsOnly(FileRestoreStatus.ALL);
        RestoreOutcome two = outcome(result, "two");
        assertThat(two.status()).isEqualTo(FileRestoreStatus.ALL);
        assertThat(two.restored()).isFalse();
        assertThat(two.reason()).isEqualTo("not restored: its writer failed it at PostRestore: log replay failed");
        assertThat(two.writerFailure()).isNull();
        assertThat(outcome(result, "one").restored()).isTrue();
        assertThat(outcome(result, "one").reason()).isNull();
        assertThat(result.allRestored()).isFalse();
        assertThat(result.writerFailures()).isEmpty();
    }

    /**
     * A writer failing PostRestore non-fatally (SetWriterFailure, then true; Microsoft docs,
     * "CVssWriter::OnPostRestore"): complete() returns, and each of its components says so.
     */
    @Test
    void aWriterFailingPostRestoreNonFatallyNamesItsFailureInEachOfItsComponents() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").build());
        String bcd = backup(w);
        w.failsButContinuesAt(WriterEvent.POST_RESTORE, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        RestoreResult result;
        try (RestoreSession s = start(bcd)) {
            s.items().forEach(s::restored);
            result = s.complete();
        }
        assertThat(result.outcomes()).hasSize(2).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(FileRestoreStatus.ALL);
            assertThat(o.restored()).isFalse();
            assertThat(o.reason()).startsWith("not restored: its writer failed PostRestore: writer 'AppWriter'")
                    .contains("VSS_WS_FAILED_AT_POST_RESTORE", "VSS_E_WRITERERROR_RETRYABLE");
            assertThat(o.writerFailure().phase()).isEqualTo(BackupPhase.POST_RESTORE);
            assertThat(o.writerFailure().state()).isEqualTo(org.vss4j.WriterState.FAILED_AT_POST_RESTORE);
        });
        assertThat(result.writerFailures()).singleElement()
                .satisfies(f -> assertThat(f.phase()).isEqualTo(BackupPhase.POST_RESTORE));
        assertThat(result.allRestored()).isFalse();
    }

    /**
     * One component with two file sets, one written and one not: VSS_RS_FAILED with its cause; the writer's other
     * component VSS_RS_ALL.
     */
    @Test
    void aComponentWithOneFileSetFailedIsFailedWithItsCauseAndTheOtherComponentAll() {
        SessionFixture.write(fx.c, "three\\c.txt", "c");
        SimulatedWriter w = machine.addWriter(SimulatedWriter.builder("AppWriter")
                .component(WriterComponent.fileGroup("", "one").withFile(FileSpec.of("C:\\one", "*", false))
                        .withFile(FileSpec.of("C:\\three", "*", false)))
                .component(WriterComponent.fileGroup("", "two").withFile(FileSpec.of("C:\\two", "*", false)))
                .build());
        String bcd = backup(w);
        RestoreResult result;
        try (RestoreSession s = start(bcd)) {
            assertThat(s.items()).extracting(i -> i.component().name() + ":" + i.files().path())
                    .containsExactly("one:C:\\one", "one:C:\\three", "two:C:\\two");
            s.restored(s.items().get(0));
            s.failed(s.items().get(1), "C:\\three\\c.txt: access denied");
            s.restored(s.items().get(2));
            result = s.complete();
        }
        assertThat(w.seenAt(WriterEvent.POST_RESTORE)).extracting(c -> c.name() + "=" + c.fileRestoreStatus())
                .containsExactly("one=" + FileRestoreStatus.FAILED, "two=" + FileRestoreStatus.ALL);
        RestoreOutcome one = outcome(result, "one");
        assertThat(one.status()).isEqualTo(FileRestoreStatus.FAILED);
        assertThat(one.restored()).isFalse();
        assertThat(one.reason()).isEqualTo("not restored: C:\\three\\c.txt: access denied");
        RestoreOutcome two = outcome(result, "two");
        assertThat(two.status()).isEqualTo(FileRestoreStatus.ALL);
        assertThat(two.restored()).isTrue();
        assertThat(two.reason()).isNull();
    }

    /**
     * Two writers, one failing PreRestore non-fatally (Microsoft docs, "CVssWriter::OnPreRestore": SetWriterFailure,
     * then true): PreRestore succeeds; that writer's components are not restored, VSS_RS_NONE (sent, so its writer
     * reads it at PostRestore), with its failure; the other writer's are restored.
     */
    @Test
    void aWriterFailingPreRestoreNonFatallyLosesOnlyItsOwnComponents() {
        SimulatedWriter failing = machine.addWriter(writer("FailingWriter").build());
        SimulatedWriter other = machine.addWriter(SimulatedWriter.builder("OtherWriter")
                .component(WriterComponent.fileGroup("", "three").withFile(FileSpec.of("C:\\three", "*", false)))
                .build());
        SessionFixture.write(fx.c, "three\\c.txt", "c");
        String bcd;
        SessionFixture.Backup b = fx.backUpComponents(failing.metadata().writerClassId(),
                other.metadata().writerClassId());
        saved = b.saved();
        bcd = b.document();
        failing.failsButContinuesAt(WriterEvent.PRE_RESTORE, VssHresult.VSS_E_WRITERERROR_NONRETRYABLE);
        RestoreResult result;
        try (RestoreSession s = start(bcd)) {
            assertThat(s.items()).extracting(i -> i.component().name()).containsExactly("three");
            // Still selected, left out at PreRestore: listed after the others, and nothing of them is taken.
            assertThat(s.selectedComponents()).extracting(c -> c.name()).containsExactly("three", "one", "two");
            org.vss4j.session.ComponentRef one = s.selectedComponents().get(1);
            assertThatThrownBy(() -> s.rangesFileRestoredTo(one, 0, "D:\\r.rng"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll("E_INVALIDARG", "its writer failed PreRestore");
            s.items().forEach(s::restored);
            result = s.complete();
        }
        for (String name : List.of("one", "two")) {
            RestoreOutcome o = outcome(result, name);
            assertThat(o.restored()).isFalse();
            assertThat(o.status()).isEqualTo(FileRestoreStatus.NONE);
            assertThat(o.reason()).startsWith("not restored: its writer failed PreRestore: writer 'FailingWriter'")
                    .contains("VSS_WS_FAILED_AT_PRE_RESTORE", "VSS_E_WRITERERROR_NONRETRYABLE");
            assertThat(o.writerFailure().phase()).isEqualTo(BackupPhase.PRE_RESTORE);
        }
        assertThat(failing.seenAt(WriterEvent.POST_RESTORE)).extracting(c -> c.fileRestoreStatus())
                .containsOnly(FileRestoreStatus.NONE);
        RestoreOutcome three = outcome(result, "three");
        assertThat(three.restored()).isTrue();
        assertThat(three.status()).isEqualTo(FileRestoreStatus.ALL);
        assertThat(three.writerFailure()).isNull();
        // The failing writer keeps reporting VSS_WS_FAILED_AT_PRE_RESTORE at the end: one failure, PreRestore's.
        assertThat(result.writerFailures()).singleElement()
                .satisfies(f -> assertThat(f.phase()).isEqualTo(BackupPhase.PRE_RESTORE));
        assertThat(result.allRestored()).isFalse();
    }

    /**
     * Two instances of one writer class, restarted after the backup (new instance ids, same instance names): without
     * the stored Writer Metadata Documents nothing tells them apart; with them each component goes to the instance
     * of the same name (SetSelectedForRestoreEx), which alone sees it at PreRestore.
     */
    @Test
    void storedWriterMetadataDocumentsMatchRestartedInstancesByInstanceName() {
        java.util.UUID cls = java.util.UUID.fromString("7d1c0a52-3f0e-4b8e-9a51-2c6f1e0b7a33");
        SimulatedWriter alpha = machine.addWriter(instance(cls, "alpha", "one", "C:\\one").build());
        SimulatedWriter beta = machine.addWriter(instance(cls, "beta", "two", "C:\\two").build());
        SessionFixture.Backup b = fx.backUpComponents(cls);
        saved = b.saved();
        BackupResult backup = b.result();
        alpha.failAt(WriterEvent.IDENTIFY, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        beta.failAt(WriterEvent.IDENTIFY, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        SimulatedWriter beta2 = machine.addWriter(instance(cls, "beta", "two", "C:\\two")
                .instanceId(java.util.UUID.randomUUID()).build());
        SimulatedWriter alpha2 = machine.addWriter(instance(cls, "alpha", "one", "C:\\one")
                .instanceId(java.util.UUID.randomUUID()).build());

        try (RestoreSession s = start(backup.backupComponentsDocument())) {
            assertThat(s.selectedComponents()).isEmpty();
            assertThat(s.unmatched()).extracting(u -> u.reason()).allSatisfy(r -> assertThat(r)
                    .contains("2 running instances of writer class " + cls, "none the one backed up"));
        }
        RestoreResult result;
        try (RestoreSession s = RestoreSession.builder().document(backup.backupComponentsDocument())
                .writerMetadataDocuments(backup.writerMetadataDocuments()).start()) {
            assertThat(s.unmatched()).isEmpty();
            assertThat(s.selectedComponents()).extracting(c -> c.name() + "@" + c.writer().instanceId())
                    .containsExactlyInAnyOrder("one@" + alpha2.metadata().instanceId(),
                            "two@" + beta2.metadata().instanceId());
            for (RestoreItem item : s.items()) {
                copyBack(item);
                s.restored(item);
            }
            result = s.complete();
        }
        assertThat(result.allRestored()).isTrue();
        assertThat(alpha2.seenAt(WriterEvent.PRE_RESTORE)).extracting(c -> c.name()).containsExactly("one");
        assertThat(beta2.seenAt(WriterEvent.PRE_RESTORE)).extracting(c -> c.name()).containsExactly("two");
        assertThat(alpha.events()).doesNotContain(WriterEvent.PRE_RESTORE);
    }

    /**
     * A restarted instance (a new instance id) that takes the component with SetSelectedForRestoreEx and fails it in
     * its OnPreRestore: the session reads the failure message back from that instance's part of the document.
     */
    @Test
    void whatARestartedInstanceRecordsAtPreRestoreIsSeenByTheSession() {
        java.util.UUID cls = java.util.UUID.fromString("7d1c0a52-3f0e-4b8e-9a51-2c6f1e0b7a36");
        SimulatedWriter alpha = machine.addWriter(instance(cls, "alpha", "one", "C:\\one").build());
        SessionFixture.Backup b = fx.backUpComponents(cls);
        saved = b.saved();
        BackupResult backup = b.result();
        alpha.failAt(WriterEvent.IDENTIFY, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        SimulatedWriter alpha2 = machine.addWriter(instance(cls, "alpha", "one", "C:\\one")
                .instanceId(java.util.UUID.randomUUID()).build())
                .recordsAt(WriterEvent.PRE_RESTORE, "", "one", d -> d.withPreRestoreFailureMsg("log is locked"));
        RestoreResult result;
        try (RestoreSession s = RestoreSession.builder().document(backup.backupComponentsDocument())
                .writerMetadataDocuments(backup.writerMetadataDocuments()).start()) {
            assertThat(s.selectedComponents()).extracting(c -> c.writer().instanceId())
                    .containsExactly(alpha2.metadata().instanceId());
            assertThat(s.items()).noneMatch(RestoreItem::toCopy);
            result = s.complete();
        }
        assertThat(result.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.restored()).isFalse();
            assertThat(o.reason()).contains("log is locked");
        });
    }

    @Test
    void aStoredInstanceNameNoRunningInstanceHasLeavesTheComponentUnmatched() {
        java.util.UUID cls = java.util.UUID.fromString("7d1c0a52-3f0e-4b8e-9a51-2c6f1e0b7a34");
        SimulatedWriter alpha = machine.addWriter(instance(cls, "alpha", "one", "C:\\one").build());
        SessionFixture.Backup b = fx.backUpComponents(cls);
        saved = b.saved();
        BackupResult backup = b.result();
        alpha.failAt(WriterEvent.IDENTIFY, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        SimulatedWriter other = machine.addWriter(instance(cls, "gamma", "one", "C:\\one")
                .instanceId(java.util.UUID.randomUUID()).build());
        try (RestoreSession s = RestoreSession.builder().document(backup.backupComponentsDocument())
                .writerMetadataDocuments(backup.writerMetadataDocuments()).start()) {
            assertThat(s.selectedComponents()).isEmpty();
            assertThat(s.unmatched()).singleElement().satisfies(u -> assertThat(u.reason())
                    .contains("no single running instance named 'alpha' of writer class " + cls));
        }
        assertThat(other.events()).doesNotContain(WriterEvent.PRE_RESTORE);
    }

    @Test
    void aStoredWriterMetadataDocumentDecidesHowTheComponentIsRestored() {
        // "Overview of Preparing for Restore": the requester uses the stored Writer Metadata Documents to determine
        // what is to be restored and how; the restore method is the one the writer declared at backup time.
        java.util.UUID cls = java.util.UUID.fromString("7d1c0a52-3f0e-4b8e-9a51-2c6f1e0b7a35");
        SimulatedWriter alpha = machine.addWriter(instance(cls, "alpha", "one", "C:\\one").build());
        SessionFixture.Backup b = fx.backUpComponents(cls);
        saved = b.saved();
        BackupResult backup = b.result();
        alpha.failAt(WriterEvent.IDENTIFY, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        machine.addWriter(instance(cls, "alpha", "one", "C:\\one").instanceId(java.util.UUID.randomUUID())
                .restoreMethod(RestoreMethod.CUSTOM, null, "call support", WriterRestore.ALWAYS, false).build());
        RestoreResult result;
        try (RestoreSession s = RestoreSession.builder().document(backup.backupComponentsDocument())
                .writerMetadataDocuments(backup.writerMetadataDocuments()).start()) {
            assertThat(s.items()).singleElement().satisfies(i -> {
                assertThat(i.method()).isEqualTo(RestoreMethod.RESTORE_IF_CAN_REPLACE);
                assertThat(i.action()).isEqualTo(RestoreItem.Action.REPLACE_IF_POSSIBLE);
            });
            s.items().forEach(i -> {
                copyBack(i);
                s.restored(i);
            });
            result = s.complete();
        }
        assertThat(result.allRestored()).isTrue();
    }

    /** A writer with one component {@code both} of two file sets, C:\one\* and C:\two\*. */
    private static SimulatedWriter.Builder twoFileSets(RestoreMethod method) {
        return SimulatedWriter.builder("AppWriter")
                .component(WriterComponent.fileGroup("", "both").withFile(FileSpec.of("C:\\one", "*", false))
                        .withFile(FileSpec.of("C:\\two", "*", false)))
                .restoreMethod(method, null, null, WriterRestore.ALWAYS, false);
    }

    @Test
    void ifNotThereRestoresNoFileOfTheComponentWhenAnyOfItsFilesIsOnDisk() throws java.io.IOException {
        SimulatedWriter w = machine.addWriter(twoFileSets(RestoreMethod.RESTORE_IF_NOT_THERE).build());
        String bcd = backup(w);
        java.nio.file.Files.delete(fx.c.resolve("one").resolve("a.txt"));
        RestoreResult result;
        try (RestoreSession s = start(bcd)) {
            // "VSS_RESTOREMETHOD_ENUM": "if a version of any file managed by a selected component ... is currently on
            // the disk, none of the files managed by the selected component ... should be restored".
            assertThat(s.items()).hasSize(2).allSatisfy(i -> {
                assertThat(i.toCopy()).isFalse();
                assertThat(i.reason()).isEqualTo("files of the component are present (C:\\two\\b.txt) and its "
                        + "restore method is VSS_RME_RESTORE_IF_NOT_THERE");
            });
            result = s.complete();
        }
        assertThat(outcome(result, "both").status()).isEqualTo(FileRestoreStatus.NONE);
        assertThat(w.seenAt(WriterEvent.POST_RESTORE)).extracting(c -> c.fileRestoreStatus())
                .containsExactly(FileRestoreStatus.NONE);
    }

    @Test
    void ifNotThereCopiesEveryFileWhenNoneIsOnDisk() throws java.io.IOException {
        SimulatedWriter w = machine.addWriter(twoFileSets(RestoreMethod.RESTORE_IF_NOT_THERE).build());
        String bcd = backup(w);
        java.nio.file.Files.delete(fx.c.resolve("one").resolve("a.txt"));
        java.nio.file.Files.delete(fx.c.resolve("one"));
        java.nio.file.Files.delete(fx.c.resolve("two").resolve("b.txt"));
        RestoreResult result;
        try (RestoreSession s = start(bcd)) {
            assertThat(s.items()).extracting(RestoreItem::action).containsOnly(RestoreItem.Action.COPY_IF_NOT_THERE);
            for (RestoreItem item : s.items()) {
                copyBack(item);
                s.restored(item);
            }
            result = s.complete();
        }
        assertThat(outcome(result, "both").status()).isEqualTo(FileRestoreStatus.ALL);
        assertThat(java.nio.file.Files.readString(fx.c.resolve("two").resolve("b.txt"))).isEqualTo("b");
    }

    @Test
    void ifNotThereWithAMappingWritesToTheAlternateLocationAndRecordsTheMapping() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").restoreMethod(RestoreMethod.RESTORE_IF_NOT_THERE,
                null, null, WriterRestore.ALWAYS, false)
                .alternateLocationMapping(new FileSpec("C:\\one", "*", false, "C:\\alt\\one", FileSpec.DEFAULT_MASK))
                .build());
        String bcd = backup(w);
        try (RestoreSession s = start(bcd)) {
            // "VSS_RESTOREMETHOD_ENUM": "If a file's alternate location mapping is defined, files should be written
            // to the alternate location"; C:\two has none, and its file is on disk.
            assertThat(s.items()).extracting(i -> i.component().name() + " " + i.action() + " " + i.target())
                    .containsExactly("one COPY_TO_ALTERNATE_LOCATION C:\\alt\\one", "two NOT_RESTORED null");
        }
        assertThat(w.seenAt(WriterEvent.PRE_RESTORE)).extracting(c -> c.name() + "="
                + c.alternateLocationMappings().size()).containsExactly("one=1", "two=0");
    }

    @Test
    void aComponentWithAFileSetThatCannotBeRestoredIsNotRestoredAsAWhole() {
        // "Overview of Actual File Restoration": the files of each component are processed as a unit.
        SimulatedWriter w = machine.addWriter(twoFileSets(RestoreMethod.RESTORE_TO_ALTERNATE_LOCATION)
                .alternateLocationMapping(new FileSpec("C:\\one", "*", false, "C:\\alt\\one", FileSpec.DEFAULT_MASK))
                .build());
        String bcd = backup(w);
        RestoreResult result;
        try (RestoreSession s = start(bcd)) {
            assertThat(s.items()).hasSize(2).allSatisfy(i -> {
                assertThat(i.toCopy()).isFalse();
                assertThat(i.reason()).isEqualTo("writer error: restore method VSS_RME_RESTORE_TO_ALTERNATE_LOCATION "
                        + "without an alternate location mapping for C:\\two\\*");
            });
            result = s.complete();
        }
        assertThat(outcome(result, "both").status()).isEqualTo(FileRestoreStatus.NONE);
    }

    @Test
    void aWritersAlternateTargetSendsServiceStopFilesToTheMappingWithoutStoppingTheService() {
        // "VSS_RESTORE_TARGET": a restore target overrides the restore method; "Setting VSS Restore Targets" exempts
        // only the reboot methods.
        SimulatedWriter w = machine.addWriter(writer("AppWriter").restoreMethod(RestoreMethod.STOP_RESTORE_START,
                "AppService", null, WriterRestore.ALWAYS, false)
                .alternateLocationMapping(new FileSpec("C:\\one", "*", false, "C:\\alt\\one", FileSpec.DEFAULT_MASK))
                .alternateLocationMapping(new FileSpec("C:\\two", "*", false, "C:\\alt\\two", FileSpec.DEFAULT_MASK))
                .build());
        String bcd = backup(w);
        w.recordsAt(WriterEvent.PRE_RESTORE, "", "one", d -> d.withRestoreTarget(org.vss4j.RestoreTarget.ALTERNATE));
        w.recordsAt(WriterEvent.PRE_RESTORE, "", "two", d -> d.withRestoreTarget(org.vss4j.RestoreTarget.ALTERNATE));
        RestoreResult result;
        try (RestoreSession s = RestoreSession.builder().document(bcd).stopServices(true).start()) {
            assertThat(s.items()).extracting(i -> i.action() + " " + i.target()).containsExactly(
                    "COPY_TO_ALTERNATE_LOCATION C:\\alt\\one", "COPY_TO_ALTERNATE_LOCATION C:\\alt\\two");
            s.items().forEach(s::restored);
            result = s.complete();
        }
        assertThat(machine.services().get("AppService").history()).isEmpty();
        assertThat(result.allRestored()).isTrue();
    }

    @Test
    void aWriterThatNeedsARebootAfterTheRestoreSaysSoOnceFilesAreWritten() {
        SimulatedWriter w = machine.addWriter(writer("AppWriter").restoreMethod(RestoreMethod.RESTORE_IF_CAN_REPLACE,
                null, null, WriterRestore.ALWAYS, true).build());
        String bcd = backup(w);
        RestoreResult nothingWritten;
        try (RestoreSession s = start(bcd)) {
            nothingWritten = s.complete();
        }
        assertThat(nothingWritten.rebootRequired()).isFalse();
        RestoreResult result;
        try (RestoreSession s = start(bcd)) {
            s.restored(s.items().get(0));
            result = s.complete();
        }
        // "IVssCreateWriterMetadata::SetRestoreMethod", bRebootRequired: a reboot is required after the restore.
        assertThat(outcome(result, "one").rebootRequired()).isTrue();
        assertThat(outcome(result, "two").rebootRequired()).isFalse();
        assertThat(result.rebootRequired()).isTrue();
    }

    private static SimulatedWriter.Builder instance(java.util.UUID cls, String instanceName, String component,
            String dir) {
        return SimulatedWriter.builder("ClusterWriter").classId(cls).instanceName(instanceName)
                .component(WriterComponent.fileGroup("", component).withFile(FileSpec.of(dir, "*", false)))
                .restoreMethod(RestoreMethod.RESTORE_IF_CAN_REPLACE, null, null, WriterRestore.ALWAYS, false);
    }
}
