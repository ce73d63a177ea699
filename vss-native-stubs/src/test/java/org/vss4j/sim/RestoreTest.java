package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ComponentType;
import org.vss4j.FileRestoreStatus;
import org.vss4j.RestoreType;
import org.vss4j.RollForward;
import org.vss4j.RollForwardType;
import org.vss4j.SnapshotAttribute;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterComponents;
import org.vss4j.WriterState;
import org.vss4j.WriterStatus;
import org.vss4j.abi.vtable.IVssBackupComponentsEx2;
import org.vss4j.com.Guids;
import org.vss4j.com.Utf16;

/**
 * The restore side through the production binding (Microsoft docs, "Overview of Restore Initialization" and "Overview of
 * Preparing for Restore"): a backup saves its Backup Components Document, a new requester restores from it, the
 * writers of selected components receive PreRestore and PostRestore, the document records every restore setting, and
 * out-of-order calls give the documented HRESULTs.
 */
@ExtendWith(VssSimulatorExtension.class)
class RestoreTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static final FileSpec DATA_FILES = FileSpec.of("C:\\data", "*", true);
    private static final WriterComponent DATA = WriterComponent.fileGroup("", "Data").withFile(DATA_FILES);
    private static final WriterComponent INSTANCE = WriterComponent.fileGroup("Server", "Instance1");
    private static final WriterComponent DB1 = WriterComponent.fileGroup("Server\\Instance1", "DB1")
            .withSelectable(false);

    @TempDir
    Path volumeDir;

    private SimulatedWriter writer;
    private SimulatedWriter bystander;
    private UUID writerId;
    private UUID instanceId;

    @BeforeEach
    void machine(SimulatedMachine machine) throws Exception {
        Files.writeString(volumeDir.resolve("data.txt"), "data");
        machine.addVolume(volumeDir, "C:\\");
        writer = machine.addWriter(SimulatedWriter.builder("Files Writer").component(DATA).component(INSTANCE)
                .component(DB1).build());
        bystander = machine.addWriter(SimulatedWriter.builder("Bystander Writer")
                .component(WriterComponent.fileGroup("", "Other")).build());
        writerId = writer.metadata().writerClassId();
        instanceId = writer.metadata().instanceId();
    }

    /** A component-mode full backup of Data and Instance1; the saved Backup Components Document. */
    private String backup() {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setBackupState(true, false, BackupType.FULL, false);
            bc.gatherWriterMetadata().finish(T);
            bc.addComponent(instanceId, writerId, ComponentType.FILEGROUP, null, "Data");
            bc.addComponent(instanceId, writerId, ComponentType.FILEGROUP, "Server", "Instance1");
            bc.startSnapshotSet();
            bc.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
            bc.prepareForBackup().finish(T);
            bc.doSnapshotSet().finish(T);
            bc.setBackupSucceeded(instanceId, writerId, ComponentType.FILEGROUP, null, "Data", true);
            bc.setBackupSucceeded(instanceId, writerId, ComponentType.FILEGROUP, "Server", "Instance1", true);
            bc.backupComplete().finish(T);
            return bc.saveAsXml();
        }
    }

    private static VssHresult failure(Runnable call) {
        try {
            call.run();
        } catch (VssException e) {
            return e.known().orElseThrow();
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void fullRestoreSequenceSendsPreAndPostRestoreAndRecordsTheSettings() {
        String bcd = backup();
        int eventsBefore = writer.events().size();
        String restored;
        try (BackupComponents r = BackupComponents.create()) {
            r.initializeForRestore(bcd);
            r.setRestoreState(RestoreType.BY_COPY);
            r.gatherWriterMetadata().finish(T);
            r.setSelectedForRestore(writerId, ComponentType.FILEGROUP, null, "Data", true);
            r.setSelectedForRestoreEx(writerId, ComponentType.FILEGROUP, null, "Data", true, instanceId);
            r.setRestoreOptions(writerId, ComponentType.FILEGROUP, null, "Data", "overwrite=yes");
            r.setAdditionalRestores(writerId, ComponentType.FILEGROUP, null, "Data", true);
            r.addNewTarget(writerId, ComponentType.FILEGROUP, null, "Data", "C:\\data", "*", true, "D:\\restored");
            r.addAlternativeLocationMapping(writerId, ComponentType.FILEGROUP, null, "Data", "C:\\data", "*", true,
                    "E:\\alternate");
            r.addRestoreSubcomponent(writerId, ComponentType.FILEGROUP, "Server", "Instance1", "Server\\Instance1",
                    "DB1", false);
            r.preRestore().finish(T);

            r.setFileRestoreStatus(writerId, ComponentType.FILEGROUP, null, "Data", FileRestoreStatus.ALL);
            r.setRangesFilePath(writerId, ComponentType.FILEGROUP, null, "Data", 0, "C:\\ranges\\data.rng");
            r.postRestore().finish(T);

            r.gatherWriterStatus().finish(T);
            WriterStatus status = r.getWriterStatus(0);
            assertThat(status.state()).isEqualTo(WriterState.STABLE);
            r.freeWriterStatus();
            restored = r.saveAsXml();
        }
        List<WriterEvent> restoreEvents = writer.events().subList(eventsBefore, writer.events().size());
        assertThat(restoreEvents).containsExactly(WriterEvent.IDENTIFY, WriterEvent.PRE_RESTORE,
                WriterEvent.POST_RESTORE);
        assertThat(bystander.events()).doesNotContain(WriterEvent.PRE_RESTORE, WriterEvent.POST_RESTORE);
        assertThat(restored).contains("restoreType=\"VSS_RTYPE_BY_COPY\"", "selectedForRestore=\"yes\"",
                "restoreInstanceId=\"" + instanceId + "\"", "restoreOptions=\"overwrite=yes\"",
                "additionalRestores=\"yes\"", "fileRestoreStatus=\"VSS_RS_ALL\"", "RESTORE_TARGET",
                "destination=\"D:\\restored\"", "ALTERNATE_LOCATION_MAPPING", "destination=\"E:\\alternate\"",
                "RESTORE_SUBCOMPONENT", "componentName=\"DB1\"", "RANGES_FILE", "C:\\ranges\\data.rng");
    }

    /** The requester's part of one component, as a writer or requester reads it back through IVssComponentEx. */
    private static org.vss4j.ComponentState component(List<org.vss4j.ComponentState> states, String name) {
        return states.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void ex2RestoreSettingsReachTheWriterAtPreRestoreAndSurviveSaveAsXml() {
        String bcd = backup();
        String restored;
        try (BackupComponents r = BackupComponents.create()) {
            r.initializeForRestore(bcd);
            r.gatherWriterMetadata().finish(T);
            r.setSelectedForRestore(writerId, ComponentType.FILEGROUP, null, "Data", true);
            r.setAuthoritativeRestore(writerId, ComponentType.FILEGROUP, null, "Data", true);
            r.setRollForward(writerId, ComponentType.FILEGROUP, null, "Data", RollForwardType.PARTIAL, "LSN:42");
            r.setRestoreName(writerId, ComponentType.FILEGROUP, null, "Data", "Data (copy)");
            r.preRestore().finish(T);
            restored = r.saveAsXml();
        }
        // What the writer read in OnPreRestore (IVssComponentEx::GetAuthoritativeRestore, GetRollForward,
        // GetRestoreName); the component the requester did not touch keeps the defaults.
        List<org.vss4j.ComponentState> seen = writer.seenAt(WriterEvent.PRE_RESTORE);
        assertThat(component(seen, "Data").authoritativeRestore()).isTrue();
        assertThat(component(seen, "Data").rollForward())
                .isEqualTo(new RollForward(RollForwardType.PARTIAL, "LSN:42"));
        assertThat(component(seen, "Data").restoreName()).isEqualTo("Data (copy)");
        assertThat(component(seen, "Instance1").authoritativeRestore()).isFalse();
        assertThat(component(seen, "Instance1").rollForward())
                .isEqualTo(new RollForward(RollForwardType.UNDEFINED, null));
        assertThat(component(seen, "Instance1").restoreName()).isNull();

        // The saved restore document carries them; a requester loading it reads them back.
        try (BackupComponents again = BackupComponents.create()) {
            again.initializeForRestore(restored);
            again.gatherWriterMetadata().finish(T);
            try (WriterComponents wc = again.getWriterComponents(0)) {
                org.vss4j.ComponentState data = component(wc.read().components(), "Data");
                assertThat(data.authoritativeRestore()).isTrue();
                assertThat(data.rollForward()).isEqualTo(new RollForward(RollForwardType.PARTIAL, "LSN:42"));
                assertThat(data.restoreName()).isEqualTo("Data (copy)");
            }
        }
    }

    @Test
    void ex2RestoreSettingsOutsideARestoreOrAfterPreRestoreGiveTheDocumentedCodes() {
        String bcd = backup();
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.gatherWriterMetadata().finish(T);
            assertThat(failure(() -> bc.setAuthoritativeRestore(writerId, ComponentType.FILEGROUP, null, "Data",
                    true))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(() -> bc.setRollForward(writerId, ComponentType.FILEGROUP, null, "Data",
                    RollForwardType.ALL, null))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(() -> bc.setRestoreName(writerId, ComponentType.FILEGROUP, null, "Data", "x")))
                    .isEqualTo(VssHresult.VSS_E_BAD_STATE);
        }
        try (BackupComponents r = BackupComponents.create()) {
            r.initializeForRestore(bcd);
            r.gatherWriterMetadata().finish(T);
            assertThat(failure(() -> r.setAuthoritativeRestore(writerId, ComponentType.FILEGROUP, null, "Missing",
                    true))).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
            assertThat(failure(() -> r.setRollForward(UUID.randomUUID(), ComponentType.FILEGROUP, null, "Data",
                    RollForwardType.ALL, null))).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
            assertThat(failure(() -> r.setRestoreName(writerId, ComponentType.DATABASE, null, "Data", "x")))
                    .isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
            // VSS_RF_UNDEFINED "indicates an error on the part of the requester" (VSS_ROLLFORWARD_TYPE).
            assertThat(failure(() -> r.setRollForward(writerId, ComponentType.FILEGROUP, null, "Data",
                    RollForwardType.UNDEFINED, null))).isEqualTo(VssHresult.E_INVALIDARG);
            assertThat(failure(() -> r.setRollForward(writerId, ComponentType.FILEGROUP, null, "Data",
                    RollForwardType.PARTIAL, null))).isEqualTo(VssHresult.E_INVALIDARG);
            // A value outside VSS_ROLLFORWARD_TYPE, which the binding's enum cannot send: through the raw slot.
            int outside = new RawCom(r.pointer(), "IVssBackupComponents").call(
                    IVssBackupComponentsEx2.SetRollForward, Guids.byValue(writerId), ComponentType.FILEGROUP.value(),
                    null, Utf16.toNative("Data"), 7, null);
            assertThat(outside).isEqualTo(VssHresult.E_INVALIDARG.code());
            assertThat(failure(() -> r.setRestoreName(writerId, ComponentType.FILEGROUP, null, "Data", null)))
                    .isEqualTo(VssHresult.E_INVALIDARG);
            r.setSelectedForRestore(writerId, ComponentType.FILEGROUP, null, "Data", true);
            r.setRollForward(writerId, ComponentType.FILEGROUP, null, "Data", RollForwardType.NONE, null);
            r.preRestore().finish(T);
            assertThat(failure(() -> r.setAuthoritativeRestore(writerId, ComponentType.FILEGROUP, null, "Data",
                    true))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(() -> r.setRollForward(writerId, ComponentType.FILEGROUP, null, "Data",
                    RollForwardType.ALL, null))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(() -> r.setRestoreName(writerId, ComponentType.FILEGROUP, null, "Data", "x")))
                    .isEqualTo(VssHresult.VSS_E_BAD_STATE);
        }
        assertThat(component(writer.seenAt(WriterEvent.PRE_RESTORE), "Data").rollForward())
                .isEqualTo(new RollForward(RollForwardType.NONE, null));
    }

    @Test
    void writerFailingPreRestoreIsReported() {
        String bcd = backup();
        writer.failAt(WriterEvent.PRE_RESTORE, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        try (BackupComponents r = BackupComponents.create()) {
            r.initializeForRestore(bcd);
            r.gatherWriterMetadata().finish(T);
            r.setSelectedForRestore(writerId, ComponentType.FILEGROUP, null, "Data", true);
            assertThat(failure(() -> r.preRestore().finish(T))).isEqualTo(VssHresult.VSS_E_WRITERERROR_RETRYABLE);
            r.gatherWriterStatus().finish(T);
            assertThat(r.getWriterStatus(0).state()).isEqualTo(WriterState.FAILED_AT_PRE_RESTORE);
            r.freeWriterStatus();
            assertThat(failure(() -> r.postRestore().finish(T))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
        }
    }

    @Test
    void restoreCallsOutOfOrderGiveTheDocumentedCodes() {
        String bcd = backup();
        try (BackupComponents r = BackupComponents.create()) {
            assertThat(failure(() -> r.setRestoreState(RestoreType.BY_COPY))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(() -> r.initializeForRestore("<not-a-bcd/>")))
                    .isEqualTo(VssHresult.VSS_E_INVALID_XML_DOCUMENT);
            r.initializeForRestore(bcd);
            assertThat(failure(() -> r.initializeForRestore(bcd))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(() -> r.initializeForBackup(null))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            // Selection needs the live writers of GatherWriterMetadata.
            assertThat(failure(() -> r.setSelectedForRestore(writerId, ComponentType.FILEGROUP, null, "Data", true)))
                    .isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(r::preRestore)).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            r.gatherWriterMetadata().finish(T);
            assertThat(failure(() -> r.setSelectedForRestore(writerId, ComponentType.FILEGROUP, null, "Missing",
                    true))).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
            assertThat(failure(() -> r.setSelectedForRestore(UUID.randomUUID(), ComponentType.FILEGROUP, null,
                    "Data", true))).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
            assertThat(failure(() -> r.addNewTarget(writerId, ComponentType.FILEGROUP, null, "Data", "C:\\other",
                    "*", true, "D:\\x"))).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
            assertThat(failure(() -> r.addRestoreSubcomponent(writerId, ComponentType.FILEGROUP, "Server",
                    "Instance1", "Server\\Instance1", "DB9", false))).isEqualTo(VssHresult.VSS_E_OBJECT_NOT_FOUND);
            assertThat(failure(() -> r.setFileRestoreStatus(writerId, ComponentType.FILEGROUP, null, "Data",
                    FileRestoreStatus.ALL))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(r::postRestore)).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            // Backup and snapshot-management calls on a restore object.
            assertThat(failure(() -> r.setBackupState(true, false, BackupType.FULL, false)))
                    .isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(r::startSnapshotSet)).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(() -> r.addComponent(instanceId, writerId, ComponentType.FILEGROUP, null, "Data")))
                    .isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(() -> r.exposeSnapshot(UUID.randomUUID(), null, SnapshotAttribute.EXPOSED_LOCALLY,
                    "X:"))).isEqualTo(VssHresult.VSS_E_BAD_STATE);

            r.setSelectedForRestore(writerId, ComponentType.FILEGROUP, null, "Data", true);
            r.preRestore().finish(T);
            assertThat(failure(() -> r.setRestoreState(RestoreType.OTHER))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(() -> r.setSelectedForRestore(writerId, ComponentType.FILEGROUP, null, "Data",
                    false))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(() -> r.setFileRestoreStatus(writerId, ComponentType.FILEGROUP, null, "Data",
                    FileRestoreStatus.UNDEFINED))).isEqualTo(VssHresult.E_INVALIDARG);
            r.setFileRestoreStatus(writerId, ComponentType.FILEGROUP, null, "Data", FileRestoreStatus.FAILED);
            r.postRestore().finish(T);
            assertThat(failure(r::postRestore)).isEqualTo(VssHresult.VSS_E_BAD_STATE);
        }
    }

    @Test
    void restoreCallsOnABackupObjectAreBadState() {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.gatherWriterMetadata().finish(T);
            assertThat(failure(() -> bc.setRestoreState(RestoreType.BY_COPY))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(() -> bc.setSelectedForRestore(writerId, ComponentType.FILEGROUP, null, "Data",
                    true))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(() -> bc.setRangesFilePath(writerId, ComponentType.FILEGROUP, null, "Data", 0,
                    "C:\\r"))).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(bc::preRestore)).isEqualTo(VssHresult.VSS_E_BAD_STATE);
            assertThat(failure(() -> bc.initializeForRestore(backupDocumentOf(bc))))
                    .isEqualTo(VssHresult.VSS_E_BAD_STATE);
        }
    }

    private static String backupDocumentOf(BackupComponents bc) {
        return bc.saveAsXml();
    }
}
