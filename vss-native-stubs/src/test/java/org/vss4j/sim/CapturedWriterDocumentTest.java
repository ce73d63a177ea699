package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.BackupSchema;
import org.vss4j.ComponentType;
import org.vss4j.FileSet;
import org.vss4j.RestoreMethod;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.WriterComponentInfo;
import org.vss4j.WriterIdentity;
import org.vss4j.WriterMetadata;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.WriterRestore;
import org.vss4j.WriterRestoreMethod;
import org.vss4j.WriterVersion;
import org.vss4j.sim.vss.WriterMetadataXml;

/**
 * A writer replayed from a Writer Metadata Document in the schema Windows' {@code IVssExamineWriterMetadata::SaveAsXML}
 * writes (the fixture {@code wmd/ledger-writer.xml} is composed in that schema: braced GUIDs, {@code backupSchema} on
 * the root, the restore method after the backup locations, file sets without {@code recursive} or
 * {@code filespecBackupType}, a component without a caption). The simulated writer reports what the document says.
 */
@ExtendWith(VssSimulatorExtension.class)
class CapturedWriterDocumentTest {

    private static final Duration T = Duration.ofSeconds(30);
    static final UUID LEDGER_CLASS = UUID.fromString("6c1e4a52-0b7d-4f3e-9a11-2d4c8e5f7a90");
    static final UUID LEDGER_INSTANCE = UUID.fromString("0e2d8f14-5c3b-4a6d-8e7f-9b1a2c3d4e5f");

    @TempDir
    Path temp;

    static Path fixture() {
        try {
            return Path.of(CapturedWriterDocumentTest.class.getResource("wmd/ledger-writer.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WriterMetadata gatherOne() {
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.gatherWriterMetadata().finish(T);
            try (WriterMetadataEntry e = b.getWriterMetadata(0)) {
                return e.metadata().read();
            }
        }
    }

    @Test
    void aReplayedWriterReportsTheDocumentsIdentityComponentsFilesAndRestoreMethod(SimulatedMachine machine) {
        machine.addWriter(SimulatedWriter.fromWriterMetadataDocument(fixture()));

        WriterMetadata m = gatherOne();

        assertThat(m.identity()).isEqualTo(new WriterIdentity(LEDGER_INSTANCE, LEDGER_CLASS, "Contoso Ledger Writer",
                UsageType.USERDATA, SourceType.TRANSACTEDDB));
        assertThat(m.instanceName()).isEqualTo("Contoso Ledger:LEDGER01");
        assertThat(m.version()).isEqualTo(new WriterVersion(2, 1));
        assertThat(m.backupSchema().mask()).isEqualTo(
                BackupSchema.DIFFERENTIAL.value() | BackupSchema.WRITER_SUPPORTS_RESTORE_WITH_MOVE.value());
        assertThat(m.restoreMethod()).isEqualTo(new WriterRestoreMethod(RestoreMethod.RESTORE_IF_CAN_REPLACE, null,
                null, WriterRestore.ALWAYS, false, 0));
        assertThat(m.components()).extracting(WriterComponentInfo::type, WriterComponentInfo::logicalPath,
                WriterComponentInfo::name).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ComponentType.DATABASE, "LEDGER01", "accounts"),
                        org.assertj.core.groups.Tuple.tuple(ComponentType.FILEGROUP, "LEDGER01", "config"));
        WriterComponentInfo accounts = m.components().get(0);
        assertThat(accounts.caption()).isNull();
        assertThat(accounts.notifyOnBackupComplete()).isTrue();
        assertThat(accounts.componentFlagsMask()).isEqualTo(2);
        assertThat(accounts.databaseFiles()).containsExactly(
                new FileSet("D:\\Ledger\\Data", "accounts.mdb", false, null, 3855));
        assertThat(accounts.logFiles()).containsExactly(
                new FileSet("D:\\Ledger\\Logs", "accounts*.log", false, null, 3855));
        // A FILE_LIST without recursive or filespecBackupType: not recursive, the SDK's default mask.
        assertThat(m.components().get(1).files()).containsExactly(
                new FileSet("%ProgramData%\\Contoso\\Ledger", "*.ini", false, null, FileSpec.DEFAULT_MASK));
        assertThat(m.excludeFiles()).containsExactly(new FileSet("D:\\Ledger\\Data", "*.tmp", true, null,
                FileSpec.DEFAULT_MASK));
    }

    @Test
    void aDocumentSavedAsUtf16WithAByteOrderMarkLoadsToo(SimulatedMachine machine) throws IOException {
        Path utf16 = temp.resolve("ledger-utf16.xml");
        byte[] text = Files.readString(fixture()).getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[text.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withBom, 2, text.length);
        Files.write(utf16, withBom);

        assertThat(SimulatedWriter.fromWriterMetadataDocument(utf16).metadata())
                .isEqualTo(SimulatedWriter.fromWriterMetadataDocument(fixture()).metadata());
    }

