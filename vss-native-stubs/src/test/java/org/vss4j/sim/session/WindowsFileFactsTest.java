package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.files.ReparseTag;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentOutcome;
import org.vss4j.session.ComponentSelection;
import org.vss4j.session.FileRecord;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;

/**
 * The file list meets what Windows backups meet: a snapshot root that is a link, reparse points of every kind,
 * directories that deny access, junctions that lead to the live volume, names that differ only by case. Each test
 * fails with the file list that walked the snapshot with java.nio's file kinds.
 */
@ExtendWith(VssSimulatorExtension.class)
class WindowsFileFactsTest {

    @TempDir
    Path temp;

    SessionFixture fx;
    Volume c;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        c = machine.volume("C:\\").orElseThrow();
    }

    private static BackupItem item(BackupSession s, String original) {
        return s.items().stream().filter(i -> i.originalPath().equals(original)).findFirst().orElseThrow();
    }

    @Test
    void aVolumeModeBackupListsEveryFileThroughTheLinkToTheDevice() {
        SessionFixture.write(fx.c, "top.txt", "t");
        SessionFixture.write(fx.c, "dir\\deeper\\nested.txt", "n");
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\").start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\dir\\deeper\\nested.txt", "C:\\top.txt");
            // The files are read below a link to the shadow copy device, as on Windows.
            Path inSnapshot = item(s, "C:\\top.txt").inSnapshot();
            assertThat(Files.isSymbolicLink(inSnapshot.getParent())).isTrue();
            assertThat(Files.isDirectory(inSnapshot.getParent(), LinkOption.NOFOLLOW_LINKS)).isFalse();
            assertThat(SessionFixture.copyAll(s)).containsEntry("C:\\dir\\deeper\\nested.txt", "n");
        }
    }

    @Test
    void filesThatCarryTheirDataAreBackedUpByTagAndAPlaceholderWithoutDataIsReported(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "data\\dedup.vhdx", "deduplicated bytes");
        SessionFixture.write(fx.c, "data\\compact.dll", "compressed bytes");
        SessionFixture.write(fx.c, "data\\synced.docx", "hydrated bytes");
        SessionFixture.write(fx.c, "data\\online-only.docx", "not here");
        c.facts().deduplicated("data/dedup.vhdx").wofCompressed("data/compact.dll")
                .cloudPlaceholder("data/synced.docx", true).cloudPlaceholder("data/online-only.docx", false);
        machine.addWriter(SimulatedWriter.builder("W").component(WriterComponent.fileGroup("", "data")
                .withFile(FileSpec.of("C:\\data", "*", false))).build());
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("W")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\data\\compact.dll", "C:\\data\\dedup.vhdx",
                    "C:\\data\\synced.docx");
            assertThat(item(s, "C:\\data\\dedup.vhdx").reparseTag()).isEqualTo(ReparseTag.DEDUP.value());
            assertThat(item(s, "C:\\data\\compact.dll").reparseTag()).isEqualTo(ReparseTag.WOF.value());
            assertThat(s.notTaken()).singleElement().satisfies(f -> {
                assertThat(f.originalPath()).isEqualTo("C:\\data\\online-only.docx");
                assertThat(f.failure()).contains("cloud placeholder");
            });
            Map<String, String> copied = SessionFixture.copyAll(s);
            assertThat(copied).containsEntry("C:\\data\\dedup.vhdx", "deduplicated bytes");
            result = s.complete();
        }
        // A file left out means the component did not succeed.
        assertThat(result.components()).singleElement().extracting(ComponentOutcome::backupSucceeded)
                .isEqualTo(false);
    }

    @Test
    void aJunctionToTheLiveVolumeIsRecordedAndNeverReadThrough(SimulatedMachine machine) throws Exception {
        SessionFixture.write(fx.c, "ProgramData\\app\\settings.ini", "frozen settings");
        SessionFixture.mkdirs(fx.c.resolve("Users"));
        c.facts().junction("Users/All Users", fx.c.resolve("ProgramData"));
        machine.addWriter(SimulatedWriter.builder("Through").component(WriterComponent.fileGroup("", "via")
                .withFile(FileSpec.of("C:\\Users\\All Users\\app", "*", false))).build());
        try (BackupSession s = fx.session().components(ComponentSelection.writer("Through")).volumes("C:\\")
                .start()) {
            // The live volume changes after the shadow copy: reading through the junction would see this.
            Files.writeString(fx.c.resolve("ProgramData/app/settings.ini"), "LIVE settings");
            assertThat(SessionFixture.links(s)).contains("C:\\Users\\All Users");
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\ProgramData\\app\\settings.ini");
            assertThat(s.notTaken()).filteredOn(f -> f.originalPath().startsWith("C:\\Users"))
                    .singleElement().satisfies(f -> assertThat(f.failure()).contains("IO_REPARSE_TAG_MOUNT_POINT"));
            assertThat(SessionFixture.copyAll(s)).containsOnly(
                    Map.entry("C:\\ProgramData\\app\\settings.ini", "frozen settings"));
        }
    }

    @Test
    void aDirectoryThatDeniesAccessIsAFailedItemAndTheBackupGoesOn(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "app\\ok.txt", "ok");
        SessionFixture.write(fx.c, "app\\locked\\secret.txt", "s");
        c.facts().denyAccess("app/locked");
        // A token without SeBackupPrivilege (not elevated): the session cannot enable it, so denied stays denied.
        machine.token().drop("SeBackupPrivilege");
        machine.addWriter(SimulatedWriter.builder("W").component(WriterComponent.fileGroup("", "app")
                .withFile(FileSpec.of("C:\\app", "*", true))).build());
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("W")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\app\\ok.txt");
            assertThat(s.notTaken()).singleElement().satisfies(f -> {
                assertThat(f.originalPath()).isEqualTo("C:\\app\\locked");
                assertThat(f.failure()).contains("ERROR_ACCESS_DENIED");
            });
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        assertThat(result.files()).filteredOn(f -> !f.saved()).extracting(FileRecord::originalPath)
                .containsExactly("C:\\app\\locked");
        assertThat(result.components()).singleElement().extracting(ComponentOutcome::backupSucceeded)
                .isEqualTo(false);
    }

    @Test
    void namesThatDifferOnlyByCaseAreTwoFiles(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "src\\readme.txt", "lower");
        SessionFixture.write(fx.c, "src\\README.TXT", "upper");
        c.facts().caseSensitive("src");
        machine.addWriter(SimulatedWriter.builder("W").component(WriterComponent.fileGroup("", "src")
                .withFile(FileSpec.of("C:\\src", "*", false))
                .withFile(FileSpec.of("c:\\SRC", "*.txt", false))).build());
        try (BackupSession s = fx.session().components(ComponentSelection.writer("W")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\src\\README.TXT", "C:\\src\\readme.txt");
            assertThat(SessionFixture.copyAll(s)).containsEntry("C:\\src\\README.TXT", "upper")
                    .containsEntry("C:\\src\\readme.txt", "lower");
        }
    }

    private static boolean succeeded(BackupResult result, String component) {
        return result.components().stream().filter(c -> c.component().name().equals(component)).findFirst()
                .orElseThrow().backupSucceeded();
    }

    @Test
    void aFileTwoComponentsNameFailsBothWhenItIsNotSaved(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "db\\shared.mdf", "rows");
        SessionFixture.write(fx.c, "locked\\x.ldf", "log");
        c.facts().denyAccess("locked/inner");
        // A token without SeBackupPrivilege (not elevated): the session cannot enable it, so denied stays denied.
        machine.token().drop("SeBackupPrivilege");
        SessionFixture.mkdirs(fx.c.resolve("locked/inner"));
        machine.addWriter(SimulatedWriter.builder("W")
                .component(WriterComponent.database("", "A").withDatabaseFile(FileSpec.of("C:\\db", "*.mdf", false))
                        .withDatabaseFile(FileSpec.of("C:\\locked", "*", true)))
                .component(WriterComponent.database("", "B").withDatabaseFile(FileSpec.of("C:\\DB", "shared.mdf",
                        false)).withDatabaseFile(FileSpec.of("C:\\locked\\inner", "*", true)))
                .build());
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("W")).start()) {
            // One item for the file both name, one record for the directory both name.
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\db\\shared.mdf", "C:\\locked\\x.ldf");
            assertThat(s.notTaken()).extracting(FileRecord::originalPath).containsExactly("C:\\locked\\inner");
            for (BackupItem i : s.items()) {
                if (i.originalPath().endsWith("shared.mdf")) {
                    s.failed(i, "the media is full");
                } else {
                    s.saved(i);
                }
            }
            result = s.complete();
        }
        assertThat(succeeded(result, "A")).isFalse();
        assertThat(succeeded(result, "B")).as("B names the unsaved file and the unlistable directory too").isFalse();
    }

    @Test
    void aNonRecursiveFileSetNamesFilesOnly(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "flat\\a.txt", "a");
        SessionFixture.write(fx.c, "elsewhere\\b.txt", "b");
        SessionFixture.mkdirs(fx.c.resolve("flat/odd"));
        c.facts().junction("flat/to-elsewhere", fx.c.resolve("elsewhere"))
                .reparsePoint("flat/odd", 0x80000099, 0);
        machine.addWriter(SimulatedWriter.builder("W").component(WriterComponent.fileGroup("", "flat")
                .withFile(FileSpec.of("C:\\flat", "*", false))).build());
        try (BackupSession s = fx.session().components(ComponentSelection.writer("W")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\flat\\a.txt");
            assertThat(SessionFixture.links(s)).isEmpty();
            assertThat(s.notTaken()).isEmpty();
        }
    }

    @Test
    void aCloudFolderOnTheWayIsEnteredAndOneWhoseEntriesAreElsewhereIsReported(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "OneDrive\\Docs\\report.docx", "local report");
        SessionFixture.mkdirs(fx.c.resolve("OneDrive/Online"));
        c.facts().reparsePoint("OneDrive", ReparseTag.CLOUD.value(), 0)
                .reparsePoint("OneDrive/Docs", ReparseTag.CLOUD.value(), 0)
                .reparsePoint("OneDrive/Online", ReparseTag.CLOUD.value(),
                        org.vss4j.files.FileAttribute.RECALL_ON_OPEN);
        machine.addWriter(SimulatedWriter.builder("W").component(WriterComponent.fileGroup("", "docs")
                .withFile(FileSpec.of("C:\\OneDrive\\Docs", "*", true))
                .withFile(FileSpec.of("C:\\OneDrive\\Online", "*", true))).build());
        try (BackupSession s = fx.session().components(ComponentSelection.writer("W")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\OneDrive\\Docs\\report.docx");
            assertThat(s.notTaken()).singleElement().satisfies(f -> {
                assertThat(f.originalPath()).isEqualTo("C:\\OneDrive\\Online");
                assertThat(f.failure()).contains("cloud folder");
            });
        }
    }

    @Test
    void directoriesThatDifferOnlyByCaseKeepTheirFilesApart(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "cs\\A\\x.txt", "upper dir");
        SessionFixture.write(fx.c, "cs\\a\\x.txt", "lower dir");
        c.facts().caseSensitive("cs");
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\").start()) {
            assertThat(SessionFixture.copyAll(s)).containsEntry("C:\\cs\\A\\x.txt", "upper dir")
                    .containsEntry("C:\\cs\\a\\x.txt", "lower dir");
        }
    }

    @Test
    void exclusionsHideADirectoryOnlyWhenTheyCoverItsWholeTree(SimulatedMachine machine) {
        SessionFixture.mkdirs(fx.c.resolve("logs/old.log"));
        SessionFixture.mkdirs(fx.c.resolve("cache/tmp"));
        c.facts().denyAccess("logs/old.log").denyAccess("cache/tmp");
        // A token without SeBackupPrivilege (not elevated): the session cannot enable it, so denied stays denied.
        machine.token().drop("SeBackupPrivilege");
        machine.addWriter(SimulatedWriter.builder("Excluder")
                .exclude(FileSpec.of("C:\\logs", "*.log", false))
                .exclude(FileSpec.of("C:\\cache", "*", true))
                .component(WriterComponent.fileGroup("", "own").withFile(FileSpec.of("C:\\own", "*", false)))
                .build());
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\").start()) {
            // "*.log" names files: the directory old.log is not excluded, and cannot be listed.
            assertThat(s.notTaken()).extracting(FileRecord::originalPath)
                    .contains("C:\\logs\\old.log").doesNotContain("C:\\cache\\tmp");
        }
    }

    @Test
    void aFileSetWhosePathIsAFileIsReported(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "conf", "a file where a directory was declared");
        machine.addWriter(SimulatedWriter.builder("W").component(WriterComponent.fileGroup("", "conf")
                .withFile(FileSpec.of("C:\\conf", "*", false))).build());
        try (BackupSession s = fx.session().components(ComponentSelection.writer("W")).start()) {
            assertThat(s.notTaken()).singleElement().satisfies(f -> {
                assertThat(f.originalPath()).isEqualTo("C:\\conf");
                assertThat(f.failure()).contains("is a file");
            });
        }
    }
}
