package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vss4j.BackupComponents;
import org.vss4j.ExamineWriterMetadata;
import org.vss4j.WriterFileCounts;
import org.vss4j.WriterMetadataEntry;
import org.vss4j.sim.vss.WriterMetadataXml;

/** Component sets and component dependencies in a Writer Metadata Document, and their XML round trip. */
@ExtendWith(VssSimulatorExtension.class)
class WriterMetadataDocumentTest {

    private static final UUID OTHER_WRITER = UUID.fromString("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a");

    /** A database writer: a selectable instance component, two non-selectable databases under it, one apart. */
    private static final WriterComponent INSTANCE = WriterComponent.fileGroup("Server", "Instance1")
            .withFile(FileSpec.of("C:\\srv\\inst1", "*.cfg", false));
    private static final WriterComponent DB1 = WriterComponent.database("Server\\Instance1", "db1")
            .withSelectable(false).withDatabaseFile(FileSpec.of("C:\\srv\\inst1", "db1.mdf", false))
            .withLogFile(FileSpec.of("C:\\srv\\inst1", "db1.ldf", false))
            .withDependency(OTHER_WRITER, "Registry", "ServerConfig");
    private static final WriterComponent DB2 = WriterComponent.database("Server\\Instance1\\Archive", "db2")
            .withSelectable(false).withDatabaseFile(FileSpec.of("C:\\srv\\inst1\\archive", "*.mdf", true));
    private static final WriterComponent SIBLING = WriterComponent.fileGroup("Server", "Instance10")
            .withDependency(OTHER_WRITER, null, "Root").withDependency(OTHER_WRITER, "A\\B", "C");

    private static SimulatedWriter databaseWriter() {
        return SimulatedWriter.builder("Database Writer").component(INSTANCE).component(DB1).component(DB2)
                .component(SIBLING).exclude(FileSpec.of("C:\\srv", "*.tmp", true)).build();
    }

    @Test
    void aComponentSetIsTheSelectableRootAndEverythingUnderItsLogicalPath() {
        SimulatedWriterMetadata m = databaseWriter().metadata();
        assertThat(INSTANCE.fullPath()).isEqualTo("Server\\Instance1");
        assertThat(m.subcomponentsOf(INSTANCE)).containsExactly(DB1, DB2);
        assertThat(m.subcomponentsOf(DB1)).isEmpty();
        // "Server\Instance10" shares a prefix with "Server\Instance1" but is not under it.
        assertThat(m.subcomponentsOf(SIBLING)).isEmpty();
    }

    @Test
    void componentSetsAndDependenciesSurviveTheXmlRoundTrip() {
        SimulatedWriterMetadata m = databaseWriter().metadata();
        String xml = WriterMetadataXml.write(m);
        assertThat(xml).contains("<WRITER_DEPENDENCY", "writerId=\"" + OTHER_WRITER + "\"",
                "logicalPath=\"Registry\"", "componentName=\"ServerConfig\"",
                "logicalPath=\"Server\\Instance1\\Archive\"");
        SimulatedWriterMetadata back = WriterMetadataXml.read(xml);
        assertThat(back).isEqualTo(m);
        assertThat(back.components().get(3).dependencies()).containsExactly(
                new SimulatedComponentDependency(OTHER_WRITER, "", "Root"),
                new SimulatedComponentDependency(OTHER_WRITER, "A\\B", "C"));
        assertThat(WriterMetadataXml.write(back)).isEqualTo(xml);
    }

    @Test
    void theBindingReadsConsistentFileCountsBeforeAndAfterReloadingTheDocument(SimulatedMachine machine) {
        machine.addWriter(databaseWriter());
        String xml;
        try (BackupComponents b = BackupComponents.create()) {
            b.initializeForBackup(null);
            b.gatherWriterMetadata().finish(Duration.ofSeconds(30));
            try (WriterMetadataEntry e = b.getWriterMetadata(0)) {
                assertThat(e.metadata().getFileCounts()).isEqualTo(new WriterFileCounts(0, 1, 4));
                xml = e.metadata().saveAsXml();
            }
        }
        try (ExamineWriterMetadata loaded = ExamineWriterMetadata.fromXml(xml)) {
            assertThat(loaded.getFileCounts()).isEqualTo(new WriterFileCounts(0, 1, 4));
            assertThat(loaded.saveAsXml()).isEqualTo(xml);
        }
        assertThat(WriterMetadataXml.read(xml)).isEqualTo(databaseWriter().metadata());
    }
}
