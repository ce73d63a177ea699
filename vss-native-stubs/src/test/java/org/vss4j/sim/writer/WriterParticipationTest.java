package org.vss4j.sim.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.ApplicationLevel;
import org.vss4j.BackupComponents;
import org.vss4j.BackupType;
import org.vss4j.ComponentType;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.VssException;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * Which writers get which events (Microsoft docs, "Working with Selectability and Logical Paths": writers with no
 * component in the Backup Components Document before PrepareForBackup "receive no events after this point and will
 * not participate"; "Overview of Backup Initialization": writers disabled with DisableWriterClasses,
 * DisableWriterInstances or left out by EnableWriterClasses before GatherWriterMetadata take no part). The rules hold
 * alike for simulated writers and for Java writers hosted through the CVssWriter ABI.
 */
@ExtendWith(VssSimulatorExtension.class)
class WriterParticipationTest {

    static final Duration T = Duration.ofSeconds(30);
    static final UUID OTHER_JAVA_WRITER = UUID.fromString("4a5b6c7d-9999-2222-3333-444455556666");

    static final List<CVssWriter> EVERY_BACKUP_HANDLER = List.of(CVssWriter.OnIdentify, CVssWriter.OnPrepareBackup,
            CVssWriter.OnPrepareSnapshot, CVssWriter.OnFreeze, CVssWriter.OnThaw, CVssWriter.OnPostSnapshot,
            CVssWriter.OnBackupComplete, CVssWriter.OnBackupShutdown);
    static final List<WriterEvent> EVERY_BACKUP_EVENT = List.of(WriterEvent.IDENTIFY, WriterEvent.PREPARE_FOR_BACKUP,
            WriterEvent.PREPARE_FOR_SNAPSHOT, WriterEvent.FREEZE, WriterEvent.THAW, WriterEvent.POST_SNAPSHOT,
            WriterEvent.BACKUP_COMPLETE);

    @TempDir
    Path volumeDir;

    private static SimulatedWriter simulated(SimulatedMachine machine, String name) {
        return machine.addWriter(SimulatedWriter.builder(name)
                .component(WriterComponent.fileGroup("", name + " files").withFile(FileSpec.of("C:\\", "*", true)))
                .build());
    }

    private static RecordingWriter javaWriter(UUID classId, String name) {
        RecordingWriter w = new RecordingWriter();
        w.declaring(m -> m.addComponent(ComponentType.FILEGROUP, null, name + " files", null, false, false, true));
        w.initialize(classId, name, "", UsageType.USERDATA, SourceType.TRANSACTEDDB, ApplicationLevel.FRONT_END,
                Duration.ofSeconds(20));
        w.subscribe();
        return w;
    }

    /** What a requester does before GatherWriterMetadata (filters, backup state). */
    @FunctionalInterface
    interface Setup {
        void apply(BackupComponents b);
    }

