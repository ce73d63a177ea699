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
}
