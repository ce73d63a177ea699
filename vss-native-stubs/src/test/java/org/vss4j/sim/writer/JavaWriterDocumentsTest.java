package org.vss4j.sim.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupSchema;
import org.vss4j.BackupType;
import org.vss4j.ComponentDependency;
import org.vss4j.ComponentFailure;
import org.vss4j.ComponentState;
import org.vss4j.ComponentType;
import org.vss4j.DifferencedFile;
import org.vss4j.DirectedTarget;
import org.vss4j.FileSet;
import org.vss4j.PartialFile;
import org.vss4j.RestoreMethod;
import org.vss4j.RestoreTarget;
import org.vss4j.RestoreType;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.VssComponent;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WriterComponentInfo;
import org.vss4j.WriterComponentsSnapshot;
import org.vss4j.WriterInfo;
import org.vss4j.WriterMetadata;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterRestore;
import org.vss4j.XmlDomDocument;
import org.vss4j.abi.vtable.CVssWriter;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.writer.BorrowedWriterComponents;
import org.vss4j.writer.CreateWriterMetadata;

/**
 * What a Java writer declares in OnIdentify is what the requester reads in its Writer Metadata Document, and what it
 * records in its components is what the requester reads in the Backup Components Document.
 */
@ExtendWith(VssSimulatorExtension.class)
class JavaWriterDocumentsTest {

    private static final Duration T = JavaWriterBackupTest.T;
    private static final UUID OTHER_WRITER = UUID.fromString("0f0e0d0c-0b0a-0908-0706-050403020100");
    private static final byte[] ICON = {1, 2, 3, 4};
    private static final Instant MODIFIED = Instant.parse("2024-05-06T07:08:09Z");

    @TempDir
    Path volumeDir;

    /** Every IVssCreateWriterMetadata method but the unsupported AddIncludeFiles. */
    private static void declareEverything(CreateWriterMetadata m) {
        m.addExcludeFiles("C:\\db", "*.tmp", true);
        m.addComponent(ComponentType.DATABASE, "Server", "db1", "Database one", ICON, true, true, true, true, 2);
        m.addComponent(ComponentType.FILEGROUP, null, "logs", "Log files", false, false, true);
        m.addDatabaseFiles("Server", "db1", "C:\\db", "db1.mdf", CreateWriterMetadata.DEFAULT_BACKUP_TYPE_MASK);
        m.addDatabaseLogFiles("Server", "db1", "C:\\db", "db1.ldf", 0x0F);
        m.addFilesToFileGroup(null, "logs", "C:\\logs", "*.log", true, "D:\\alt", 0xF00);
        m.setRestoreMethod(RestoreMethod.RESTORE_TO_ALTERNATE_LOCATION, null, "restore by hand",
                WriterRestore.IF_REPLACE_FAILS, true);
        m.addAlternateLocationMapping("C:\\db", "*.mdf", false, "E:\\moved");
        m.addComponentDependency("Server", "db1", OTHER_WRITER, "Other", "master");
        m.setBackupSchema(BackupSchema.DIFFERENTIAL.value() | BackupSchema.INCREMENTAL.value());
    }

