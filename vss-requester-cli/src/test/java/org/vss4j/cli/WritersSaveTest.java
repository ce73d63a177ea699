package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.SourceType;
import org.vss4j.UsageType;
import org.vss4j.WriterIdentity;

/**
 * {@code vss writers --save DIR} and the simulator options that replay what it saved ({@code --sim-writers DIR}) or
 * give the machine the in-box writers of a Windows Server ({@code --sim-inbox}).
 */
class WritersSaveTest {

    @TempDir
    Path volume;

    @TempDir
    Path state;

    @TempDir
    Path saved;

    private StringWriter out;
    private StringWriter err;

    private int vss(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--sim-volume", "C:\\=" + volume, "--sim-state", state.toString()));
        return VssCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    /**
     * The writers of {@code vss writers --json} (stdout is the JSON array alone: the simulator's notes go to stderr),
     * in no particular order: GatherWriterMetadata promises none.
     */
    private List<JsonNode> writers() throws IOException {
        List<JsonNode> list = new ArrayList<>();
        new ObjectMapper().readTree(out.toString()).forEach(list::add);
        return list;
    }

    private List<Path> savedFiles() throws IOException {
        try (Stream<Path> s = Files.list(saved)) {
            return s.sorted().toList();
        }
    }

    @Test
    void theInBoxWritersAreListedInsteadOfTheDemoWriter() {
        assertThat(vss("writers", "--sim-inbox")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("Writer name: 'System Writer'", "Writer name: 'Registry Writer'",
                "Writer Id: {afbab4a2-367d-4d15-a586-71dbb18f8485}", "Writer name: 'BITS Writer'",
                "Component: Registry (VSS_CT_FILEGROUP, selectable)").doesNotContain("vss4j Demo Writer");
    }

    @Test
    void saveWritesOneCompleteDocumentPerWriterAndAFreshMachineReplaysTheSameWriters() throws IOException {
        assertThat(vss("writers", "--sim-inbox", "--json", "--save", saved.toString())).as(err.toString()).isZero();
        List<JsonNode> before = writers();

        List<Path> files = savedFiles();
        assertThat(files).hasSize(10).allSatisfy(f -> {
            assertThat(f.getFileName().toString()).matches("[A-Za-z0-9._-]+-[0-9a-f-]{36}\\.xml");
            assertThat(Files.readString(f)).startsWith("<WRITER_METADATA ").endsWith("</WRITER_METADATA>");
        });
        assertThat(files).extracting(f -> f.getFileName().toString())
                .contains("Registry_Writer-4dc4e8b3-139a-4ef0-8276-8bc2e9f5afe1.xml")
                .anyMatch(n -> n.startsWith("COM_REGDB_Writer-"));

        assertThat(vss("writers", "--json", "--sim-writers", saved.toString())).as(err.toString()).isZero();
        assertThat(writers()).hasSize(10).containsExactlyInAnyOrderElementsOf(before);
        assertThat(err.toString()).contains("(simulated VSS: 10 writer(s) from");
    }

    @Test
    void savingAgainReplacesTheFilesAndLeavesNoTemporaryFileBehind() throws IOException {
        assertThat(vss("writers", "--save", saved.toString())).as(err.toString()).isZero();
        assertThat(vss("writers", "--save", saved.toString())).as(err.toString()).isZero();

        assertThat(savedFiles()).hasSize(1).allMatch(f -> f.getFileName().toString().startsWith("vss4j_Demo_Writer-"));
        assertThat(out.toString()).contains("Saved 1 Writer Metadata Document(s) in " + saved.toAbsolutePath());
    }

    @Test
    void fileNamesAreSafeOnWindowsWhateverTheWriterIsCalled() {
        UUID id = UUID.fromString("0e2d8f14-5c3b-4a6d-8e7f-9b1a2c3d4e5f");

        assertThat(WriterDocumentFiles.fileName(identity("Microsoft Exchange Writer: <DB\\01>?", id)))
                .isEqualTo("Microsoft_Exchange_Writer_DB_01-" + id + ".xml");
        assertThat(WriterDocumentFiles.fileName(identity("...", id))).isEqualTo("writer-" + id + ".xml");
        assertThat(WriterDocumentFiles.fileName(identity("x".repeat(300), id))).hasSize(80 + 1 + 36 + 4);
    }

    @Test
    void theHelpSaysWhatBecomesOfTheWriterNameInTheFileName() {
        StringWriter help = new StringWriter();
        assertThat(VssCommand.execute(new PrintWriter(help, true), new PrintWriter(new StringWriter(), true),
                "writers", "--help")).isZero();
        assertThat(help.toString().replaceAll("\\s+", " ")).contains("named <writer name>-<instance id>.xml, in which _ "
                + "stands for each character but A-Za-z0-9._-.");
        assertThat(WriterDocumentFiles.fileName(identity("vss4j Demo Writer", UUID.fromString(
                "0e2d8f14-5c3b-4a6d-8e7f-9b1a2c3d4e5f")))).isEqualTo(
                        "vss4j_Demo_Writer-0e2d8f14-5c3b-4a6d-8e7f-9b1a2c3d4e5f.xml");
    }

    private static WriterIdentity identity(String name, UUID instance) {
        return new WriterIdentity(instance, UUID.randomUUID(), name, UsageType.USERDATA, SourceType.OTHER);
    }

    @Test
    void aDirectoryWithAnUnreadableDocumentIsAUsageError() throws IOException {
        Files.writeString(saved.resolve("broken.xml"), "<WRITER_METADATA/>");

        assertThat(vss("writers", "--sim-writers", saved.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("broken.xml", "not a Writer Metadata Document");
    }

    @Test
    void saveToAFileIsAUsageErrorBeforeAnyWriterIsAsked() throws IOException {
        Path file = Files.writeString(saved.resolve("not-a-directory"), "");

        assertThat(vss("writers", "--save", file.toString())).isEqualTo(2);

        assertThat(err.toString()).contains("vss: --save " + file + ": not a directory");
        assertThat(out.toString()).doesNotContain("Writer name:");
    }

    @Test
    void aDocumentThatCannotBeWrittenNamesTheFileAndTheReason() throws IOException {
        assertThat(vss("writers", "--save", saved.toString())).as(err.toString()).isZero();
        Path document = savedFiles().get(0);
        Files.delete(document);
        // Something that cannot be replaced by a file holds the document's name.
        Files.writeString(Files.createDirectory(document).resolve("keep"), "");

        assertThat(vss("writers", "--save", saved.toString())).isEqualTo(4);

        assertThat(err.toString()).contains("vss: --save " + saved + ": cannot write " + document + ": ")
                .doesNotContain("cannot write " + document + ": " + saved);
        try (Stream<Path> s = Files.list(saved)) {
            assertThat(s.map(f -> f.getFileName().toString())).as("no temporary file left")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aWriterDocumentThatDuplicatesAnInBoxWriterNamesItsOptionAndDirectory() {
        assertThat(vss("writers", "--sim-inbox", "--save", saved.toString())).as(err.toString()).isZero();

        assertThat(vss("writers", "--sim-inbox", "--sim-writers", saved.toString())).isEqualTo(2);

        assertThat(err.toString()).contains("vss: --sim-writers " + saved + ": ").contains("already has");
    }
}
