package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.ptr.PointerByReference;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.BackupComponents;
import org.vss4j.BackupSchema;
import org.vss4j.ComponentFlag;
import org.vss4j.ComponentIcon;
import org.vss4j.ComponentInfo;
import org.vss4j.ComponentType;
import org.vss4j.ExamineWriterMetadata;
import org.vss4j.FileSet;
import org.vss4j.FileSpecBackupType;
import org.vss4j.RestoreMethod;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.WmComponent;
import org.vss4j.WmDependency;
import org.vss4j.WmFiledesc;
import org.vss4j.WriterComponentInfo;
import org.vss4j.WriterIdentity;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterRestore;
import org.vss4j.WriterRestoreMethod;
import org.vss4j.WriterVersion;
import org.vss4j.XmlDomDocument;
import org.vss4j.abi.vtable.IUnknown;
import org.vss4j.com.Bstr;
import org.vss4j.sim.vss.IXMLDOMDocument;

/**
 * {@code IVssExamineWriterMetadata} (with Ex and Ex2), {@code IVssWMComponent}, {@code IVssWMFiledesc} and
 * {@code IVssWMDependency} through the binding against the simulator: every method, the whole-document read, and the
 * SaveAsXML round trip. The extension fails any test that leaves a BSTR, a VSS_COMPONENTINFO or an object behind.
 */
