package org.vss4j.sim.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.ApplicationLevel;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ComponentType;
import org.vss4j.RestoreType;
import org.vss4j.SnapshotProperties;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterEvent;
import org.vss4j.sim.vss.HostedWriter;
import org.vss4j.writer.BorrowedWriterComponents;

/** A Java {@code VssWriter} in simulated backups: handlers, their order and arguments, and the queries. */
@ExtendWith(VssSimulatorExtension.class)
class JavaWriterBackupTest {

    static final Duration T = Duration.ofSeconds(30);
    static final Duration FREEZE_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path volumeDir;

    /** What the writer's queries answered inside one handler. */
    record Answers(BackupType backupType, RestoreType restoreType, int context, boolean bootable,
            boolean componentsSelected, boolean partialFiles, boolean pathAffected, boolean otherPathAffected,
            List<String> volumes, UUID snapshotSetId, ApplicationLevel level, UUID sessionId, boolean shuttingDown,
            String deviceName) {
    }

    static Answers ask(RecordingWriterEx w, String volume, String affected) {
        String device;
        try {
            device = w.getSnapshotDeviceName(volume);
        } catch (org.vss4j.VssException e) {
            device = "none: " + e.known().orElseThrow();
        }
        return new Answers(w.getBackupType(), w.getRestoreType(), w.getContext(), w.isBootableSystemStateBackedUp(),
                w.areComponentsSelected(), w.isPartialFileSupportEnabled(), w.isPathAffected(affected),
                w.isPathAffected("/no/such/volume/file"), w.getCurrentVolumes(), w.getCurrentSnapshotSetId(),
                w.getCurrentLevel(), w.getSessionId(), w.isWriterShuttingDown(), device);
    }

