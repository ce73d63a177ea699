package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vss4j.sim.session.SessionFixture.restore;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupSchema;
import org.vss4j.FileRestoreStatus;
import org.vss4j.FileSet;
import org.vss4j.PartialFile;
import org.vss4j.RestoreMethod;
import org.vss4j.RestoreSubcomponent;
import org.vss4j.VssHresult;
import org.vss4j.WriterRestore;
import org.vss4j.session.BackupException;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupPhase;
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
 * What the caller asks of a {@link RestoreSession} before PreRestore: new targets (Microsoft docs,
 * "IVssBackupComponents::AddNewTarget"), additional restores ("IVssBackupComponents::SetAdditionalRestores"),
 * subcomponents ("IVssBackupComponents::AddRestoreSubcomponent"), partial files ("IVssBackupComponents::SetRangesFilePath"),
 * and the outcomes of the components it does not select.
 */
@ExtendWith(VssSimulatorExtension.class)
class RestoreRequestsTest {

    private static final int NEW_TARGET = BackupSchema.WRITER_SUPPORTS_NEW_TARGET.value();

    @TempDir
    Path temp;

    SessionFixture fx;
    SimulatedMachine machine;

    @BeforeEach
    void setUp(SimulatedMachine m) {
        machine = m;
        fx = new SessionFixture(m, temp);
        SessionFixture.write(fx.c, "one\\a.txt", "a");
        SessionFixture.write(fx.c, "two\\b.txt", "b");
    }

    private static SimulatedWriter.Builder writer(RestoreMethod method) {
        return SimulatedWriter.builder("AppWriter")
                .component(WriterComponent.fileGroup("", "one").withFile(FileSpec.of("C:\\one", "*", false)))
                .component(WriterComponent.fileGroup("", "two").withFile(FileSpec.of("C:\\two", "*", false)))
                .restoreMethod(method, "AppService", null, WriterRestore.ALWAYS, false);
    }

    /** A component-mode backup of every component of {@code w}; the files of {@code failing} are not saved. */
    private String backup(SimulatedWriter w, String failing) {
        try (BackupSession s = fx.session().components(ComponentSelection.writer(w.metadata().writerClassId()))
                .start()) {
            for (BackupItem item : s.items()) {
                if (item.addedComponent() != null && item.addedComponent().name().equals(failing)) {
                    s.failed(item, "unreadable");
                } else {
                    s.saved(item);
                }
            }
            return s.complete().backupComponentsDocument();
        }
    }

    private static RestoreItem itemOf(RestoreSession s, String component) {
        return s.items().stream().filter(i -> i.component().name().equals(component)).findFirst().orElseThrow();
    }

    private static UUID cls(SimulatedWriter w) {
        return w.metadata().writerClassId();
    }

    // ---- new targets ----------------------------------------------------------------------------------------------