    @Test
    void theMetadataDeclaredInOnIdentifyIsWhatTheRequesterReads(SimulatedMachine machine) {
        List<String> seenInIdentify = new ArrayList<>();
        WriterMetadata read;
        UUID instance;
        try (RecordingWriter w = new RecordingWriter()) {
            w.declaring(m -> {
                declareEverything(m);
                seenInIdentify.add(m.saveAsXml());
                try (XmlDomDocument doc = m.getDocument()) {
                    seenInIdentify.add(doc.interfaceName());
                }
                assertThatThrownBy(() -> m.addIncludeFiles("C:\\x", "*", false, null))
                        .isInstanceOfSatisfying(VssException.class, e -> assertThat(e.is(VssHresult.E_NOTIMPL))
                                .isTrue());
                assertThatThrownBy(() -> m.addDatabaseFiles("Server", "nope", "C:\\", "x", 0))
                        .isInstanceOfSatisfying(VssException.class,
                                e -> assertThat(e.is(VssHresult.VSS_E_OBJECT_NOT_FOUND)).isTrue());
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            instance = machine.hostedWriters().get(0).metadata().instanceId();
            try (BackupComponents b = BackupComponents.create()) {
                b.initializeForBackup(null);
                b.gatherWriterMetadata().finish(T);
                try (WriterMetadataEntry e = b.getWriterMetadata(0)) {
                    assertThat(e.instanceId()).isEqualTo(instance);
                    read = e.metadata().read();
                }
                b.freeWriterMetadata();
            }
        }
        assertThat(seenInIdentify.get(0)).contains("db1", "logs");
        assertThat(seenInIdentify.get(1)).isEqualTo("IXMLDOMDocument");
        assertThat(read.identity().instanceId()).isEqualTo(instance);
        assertThat(read.identity().writerId()).isEqualTo(RecordingWriter.WRITER_ID);
        assertThat(read.identity().writerName()).isEqualTo("Java Test Writer");
        assertThat(read.identity().usage()).isEqualTo(UsageType.USERDATA);
        assertThat(read.identity().source()).isEqualTo(SourceType.TRANSACTEDDB);
        assertThat(read.instanceName()).isEqualTo("instance-1");
        assertThat(read.excludeFiles()).containsExactly(new FileSet("C:\\db", "*.tmp", true, null, 0x0F | 0xF00));
        assertThat(read.alternateLocationMappings())
                .containsExactly(new FileSet("C:\\db", "*.mdf", false, "E:\\moved", 0x0F | 0xF00));
        assertThat(read.restoreMethod().method()).isEqualTo(RestoreMethod.RESTORE_TO_ALTERNATE_LOCATION);
        assertThat(read.restoreMethod().userProcedure()).isEqualTo("restore by hand");
        assertThat(read.restoreMethod().writerRestore()).isEqualTo(WriterRestore.IF_REPLACE_FAILS);
        assertThat(read.restoreMethod().rebootRequired()).isTrue();
        assertThat(read.backupSchema().mask())
                .isEqualTo(BackupSchema.DIFFERENTIAL.value() | BackupSchema.INCREMENTAL.value());
        assertThat(read.components()).hasSize(2);
        WriterComponentInfo db = read.components().get(0);
        assertThat(db.type()).isEqualTo(ComponentType.DATABASE);
        assertThat(db.logicalPath()).isEqualTo("Server");
        assertThat(db.name()).isEqualTo("db1");
        assertThat(db.caption()).isEqualTo("Database one");
        assertThat(db.icon().bytes()).containsExactly(ICON);
        assertThat(db.restoreMetadata()).isTrue();
        assertThat(db.notifyOnBackupComplete()).isTrue();
        assertThat(db.selectable()).isTrue();
        assertThat(db.selectableForRestore()).isTrue();
        assertThat(db.componentFlagsMask()).isEqualTo(2);
        assertThat(db.databaseFiles())
                .containsExactly(new FileSet("C:\\db", "db1.mdf", false, null, 0x0F | 0xF00));
        assertThat(db.logFiles()).containsExactly(new FileSet("C:\\db", "db1.ldf", false, null, 0x0F));
        assertThat(db.dependencies()).containsExactly(new ComponentDependency(OTHER_WRITER, "Other", "master"));
        WriterComponentInfo logs = read.components().get(1);
        assertThat(logs.files()).containsExactly(new FileSet("C:\\logs", "*.log", true, "D:\\alt", 0xF00));
        assertThat(logs.selectableForRestore()).isFalse();
    }

    @Test
    void theComponentDataAWriterRecordsIsWhatTheRequesterReads(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "C:\\");
        List<WriterInfo> infos = new ArrayList<>();
        WriterComponentsSnapshot read;
        try (RecordingWriter w = new RecordingWriter()) {
            w.declaring(m -> m.addComponent(ComponentType.FILEGROUP, "Server", "db1", null, false, false, true));
            w.at(CVssWriter.OnPrepareBackup, x -> {
                BorrowedWriterComponents c = (BorrowedWriterComponents) x;
                infos.add(c.getWriterInfo());
                assertThat(c.getComponentCount()).isEqualTo(1);
                try (VssComponent db = c.getComponent(0)) {
                    assertThat(db.getBackupOptions()).isEqualTo("compress=yes");
                    assertThat(db.getPreviousBackupStamp()).isEqualTo("stamp-1");
                    db.setBackupMetadata("private:42");
                    db.addPartialFile("C:\\db", "db1.mdf", "0:4096", "page-map");
                    db.addDifferencedFilesByLastModifyTime("C:\\db", "*.ndf", true, MODIFIED);
                    db.addDifferencedFilesByLastModifyLsn("C:\\db", "*.log", false, "LSN-77");
                    db.setPrepareForBackupFailureMsg("prepare note");
                    assertThat(db.getBackupMetadata()).isEqualTo("private:42");
                }
                return true;
            });
            w.at(CVssWriter.OnPostSnapshot, x -> {
                try (VssComponent db = ((BorrowedWriterComponents) x).getComponent(0)) {
                    db.setBackupStamp("stamp-2");
                    db.setPostSnapshotFailureMsg("post note");
                    db.setFailure(VssHresult.VSS_E_WRITERERROR_PARTIAL_FAILURE.code(), 0x80070005, "one file skipped");
                }
                return true;
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            UUID instance = machine.hostedWriters().get(0).metadata().instanceId();
            try (BackupComponents b = BackupComponents.create()) {
                b.initializeForBackup(null);
                b.setBackupState(true, false, BackupType.INCREMENTAL, true);
                b.gatherWriterMetadata().finish(T);
                b.addComponent(instance, RecordingWriter.WRITER_ID, ComponentType.FILEGROUP, "Server", "db1");
                b.setBackupOptions(RecordingWriter.WRITER_ID, ComponentType.FILEGROUP, "Server", "db1",
                        "compress=yes");
                b.setPreviousBackupStamp(RecordingWriter.WRITER_ID, ComponentType.FILEGROUP, "Server", "db1",
                        "stamp-1");
                b.startSnapshotSet();
                b.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
                b.prepareForBackup().finish(T);
                b.doSnapshotSet().finish(T);
                try (org.vss4j.WriterComponents wc = b.getWriterComponents(0)) {
                    read = wc.read();
                }
                b.backupComplete().finish(T);
            }
            assertThat(infos).containsExactly(new WriterInfo(instance, RecordingWriter.WRITER_ID));
        }
        ComponentState db = read.components().get(0);
        assertThat(db.backupMetadata()).isEqualTo("private:42");
        assertThat(db.partialFiles()).containsExactly(new PartialFile("C:\\db", "db1.mdf", "0:4096", "page-map"));
        assertThat(db.differencedFiles()).containsExactly(
                new DifferencedFile("C:\\db", "*.ndf", true, null, MODIFIED),
                new DifferencedFile("C:\\db", "*.log", false, "LSN-77", Instant.parse("1601-01-01T00:00:00Z")));
        assertThat(db.backupStamp()).isEqualTo("stamp-2");
        assertThat(db.prepareForBackupFailureMsg()).isEqualTo("prepare note");
        assertThat(db.postSnapshotFailureMsg()).isEqualTo("post note");
        assertThat(db.failure()).isEqualTo(new ComponentFailure(VssHresult.VSS_E_WRITERERROR_PARTIAL_FAILURE.code(),
                0x80070005, "one file skipped", 0));
    }

    @Test
    void theRestoreDataAWriterRecordsIsWhatTheRestoringRequesterReads(SimulatedMachine machine) {
        machine.addVolume(volumeDir, "C:\\");
        DirectedTarget target = new DirectedTarget("C:\\db", "db1.mdf", "0:100", "D:\\db", "db1.mdf", "0:100");
        ComponentState read;
        try (RecordingWriter w = new RecordingWriter()) {
            w.declaring(m -> m.addComponent(ComponentType.FILEGROUP, null, "Data", null, false, false, true));
            w.at(CVssWriter.OnPreRestore, x -> {
                try (VssComponent c = ((BorrowedWriterComponents) x).getComponent(0)) {
                    assertThat(c.isSelectedForRestore()).isTrue();
                    c.setRestoreMetadata("restore-meta");
                    c.setRestoreTarget(RestoreTarget.DIRECTED);
                    c.addDirectedTarget(target);
                    c.setPreRestoreFailureMsg("pre note");
                }
                return true;
            });
            w.at(CVssWriter.OnPostRestore, x -> {
                try (VssComponent c = ((BorrowedWriterComponents) x).getComponent(0)) {
                    c.setPostRestoreFailureMsg("post-restore note");
                }
                return true;
            });
            w.start(JavaWriterBackupTest.FREEZE_TIMEOUT);
            UUID instance = machine.hostedWriters().get(0).metadata().instanceId();
            String bcd = ComponentBackup.of(instance, "Data", T);
            try (BackupComponents r = BackupComponents.create()) {
                r.initializeForRestore(bcd);
                r.setRestoreState(RestoreType.IMPORT);
                r.gatherWriterMetadata().finish(T);
                r.setSelectedForRestore(RecordingWriter.WRITER_ID, ComponentType.FILEGROUP, null, "Data", true);
                r.preRestore().finish(T);
                r.postRestore().finish(T);
                try (org.vss4j.WriterComponents wc = r.getWriterComponents(0)) {
                    read = wc.read().components().get(0);
                }
            }
        }
        assertThat(read.restoreMetadata()).isEqualTo("restore-meta");
        assertThat(read.restoreTarget()).isEqualTo(RestoreTarget.DIRECTED);
        assertThat(read.directedTargets()).containsExactly(target);
        assertThat(read.preRestoreFailureMsg()).isEqualTo("pre note");
        assertThat(read.postRestoreFailureMsg()).isEqualTo("post-restore note");
    }
}