    @Test
    void aBackupCallsEveryBackupHandlerInOrderAndTheQueriesAnswerFromTheSession(SimulatedMachine machine)
            throws Exception {
        Volume v = machine.addVolume(volumeDir, "C:\\");
        Files.writeString(volumeDir.resolve("db.dat"), "data");
        List<Answers> atFreeze = new ArrayList<>();
        List<Answers> atPostSnapshot = new ArrayList<>();
        List<Boolean> hostPathAffected = new ArrayList<>();
        List<String> noBackslashDevice = new ArrayList<>();
        UUID setId;
        UUID sessionId;
        String snapshotDevice;
        try (RecordingWriterEx w = new RecordingWriterEx()) {
            w.declaring(m -> m.addComponent(ComponentType.FILEGROUP, null, "Data", "Data files", false, false, true));
            w.at(CVssWriter.OnFreeze, x -> atFreeze.add(ask(w, v.guidName(), "C:\\db.dat")));
            String hostFile = v.root().resolve("db.dat").toString();
            w.at(CVssWriter.OnPostSnapshot, x -> {
                atPostSnapshot.add(ask(w, "C:\\", "%SystemDrive%\\db.dat"));
                // Windows names only ("CVssWriter::IsPathAffected", "CVssWriter::GetSnapshotDeviceName"): the
                // volume's host directory is no path on Windows, and a volume name needs its trailing backslash.
                hostPathAffected.add(w.isPathAffected(hostFile));
                hostPathAffected.add(w.isPathAffected("C:\\mnt\\..\\db.dat"));
                try {
                    noBackslashDevice.add(w.getSnapshotDeviceName("C:"));
                } catch (org.vss4j.VssException e) {
                    noBackslashDevice.add("none: " + e.known().orElseThrow());
                }
                return true;
            });
            w.start(FREEZE_TIMEOUT);
            HostedWriter hosted = machine.hostedWriters().get(0);
            try (BackupComponents b = BackupComponents.create()) {
                b.initializeForBackup(null);
                b.setBackupState(true, true, BackupType.DIFFERENTIAL, true);
                b.gatherWriterMetadata().finish(T);
                b.addComponent(hosted.metadata().instanceId(), RecordingWriter.WRITER_ID, ComponentType.FILEGROUP,
                        null, "Data");
                setId = b.startSnapshotSet();
                UUID snapshotId = b.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
                b.prepareForBackup().finish(T);
                b.doSnapshotSet().finish(T);
                SnapshotProperties props = b.getSnapshotProperties(snapshotId);
                snapshotDevice = props.deviceObject();
                b.backupComplete().finish(T);
                sessionId = b.getSessionId();
            }
            assertThat(w.events()).containsExactly(CVssWriter.OnIdentify, CVssWriter.OnPrepareBackup,
                    CVssWriter.OnPrepareSnapshot, CVssWriter.OnFreeze, CVssWriter.OnThaw, CVssWriter.OnPostSnapshot,
                    CVssWriter.OnBackupComplete, CVssWriter.OnBackupShutdown);
            List<Recorder.Call> calls = w.calls();
            assertThat(calls.get(1).argument()).isInstanceOf(BorrowedWriterComponents.class);
            assertThat(calls.get(7).argument()).isEqualTo(setId);
            assertThat(hosted.events()).containsExactly(WriterEvent.IDENTIFY, WriterEvent.PREPARE_FOR_BACKUP,
                    WriterEvent.PREPARE_FOR_SNAPSHOT, WriterEvent.FREEZE, WriterEvent.THAW, WriterEvent.POST_SNAPSHOT,
                    WriterEvent.BACKUP_COMPLETE);
        }
        Answers freeze = atFreeze.get(0);
        assertThat(freeze.backupType()).isEqualTo(BackupType.DIFFERENTIAL);
        assertThat(freeze.restoreType()).isEqualTo(RestoreType.UNDEFINED);
        assertThat(freeze.context()).isZero();
        assertThat(freeze.bootable()).isTrue();
        assertThat(freeze.componentsSelected()).isTrue();
        assertThat(freeze.partialFiles()).isTrue();
        assertThat(freeze.pathAffected()).isTrue();
        assertThat(freeze.otherPathAffected()).isFalse();
        assertThat(freeze.volumes()).containsExactly(v.guidName());
        assertThat(freeze.snapshotSetId()).isEqualTo(setId);
        assertThat(freeze.level()).isEqualTo(ApplicationLevel.FRONT_END);
        assertThat(freeze.sessionId()).isEqualTo(sessionId);
        assertThat(freeze.shuttingDown()).isFalse();
        // Before the commit the shadow copy does not exist yet; after it, its device is the snapshot's.
        assertThat(freeze.deviceName()).isEqualTo("none: VSS_E_OBJECT_NOT_FOUND");
        assertThat(atPostSnapshot.get(0).deviceName()).isEqualTo(snapshotDevice);
        assertThat(atPostSnapshot.get(0).pathAffected()).as("%SystemDrive%\\db.dat").isTrue();
        assertThat(hostPathAffected).containsExactly(false, true);
        assertThat(noBackslashDevice).containsExactly("none: VSS_E_OBJECT_NOT_FOUND");
    }

    @Test
    void aJavaWriterAndASimulatedWriterTakePartInOneSnapshot(SimulatedMachine machine) {
        Volume v = machine.addVolume(volumeDir);
        SimulatedWriter simulated = machine.addWriter(SimulatedWriter.builder("Simulated").build());
        try (RecordingWriter w = new RecordingWriter().start(FREEZE_TIMEOUT);
                BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setBackupState(false, false, BackupType.FULL, false);
            b.gatherWriterMetadata().finish(T);
            assertThat(b.getWriterMetadataCount()).isEqualTo(2);
            b.startSnapshotSet();
            b.addToSnapshotSet(v.guidName(), BackupComponents.GUID_NULL);
            b.prepareForBackup().finish(T);
            b.doSnapshotSet().finish(T);
            b.backupComplete().finish(T);
            assertThat(w.events()).containsExactly(CVssWriter.OnIdentify, CVssWriter.OnPrepareBackup,
                    CVssWriter.OnPrepareSnapshot, CVssWriter.OnFreeze, CVssWriter.OnThaw, CVssWriter.OnPostSnapshot,
                    CVssWriter.OnBackupComplete);
            assertThat(simulated.events()).containsExactly(WriterEvent.IDENTIFY, WriterEvent.PREPARE_FOR_BACKUP,
                    WriterEvent.PREPARE_FOR_SNAPSHOT, WriterEvent.FREEZE, WriterEvent.THAW, WriterEvent.POST_SNAPSHOT,
                    WriterEvent.BACKUP_COMPLETE);
            b.gatherWriterStatus().finish(T);
            assertThat(b.getWriterStatusCount()).isEqualTo(2);
            assertThat(b.getWriterStatusEx(1).status().writerName()).isEqualTo("Java Test Writer");
            assertThat(b.getWriterStatusEx(1).status().isFailed()).isFalse();
            b.freeWriterStatus();
        }
        assertThat(machine.snapshots()).isEmpty();
    }

