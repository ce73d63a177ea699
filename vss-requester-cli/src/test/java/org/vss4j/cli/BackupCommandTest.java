package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.cli.FileTrees.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.cli.BackupRunFixture.Run;
import org.vss4j.VssHresult;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.media.BackupSetInfo;
import org.vss4j.media.BackupSetReader;
import org.vss4j.media.RestoreReport;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.Volume;
import org.vss4j.sim.WriterComponent;
import org.vss4j.sim.WriterEvent;

/**
 * {@code vss backup} on the simulator: copy, full and component-mode backups land on media as sets that restore into
 * the same bytes; a partial backup is kept, marked and named; a dry run explains and writes nothing; a retryable
 * writer failure is retried with a new requester.
 */
class BackupCommandTest {

    @TempDir
    Path disk;

    @TempDir
    Path state;

    @TempDir
    Path work;

    @TempDir
    Path noWriters;

    Path media;

    /** No demo writer (its one component holds every file of D:): the writers are each test's own. */
    BackupRunFixture fixture;

    @BeforeEach
    void files() throws IOException {
        fixture = new BackupRunFixture(disk, state, "--sim-writers", noWriters.toString());
        media = work.resolve("media");
        write("data/orders.db", "42 orders");
        write("data/Archive 2025/ünïcödé old.db", "old orders");
        write("data/empty.db", "");
        write("data/cache/tmp.bin", "scratch");
        write("other/notes.txt", "not under data");
    }

    private void write(String relative, String content) throws IOException {
        fixture.write(relative, content);
    }

    private Run vss(Consumer<SimulatedMachine> plan, String... args) {
        return fixture.vss(plan, args);
    }

    private Run vss(String... args) {
        return fixture.vss(args);
    }

    /** A writer whose one component holds D:\data, excluding its cache. */
    private static SimulatedWriter ordersWriter() {
        return SimulatedWriter.builder("Orders Writer")
                .component(WriterComponent.fileGroup("", "orders").withFile(FileSpec.of("D:\\data", "*", true)))
                .exclude(FileSpec.of("D:\\data\\cache", "*", true))
                .build();
    }

    private static Volume d(SimulatedMachine m) {
        return m.volumes().stream().filter(v -> v.aliases().contains("D:\\")).findFirst().orElseThrow();
    }

    private BackupSetInfo onlySet() throws IOException {
        List<BackupSetInfo> sets = BackupSetReader.open(media).list();
        assertThat(sets).hasSize(1);
        return sets.get(0);
    }

    /** Restores the set and reads the tree under {@code root} (D for the volume D:\). */
    private Map<String, String> restored(String setId) throws IOException {
        Path target = work.resolve("restored");
        RestoreReport report = BackupSetReader.open(media).restore(setId, target, List.of(), false);
        assertThat(report.complete()).as("restore report %s", report).isTrue();
        return tree(target.resolve("D"));
    }