    @Test
    void aDocumentInsideAWrapperElementAndUnknownElementsAreRead() throws IOException {
        String xml = Files.readString(fixture()).replace("<EXCLUDE_FILES", "<SOMETHING_NEWER a=\"b\"/><EXCLUDE_FILES");

        org.vss4j.sim.SimulatedWriterMetadata wrapped = WriterMetadataXml.read("<root>" + xml + "</root>");

        assertThat(wrapped).isEqualTo(SimulatedWriter.fromWriterMetadataDocument(fixture()).metadata());
    }

    @Test
    void theSimulatorWritesTheDocumentInWindowsSchema() {
        String xml = WriterMetadataXml.write(SimulatedWriter.fromWriterMetadataDocument(fixture()).metadata());

        // Attribute order carries no meaning in XML; the JDK's serializer writes them alphabetically.
        assertThat(xml).startsWith("<WRITER_METADATA ").contains("xmlns=\"x-schema:#VssWriterMetadataInfo\"",
                "version=\"1.2\"", "backupSchema=\"513\"", "instanceName=\"Contoso Ledger:LEDGER01\"",
                "usage=\"USER_DATA\"", "dataSource=\"TRANSACTION_DB\"", "majorVersion=\"2\"", "minorVersion=\"1\"",
                "method=\"RESTORE_IF_CAN_BE_REPLACED\"", "writerRestore=\"always\"", "<BACKUP_LOCATIONS><DATABASE ",
                "filespec=\"*.tmp\" path=\"D:\\Ledger\\Data\" recursive=\"yes\"/></BACKUP_LOCATIONS>")
                .doesNotContain("VSS_UT_", "writerVersion");
    }

    @Test
    void earlierSimulatorDocumentsStillLoad() {
        String legacy = "<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"1.1\">"
                + "<IDENTIFICATION writerId=\"" + LEDGER_CLASS + "\" instanceId=\"" + LEDGER_INSTANCE
                + "\" friendlyName=\"Old\" instanceName=\"\" usage=\"VSS_UT_USERDATA\" dataSource=\"VSS_ST_OTHER\""
                + " backupSchema=\"2\" writerVersion=\"3.4\"/><BACKUP_LOCATIONS/>"
                + "<RESTORE_METHOD method=\"VSS_RME_RESTORE_IF_CAN_REPLACE\" writerRestore=\"VSS_WRE_NEVER\""
                + " rebootRequired=\"no\"/><EXCLUDE_FILES path=\"C:\\x\" filespec=\"*\" recursive=\"no\""
                + " filespecBackupType=\"3855\"/><EXCLUDE_FROM_SNAPSHOT path=\"C:\\y\" filespec=\"*\" recursive=\"yes\""
                + " filespecBackupType=\"3855\"/></WRITER_METADATA>";

        org.vss4j.sim.SimulatedWriterMetadata m = WriterMetadataXml.read(legacy);

        assertThat(m).isNotNull();
        assertThat(m.backupSchema()).isEqualTo(2);
        assertThat(m.version()).isEqualTo(new WriterVersion(3, 4));
        assertThat(m.excludes()).containsExactly(FileSpec.of("C:\\x", "*", false));
        assertThat(m.excludeFromSnapshot()).containsExactly(FileSpec.of("C:\\y", "*", true));
    }

    @Test
    void aDirectoryOfDocumentsBecomesTheMachinesWritersInFileNameOrder(SimulatedMachine machine) throws IOException {
        Files.copy(fixture(), temp.resolve("b-ledger.XML"));
        Files.writeString(temp.resolve("a-simple.xml"), WriterMetadataXmlOf.simpleWriter());
        Files.writeString(temp.resolve("notes.txt"), "not a document");

        assertThat(machine.addWritersFrom(temp)).extracting(SimulatedWriter::name)
                .containsExactly("Simple Writer", "Contoso Ledger Writer");
        assertThat(machine.writers()).hasSize(2);
    }

    @Test
    void aFileThatIsNoDocumentOrARepeatedInstanceIsRefusedNamingTheFile(SimulatedMachine machine) throws IOException {
        Path bad = Files.writeString(temp.resolve("broken.xml"), "<WRITER_METADATA><IDENTIFICATION/></WRITER_METADATA>");
        assertThatThrownBy(() -> SimulatedWriter.fromWriterMetadataDocument(bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad.toString())
                .hasMessageContaining("not a Writer Metadata Document");
        Files.delete(bad);

        Files.copy(fixture(), temp.resolve("one.xml"));
        Files.copy(fixture(), temp.resolve("two.xml"));
        assertThatThrownBy(() -> machine.addWritersFrom(temp)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two.xml").hasMessageContaining(LEDGER_INSTANCE.toString());
    }
}