    @Test
    void anUnsubscribedWriterTakesNoPart(SimulatedMachine machine) {
        try (RecordingWriter w = new RecordingWriter().start(FREEZE_TIMEOUT)) {
            w.unsubscribe();
            assertThat(machine.hostedWriters()).isEmpty();
            try (BackupComponents b = BackupComponents.create()) {
                b.initializeForBackup(null);
                b.gatherWriterMetadata().finish(T);
                assertThat(b.getWriterMetadataCount()).isZero();
            }
            assertThat(w.events()).isEmpty();
        }
    }

    @Test
    void aRestoreCallsPreAndPostRestoreWithTheRestoreType(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "C:\\");
        List<RestoreType> restoreTypes = new ArrayList<>();
        try (RecordingWriter w = new RecordingWriter()) {
            w.declaring(m -> m.addComponent(ComponentType.FILEGROUP, null, "Data", "Data files", false, false, true));
            w.at(CVssWriter.OnPreRestore, x -> restoreTypes.add(w.getRestoreType()));
            w.start(FREEZE_TIMEOUT);
            UUID instance = machine.hostedWriters().get(0).metadata().instanceId();
            String bcd = ComponentBackup.of(instance, "Data", T);
            int afterBackup = w.events().size();
            try (BackupComponents r = BackupComponents.create()) {
                r.initializeForRestore(bcd);
                r.setRestoreState(RestoreType.BY_COPY);
                r.gatherWriterMetadata().finish(T);
                r.setSelectedForRestore(RecordingWriter.WRITER_ID, ComponentType.FILEGROUP, null, "Data", true);
                r.preRestore().finish(T);
                r.postRestore().finish(T);
            }
            assertThat(w.events().subList(afterBackup, w.events().size())).containsExactly(CVssWriter.OnIdentify,
                    CVssWriter.OnPreRestore, CVssWriter.OnPostRestore);
        }
        assertThat(restoreTypes).containsExactly(RestoreType.BY_COPY);
    }

    @Test
    void theStandaloneEventsReachTheirHandlersWithTheirArguments(SimulatedMachine machine) {
        UUID snapshot = UUID.randomUUID();
        UUID provider = SimulatedMachine.PROVIDER_ID;
        try (RecordingWriter w = new RecordingWriter().start(FREEZE_TIMEOUT)) {
            w.at(CVssWriter.OnVSSShutdown, x -> false);
            HostedWriter hosted = machine.hostedWriters().get(0);
            assertThat(hosted.sendBackOffIOOnVolume("\\\\?\\Volume{1}\\", snapshot, provider)).isTrue();
            assertThat(hosted.sendContinueIOOnVolume("\\\\?\\Volume{2}\\", snapshot, provider)).isTrue();
            assertThat(hosted.sendVssShutdown()).isFalse();
            assertThat(hosted.sendVssApplicationStartup()).isTrue();
            assertThat(w.calls()).containsExactly(
                    new Recorder.Call(CVssWriter.OnBackOffIOOnVolume,
                            List.of("\\\\?\\Volume{1}\\", snapshot, provider)),
                    new Recorder.Call(CVssWriter.OnContinueIOOnVolume,
                            List.of("\\\\?\\Volume{2}\\", snapshot, provider)),
                    new Recorder.Call(CVssWriter.OnVSSShutdown, null),
                    new Recorder.Call(CVssWriter.OnVSSApplicationStartup, null));
        }
    }

    @Test
    void queriesNeedAnInitializedWriter() {
        RecordingWriter w = new RecordingWriter();
        assertThatThrownBy(w::getBackupType).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not initialized");
        w.close();
        assertThatThrownBy(w::subscribe).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