    @Test
    void aCopyBackupOfADirectoryRestoresItsBytesAndNothingElse() throws IOException {
        Run r = vss("backup", "D:\\data", "--to", media.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        BackupSetInfo set = onlySet();
        assertThat(set.state()).isEqualTo("complete");
        assertThat(set.metadata().type()).isEqualTo("copy");
        assertThat(set.metadata().sources()).extracting(s -> s.source()).containsExactly("D:\\data");
        assertThat(r.out()).contains("backup set " + set.setId() + " in " + media + ": complete",
                "type copy, component mode", "4 file(s)", "writers told the backup succeeded: none");
        assertThat(set.setId()).matches("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{6}");
        Map<String, String> expected = new TreeMap<>(tree(disk));
        expected.remove("other/notes.txt");
        assertThat(restored(set.setId())).isEqualTo(expected);
        assertThat(BackupSetReader.open(media).verify(set.setId()).ok()).isTrue();
    }

    /**
     * A whole volume: every file is stored and the set is complete. System Volume Information, which only SYSTEM may
     * list, is listed (empty on the simulator) because the backup enables SeBackupPrivilege and FindFirstFileW opens
     * for backup intent; without the privilege it would make the set partial.
     */
    @Test
    void aCopyBackupOfAVolumeStoresEveryFileAndIsComplete() throws IOException {
        Run r = vss("backup", "D:", "--to", media.toString(), "--no-writers");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        BackupSetInfo set = onlySet();
        assertThat(set.state()).isEqualTo("complete");
        assertThat(r.out()).contains(": complete").doesNotContain("not saved:", "System Volume Information");
        assertThat(BackupSetReader.open(media).failedFiles(set.setId())).isEmpty();
        assertThat(restored(set.setId())).isEqualTo(tree(disk));
    }

    @Test
    void aFullComponentModeBackupTellsTheWriterItSucceeded() throws IOException {
        SimulatedWriter w = ordersWriter();
        Run r = vss(m -> m.addWriter(w), "backup", "D:\\data", "--to", media.toString(), "--type", "full",
                "--component", "Orders Writer");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("type full, component mode",
                "writers told the backup succeeded (SetBackupSucceeded, then BackupComplete):",
                "    Orders Writer: orders", "Orders Writer\\orders: succeeded");
        assertThat(w.events()).contains(WriterEvent.FREEZE, WriterEvent.BACKUP_COMPLETE);
        BackupSetInfo set = onlySet();
        assertThat(set.metadata().type()).isEqualTo("full");
        assertThat(set.metadata().componentMode()).isTrue();
        assertThat(BackupSetReader.open(media).files(set.setId())).isNotEmpty().allSatisfy(row -> {
            assertThat(row.metadata().writerName()).isEqualTo("Orders Writer");
            assertThat(row.metadata().component()).isEqualTo("orders");
        });
        // The writer's exclusion holds: the cache is not in the set.
        Map<String, String> expected = new TreeMap<>(tree(disk));
        expected.remove("other/notes.txt");
        expected.remove("data/cache/tmp.bin");
        assertThat(restored(set.setId())).isEqualTo(expected);
    }

    @Test
    void aComponentOfAWriterIsSelectedByWriterAndPath() throws IOException {
        Run r = vss(m -> m.addWriter(ordersWriter()), "backup", "D:\\data", "--to", media.toString(),
                "--component", "Orders Writer:orders", "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("type").asText()).isEqualTo("copy");
        assertThat(doc.get("mode").asText()).isEqualTo("component mode");
        assertThat(doc.get("components").get(0).get("component").asText()).isEqualTo("orders");
        assertThat(doc.get("components").get(0).get("backupSucceeded").asBoolean()).isTrue();
        assertThat(doc.get("writersToldSuccess").get(0).get("writer").asText()).isEqualTo("Orders Writer");
    }

    @Test
    void volumeModeFreezesTheWritersButTellsNoneOfAComponent() throws IOException {
        SimulatedWriter w = ordersWriter();
        Run r = vss(m -> m.addWriter(w), "backup", "D:\\data", "--to", media.toString(), "--volume-mode");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(w.events()).contains(WriterEvent.FREEZE, WriterEvent.THAW, WriterEvent.BACKUP_COMPLETE);
        assertThat(r.out()).contains("volume mode", "writers told the backup succeeded: none");
        BackupSetInfo set = onlySet();
        assertThat(set.metadata().componentMode()).isFalse();
        // Volume files are attributed to the component whose file set names them.
        assertThat(BackupSetReader.open(media).files(set.setId()))
                .filteredOn(row -> row.metadata().originalPath().equals("D:\\data\\orders.db"))
                .singleElement().satisfies(row -> assertThat(row.metadata().component()).isEqualTo("orders"));
    }

    @Test
    void noWritersInvolvesNoWriter() {
        SimulatedWriter w = ordersWriter();
        Run r = vss(m -> m.addWriter(w), "backup", "D:\\data", "--to", media.toString(), "--no-writers");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(w.events()).doesNotContain(WriterEvent.FREEZE);
        assertThat(r.out()).contains("no writers");
    }

    @Test
    void aPartialBackupIsKeptMarkedAndNamesEachFailedFile() throws IOException {
        write("data/locked/secret.db", "locked");
        SimulatedWriter w = ordersWriter();
        Run r = vss(m -> {
            m.addWriter(w);
            d(m).facts().denyAccess("data/locked");
            // Not elevated: the token does not hold SeBackupPrivilege, so the denied directory stays denied.
            m.token().drop("SeBackupPrivilege");
        }, "backup", "D:\\data", "--to", media.toString(), "--component", "Orders Writer", "--type", "full",
                "--json");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.PARTIAL);
        JsonNode doc = r.json();
        assertThat(doc.get("state").asText()).isEqualTo("partial");
        assertThat(doc.get("failedFileCount").asInt()).isEqualTo(1);
        assertThat(doc.get("failedFiles").get(0).get("path").asText()).isEqualTo("D:\\data\\locked");
        assertThat(doc.get("failedFiles").get(0).get("reason").asText()).contains("ERROR_ACCESS_DENIED");
        // A component with a file not saved is not told it succeeded.
        assertThat(doc.get("components").get(0).get("backupSucceeded").asBoolean()).isFalse();
        assertThat(doc.get("writersToldSuccess")).isEmpty();
        BackupSetInfo set = onlySet();
        assertThat(set.state()).isEqualTo("partial");
        assertThat(BackupSetReader.open(media).failedFiles(set.setId())).singleElement().asString()
                .startsWith("D:\\data\\locked");
        assertThat(BackupSetReader.open(media).verify(set.setId()).ok()).isTrue();
    }

    @Test
    void theJsonDocumentHasTheSetItsCountsAndEachComponent() throws IOException {
        Run r = vss(m -> m.addWriter(ordersWriter()), "backup", "D:\\data", "--to", media.toString(),
                "--component", "Orders Writer", "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = r.json();
        BackupSetInfo set = onlySet();
        assertThat(doc.get("setId").asText()).isEqualTo(set.setId());
        assertThat(doc.get("state").asText()).isEqualTo("complete");
        assertThat(doc.get("files").asLong()).isEqualTo(set.files()).isEqualTo(3);
        assertThat(doc.get("bytes").asLong()).isEqualTo(set.bytes()).isEqualTo(19);
        assertThat(doc.get("sources").get(0).asText()).isEqualTo("D:\\data");
        assertThat(doc.get("snapshotSetId").asText()).isEqualTo(set.metadata().snapshotSetId().toString());
        assertThat(doc.get("failedFiles")).isEmpty();
        assertThat(doc.get("writersNotStable")).isEmpty();
        assertThat(doc.get("attempts").asInt()).isEqualTo(1);
        assertThat(doc.get("exitCode").asInt()).isZero();
    }

    @Test
    void aDryRunExplainsEachComponentAndWritesNothing() throws IOException {
        write("data/locked/secret.db", "locked");
        SimulatedWriter orders = ordersWriter();
        SimulatedWriter other = SimulatedWriter.builder("Other Writer")
                .component(WriterComponent.fileGroup("", "elsewhere").withFile(FileSpec.of("D:\\other", "*", true)))
                .build();
        Run r = vss(m -> {
            m.addWriter(orders);
            m.addWriter(other);
            d(m).facts().denyAccess("data/locked");
            // Not elevated: the token does not hold SeBackupPrivilege, so the denied directory stays denied.
            m.token().drop("SeBackupPrivilege");
        }, "backup", "D:\\data", "--to", media.toString(), "--component", "Orders Writer", "--type", "full",
                "--dry-run");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("dry run: a full backup of D:\\data, component mode",
                "writer Orders Writer {", "  + orders: selected (its whole writer was selected); 3 file(s)",
                "writer Other Writer {", "  - elsewhere: not selected",
                "excluded:", "D:\\data\\cache\\tmp.bin: excluded by writer Orders Writer",
                "cannot be backed up (the backup would be partial):", "D:\\data\\locked: the directory cannot be "
                        + "listed")
                // No FilesNotToSnapshot entry can name a file under D:\\data (DryRunTextTest has a whole volume's).
                .doesNotContain("omitted by VSS from every shadow copy of their volume (FilesNotToSnapshot):");
        assertThat(r.err()).contains("dry run: no backup set was written, and the backup was aborted");
        assertThat(media).doesNotExist();
        assertThat(orders.events()).doesNotContain(WriterEvent.BACKUP_COMPLETE);
        assertThat(r.machine().faults().calls(IVssBackupComponents.AbortBackup)).isEqualTo(1);
    }

    @Test
    void aDryRunInVolumeModeSaysWhichComponentsAreOnNoVolumeOfTheSet() throws IOException {
        Path e = Files.createDirectories(work.resolve("e"));
        Files.writeString(e.resolve("e.txt"), "on E");
        SimulatedWriter onE = SimulatedWriter.builder("E Writer")
                .component(WriterComponent.fileGroup("", "on-e").withFile(FileSpec.of("E:\\", "*", true)))
                .build();
        Run r = vss(m -> {
            m.addVolume(e, "E:\\");
            m.addWriter(ordersWriter());
            m.addWriter(onE);
        }, "backup", "D:\\data", "--to", media.toString(), "--volume-mode", "--dry-run", "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("mode").asText()).isEqualTo("volume mode");
        assertThat(doc.get("files").asInt()).isEqualTo(3);
        Map<String, JsonNode> components = new TreeMap<>();
        doc.get("writers").forEach(w -> w.get("components").forEach(c -> components.put(w.get("writer").asText()
                + "\\" + c.get("component").asText(), c)));
        assertThat(components.get("E Writer\\on-e").get("reason").asText())
                .isEqualTo("volume mode: its file sets are on no volume of the shadow copy set");
        assertThat(components.get("Orders Writer\\orders").get("reason").asText()).startsWith("volume mode: no "
                + "component is added; its files on the backed-up volumes");
        assertThat(components.get("Orders Writer\\orders").get("files").asInt()).isEqualTo(3);
        assertThat(doc.get("excluded").get(0).get("path").asText()).isEqualTo("D:\\data\\cache\\tmp.bin");
        assertThat(doc.get("filesNotToSnapshot")).isEmpty();
        assertThat(media).doesNotExist();
    }

    /** A writer whose one component holds all of E:\\. */
    private SimulatedWriter onE(SimulatedMachine m) {
        try {
            Path e = Files.createDirectories(work.resolve("e"));
            Files.writeString(e.resolve("e.txt"), "on E");
            m.addVolume(e, "E:\\");
        } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
        return m.addWriter(SimulatedWriter.builder("E Writer")
                .component(WriterComponent.fileGroup("", "on-e").withFile(FileSpec.of("E:\\", "*", true)))
                .build());
    }

    /**
     * Without --component, --volume-mode or --no-writers, as vshadow: component mode with every component whose files
     * are inside the sources, so a full backup tells that writer it succeeded; the writer on E: is left out and
     * named with why.
     */
    @Test
    void aDefaultFullBackupTellsTheWriterOnTheSourceVolumeItSucceededAndNamesTheOneLeftOut() throws IOException {
        List<SimulatedWriter> orders = new ArrayList<>();
        Run r = vss(m -> {
            orders.add(m.addWriter(ordersWriter()));
            onE(m);
            // A component spanning all of D: is on the source's volume but not inside the source D:\data.
            m.addWriter(SimulatedWriter.builder("Whole D Writer").component(WriterComponent.fileGroup("", "all-of-d")
                    .withFile(FileSpec.of("D:\\", "*", true))).build());
        }, "backup", "D:\\data", "--to", media.toString(), "--type", "full");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("type full, component mode",
                "writers told the backup succeeded (SetBackupSucceeded, then BackupComplete):",
                "    Orders Writer: orders",
                "  components left out (not added, so their writers are not told of them):",
                "    E Writer\\on-e: left out: its files under E:\\ are outside the sources D:\\data",
                "    Whole D Writer\\all-of-d: left out: its files under D:\\ are outside the sources D:\\data");
        BackupSetInfo set = onlySet();
        assertThat(set.metadata().componentMode()).isTrue();
        assertThat(orders.get(0).events()).contains(org.vss4j.sim.WriterEvent.BACKUP_COMPLETE);
        assertThat(restored(set.setId())).containsOnlyKeys("data/orders.db", "data/Archive 2025/ünïcödé old.db",
                "data/empty.db");
    }

    @Test
    void theDefaultSelectionInJsonListsWhatIsLeftOut() {
        Run r = vss(m -> {
            m.addWriter(ordersWriter());
            onE(m);
        }, "backup", "D:\\data", "--to", media.toString(), "--type", "full", "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("mode").asText()).isEqualTo("component mode");
        assertThat(doc.get("writersToldSuccess").get(0).get("writer").asText()).isEqualTo("Orders Writer");
        assertThat(doc.get("componentsLeftOut")).singleElement().satisfies(c -> {
            assertThat(c.get("writer").asText()).isEqualTo("E Writer");
            assertThat(c.get("component").asText()).isEqualTo("on-e");
            assertThat(c.get("reason").asText()).isEqualTo("left out: its files under E:\\ are outside the "
                    + "sources D:\\data");
        });
    }

    @Test
    void aDefaultDryRunSaysWhatIsAddedAndWhatIsLeftOutAndWhy() {
        Run r = vss(m -> {
            m.addWriter(ordersWriter());
            onE(m);
        }, "backup", "D:\\data", "--to", media.toString(), "--type", "full", "--dry-run");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("dry run: a full backup of D:\\data, component mode",
                "  + orders: selected: its files are all inside the sources (on a volume given, or under a "
                        + "directory given); 3 file(s)",
                "  - on-e: left out: its files under E:\\ are outside the sources D:\\data");
        assertThat(media).doesNotExist();
    }

    /** The writer fails PrepareForBackup with VSS_E_WRITERERROR_RETRYABLE once; the second attempt succeeds. */
    @Test
    void aRetryableWriterFailureIsRetriedWithANewRequester() throws IOException {
        SimulatedWriter w = ordersWriter();
        w.failAt(WriterEvent.PREPARE_FOR_BACKUP, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        Run r = vss(m -> {
            m.addWriter(w);
            // After the failed attempt is aborted, the writer's transient trouble is over.
            m.faults().duringCall(IVssBackupComponents.AbortBackup,
                    () -> w.hangAt(WriterEvent.PREPARE_FOR_BACKUP).open());
        }, "backup", "D:\\data", "--to", media.toString(), "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("attempt 1 of 3: ", "VSS_E_WRITERERROR_RETRYABLE",
                "the backup was aborted; attempt 2 with a new requester in 1 s", "attempt 2 of 3: the backup started");
        assertThat(r.json().get("attempts").asInt()).isEqualTo(2);
        assertThat(r.machine().faults().calls(IVssBackupComponents.InitializeForBackup)).isEqualTo(2);
        assertThat(onlySet().state()).isEqualTo("complete");
    }

    @Test
    void retriesEndAfterN() throws IOException {
        SimulatedWriter w = ordersWriter();
        w.failAt(WriterEvent.PREPARE_FOR_BACKUP, VssHresult.VSS_E_WRITERERROR_RETRYABLE);
        Run r = vss(m -> m.addWriter(w), "backup", "D:\\data", "--to", media.toString(), "--retries", "0");

        assertThat(r.exit()).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(r.err()).contains("attempt 1 of 1: ", "no attempt left (--retries 0): giving up");
        assertThat(r.machine().faults().calls(IVssBackupComponents.InitializeForBackup)).isEqualTo(1);
        assertThat(BackupSetReader.open(media).list()).isEmpty();
    }

    @Test
    void aNonRetryableWriterFailureIsNotRetried() throws IOException {
        SimulatedWriter w = ordersWriter();
        w.vetoAt(WriterEvent.FREEZE);
        Run r = vss(m -> m.addWriter(w), "backup", "D:\\data", "--to", media.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(r.err()).doesNotContain("attempt 1");
        assertThat(r.machine().faults().calls(IVssBackupComponents.InitializeForBackup)).isEqualTo(1);
        assertThat(BackupSetReader.open(media).list()).isEmpty();
    }

    /**
     * With --json a failed backup prints no document, as every vss command (README): stdout stays empty, and stderr
     * names the step and the HRESULT.
     */
    @Test
    void aFailedBackupWithJsonLeavesStdoutEmptyAndSaysWhyOnStderr() {
        SimulatedWriter w = ordersWriter();
        w.vetoAt(WriterEvent.FREEZE);
        Run r = vss(m -> m.addWriter(w), "backup", "D:\\data", "--to", media.toString(), "--json");

        assertThat(r.exit()).isEqualTo(ExitCodes.VSS_FAILURE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("DO_SNAPSHOT_SET", "VSS_E_WRITERERROR_");
    }

    @Test
    void anIncrementalBackupWithoutAFullOneToBuildOnIsRefused() {
        Run r = vss("backup", "D:\\data", "--to", media.toString(), "--type", "incremental");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.NO_PARENT);
        assertThat(r.err()).contains("no complete full backup of these sources (D:\\data) in " + media
                + ": run a full backup first");
        assertThat(media).doesNotExist();
    }

    /** With --progress (stderr is no terminal here), the copy shows its bar: bytes, rate, files done of all. */
    @Test
    void progressShowsTheFilesAndBytesOnStderr() {
        Run r = vss("backup", "D:\\data", "--to", media.toString(), "--progress");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("backup", "MiB", "4/4 files");
        assertThat(r.out()).doesNotContain("MiB");
        Run quiet = vss("backup", "D:\\data", "--to", media.toString(), "--no-progress");
        assertThat(quiet.err()).doesNotContain("files");
    }

    @Test
    void badArgumentsAreUsageErrors() throws IOException {
        assertThat(vss("backup", "D:\\data").exit()).isEqualTo(ExitCodes.USAGE);
        Run noWritersAndComponent = vss("backup", "D:\\data", "--to", media.toString(), "--no-writers",
                "--component", "Orders Writer");
        assertThat(noWritersAndComponent.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noWritersAndComponent.err()).contains("--no-writers backs up without writers");
        assertThat(vss("backup", "D:\\data", "--to", media.toString(), "--volume-mode", "--component", "x").err())
                .contains("--volume-mode selects no component");
        Run type = vss("backup", "D:\\data", "--to", media.toString(), "--type", "weekly");
        assertThat(type.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(type.err()).contains("copy, full, incremental, differential, log");
        assertThat(vss("backup", "D:\\data", "--to", media.toString(), "--retries", "-1").err())
                .contains("--retries wants a count of 0 or more, got -1");
        Run noWriter = vss("backup", "D:\\data", "--to", media.toString(), "--component", "No Such Writer");
        assertThat(noWriter.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noWriter.err()).contains("--component No Such Writer: no writer with that name");
        Run noVolume = vss("backup", "Q:\\data", "--to", media.toString());
        assertThat(noVolume.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noVolume.err()).contains("Q:\\data");
        Run hostPath = vss("backup", "data", "--to", media.toString());
        assertThat(hostPath.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(hostPath.err()).contains("is a directory of this host, not a Windows path");
        Files.writeString(work.resolve("file"), "x");
        assertThat(vss("backup", "D:\\data", "--to", work.resolve("file").toString()).err())
                .contains("not a directory");
        assertThat(media).doesNotExist();
    }
}
