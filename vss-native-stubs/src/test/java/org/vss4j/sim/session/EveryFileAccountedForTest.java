package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentSelection;
import org.vss4j.session.ExcludedFile;
import org.vss4j.session.FileRecord;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.Snapshot;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;

/**
 * Every file on a selected path is an item, an exclusion with its reason or a failure with its reason: nothing is
 * dropped. The proof walks the shadow copy's directory on its own, with java.nio and none of the file list's code, and
 * compares what it finds with what the session and its result account for, entry for entry (duplicates included: a
 * host name {@code a\b} and the file {@code b} of the directory {@code a} read as the same Windows path and must both
 * be there).
 */
@ExtendWith(VssSimulatorExtension.class)
class EveryFileAccountedForTest {

    @TempDir
    Path temp;

    SessionFixture fx;
    Volume c;

    @BeforeEach
    void setUp(SimulatedMachine machine) throws IOException {
        fx = new SessionFixture(machine, temp);
        c = machine.volume("C:\\").orElseThrow();
        Path outside = SessionFixture.mkdirs(temp.resolve("outside"));
        SessionFixture.write(outside, "o.txt", "outside");
        SessionFixture.write(fx.c, "elsewhere\\e.txt", "e");
        // Names that differ only by case, files and directories, in a case-sensitive directory.
        SessionFixture.write(fx.c, "data\\readme.txt", "lower");
        SessionFixture.write(fx.c, "data\\README.TXT", "upper");
        SessionFixture.write(fx.c, "data\\Sub\\x.txt", "upper dir");
        SessionFixture.write(fx.c, "data\\sub\\x.txt", "lower dir");
        c.facts().caseSensitive("data");
        // Names no Windows file has: one reads as the path of another file, one climbs out, one holds ':'.
        SessionFixture.write(fx.c, "data\\a\\b.txt", "a real file in a directory");
        Files.writeString(fx.c.resolve("data").resolve("a\\b.txt"), "one host name");
        Files.writeString(fx.c.resolve("data").resolve("..\\..\\x.txt"), "one host name too");
        Files.writeString(fx.c.resolve("data").resolve("stream:name"), "a colon");
        // Excluded by a writer, a link to the live volume, a link out of the volume, a directory that denies access.
        SessionFixture.write(fx.c, "data\\cache\\tmp.bin", "excluded");
        SessionFixture.write(fx.c, "data\\deep\\er\\est.log", "deep");
        c.facts().junction("data/to-elsewhere", fx.c.resolve("elsewhere"))
                .symbolicLink("data/out.txt", outside.resolve("o.txt"), false);
        SessionFixture.write(fx.c, "data\\locked\\l.txt", "locked");
        c.facts().denyAccess("data/locked");
        // A token without SeBackupPrivilege (not elevated): the session cannot enable it, so denied stays denied.
        machine.token().drop("SeBackupPrivilege");
        machine.addWriter(SimulatedWriter.builder("Excluder")
                .exclude(FileSpec.of("C:\\data\\cache", "*", true)).build());
    }

    /**
     * The Windows paths of every entry below {@code dir} (relative to {@code root}) as java.nio sees the host copy:
     * every file and every link (a link is an entry, never entered), and a directory that cannot be listed.
     */
    private static List<String> independentWalk(Path root, String dir, Volume volume) throws IOException {
        List<String> out = new ArrayList<>();
        Path start = root;
        for (String n : dir.isEmpty() ? new String[0] : dir.split("\\\\")) {
            start = start.resolve(n);
        }
        walk(start, dir, volume, out);
        return out;
    }

    private static void walk(Path host, String relative, Volume volume, List<String> out) throws IOException {
        if (volume.facts().isAccessDenied(relative.replace('\\', '/'))) {
            out.add("C:\\" + relative);
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(host)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                String rel = relative.isEmpty() ? name : relative + "\\" + name;
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && name.indexOf('\\') < 0) {
                    walk(child, rel, volume, out);
                } else {
                    out.add("C:\\" + rel);
                }
            }
        }
    }

    private static List<String> accountedFor(BackupSession s) {
        return Stream.of(s.items().stream().map(BackupItem::originalPath),
                s.excluded().stream().map(ExcludedFile::originalPath),
                s.notTaken().stream().map(FileRecord::originalPath)).flatMap(x -> x).sorted().toList();
    }

    private static Path snapshotOf(SimulatedMachine machine) {
        return machine.snapshots().stream().map(Snapshot::directory).findFirst().orElseThrow();
    }

    @Test
    void aComponentsFileSetIsAccountedForFileByFileInTheSessionAndTheResult(SimulatedMachine machine)
            throws IOException {
        machine.addWriter(SimulatedWriter.builder("W").component(WriterComponent.fileGroup("", "data")
                .withFile(FileSpec.of("C:\\data", "*", true))).build());
        BackupResult result;
        List<String> expected;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("W")).start()) {
            expected = independentWalk(snapshotOf(machine), "data", c).stream().sorted().toList();
            assertThat(expected).contains("C:\\data\\readme.txt", "C:\\data\\README.TXT", "C:\\data\\Sub\\x.txt",
                    "C:\\data\\sub\\x.txt", "C:\\data\\cache\\tmp.bin", "C:\\data\\locked");
            assertThat(accountedFor(s)).isEqualTo(expected);
            assertThat(s.excluded()).singleElement().satisfies(x -> {
                assertThat(x.originalPath()).isEqualTo("C:\\data\\cache\\tmp.bin");
                assertThat(x.excludedBy().name()).isEqualTo("Excluder");
                assertThat(x.reason()).contains("GetExcludeFile", "C:\\data\\cache");
            });
            // Both names that read as C:\data\a\b.txt are there: the file is an item, the host name a failure.
            assertThat(s.items()).filteredOn(i -> i.originalPath().equals("C:\\data\\a\\b.txt")).hasSize(1);
            assertThat(s.notTaken()).filteredOn(f -> f.originalPath().equals("C:\\data\\a\\b.txt")).hasSize(1);
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        List<String> inResult = Stream.concat(result.files().stream().map(FileRecord::originalPath),
                result.excluded().stream().map(ExcludedFile::originalPath)).sorted().toList();
        assertThat(inResult).isEqualTo(expected);
    }

    @Test
    void aWholeVolumeIsAccountedForFileByFile(SimulatedMachine machine) throws IOException {
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\").start()) {
            List<String> expected = new ArrayList<>(independentWalk(snapshotOf(machine), "", c));
            // The simulator lists a System Volume Information at every root, which denies access, as Windows does.
            expected.add("C:\\System Volume Information");
            assertThat(accountedFor(s)).isEqualTo(expected.stream().sorted().toList());
        }
    }
}
