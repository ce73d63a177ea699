package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.BackupComponents;
import org.vss4j.BackupSchema;
import org.vss4j.ComponentType;
import org.vss4j.ExamineWriterMetadata;
import org.vss4j.RestoreMethod;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterBackupSchema;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterRestore;
import org.vss4j.WriterRestoreMethod;

/**
 * The Backup Components Document and Writer Metadata Document methods of the binding against the simulator: writer
 * selection, component selection and the metadata reads (file counts, backup schema, restore method).
 */
@ExtendWith(VssSimulatorExtension.class)
class DocumentWrappersTest {

    private static final Duration T = Duration.ofSeconds(30);

    private static List<String> gatheredWriterNames(BackupComponents b) {
        b.gatherWriterMetadata().finish(T);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < b.getWriterMetadataCount(); i++) {
            try (WriterMetadataEntry e = b.getWriterMetadata(i)) {
                names.add(e.metadata().getIdentity().writerName());
            }
        }
        return names;
    }

    @Test
    void enablingWriterClassesLeavesOnlyTheEnabledOnesAndDisablingWins(SimulatedMachine machine) {
        SimulatedWriter a = machine.addWriter(SimulatedWriter.builder("A").build());
        SimulatedWriter b2 = machine.addWriter(SimulatedWriter.builder("B").build());
        machine.addWriter(SimulatedWriter.builder("C").build());
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.enableWriterClasses(List.of(a.metadata().writerClassId()));
            b.enableWriterClasses(List.of(b2.metadata().writerClassId()));
            b.disableWriterClasses(List.of(a.metadata().writerClassId()));
            assertThat(gatheredWriterNames(b)).containsExactly("B");
        }
    }

    @Test
    void disabledWriterInstancesAreLeftOutAndAnEmptyListChangesNothing(SimulatedMachine machine) {
        UUID cls = UUID.randomUUID();
        SimulatedWriter first = machine.addWriter(SimulatedWriter.builder("Db").classId(cls).instanceName("one")
                .build());
        machine.addWriter(SimulatedWriter.builder("Db").classId(cls).instanceName("two").build());
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.disableWriterClasses(List.of());
            b.disableWriterInstances(List.of(first.metadata().instanceId(), UUID.randomUUID()));
            b.gatherWriterMetadata().finish(T);
            assertThat(b.getWriterMetadataCount()).isEqualTo(1);
            try (WriterMetadataEntry e = b.getWriterMetadata(0)) {
                assertThat(e.instanceId()).isNotEqualTo(first.metadata().instanceId());
            }
        }
        assertThat(first.events()).isEmpty();
    }

    @Test
    void writerSelectionBeforeInitializeIsBadState(SimulatedMachine machine) {
        try (BackupComponents b = BackupComponents.create()) {
            assertThatThrownBy(() -> b.enableWriterClasses(List.of(UUID.randomUUID())))
                    .isInstanceOfSatisfying(VssException.class, e -> {
                        assertThat(e.is(VssHresult.VSS_E_BAD_STATE)).isTrue();
                        assertThat(e.operation()).isEqualTo("IVssBackupComponents::EnableWriterClasses");
                    });
        }
    }

    @Test
    void addingAComponentTheWriterDoesNotDeclareIsObjectNotFoundAndTwiceIsAlreadyExists(SimulatedMachine machine) {
        SimulatedWriter w = machine.addWriter(SimulatedWriter.builder("Files")
                .component(WriterComponent.fileGroup("Data", "docs")).build());
        UUID instance = w.metadata().instanceId();
        UUID writer = w.metadata().writerClassId();
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.setBackupState(true, false, org.vss4j.BackupType.FULL, false);
            b.gatherWriterMetadata().finish(T);
            assertThatThrownBy(() -> b.addComponent(instance, writer, ComponentType.FILEGROUP, "Data", "nope"))
                    .isInstanceOfSatisfying(VssException.class, e -> {
                        assertThat(e.is(VssHresult.VSS_E_OBJECT_NOT_FOUND)).isTrue();
                        assertThat(e.getMessage()).contains("IVssBackupComponents::AddComponent", "Data\\nope");
                    });
            b.addComponent(instance, writer, ComponentType.FILEGROUP, "Data", "docs");
            assertThatThrownBy(() -> b.addComponent(instance, writer, ComponentType.FILEGROUP, "Data", "docs"))
                    .isInstanceOfSatisfying(VssException.class,
                            e -> assertThat(e.is(VssHresult.VSS_E_OBJECT_ALREADY_EXISTS)).isTrue());
            assertThat(b.saveAsXml()).contains("logicalPath=\"Data\"", "componentName=\"docs\"");
        }
    }

    @Test
    void setBackupSucceededBeforeDoSnapshotSetIsBadState(SimulatedMachine machine) {
        SimulatedWriter w = machine.addWriter(SimulatedWriter.builder("Files")
                .component(WriterComponent.fileGroup("", "docs")).build());
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.gatherWriterMetadata().finish(T);
            b.addComponent(w.metadata().instanceId(), w.metadata().writerClassId(), ComponentType.FILEGROUP, null,
                    "docs");
            assertThatThrownBy(() -> b.setBackupSucceeded(w.metadata().instanceId(), w.metadata().writerClassId(),
                    ComponentType.FILEGROUP, null, "docs", true)).isInstanceOfSatisfying(VssException.class,
                            e -> assertThat(e.is(VssHresult.VSS_E_BAD_STATE)).isTrue());
        }
    }

    @Test
    void restoreMethodWithServiceProcedureAndRebootIsReadAndItsStringsFreed(SimulatedMachine machine) {
        machine.addWriter(SimulatedWriter.builder("Svc")
                .restoreMethod(RestoreMethod.STOP_RESTORE_START, "MyService", "see https://example.invalid/restore",
                        WriterRestore.ALWAYS, true)
                .alternateLocationMapping(FileSpec.of("C:\\data", "*", true))
                .build());
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.gatherWriterMetadata().finish(T);
            try (WriterMetadataEntry e = b.getWriterMetadata(0)) {
                assertThat(e.metadata().getRestoreMethod()).isEqualTo(new WriterRestoreMethod(
                        RestoreMethod.STOP_RESTORE_START, "MyService", "see https://example.invalid/restore",
                        WriterRestore.ALWAYS, true, 1));
            }
        }
    }

    @Test
    void theDefaultRestoreMethodHasNullStringsAndNoReboot(SimulatedMachine machine) {
        machine.addWriter(SimulatedWriter.builder("Plain").build());
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.gatherWriterMetadata().finish(T);
            try (WriterMetadataEntry e = b.getWriterMetadata(0)) {
                assertThat(e.metadata().getRestoreMethod()).isEqualTo(new WriterRestoreMethod(
                        RestoreMethod.RESTORE_IF_CAN_REPLACE, null, null, WriterRestore.NEVER, false, 0));
            }
        }
    }

    @Test
    void backupSchemaKeepsTheRawMaskAndDecodesTheKnownBits(SimulatedMachine machine) {
        int unknownBit = 1 << 20;
        machine.addWriter(SimulatedWriter.builder("Schema")
                .backupSchema(BackupSchema.DIFFERENTIAL.value() | BackupSchema.LOG.value() | unknownBit).build());
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.gatherWriterMetadata().finish(T);
            String xml;
            try (WriterMetadataEntry e = b.getWriterMetadata(0)) {
                WriterBackupSchema schema = e.metadata().getBackupSchema();
                assertThat(schema.mask()).isEqualTo(1 | 8 | unknownBit);
                assertThat(schema.schemas()).containsExactlyInAnyOrder(BackupSchema.DIFFERENTIAL, BackupSchema.LOG);
                assertThat(schema.supports(BackupSchema.LOG)).isTrue();
                assertThat(schema.supports(BackupSchema.COPY)).isFalse();
                xml = e.metadata().saveAsXml();
            }
            try (ExamineWriterMetadata loaded = ExamineWriterMetadata.fromXml(xml)) {
                assertThat(loaded.getBackupSchema()).isEqualTo(new WriterBackupSchema(1 | 8 | unknownBit));
            }
        }
    }
}
