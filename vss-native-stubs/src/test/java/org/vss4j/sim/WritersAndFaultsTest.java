package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vss4j.AsyncState;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ComponentType;
import org.vss4j.ExamineWriterMetadata;
import org.vss4j.VssAsync;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterFileCounts;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterState;
import org.vss4j.WriterStatus;
import org.vss4j.abi.NativeExport;
import org.vss4j.abi.vtable.IVssAsync;
import org.vss4j.abi.vtable.IVssBackupComponents;

/** Writers' events and failures, fault injection, and the XML documents. */
@ExtendWith(VssSimulatorExtension.class)
class WritersAndFaultsTest {

    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path volumeDir;

    /** Runs the snapshot path up to (and including) PrepareForBackup, for a set holding {@code v}. */
    private static void prepared(BackupComponents b, Volume v) {
        b.initializeForBackup(null);
        b.setBackupState(false, false, BackupType.FULL, false);
        b.gatherWriterMetadata().finish(T);
        b.startSnapshotSet();
        b.addToSnapshotSet(v.guidName(), BackupComponents.GUID_NULL);
        b.prepareForBackup().finish(T);
    }

    /** Runs the snapshot path up to (and including) DoSnapshotSet. */
    private static void upToSnapshot(BackupComponents b, Volume v) {
        prepared(b, v);
        b.doSnapshotSet().finish(T);
    }

    @Test
    void aWriterFailingAtFreezeFailsDoSnapshotSetAndReportsFailedAtFreeze(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        SimulatedWriter bad = machine.addWriter(SimulatedWriter.builder("Bad").build()
                .failAt(WriterEvent.FREEZE, VssHresult.VSS_E_WRITERERROR_RETRYABLE));
        SimulatedWriter good = machine.addWriter(SimulatedWriter.builder("Good").build());
        try (BackupComponents b = BackupComponents.create()) {
            assertThatThrownBy(() -> upToSnapshot(b, v)).isInstanceOfSatisfying(VssException.class, e -> {
                assertThat(e.is(VssHresult.VSS_E_WRITERERROR_RETRYABLE)).isTrue();
                assertThat(e.operation()).isEqualTo("IVssBackupComponents::DoSnapshotSet");
            });
            b.gatherWriterStatus().finish(T);
            WriterStatus s = b.getWriterStatus(0);
            assertThat(s.writerName()).isEqualTo("Bad");
            assertThat(s.state()).isEqualTo(WriterState.FAILED_AT_FREEZE);
            assertThat(s.failureHresult()).isEqualTo(VssHresult.VSS_E_WRITERERROR_RETRYABLE.code());
            b.freeWriterStatus();
        }
        assertThat(machine.snapshots()).isEmpty();
        assertThat(bad.events()).containsExactly(WriterEvent.IDENTIFY, WriterEvent.PREPARE_FOR_BACKUP,
                WriterEvent.PREPARE_FOR_SNAPSHOT, WriterEvent.FREEZE, WriterEvent.ABORT);
        assertThat(good.events()).endsWith(WriterEvent.FREEZE, WriterEvent.ABORT);
    }

    @Test
    void aHangingWriterHoldsTheOperationUntilReleased(SimulatedMachine machine) throws Exception {
        Volume v = machine.addVolume(volumeDir);
        SimulatedWriter w = machine.addWriter(SimulatedWriter.builder("Slow").build());
        Gate hang = w.hangAt(WriterEvent.FREEZE);
        try (BackupComponents b = BackupComponents.create()) {
            prepared(b, v);
            try (VssAsync async = b.doSnapshotSet()) {
                assertThat(hang.awaitReached(T)).isTrue();
                assertThat(async.queryStatus()).isEqualTo(AsyncState.PENDING);
                hang.open();
                assertThat(async.await(T)).isEqualTo(AsyncState.FINISHED);
            }
            b.backupComplete().finish(T);
        }
    }

    @Test
    void cancellingReleasesAHangingWriterAndAbortsTheSet(SimulatedMachine machine) throws Exception {
        Volume v = machine.addVolume(volumeDir);
        SimulatedWriter w = machine.addWriter(SimulatedWriter.builder("Stuck").build());
        Gate hang = w.hangAt(WriterEvent.PREPARE_FOR_SNAPSHOT);
        try (BackupComponents b = BackupComponents.create()) {
            prepared(b, v);
            try (VssAsync async = b.doSnapshotSet()) {
                assertThat(hang.awaitReached(T)).isTrue();
                async.cancel();
                assertThat(async.await(T)).isEqualTo(AsyncState.CANCELLED);
            }
        }
        assertThat(w.events()).endsWith(WriterEvent.ABORT);
        assertThat(machine.snapshots()).isEmpty();
    }

