package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vss4j.abi.vtable.IVssBackupComponents;
import org.vss4j.cli.BackupRunFixture.Run;

/**
 * {@code vss backup}'s arguments are checked before any VSS call, on the live volume: a directory SOURCE that does
 * not exist or is a file, MEDIA or the simulator's state directory within a SOURCE, a component its writer does not
 * have: each a usage error (exit code 2) naming what is wrong, with nothing written to MEDIA.
 */
class BackupArgumentsTest extends InProcessBackupTest {

    @BeforeEach
    void files() throws IOException {
        fixture.write("data/a.txt", "hello");
        fixture.write("data/sub/b.txt", "world");
        fixture.write("other/c.txt", "c");
    }

    private static void noVssCall(Run r) {
        assertThat(r.machine().faults().calls(IVssBackupComponents.InitializeForBackup)).as("VSS calls").isZero();
    }

    @Test
    void aSourceDirectoryThatDoesNotExistIsAUsageErrorBeforeAnyVssCall() throws IOException {
        Path media = work.resolve("m");
        Run r = fixture.vss("backup", "D:\\nothere", "--to", media.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("vss: SOURCE D:\\nothere: no such directory on D:\\ (" + disk.toRealPath()
                + ")").doesNotContain("(add --verbose");
        assertThat(r.out()).isEmpty();
        noVssCall(r);
        assertThat(media).doesNotExist();
    }

    @Test
    void aSourceBelowADirectoryThatDoesNotExistIsAUsageError() {
        Run r = fixture.vss("backup", "D:\\nothere\\deeper", "--to", work.resolve("m").toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("vss: SOURCE D:\\nothere\\deeper: no such directory on D:\\");
        noVssCall(r);
    }

    @Test
    void aFileAsSourceIsAUsageErrorNamingItsDirectory() {
        Run r = fixture.vss("backup", "D:\\data\\a.txt", "--to", work.resolve("m").toString(), "--no-writers");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("vss: SOURCE D:\\data\\a.txt is a file", "give its directory, D:\\data");
        noVssCall(r);
        assertThat(work.resolve("m")).doesNotExist();
    }

    @Test
    void anExistingSourceDirectoryIsBackedUp() {
        Run r = fixture.vss("backup", "D:\\data\\sub", "--to", work.resolve("m").toString(), "--no-writers");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("1 file(s), 5 byte(s) stored");
    }

    @Test
    void mediaWithinASourceIsRefusedNamingBoth() {
        Path media = disk.resolve("data/media");
        Run r = fixture.vss("backup", "D:\\data", "--to", media.toString(), "--volume-mode");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("vss: --to " + media + " lies within SOURCE D:\\data (it is D:\\data\\media)");
        noVssCall(r);
        assertThat(media).doesNotExist();
    }

    @Test
    void mediaBesideTheSourceOnItsVolumeIsBackedUpInto() {
        Run r = fixture.vss("backup", "D:\\data", "--to", disk.resolve("other/media").toString(), "--volume-mode");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void mediaWithinAVolumeSourceIsRefused() {
        Run r = fixture.vss("backup", "D:", "--to", disk.resolve("other/media").toString(), "--volume-mode");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("lies within SOURCE D:\\ (it is D:\\other\\media)");
    }

    @Test
    void theSimulatorStateWithinASourceIsRefused() throws IOException {
        Path inside = disk.resolve("data/state");
        BackupRunFixture onDisk = new BackupRunFixture(disk, inside);
        Run r = onDisk.vss("backup", "D:\\data", "--to", work.resolve("m").toString(), "--volume-mode");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("vss: --sim-state " + inside + " lies within SOURCE D:\\data");
        noVssCall(r);
    }

    @Test
    void anUnknownComponentIsAUsageErrorListingTheWritersComponents() {
        Run r = fixture.vss("backup", "D:\\data", "--to", work.resolve("m").toString(), "--component",
                "vss4j Demo Writer:nothere");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("vss: --component vss4j Demo Writer:nothere: writer 'vss4j Demo Writer' has "
                + "no component nothere; its components: Demo files");
        assertThat(r.machine().faults().calls(IVssBackupComponents.StartSnapshotSet)).isZero();
        assertThat(work.resolve("m")).doesNotExist();
    }

    @Test
    void aKnownComponentIsFoundWithoutCase() {
        Run r = fixture.vss("backup", "D:\\data", "--to", work.resolve("m").toString(), "--component",
                "vss4j demo writer:demo FILES");

        assertThat(r.err()).doesNotContain("has no component");
        assertThat(r.exit()).isIn(ExitCodes.OK, ExitCodes.PARTIAL);
    }

    @Test
    void mediaThatIsAFileIsRefusedWithoutTheVerboseHint() throws IOException {
        Path file = Files.writeString(work.resolve("afile"), "x");
        Run r = fixture.vss("backup", "D:\\data", "--to", file.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("vss: --to " + file + ": not a directory").doesNotContain("--verbose");
    }
}
