package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentOutcome;
import org.vss4j.session.ComponentSelection;
import org.vss4j.session.FileRecord;
import org.vss4j.session.ItemKind;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.Snapshot;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;

/**
 * Only the shadow copy is read: no {@code ..} (in a name the host holds) and no link on the way to a file set (a
 * junction to the live volume, a directory link out of the volume), not even one a host name merely reads as, leads
 * the file list out of it. Every item must be read below the shadow copy's own directory.
 */
@ExtendWith(VssSimulatorExtension.class)
class ShadowCopyOnlyTest {

    @TempDir
    Path temp;

    SessionFixture fx;
    Volume c;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        c = machine.volume("C:\\").orElseThrow();
    }

    /** Every file item lies below the shadow copy's own directory once every link on the way is resolved. */
    private static void assertReadFromTheShadowCopyOnly(SimulatedMachine machine, BackupSession s) throws IOException {
        Path snapshot = machine.snapshots().stream().map(Snapshot::directory).findFirst().orElseThrow().toRealPath();
        for (BackupItem i : s.items()) {
            if (i.kind() == ItemKind.FILE) {
                assertThat(i.inSnapshot().toRealPath()).as(i.originalPath()).startsWith(snapshot);
            }
        }
    }

    private static FileRecord notTaken(BackupSession s, String original) {
        return s.notTaken().stream().filter(f -> f.originalPath().equals(original)).findFirst().orElseThrow(
                () -> new AssertionError(original + " is not reported; reported: " + s.notTaken()));
    }

    @Test
    void aHostNameHoldingDotDotBackslashIsReportedAndNeverRead(SimulatedMachine machine) throws IOException {
        SessionFixture.write(fx.c, "data\\ok.txt", "ok");
        // One host name; read as a Windows path it climbs out of C:\data and out of the shadow copy.
        Files.writeString(fx.c.resolve("data").resolve("..\\..\\..\\secret.txt"), "decoy");
        Files.writeString(fx.c.resolve("data").resolve("a\\b.txt"), "a name with a backslash");
        machine.addWriter(SimulatedWriter.builder("W").component(WriterComponent.fileGroup("", "data")
                .withFile(FileSpec.of("C:\\data", "*", true))).build());
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("W")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\data\\ok.txt");
            assertThat(notTaken(s, "C:\\data\\..\\..\\..\\secret.txt").failure()).contains("holds '\\'",
                    "Naming Files, Paths, and Namespaces", "is not read");
            assertThat(notTaken(s, "C:\\data\\a\\b.txt").failure()).contains("holds '\\'");
            assertReadFromTheShadowCopyOnly(machine, s);
            assertThat(SessionFixture.copyAll(s)).containsOnly(Map.entry("C:\\data\\ok.txt", "ok"));
            result = s.complete();
        }
        // A file on the selected path that cannot be backed up fails its component.
        assertThat(result.components()).singleElement().extracting(ComponentOutcome::backupSucceeded)
                .isEqualTo(false);
    }

    @Test
    void aLinkInTheMiddleOfAWriterPathIsReportedAtTheLinkAndNotFollowed(SimulatedMachine machine)
            throws IOException {
        SessionFixture.write(fx.c, "apps\\v2\\conf\\app.ini", "frozen");
        Path outside = SessionFixture.mkdirs(temp.resolve("outside"));
        SessionFixture.write(outside, "sub\\o.txt", "outside the volume");
        SessionFixture.mkdirs(fx.c.resolve("data"));
        c.facts().junction("apps/current", fx.c.resolve("apps/v2"))
                .symbolicLink("data/ext", outside, true);
        machine.addWriter(SimulatedWriter.builder("W").component(WriterComponent.fileGroup("", "links")
                .withFile(FileSpec.of("C:\\apps\\current\\conf", "*", true))
                .withFile(FileSpec.of("C:\\data\\ext\\sub", "*", false))
                .withFile(new FileSpec("C:\\elsewhere", "*.ini", false, "C:\\apps\\current\\conf",
                        FileSpec.DEFAULT_MASK))).build());
        try (BackupSession s = fx.session().components(ComponentSelection.writer("W")).start()) {
            Files.writeString(fx.c.resolve("apps/v2/conf/app.ini"), "LIVE");
            assertThat(s.items()).isEmpty();
            assertThat(notTaken(s, "C:\\apps\\current").failure()).contains("IO_REPARSE_TAG_MOUNT_POINT",
                    "C:\\apps\\current", "does not follow");
            assertThat(notTaken(s, "C:\\data\\ext").failure()).contains("IO_REPARSE_TAG_SYMLINK");
            // Read from its alternate path, reported at its normal one.
            assertThat(notTaken(s, "C:\\elsewhere").fromAlternatePath()).isTrue();
            assertThat(SessionFixture.copyAll(s)).isEmpty();
        }
    }

    @Test
    void aHostDirectoryWhoseNameReadsAsAPathThroughALinkIsNotEntered(SimulatedMachine machine) throws IOException {
        Path outside = SessionFixture.mkdirs(temp.resolve("outside"));
        SessionFixture.write(outside, "sub\\secret.txt", "outside the shadow copy");
        SessionFixture.write(fx.c, "data\\ok.txt", "ok");
        c.facts().symbolicLink("data/lnk", outside, true);
        // One directory named "lnk\sub": split at its backslash it would lead through the link.
        SessionFixture.mkdirs(fx.c.resolve("data").resolve("lnk\\sub"));
        Files.writeString(fx.c.resolve("data").resolve("lnk\\sub").resolve("secret.txt"), "decoy");
        machine.addWriter(SimulatedWriter.builder("W").component(WriterComponent.fileGroup("", "data")
                .withFile(FileSpec.of("C:\\data", "*", true))).build());
        try (BackupSession s = fx.session().components(ComponentSelection.writer("W")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\data\\ok.txt");
            assertThat(SessionFixture.links(s)).containsExactly("C:\\data\\lnk");
            assertThat(notTaken(s, "C:\\data\\lnk\\sub").failure()).contains("holds '\\'");
            assertReadFromTheShadowCopyOnly(machine, s);
            assertThat(SessionFixture.copyAll(s)).doesNotContainValue("outside the shadow copy");
        }
    }

    /**
     * Names NTFS holds (made through \\?\) that a Win32 path cannot reach: a trailing period or space is stripped
     * and a device name opens the device (Microsoft docs, "Naming Files, Paths, and Namespaces"). Read through
     * java.nio on Windows, {@code a.} would give the data of {@code a}, {@code CON} the console, and {@code b }
     * would stop the walk ("Trailing char"); each is reported, never read, and the walk goes on.
     */
    @Test
    void namesAWin32PathCannotReachAreReportedAndNeverRead(SimulatedMachine machine) throws IOException {
        SessionFixture.write(fx.c, "data\\a", "the file a");
        for (String name : new String[] {"a.", "b ", "CON", "nul.txt", "Com1.log", "LPT9", "aux .txt"}) {
            Files.writeString(fx.c.resolve("data").resolve(name), "not through Win32");
        }
        SessionFixture.write(fx.c, "data\\dir.\\inner.txt", "under a directory ending in a period");
        SessionFixture.write(fx.c, "data\\z.txt", "after them");
        SessionFixture.write(fx.c, "prn\\x.txt", "under a device name");
        machine.addWriter(SimulatedWriter.builder("W").component(WriterComponent.fileGroup("", "data")
                .withFile(FileSpec.of("C:\\data", "*", true))
                .withFile(FileSpec.of("C:\\prn", "*", false))).build());
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("W")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\data\\a", "C:\\data\\z.txt");
            assertThat(notTaken(s, "C:\\data\\a.").failure()).contains("ends in a period", "names 'a' instead",
                    "Naming Files, Paths, and Namespaces", "not read through a Win32 path");
            assertThat(notTaken(s, "C:\\data\\b ").failure()).contains("ends in a space");
            assertThat(notTaken(s, "C:\\data\\CON").failure()).contains("reserved device name CON");
            assertThat(notTaken(s, "C:\\data\\nul.txt").failure()).contains("reserved device name NUL");
            assertThat(notTaken(s, "C:\\data\\Com1.log").failure()).contains("reserved device name COM1");
            assertThat(notTaken(s, "C:\\data\\LPT9").failure()).contains("reserved device name LPT9");
            assertThat(notTaken(s, "C:\\data\\aux .txt").failure()).contains("reserved device name AUX");
            assertThat(notTaken(s, "C:\\data\\dir.").failure()).contains("ends in a period");
            // A file set whose own path goes through such a name stops there.
            assertThat(notTaken(s, "C:\\prn").failure()).contains("reserved device name PRN");
            assertThat(s.notTaken()).hasSize(9);
            assertThat(SessionFixture.copyAll(s)).containsOnly(Map.entry("C:\\data\\a", "the file a"),
                    Map.entry("C:\\data\\z.txt", "after them"));
            result = s.complete();
        }
        assertThat(result.components()).singleElement().extracting(ComponentOutcome::backupSucceeded)
                .isEqualTo(false);
    }

    /**
     * A host name {@code a\b.txt} in {@code C:\data} and the file {@code b.txt} of {@code C:\data\a} read as one
     * Windows path; each fails only the components that name it. Here the first is named by component "top" only,
     * the second by "sub" (and by "top", which is not recursive and so does not reach it).
     */
    @Test
    void anUnnamableHostNameFailsOnlyTheComponentsNamingItNotThoseOfThePathItReadsAs(SimulatedMachine machine)
            throws IOException {
        SessionFixture.write(fx.c, "data\\a\\b.txt", "the real file");
        Files.writeString(fx.c.resolve("data").resolve("a\\b.txt"), "a host name holding a backslash");
        machine.addWriter(SimulatedWriter.builder("W")
                .component(WriterComponent.fileGroup("", "top").withFile(FileSpec.of("C:\\data", "*", false)))
                .component(WriterComponent.fileGroup("", "sub").withFile(FileSpec.of("C:\\data\\a", "*", false)))
                .build());
        BackupResult result;
        try (BackupSession s = fx.session().components(ComponentSelection.writer("W")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\data\\a\\b.txt");
            assertThat(notTaken(s, "C:\\data\\a\\b.txt").failure()).contains("holds '\\'");
            SessionFixture.copyAll(s);
            result = s.complete();
        }
        assertThat(result.components()).extracting(c -> c.component().name() + "=" + c.backupSucceeded())
                .containsExactlyInAnyOrder("top=false", "sub=true");
    }
}
