package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.files.ReparseTag;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupSession;
import org.vss4j.session.ComponentSelection;
import org.vss4j.sim.FileSpec;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedWriter;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.WriterComponent;

/** File sets expanded inside the shadow copy: wildcards, recursion, exclusions, alternate paths, mounts, links. */
@ExtendWith(VssSimulatorExtension.class)
class FileListTest {

    @TempDir
    Path temp;

    SessionFixture fx;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
    }

    @Test
    void filespecsUseWindowsWildcardsAndRecursionIsHonoured(SimulatedMachine machine) {
        for (String f : new String[] {"w\\a.log", "w\\b.LOG", "w\\log1.txt", "w\\log12.txt", "w\\noext",
            "w\\deep\\c.log", "r\\x.dat", "r\\one\\two\\y.dat"}) {
            SessionFixture.write(fx.c, f, f);
        }
        machine.addWriter(SimulatedWriter.builder("W").component(WriterComponent.fileGroup("", "logs")
                .withFile(FileSpec.of("C:\\w", "*.log", false))
                .withFile(FileSpec.of("C:\\w", "log?.txt", false))
                .withFile(FileSpec.of("C:\\w", "noext.*", false))
                .withFile(FileSpec.of("C:\\r", "*.*", true))).build());
        try (BackupSession s = fx.session().components(ComponentSelection.writer("W")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\r\\one\\two\\y.dat", "C:\\r\\x.dat",
                    "C:\\w\\a.log", "C:\\w\\b.LOG", "C:\\w\\log1.txt", "C:\\w\\noext");
        }
    }

    @Test
    void exclusionsWinEvenOverAnotherWritersInclusion(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "shared\\keep.txt", "k");
        SessionFixture.write(fx.c, "shared\\temp.tmp", "t");
        SessionFixture.write(fx.c, "shared\\cache\\c.bin", "c");
        machine.addWriter(SimulatedWriter.builder("Includer").component(WriterComponent.fileGroup("", "all")
                .withFile(FileSpec.of("C:\\shared", "*", true))).build());
        // Not selected, but its exclusions still apply (Microsoft docs, "Overview of Actual Backup Of Files":
        // "regardless of which components are selected").
        machine.addWriter(SimulatedWriter.builder("Excluder").exclude(FileSpec.of("C:\\shared", "*.tmp", false))
                .exclude(FileSpec.of("C:\\shared\\cache", "*", true))
                .component(WriterComponent.fileGroup("", "own").withFile(FileSpec.of("C:\\elsewhere", "*", false)))
                .build());
        try (BackupSession s = fx.session().components(ComponentSelection.writer("Includer")).start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\shared\\keep.txt");
        }
        try (BackupSession s = fx.session().volumeMode().volumes("C:\\").start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\shared\\keep.txt");
        }
    }

    @Test
    void anAlternatePathIsReadInsteadOfTheNormalLocation(SimulatedMachine machine) {
        SessionFixture.write(fx.c, "live\\db.dat", "live, inconsistent");
        SessionFixture.write(fx.c, "stable\\db.dat", "stable copy");
        machine.addWriter(SimulatedWriter.builder("Alt").component(WriterComponent.fileGroup("", "db")
                .withFile(new FileSpec("C:\\live", "*.dat", false, "C:\\stable", FileSpec.DEFAULT_MASK))).build());
        try (BackupSession s = fx.session().components(ComponentSelection.writer("Alt")).start()) {
            BackupItem item = s.items().get(0);
            assertThat(s.items()).hasSize(1);
            assertThat(item.originalPath()).isEqualTo("C:\\live\\db.dat");
            assertThat(item.fromAlternatePath()).isTrue();
            assertThat(SessionFixture.copyAll(s)).containsEntry("C:\\live\\db.dat", "stable copy");
            assertThat(s.complete().files().get(0).fromAlternatePath()).isTrue();
        }
    }

    @Test
    void aMountedVolumeJoinsTheSetAndMountFoldersAndLinksAreNotTraversed(SimulatedMachine machine)
            throws IOException {
        Path d = SessionFixture.mkdirs(temp.resolve("d"));
        Path outside = SessionFixture.mkdirs(temp.resolve("outside"));
        SessionFixture.write(d, "data\\m.txt", "mounted");
        SessionFixture.write(outside, "o.txt", "outside");
        SessionFixture.write(fx.c, "app\\a.txt", "a");
        // The mounted folder C:\mnt\d is a mount point to the other volume (addVolume makes it); the links point out
        // of the volume.
        machine.addVolume(d, "C:\\mnt\\d\\");
        Files.createSymbolicLink(fx.c.resolve("app").resolve("linkdir"), outside);
        Files.createSymbolicLink(fx.c.resolve("app").resolve("link.txt"), outside.resolve("o.txt"));
        machine.addWriter(SimulatedWriter.builder("M").component(WriterComponent.fileGroup("", "app")
                .withFile(FileSpec.of("C:\\app", "*", true))
                .withFile(FileSpec.of("C:\\mnt\\d\\data", "*", true))).build());
        try (BackupSession s = fx.session().components(ComponentSelection.writer("M")).volumes("C:\\").start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\app\\a.txt", "C:\\mnt\\d\\data\\m.txt");
            // The links and the mount folder are recorded as what they are, not followed.
            assertThat(SessionFixture.links(s)).containsExactly("C:\\app\\link.txt", "C:\\app\\linkdir",
                    "C:\\mnt\\d");
            // The mounted folder is a mount point, as Windows lists it, the links symbolic links.
            assertThat(ComponentSelectionTest.item(s, "C:\\mnt\\d").reparseTag())
                    .isEqualTo(ReparseTag.MOUNT_POINT.value());
            assertThat(ComponentSelectionTest.item(s, "C:\\app\\linkdir").reparseTag())
                    .isEqualTo(ReparseTag.SYMLINK.value());
            BackupItem mounted = ComponentSelectionTest.item(s, "C:\\mnt\\d\\data\\m.txt");
            assertThat(mounted.volumeName()).isEqualTo("C:\\mnt\\d\\");
            assertThat(mounted.inSnapshot().startsWith(d)).isFalse();
            assertThat(machine.snapshots()).hasSize(2);
            assertThat(SessionFixture.copyAll(s)).containsEntry("C:\\mnt\\d\\data\\m.txt", "mounted");
            s.complete();
        }
    }
}