    @Test
    void writerClassesDisabledBeforeGatherAreLeftOutAndAfterGatherHaveNoEffect(SimulatedMachine machine) {
        SimulatedWriter a = machine.addWriter(SimulatedWriter.builder("A").build());
        SimulatedWriter c = machine.addWriter(SimulatedWriter.builder("C").build());
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.disableWriterClasses(List.of(a.metadata().writerClassId()));
            b.gatherWriterMetadata().finish(T);
            b.disableWriterClasses(List.of(c.metadata().writerClassId()));
            assertThat(b.getWriterMetadataCount()).isEqualTo(1);
            try (WriterMetadataEntry e = b.getWriterMetadata(0)) {
                assertThat(e.metadata().getIdentity().writerName()).isEqualTo("C");
            }
        }
        assertThat(a.events()).isEmpty();
    }

    @Test
    void aMethodFailsOnItsNthCall(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        machine.faults().failOnCall(IVssBackupComponents.IsVolumeSupported, 2, VssHresult.VSS_E_PROVIDER_VETO);
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            assertThat(b.isVolumeSupported(BackupComponents.GUID_NULL, v.guidName())).isTrue();
            assertThatThrownBy(() -> b.isVolumeSupported(BackupComponents.GUID_NULL, v.guidName()))
                    .isInstanceOfSatisfying(VssException.class,
                            e -> assertThat(e.is(VssHresult.VSS_E_PROVIDER_VETO)).isTrue());
            assertThat(b.isVolumeSupported(BackupComponents.GUID_NULL, v.guidName())).isTrue();
        }
        assertThat(machine.faults().calls(IVssBackupComponents.IsVolumeSupported)).isEqualTo(3);
    }

    /** A failure injected in each phase of the snapshot path surfaces as a VssException naming it. */
    @ParameterizedTest
    @EnumSource(value = IVssBackupComponents.class, names = {"InitializeForBackup", "SetContext", "SetBackupState",
        "GatherWriterMetadata", "GetWriterMetadataCount", "GetWriterMetadata", "StartSnapshotSet", "IsVolumeSupported",
        "AddToSnapshotSet", "PrepareForBackup", "DoSnapshotSet", "GetSnapshotProperties", "Query", "GatherWriterStatus",
        "GetWriterStatusCount", "GetWriterStatus", "FreeWriterStatus", "BackupComplete"})
    void anInjectedFailureNamesTheMethodAndTheHresult(IVssBackupComponents method, SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        machine.addWriter(SimulatedWriter.builder("W").build());
        machine.faults().failOnCall(method, 1, VssHresult.VSS_E_UNEXPECTED_PROVIDER_ERROR);
        try (BackupComponents b = BackupComponents.create()) {
            assertThatThrownBy(() -> fullPath(b, v)).isInstanceOfSatisfying(VssException.class, e -> {
                assertThat(e.is(VssHresult.VSS_E_UNEXPECTED_PROVIDER_ERROR)).isTrue();
                assertThat(e.getMessage()).startsWith("IVssBackupComponents::" + method.name() + " failed: "
                        + "VSS_E_UNEXPECTED_PROVIDER_ERROR (0x8004230F)");
            });
            try {
                b.abortBackup();
            } catch (VssException notAfterInit) {
                assertThat(notAfterInit.is(VssHresult.VSS_E_BAD_STATE)).isTrue();
            }
        }
    }

    @Test
    void anInjectedAsyncWaitFailureNamesIVssAsync(SimulatedMachine machine) {
        machine.faults().failOnCall(IVssAsync.Wait, 1, VssHresult.E_ACCESSDENIED);
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            try (VssAsync async = b.gatherWriterMetadata()) {
                assertThatThrownBy(() -> async.await(T)).hasMessageStartingWith(
                        "IVssAsync::Wait failed: E_ACCESSDENIED (0x80070005) [IVssBackupComponents::GatherWriterMetadata]");
                async.awaitFinished(T);
            }
        }
    }

    @Test
    void anExportCanFail(SimulatedMachine machine) {
        machine.faults().failExportOnCall(NativeExport.CreateVssBackupComponentsInternal, 1, VssHresult.E_ACCESSDENIED);
        assertThatThrownBy(BackupComponents::create).hasMessageStartingWith(
                "CreateVssBackupComponentsInternal failed: E_ACCESSDENIED");
    }

    private void fullPath(BackupComponents b, Volume v) {
        b.initializeForBackup(null);
        b.setContext(0);
        b.setBackupState(false, false, BackupType.FULL, false);
        b.gatherWriterMetadata().finish(T);
        b.getWriterMetadataCount();
        b.getWriterMetadata(0).close();
        b.startSnapshotSet();
        b.isVolumeSupported(BackupComponents.GUID_NULL, v.guidName());
        java.util.UUID id = b.addToSnapshotSet(v.guidName(), BackupComponents.GUID_NULL);
        b.prepareForBackup().finish(T);
        b.doSnapshotSet().finish(T);
        b.getSnapshotProperties(id);
        b.querySnapshots();
        b.gatherWriterStatus().finish(T);
        b.getWriterStatusCount();
        b.getWriterStatus(0);
        b.freeWriterStatus();
        b.backupComplete().finish(T);
    }

    @Test
    void writerMetadataRoundTripsThroughXml(SimulatedMachine machine) {
        SimulatedWriter w = machine.addWriter(SimulatedWriter.builder("Db Writer")
                .usage(org.vss4j.UsageType.SYSTEMSERVICE).source(org.vss4j.SourceType.TRANSACTEDDB)
                .component(WriterComponent.database("Instance", "db1").withCaption("Database 1")
                        .withDatabaseFile(FileSpec.of("C:\\db", "*.mdf", false))
                        .withLogFile(FileSpec.of("C:\\db", "*.ldf", false)))
                .exclude(FileSpec.of("C:\\db", "*.tmp", true)).backupSchema(1 | 2).build());
        String xml;
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.gatherWriterMetadata().finish(T);
            try (WriterMetadataEntry e = b.getWriterMetadata(0)) {
                xml = e.metadata().saveAsXml();
            }
        }
        try (ExamineWriterMetadata loaded = ExamineWriterMetadata.fromXml(xml)) {
            assertThat(loaded.getIdentity().instanceId()).isEqualTo(w.metadata().instanceId());
            assertThat(loaded.getIdentity().usage()).isEqualTo(org.vss4j.UsageType.SYSTEMSERVICE);
            assertThat(loaded.getFileCounts()).isEqualTo(new WriterFileCounts(0, 1, 1));
            assertThat(loaded.getBackupSchema().mask()).isEqualTo(3);
            assertThat(loaded.saveAsXml()).isEqualTo(xml);
        }
        assertThatThrownBy(() -> ExamineWriterMetadata.fromXml("<not-a-wmd/>"))
                .isInstanceOfSatisfying(VssException.class,
                        e -> assertThat(e.is(VssHresult.VSS_E_INVALID_XML_DOCUMENT)).isTrue());
    }

    @Test
    void backupComponentsDocumentRoundTrips(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        SimulatedWriter w = machine.addWriter(SimulatedWriter.builder("Files")
                .component(WriterComponent.fileGroup("", "docs").withFile(FileSpec.of("C:\\docs", "*", true)))
                .build());
        String bcd;
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setBackupState(true, false, BackupType.FULL, false);
            b.gatherWriterMetadata().finish(T);
            UUID instance = w.metadata().instanceId();
            UUID writer = w.metadata().writerClassId();
            b.addComponent(instance, writer, ComponentType.FILEGROUP, null, "docs");
            b.setBackupOptions(writer, ComponentType.FILEGROUP, null, "docs", "opt=1");
            b.setPreviousBackupStamp(writer, ComponentType.FILEGROUP, null, "docs", "stamp-7");
            b.startSnapshotSet();
            b.addToSnapshotSet(v.guidName(), BackupComponents.GUID_NULL);
            b.prepareForBackup().finish(T);
            b.doSnapshotSet().finish(T);
            b.setBackupSucceeded(instance, writer, ComponentType.FILEGROUP, null, "docs", true);
            b.backupComplete().finish(T);
            bcd = b.saveAsXml();
        }
        assertThat(bcd).contains("BACKUP_COMPONENTS", "componentName=\"docs\"", "backupSucceeded=\"yes\"",
                "backupOptions=\"opt=1\"", "previousBackupStamp=\"stamp-7\"", "VSS_BT_FULL");
        try (BackupComponents again = BackupComponents.create()) {
            again.initializeForBackup(bcd);
            assertThat(again.saveAsXml()).isEqualTo(bcd);
        }
        try (BackupComponents broken = BackupComponents.create()) {
            assertThatThrownBy(() -> broken.initializeForBackup("<oops")).isInstanceOfSatisfying(VssException.class,
                    e -> assertThat(e.is(VssHresult.VSS_E_INVALID_XML_DOCUMENT)).isTrue());
        }
    }
}
