package org.vss4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.cli.BackupRunFixture.Run;

/**
 * {@code vss backup --dry-run}: a writer's heading shows the class id {@code --component} takes (the instance id
 * labelled), and only the FilesNotToSnapshot entries that can name files under the sources are listed.
 */
class DryRunTextTest {

    @TempDir
    Path disk;

    @TempDir
    Path state;

    @TempDir
    Path work;

    private static final SnapshotOmissionScope WINDOWS = new SnapshotOmissionScope(Map.of("windir", "C:\\Windows",
            "ProgramData", "C:\\ProgramData", "USERPROFILE", "C:\\Users\\me", "SystemDrive", "C:")::get);
    private static final SnapshotOmissionScope UNSET = new SnapshotOmissionScope(name -> null);

    @Test
    void anEntryOnAnotherVolumeOrDirectoryNamesNoFileOfTheSources() {
        List<String> data = List.of("D:\\data");
        assertThat(WINDOWS.mayNameFilesUnder("%windir%\\softwaredistribution\\*.* /s", data)).isFalse();
        assertThat(WINDOWS.mayNameFilesUnder("$UserProfile$\\AppData\\Local\\Microsoft\\Outlook\\*.ost", data))
                .isFalse();
        assertThat(UNSET.mayNameFilesUnder("%ProgramData%\\Microsoft\\RAC\\*", data)).isFalse();
        assertThat(WINDOWS.mayNameFilesUnder("D:\\other\\*.tmp /s", data)).isFalse();
        assertThat(WINDOWS.mayNameFilesUnder("D:\\*.tmp", data)).as("not recursive: the root's files").isFalse();
    }

    @Test
    void anEntryThatCanReachTheSourcesIsKept() {
        assertThat(WINDOWS.mayNameFilesUnder("%windir%\\softwaredistribution\\*.* /s", List.of("C:\\"))).isTrue();
        assertThat(WINDOWS.mayNameFilesUnder("$UserProfile$\\AppData\\*.ost", List.of("c:\\users"))).isTrue();
        assertThat(WINDOWS.mayNameFilesUnder("%windir%\\x\\*", List.of("C:\\Users"))).isFalse();
        assertThat(UNSET.mayNameFilesUnder("%windir%\\x\\*", List.of("C:\\Users"))).as("unknown directory on C:")
                .isTrue();
        assertThat(WINDOWS.mayNameFilesUnder("D:\\data\\cache\\*", List.of("D:\\data"))).isTrue();
        assertThat(WINDOWS.mayNameFilesUnder("D:\\*.tmp /s", List.of("D:\\data"))).isTrue();
        assertThat(WINDOWS.mayNameFilesUnder("\\System Volume Information\\Heat\\*.* /s", List.of("D:\\")))
                .as("on every volume, so on D: too").isTrue();
        assertThat(WINDOWS.mayNameFilesUnder("\\System Volume Information\\Heat\\*.* /s", List.of("D:\\data")))
                .as("on every volume, but not under D:\\data").isFalse();
        assertThat(WINDOWS.mayNameFilesUnder("D:\\x\\*", List.of("\\\\?\\Volume{1}\\"))).isTrue();
    }

    @Test
    void aDryRunOfADirectoryOnDListsNoEntryOfTheSystemDrive() throws IOException {
        BackupRunFixture fixture = new BackupRunFixture(disk, state);
        fixture.write("data/a.txt", "hello");
        Run r = fixture.vss("backup", "D:\\data", "--to", work.resolve("m").toString(), "--dry-run");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("%windir%", "$UserProfile$", "%ProgramData%", "System Volume Information")
                .containsPattern("writer vss4j Demo Writer \\{[0-9a-f-]{36}\\} \\(class id; instance \\{[0-9a-f-]{36}"
                        + "\\}\\)");
    }

    @Test
    void aDryRunOfAWholeVolumeListsTheEntriesOnEveryVolume() throws IOException {
        BackupRunFixture fixture = new BackupRunFixture(disk, state);
        fixture.write("data/a.txt", "hello");
        Run r = fixture.vss("backup", "D:", "--to", work.resolve("m").toString(), "--dry-run");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("omitted by VSS from every shadow copy of their volume (FilesNotToSnapshot):",
                "\\System Volume Information\\Heat\\*.* /s").doesNotContain("%windir%");
    }
}