    /**
     * One backup of {@code C:\}: {@code setup}, GatherWriterMetadata, in component mode AddComponent for every
     * component of the writers named in {@code selected}, then the whole sequence to BackupComplete.
     */
    private static void backup(boolean componentMode, List<String> selected, Setup setup) {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setBackupState(componentMode, false, BackupType.FULL, false);
            setup.apply(b);
            b.gatherWriterMetadata().finish(T);
            for (int i = 0; i < b.getWriterMetadataCount(); i++) {
                try (WriterMetadataEntry e = b.getWriterMetadata(i)) {
                    var md = e.metadata().read();
                    if (componentMode && selected.contains(md.identity().writerName())) {
                        md.components().forEach(c -> b.addComponent(e.instanceId(), md.identity().writerId(),
                                c.type(), c.logicalPath(), c.name()));
                    }
                }
            }
            b.startSnapshotSet();
            b.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
            b.prepareForBackup().finish(T);
            b.doSnapshotSet().finish(T);
            b.backupComplete().finish(T);
        }
    }

    @Test
    void inComponentModeOnlyWritersWithASelectedComponentGetTheBackupEvents(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "C:\\");
        SimulatedWriter chosen = simulated(machine, "Chosen");
        SimulatedWriter passedOver = simulated(machine, "Passed over");
        try (RecordingWriter chosenJava = javaWriter(RecordingWriter.WRITER_ID, "Chosen Java");
                RecordingWriter passedOverJava = javaWriter(OTHER_JAVA_WRITER, "Passed over Java")) {
            backup(true, List.of("Chosen", "Chosen Java"), b -> { });

            assertThat(chosen.events()).containsExactlyElementsOf(EVERY_BACKUP_EVENT);
            assertThat(chosenJava.events()).containsExactlyElementsOf(EVERY_BACKUP_HANDLER);
            assertThat(passedOver.events()).containsExactly(WriterEvent.IDENTIFY);
            assertThat(passedOverJava.events()).containsExactly(CVssWriter.OnIdentify);
        }
    }

    @Test
    void inVolumeModeEveryWriterGetsTheBackupEvents(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "C:\\");
        SimulatedWriter one = simulated(machine, "One");
        try (RecordingWriter java = javaWriter(RecordingWriter.WRITER_ID, "Java")) {
            backup(false, List.of(), b -> { });

            assertThat(one.events()).containsExactlyElementsOf(EVERY_BACKUP_EVENT);
            assertThat(java.events()).containsExactlyElementsOf(EVERY_BACKUP_HANDLER);
        }
    }

    @Test
    void aComponentModeAbortReachesOnlyTheParticipants(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "C:\\");
        SimulatedWriter passedOver = simulated(machine, "Passed over");
        try (RecordingWriter chosen = javaWriter(RecordingWriter.WRITER_ID, "Chosen Java")) {
            chosen.at(CVssWriter.OnFreeze, x -> false);
            try (BackupComponents b = BackupComponents.create()) {
                b.initializeForBackup(null);
                b.setBackupState(true, false, BackupType.FULL, false);
                b.gatherWriterMetadata().finish(T);
                UUID instance = machine.hostedWriters().get(0).metadata().instanceId();
                b.addComponent(instance, RecordingWriter.WRITER_ID, ComponentType.FILEGROUP, null,
                        "Chosen Java files");
                b.startSnapshotSet();
                b.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
                b.prepareForBackup().finish(T);
                assertThatThrownBy(() -> b.doSnapshotSet().finish(T)).isInstanceOf(VssException.class);
                b.abortBackup();
            }
            assertThat(chosen.events()).containsExactly(CVssWriter.OnIdentify, CVssWriter.OnPrepareBackup,
                    CVssWriter.OnPrepareSnapshot, CVssWriter.OnFreeze, CVssWriter.OnAbort, CVssWriter.OnBackupShutdown);
            assertThat(passedOver.events()).containsExactly(WriterEvent.IDENTIFY);
        }
    }

    @Test
    void aJavaWriterOfADisabledClassGetsNoEventAtAll(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "C:\\");
        SimulatedWriter other = simulated(machine, "Other");
        try (RecordingWriter disabled = javaWriter(RecordingWriter.WRITER_ID, "Disabled Java")) {
            backup(false, List.of(), b -> b.disableWriterClasses(List.of(RecordingWriter.WRITER_ID)));

            assertThat(disabled.events()).isEmpty();
            assertThat(other.events()).containsExactlyElementsOf(EVERY_BACKUP_EVENT);
        }
    }

    @Test
    void onlyJavaWritersOfEnabledClassesTakePart(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "C:\\");
        try (RecordingWriter enabled = javaWriter(RecordingWriter.WRITER_ID, "Enabled Java");
                RecordingWriter notEnabled = javaWriter(OTHER_JAVA_WRITER, "Not enabled Java")) {
            backup(false, List.of(), b -> b.enableWriterClasses(List.of(RecordingWriter.WRITER_ID)));

            assertThat(enabled.events()).containsExactlyElementsOf(EVERY_BACKUP_HANDLER);
            assertThat(notEnabled.events()).isEmpty();
        }
    }

    @Test
    void aDisabledJavaWriterInstanceGetsNoEvent(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "C:\\");
        try (RecordingWriter disabled = javaWriter(RecordingWriter.WRITER_ID, "Disabled Java");
                RecordingWriter other = javaWriter(OTHER_JAVA_WRITER, "Other Java")) {
            UUID instance = machine.hostedWriters().stream()
                    .filter(h -> h.metadata().writerClassId().equals(RecordingWriter.WRITER_ID)).findFirst()
                    .orElseThrow().metadata().instanceId();
            backup(false, List.of(), b -> b.disableWriterInstances(List.of(instance)));

            assertThat(disabled.events()).isEmpty();
            assertThat(other.events()).containsExactlyElementsOf(EVERY_BACKUP_HANDLER);
        }
    }
}