    @Test
    void aNewTargetIsRecordedBeforePreRestoreAndIsWhereTheItemGoes() {
        SimulatedWriter w = machine.addWriter(writer(RestoreMethod.RESTORE_IF_CAN_REPLACE).backupSchema(NEW_TARGET)
                .build());
        String bcd = backup(w, null);
        machine.faults().recordCalls();
        RestoreResult result;
        try (RestoreSession s = restore(bcd).newTarget(cls(w), "one", "C:\\one", "*", false, "D:\\moved\\one")
                .start()) {
            assertThat(itemOf(s, "one").action()).isEqualTo(RestoreItem.Action.COPY_TO_NEW_TARGET);
            assertThat(itemOf(s, "one").target()).isEqualTo("D:\\moved\\one");
            assertThat(itemOf(s, "two").action()).isEqualTo(RestoreItem.Action.REPLACE_IF_POSSIBLE);
            assertThat(itemOf(s, "two").target()).isEqualTo("C:\\two");
            s.items().forEach(s::restored);
            result = s.complete();
        }
        List<String> calls = machine.faults().callLog();
        assertThat(calls.indexOf("IVssBackupComponents::AddNewTarget"))
                .isBetween(0, calls.indexOf("IVssBackupComponents::PreRestore"));
        // The writer reads the new target at PreRestore (Microsoft docs, "IVssComponent::GetNewTarget").
        assertThat(w.seenAt(WriterEvent.PRE_RESTORE)).filteredOn(c -> c.name().equals("one")).singleElement()
                .satisfies(c -> assertThat(c.newTargets()).extracting(FileSet::path, FileSet::alternateLocation)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("C:\\one", "D:\\moved\\one")));
        assertThat(result.allRestored()).isTrue();
    }

    @Test
    void aNewTargetTakesThePlaceOfTheWritersAlternateLocationMapping() {
        SimulatedWriter w = machine.addWriter(writer(RestoreMethod.RESTORE_TO_ALTERNATE_LOCATION)
                .alternateLocationMapping(new FileSpec("C:\\one", "*", false, "C:\\alt\\one", FileSpec.DEFAULT_MASK))
                .alternateLocationMapping(new FileSpec("C:\\two", "*", false, "C:\\alt\\two", FileSpec.DEFAULT_MASK))
                .backupSchema(NEW_TARGET).build());
        String bcd = backup(w, null);
        try (RestoreSession s = restore(bcd).newTarget(cls(w), "one", "C:\\one", "*", false, "D:\\new").start()) {
            assertThat(s.items()).extracting(i -> i.action() + " " + i.target()).containsExactly(
                    "COPY_TO_NEW_TARGET D:\\new", "COPY_TO_ALTERNATE_LOCATION C:\\alt\\two");
        }
        // Only the file set going to the writer's alternate location is recorded as such.
        assertThat(w.seenAt(WriterEvent.PRE_RESTORE)).extracting(c -> c.name() + "=" + c.alternateLocationMappings()
                .size() + "/" + c.newTargets().size()).containsExactly("one=0/1", "two=1/0");
    }

    @Test
    void newTargetRootPlacesEveryFileSetToCopyUnderItsDriveLetter() {
        SimulatedWriter w = machine.addWriter(writer(RestoreMethod.RESTORE_IF_NOT_THERE).backupSchema(NEW_TARGET)
                .build());
        String bcd = backup(w, null);
        try (RestoreSession s = restore(bcd).newTargetRoot("D:\\restore\\")
                .newTarget(cls(w), "two", "C:\\two", "*", false, "E:\\two").start()) {
            assertThat(s.items()).extracting(RestoreItem::target).containsExactly("D:\\restore\\C\\one", "E:\\two");
            assertThat(s.items()).extracting(RestoreItem::action).containsOnly(RestoreItem.Action.COPY_TO_NEW_TARGET);
        }
        assertThat(w.seenAt(WriterEvent.PRE_RESTORE)).flatExtracting(c -> c.newTargets())
                .extracting(FileSet::alternateLocation).containsExactly("D:\\restore\\C\\one", "E:\\two");
    }

    @Test
    void aWriterWithoutNewTargetSupportInItsSchemaCannotBeGivenOne() {
        SimulatedWriter w = machine.addWriter(writer(RestoreMethod.RESTORE_IF_CAN_REPLACE)
                .backupSchema(BackupSchema.DIFFERENTIAL.value()).build());
        String bcd = backup(w, null);
        assertThatThrownBy(() -> restore(bcd).newTarget(cls(w), "one", "C:\\one", "*", false, "D:\\x").start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.SET_RESTORE_OPTIONS);
                    assertThat(e.hresult()).isEqualTo(VssHresult.E_INVALIDARG.code());
                    assertThat(e.getMessage()).contains("AppWriter", "VSS_BS_WRITER_SUPPORTS_NEW_TARGET",
                            "restore it without newTarget");
                });
        assertThatThrownBy(() -> restore(bcd).newTargetRoot("D:\\restore").start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.SET_RESTORE_OPTIONS);
                    assertThat(e.getMessage()).contains("VSS_BS_WRITER_SUPPORTS_NEW_TARGET", "newTargetRoot");
                });
        // Refused before PreRestore: the writer never heard of the restore.
        assertThat(w.events()).doesNotContain(WriterEvent.PRE_RESTORE);
    }

    @Test
    void aNewTargetForAFileSetOrComponentTheSessionDoesNotCopyIsRefused() {
        SimulatedWriter w = machine.addWriter(writer(RestoreMethod.CUSTOM).backupSchema(NEW_TARGET)
                .build());
        String bcd = backup(w, null);
        assertThatThrownBy(() -> restore(bcd).newTarget(cls(w), "one", "C:\\one", "*", false, "D:\\x").start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.hresult()).isEqualTo(VssHresult.E_INVALIDARG.code());
                    assertThat(e.getMessage()).contains("VSS_RME_CUSTOM", "needs custom procedure", "leave it out");
                });
        assertThatThrownBy(() -> restore(bcd).newTarget(cls(w), "one", "C:\\elsewhere", "*", false, "D:\\x")
                .start()).isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.hresult()).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND.code());
                    assertThat(e.getMessage()).contains("C:\\elsewhere\\*", "C:\\one\\*");
                });
        assertThatThrownBy(() -> restore(bcd).newTarget(cls(w), "three", "C:\\one", "*", false, "D:\\x").start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.hresult()).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND.code());
                    assertThat(e.getMessage()).contains("three", "not selected for restore");
                });
        // A root leaves the files of a custom procedure where they are (and asks nothing of the writer's schema for them).
        try (RestoreSession s = restore(bcd).newTargetRoot("D:\\restore").start()) {
            assertThat(s.items()).extracting(RestoreItem::action).containsOnly(RestoreItem.Action.NOT_RESTORED);
        }
    }

    // ---- additional restores --------------------------------------------------------------------------------------

    @Test
    void additionalRestoresIsWhatTheWriterReadsAtPreRestore() {
        SimulatedWriter w = machine.addWriter(writer(RestoreMethod.RESTORE_IF_CAN_REPLACE).build());
        String bcd = backup(w, null);
        try (RestoreSession s = restore(bcd).additionalRestores(cls(w), "one", true).start()) {
            s.items().forEach(s::restored);
            s.complete();
        }
        assertThat(w.seenAt(WriterEvent.PRE_RESTORE)).extracting(c -> c.name() + "=" + c.additionalRestores())
                .containsExactly("one=true", "two=false");
        assertThatThrownBy(() -> restore(bcd).additionalRestores(cls(w), "nope", true).start())
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.hresult())
                        .isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND.code()));
    }

    // ---- components not selected ----------------------------------------------------------------------------------

    @Test
    void aComponentNotBackedUpSuccessfullyHasAnOutcomeButDoesNotCountAgainstAllRestored() {
        SimulatedWriter w = machine.addWriter(writer(RestoreMethod.RESTORE_IF_CAN_REPLACE).build());
        String bcd = backup(w, "two");
        RestoreResult result;
        try (RestoreSession s = restore(bcd).start()) {
            assertThat(s.selectedComponents()).extracting(c -> c.name()).containsExactly("one");
            s.items().forEach(s::restored);
            result = s.complete();
        }
        RestoreOutcome two = result.outcomes().stream().filter(o -> o.component().name().equals("two"))
                .findFirst().orElseThrow();
        assertThat(two.selected()).isFalse();
        assertThat(two.status()).isNull();
        assertThat(two.restored()).isFalse();
        assertThat(two.reason()).isEqualTo("not restored: not backed up successfully");
        assertThat(result.allRestored()).isTrue();
    }

    /**
     * Microsoft docs, "Working with Selectability For Restore and Subcomponents": a component explicitly included in
     * the backup (every component of the document) can always be selected for restore, whatever its selectability
     * for restore, which defaults to false.
     */
    @Test
    void aBackedUpComponentNotSelectableForRestoreIsStillSelectedAndRestored() {
        SimulatedWriter w = machine.addWriter(SimulatedWriter.builder("AppWriter")
                .component(WriterComponent.fileGroup("", "one").withFile(FileSpec.of("C:\\one", "*", false)))
                .component(WriterComponent.fileGroup("", "two").withSelectableForRestore(false)
                        .withFile(FileSpec.of("C:\\two", "*", false)))
                .restoreMethod(RestoreMethod.RESTORE_IF_CAN_REPLACE, null, null, WriterRestore.ALWAYS, false).build());
        String bcd = backup(w, null);
        RestoreResult result;
        try (RestoreSession s = restore(bcd).start()) {
            assertThat(s.selectedComponents()).extracting(c -> c.name()).containsExactly("one", "two");
            s.items().forEach(s::restored);
            result = s.complete();
        }
        assertThat(w.seenAt(WriterEvent.PRE_RESTORE)).extracting(c -> c.name() + "=" + c.selectedForRestore())
                .containsExactly("one=true", "two=true");
        assertThat(result.outcomes()).extracting(o -> o.component().name() + ": " + o.status() + " " + o.reason())
                .containsExactly("one: ALL null", "two: ALL null");
        assertThat(result.allRestored()).isTrue();
    }

    // ---- subcomponents --------------------------------------------------------------------------------------------

    private static SimulatedWriter.Builder componentSet() {
        return SimulatedWriter.builder("SetWriter")
                .component(WriterComponent.fileGroup("", "set").withFile(FileSpec.of("C:\\one", "*", false)))
                .component(WriterComponent.fileGroup("set", "part").withSelectable(false)
                        .withSelectableForRestore(true).withFile(FileSpec.of("C:\\two", "*", false)))
                .component(WriterComponent.fileGroup("set", "fixed").withSelectable(false)
                        .withSelectableForRestore(false).withFile(FileSpec.of("C:\\two", "b.txt", false)))
                .restoreMethod(RestoreMethod.RESTORE_IF_CAN_REPLACE, null, null, WriterRestore.ALWAYS, false);
    }

    @Test
    void aSubcomponentRestoredOnItsOwnIsRecordedAndItsFilesAreTheItems() {
        SimulatedWriter w = machine.addWriter(componentSet().build());
        String bcd = backup(w, null);
        RestoreResult result;
        try (RestoreSession s = restore(bcd).subcomponent(cls(w), "set", "set", "part", false).start()) {
            assertThat(s.items()).extracting(i -> i.component().name() + ":" + i.files().path())
                    .containsExactly("set:C:\\two");
            s.items().forEach(s::restored);
            result = s.complete();
        }
        assertThat(w.seenAt(WriterEvent.PRE_RESTORE)).singleElement().satisfies(c -> assertThat(
                c.restoreSubcomponents()).containsExactly(new RestoreSubcomponent("set", "part", false)));
        assertThat(result.allRestored()).isTrue();
    }

    @Test
    void aSubcomponentFollowsTheProceduresTheCallerAllows() {
        SimulatedWriter w = machine.addWriter(SimulatedWriter.builder("SetWriter")
                .component(WriterComponent.fileGroup("", "set").withFile(FileSpec.of("C:\\one", "*", false)))
                .component(WriterComponent.fileGroup("set", "part").withSelectable(false)
                        .withSelectableForRestore(true).withFile(FileSpec.of("C:\\two", "*", false)))
                .restoreMethod(RestoreMethod.STOP_RESTORE_START, "AppService", null, WriterRestore.ALWAYS, false)
                .build());
        String bcd = backup(w, null);
        RestoreResult result;
        try (RestoreSession s = restore(bcd).stopServices(true).subcomponent(cls(w), "set", "set", "part", false)
                .start()) {
            assertThat(s.items()).singleElement().satisfies(i -> {
                assertThat(i.files().path()).isEqualTo("C:\\two");
                assertThat(i.action()).isEqualTo(RestoreItem.Action.REPLACE_WITH_SERVICE_STOPPED);
            });
            assertThat(machine.services().get("AppService").state())
                    .isEqualTo(org.vss4j.diagnostics.ServiceState.STOPPED);
            s.items().forEach(s::restored);
            result = s.complete();
        }
        assertThat(machine.services().get("AppService").history()).containsExactly(
                org.vss4j.diagnostics.ServiceState.STOPPED, org.vss4j.diagnostics.ServiceState.RUNNING);
        assertThat(result.allRestored()).isTrue();
    }

    @Test
    void aSubcomponentTheDocsDoNotAllowIsRefused() {
        SimulatedWriter w = machine.addWriter(componentSet().build());
        String bcd = backup(w, null);
        assertThatThrownBy(() -> restore(bcd).subcomponent(cls(w), "set", "set", "fixed", false).start())
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.phase()).isEqualTo(BackupPhase.SET_RESTORE_OPTIONS);
                    assertThat(e.hresult()).isEqualTo(VssHresult.E_INVALIDARG.code());
                    assertThat(e.getMessage()).contains("set\\fixed", "not selectable for restore");
                });
        assertThatThrownBy(() -> restore(bcd).subcomponent(cls(w), "set", "set", "missing", false).start())
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.hresult())
                        .isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND.code()));
        assertThatThrownBy(() -> restore(bcd).subcomponent(cls(w), "set", "other", "part", false).start())
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.hresult())
                        .isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND.code()));
        assertThatThrownBy(() -> restore(bcd).subcomponent(cls(w), "set", "set", "part", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThat(w.events()).doesNotContain(WriterEvent.PRE_RESTORE);
    }

    // ---- partial files --------------------------------------------------------------------------------------------

    @Test
    void partialFilesAreExposedAndTheRestoredRangesFileIsRecorded() {
        SimulatedWriter w = machine.addWriter(writer(RestoreMethod.RESTORE_IF_CAN_REPLACE).build());
        PartialFile partial = new PartialFile("C:\\one", "a.txt", "C:\\one\\a.rng", null);
        w.recordsAt(WriterEvent.PREPARE_FOR_BACKUP, "", "one", d -> d.withPartialFile(partial));
        String bcd = backup(w, null);
        RestoreResult result;
        try (RestoreSession s = restore(bcd).start()) {
            RestoreItem one = itemOf(s, "one");
            assertThat(s.partialFiles(one.component())).containsExactly(partial);
            assertThat(s.partialFiles(itemOf(s, "two").component())).isEmpty();
            assertThatThrownBy(() -> s.rangesFileRestoredTo(one, 1, "D:\\r.rng"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 partial file(s)");
            assertThatThrownBy(() -> s.rangesFileRestoredTo(itemOf(s, "two"), 0, "D:\\r.rng"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 partial file(s)");
            s.rangesFileRestoredTo(one, 0, "D:\\ranges\\a.rng");
            s.items().forEach(s::restored);
            result = s.complete();
        }
        assertThat(result.document()).contains("RANGES_FILE", "path=\"D:\\ranges\\a.rng\"");
        assertThat(result.outcomes()).extracting(RestoreOutcome::status).containsOnly(FileRestoreStatus.ALL);
    }
}