@ExtendWith(VssSimulatorExtension.class)
class WriterMetadataReadTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static final UUID OTHER_WRITER = UUID.fromString("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a");
    private static final byte[] ICON = {1, 2, 3, (byte) 0xFF};

    private static final FileSpec CONFIG = new FileSpec("C:\\srv\\cfg", "*.cfg", true, "D:\\alt\\cfg",
            FileSpecBackupType.FULL_BACKUP_REQUIRED.value() | FileSpecBackupType.FULL_SNAPSHOT_REQUIRED.value());
    private static final FileSpec DB_FILE = FileSpec.of("C:\\srv\\db", "db1.mdf", false);
    private static final FileSpec LOG_FILE = FileSpec.of("C:\\srv\\log", "db1.ldf", false);
    private static final FileSpec TEMP = FileSpec.of("C:\\srv", "*.tmp", true);
    private static final FileSpec MAPPING = new FileSpec("C:\\srv\\db", "*.mdf", false, "E:\\restore", 15);
    private static final FileSpec SCRATCH = FileSpec.of("C:\\srv\\scratch", "*", true);

    private static final WriterComponent FILES = WriterComponent.fileGroup("Server", "Config")
            .withCaption("Server configuration").withIcon(ICON).withNotifications(true, true)
            .withComponentFlags(ComponentFlag.BACKUP_RECOVERY.value() | ComponentFlag.NOT_SYSTEM_STATE.value())
            .withFile(CONFIG);
    private static final WriterComponent DATABASE = WriterComponent.database("Server\\Instance1", "db1")
            .withSelectable(false).withSelectableForRestore(false).withDatabaseFile(DB_FILE).withLogFile(LOG_FILE)
            .withDependency(OTHER_WRITER, "Registry", "ServerConfig");
    /** No logical path and no caption: both read back as NULL BSTRs. */
    private static final WriterComponent ROOT = WriterComponent.fileGroup(null, "Loose").withCaption(null);

    private static SimulatedWriter fullWriter() {
        return SimulatedWriter.builder("Database Writer").instanceName("Instance One").usage(UsageType.USERDATA)
                .source(SourceType.TRANSACTEDDB).component(FILES).component(DATABASE).component(ROOT).exclude(TEMP)
                .alternateLocationMapping(MAPPING)
                .restoreMethod(RestoreMethod.RESTORE_STOP_START, "MyService", "http://example.invalid/restore",
                        WriterRestore.IF_REPLACE_FAILS, true)
                .backupSchema(BackupSchema.DIFFERENTIAL.value() | BackupSchema.INCREMENTAL.value())
                .version(3, 7).excludeFromSnapshot(SCRATCH).build();
    }

    private static FileSet fileSet(FileSpec f) {
        return new FileSet(f.path(), f.filespec(), f.recursive(), f.alternateLocation(), f.backupTypeMask());
    }

    private static List<FileSet> fileSets(List<FileSpec> files) {
        return files.stream().map(WriterMetadataReadTest::fileSet).toList();
    }

    /** What the binding must read for {@code c}: empty logical paths are NULL BSTRs. */
    private static WriterComponentInfo expected(WriterComponent c) {
        return new WriterComponentInfo(c.type(), c.logicalPath().isEmpty() ? null : c.logicalPath(), c.name(),
                c.caption(), c.icon(), c.restoreMetadata(), c.notifyOnBackupComplete(), c.selectable(),
                c.selectableForRestore(), c.componentFlags(), fileSets(c.files()), fileSets(c.databaseFiles()),
                fileSets(c.logFiles()), c.dependencies().stream().map(d -> new org.vss4j.ComponentDependency(
                        d.onWriterId(), d.onLogicalPath(), d.onComponentName())).toList());
    }

    private static org.vss4j.WriterMetadata expected(SimulatedWriterMetadata m) {
        return new org.vss4j.WriterMetadata(
                new WriterIdentity(m.instanceId(), m.writerClassId(), m.writerName(), m.usage(), m.source()),
                m.instanceName(), List.of(), fileSets(m.excludes()),
                m.components().stream().map(WriterMetadataReadTest::expected).toList(),
                new WriterRestoreMethod(m.restore().method(), m.restore().service(), m.restore().userProcedure(),
                        m.restore().writerRestore(), m.restore().rebootRequired(),
                        m.alternateLocationMappings().size()),
                fileSets(m.alternateLocationMappings()), new org.vss4j.WriterBackupSchema(m.backupSchema()),
                m.version(), fileSets(m.excludeFromSnapshot()));
    }

    /** Gathers the metadata and hands the first writer's document to {@code body}. */
    private static void withMetadata(java.util.function.Consumer<ExamineWriterMetadata> body) {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.gatherWriterMetadata().finish(T);
            try (WriterMetadataEntry e = b.getWriterMetadata(0)) {
                body.accept(e.metadata());
            }
        }
    }

    @Test
    void readReturnsTheWholeDocument(SimulatedMachine machine) {
        SimulatedWriter writer = machine.addWriter(fullWriter());
        withMetadata(m -> assertThat(m.read()).isEqualTo(expected(writer.metadata())));
    }

    @Test
    void saveAsXmlThenCreateVssExamineWriterMetadataReadsEqualRecords(SimulatedMachine machine) {
        machine.addWriter(fullWriter());
        org.vss4j.WriterMetadata[] gathered = new org.vss4j.WriterMetadata[1];
        String[] xml = new String[1];
        withMetadata(m -> {
            gathered[0] = m.read();
            xml[0] = m.saveAsXml();
        });
        try (ExamineWriterMetadata loaded = ExamineWriterMetadata.fromXml(xml[0])) {
            assertThat(loaded.read()).isEqualTo(gathered[0]);
        }
    }

    @Test
    void loadFromXmlReplacesTheDocument(SimulatedMachine machine) {
        machine.addWriter(fullWriter());
        String other = WriterMetadataXmlOf.simpleWriter();
        withMetadata(m -> {
            m.loadFromXml(other);
            assertThat(m.getIdentity().writerName()).isEqualTo("Simple Writer");
            assertThat(m.getFileCounts().components()).isZero();
            assertThatThrownBy(() -> m.loadFromXml("<not-a-writer-document/>")).isInstanceOf(VssException.class)
                    .satisfies(e -> assertThat(((VssException) e).is(VssHresult.VSS_E_INVALID_XML_DOCUMENT)).isTrue())
                    .hasMessageContaining("IVssExamineWriterMetadata::LoadFromXML");
        });
    }

    @Test
    void exAndEx2MethodsAreReachedThroughQueryInterface(SimulatedMachine machine) {
        SimulatedWriter writer = machine.addWriter(fullWriter());
        withMetadata(m -> {
            assertThat(m.getIdentityEx().instanceName()).isEqualTo("Instance One");
            assertThat(m.getIdentityEx().identity()).isEqualTo(m.getIdentity());
            assertThat(m.getVersion()).isEqualTo(new WriterVersion(3, 7));
            assertThat(m.getExcludeFromSnapshotCount()).isEqualTo(1);
            try (WmFiledesc f = m.getExcludeFromSnapshotFile(0)) {
                assertThat(f.read()).isEqualTo(fileSet(SCRATCH));
            }
            assertThat(writer.metadata().instanceName()).isEqualTo("Instance One");
        });
    }

    @Test
    void fileDescriptorsReadEveryProperty(SimulatedMachine machine) {
        machine.addWriter(fullWriter());
        withMetadata(m -> {
            try (WmFiledesc f = m.getExcludeFile(0)) {
                assertThat(f.getPath()).isEqualTo("C:\\srv");
                assertThat(f.getFilespec()).isEqualTo("*.tmp");
                assertThat(f.getRecursive()).isTrue();
                assertThat(f.getAlternateLocation()).isNull();
                assertThat(f.getBackupTypeMask()).isEqualTo(FileSpec.DEFAULT_MASK);
            }
            try (WmFiledesc f = m.getAlternateLocationMapping(0)) {
                assertThat(f.getAlternateLocation()).isEqualTo("E:\\restore");
                assertThat(f.getRecursive()).isFalse();
                assertThat(f.read().backupTypes()).containsExactlyInAnyOrder(
                        FileSpecBackupType.FULL_BACKUP_REQUIRED, FileSpecBackupType.DIFFERENTIAL_BACKUP_REQUIRED,
                        FileSpecBackupType.INCREMENTAL_BACKUP_REQUIRED, FileSpecBackupType.LOG_BACKUP_REQUIRED);
            }
        });
    }

    @Test
    void componentInfoIsCopiedAndFreedOnce(SimulatedMachine machine) {
        machine.addWriter(fullWriter());
        withMetadata(m -> {
            try (WmComponent c = m.getComponent(0)) {
                ComponentInfo info = c.getComponentInfo();
                assertThat(info).isEqualTo(new ComponentInfo(ComponentType.FILEGROUP, "Server", "Config",
                        "Server configuration", ComponentIcon.of(ICON), true, true, true, true,
                        ComponentFlag.BACKUP_RECOVERY.value() | ComponentFlag.NOT_SYSTEM_STATE.value(), 1, 0, 0, 0));
                assertThat(info.componentFlags()).containsExactlyInAnyOrder(ComponentFlag.BACKUP_RECOVERY,
                        ComponentFlag.NOT_SYSTEM_STATE);
                try (WmFiledesc f = c.getFile(0)) {
                    assertThat(f.read()).isEqualTo(fileSet(CONFIG));
                }
            }
            try (WmComponent c = m.getComponent(1)) {
                ComponentInfo info = c.getComponentInfo();
                // The four C++ bools are single bytes at 44..47: false ones must not bleed into their neighbours.
                assertThat(info.selectable()).isFalse();
                assertThat(info.selectableForRestore()).isFalse();
                assertThat(info.restoreMetadata()).isFalse();
                assertThat(info.icon()).isEqualTo(ComponentIcon.NONE);
                assertThat(List.of(info.fileCount(), info.databaseCount(), info.logFileCount(),
                        info.dependencyCount())).containsExactly(0, 1, 1, 1);
                try (WmFiledesc db = c.getDatabaseFile(0); WmFiledesc log = c.getDatabaseLogFile(0);
                        WmDependency dep = c.getDependency(0)) {
                    assertThat(db.read()).isEqualTo(fileSet(DB_FILE));
                    assertThat(log.read()).isEqualTo(fileSet(LOG_FILE));
                    assertThat(dep.getWriterId()).isEqualTo(OTHER_WRITER);
                    assertThat(dep.getLogicalPath()).isEqualTo("Registry");
                    assertThat(dep.getComponentName()).isEqualTo("ServerConfig");
                }
            }
            try (WmComponent c = m.getComponent(2)) {
                ComponentInfo info = c.getComponentInfo();
                assertThat(info.logicalPath()).isNull();
                assertThat(info.caption()).isNull();
            }
        });
    }

    @Test
    void aBadIndexIsEInvalidArgNamingTheMethod(SimulatedMachine machine) {
        machine.addWriter(fullWriter());
        withMetadata(m -> {
            assertInvalidArg(() -> m.getIncludeFile(0), "IVssExamineWriterMetadata::GetIncludeFile");
            assertInvalidArg(() -> m.getExcludeFile(1), "IVssExamineWriterMetadata::GetExcludeFile");
            assertInvalidArg(() -> m.getComponent(3), "IVssExamineWriterMetadata::GetComponent");
            assertInvalidArg(() -> m.getComponent(-1), "IVssExamineWriterMetadata::GetComponent");
            assertInvalidArg(() -> m.getAlternateLocationMapping(1),
                    "IVssExamineWriterMetadata::GetAlternateLocationMapping");
            assertInvalidArg(() -> m.getExcludeFromSnapshotFile(1),
                    "IVssExamineWriterMetadataEx2::GetExcludeFromSnapshotFile");
            try (WmComponent c = m.getComponent(0)) {
                assertInvalidArg(() -> c.getFile(1), "IVssWMComponent::GetFile");
                assertInvalidArg(() -> c.getDatabaseFile(0), "IVssWMComponent::GetDatabaseFile");
                assertInvalidArg(() -> c.getDatabaseLogFile(0), "IVssWMComponent::GetDatabaseLogFile");
                assertInvalidArg(() -> c.getDependency(0), "IVssWMComponent::GetDependency");
            }
        });
    }

    static void assertInvalidArg(Runnable call, String method) {
        assertThatThrownBy(call::run).isInstanceOf(VssException.class).hasMessageContaining(method)
                .satisfies(e -> assertThat(((VssException) e).is(VssHresult.E_INVALIDARG)).isTrue());
    }

    @Test
    void getDocumentHandsOutAnOwnedXmlDocumentHoldingTheWmd(SimulatedMachine machine) {
        machine.addWriter(fullWriter());
        withMetadata(m -> {
            String saved = m.saveAsXml();
            try (XmlDomDocument doc = m.getDocument()) {
                assertThat(doc.interfaceName()).isEqualTo("IXMLDOMDocument");
                RawCom raw = new RawCom(doc.pointer(), "IXMLDOMDocument");
                PointerByReference xml = new PointerByReference();
                assertThat(raw.call(IXMLDOMDocument.get_xml, xml)).isEqualTo(VssHresult.S_OK.code());
                assertThat(Bstr.readAndFree(xml.getValue())).isEqualTo(saved);
                // Any other MSXML slot exists and answers E_NOTIMPL rather than running off the table.
                assertThat(raw.call(IXMLDOMDocument.abort))
                        .isEqualTo(VssHresult.E_NOTIMPL.code());
                PointerByReference unknown = new PointerByReference();
                assertThat(raw.call(IUnknown.QueryInterface, org.vss4j.com.Guids.toGuid(IXMLDOMDocument.IID),
                        unknown)).isEqualTo(VssHresult.S_OK.code());
                new RawCom(unknown.getValue(), "IUnknown").call(IUnknown.Release);
            }
        });
    }
}
