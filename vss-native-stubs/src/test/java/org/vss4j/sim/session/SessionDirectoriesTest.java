package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.session.BackupSession;
import org.vss4j.session.FileRecord;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * {@code BackupSessionBuilder.directories}: the directory's volume is shadow-copied, and only the files under the
 * directory are items; a directory that is not in the shadow copy is reported, never silently empty.
 */
@ExtendWith(VssSimulatorExtension.class)
class SessionDirectoriesTest {

    @TempDir
    Path temp;

    SessionFixture fx;

    @BeforeEach
    void setUp(SimulatedMachine machine) {
        fx = new SessionFixture(machine, temp);
        SessionFixture.write(fx.c, "data\\a.txt", "a");
        SessionFixture.write(fx.c, "data\\deep\\b.txt", "b");
        SessionFixture.write(fx.c, "database\\not-under-data.txt", "x");
        SessionFixture.write(fx.c, "other\\out.txt", "elsewhere on the volume");
    }

    @Test
    void onlyTheFilesUnderTheDirectoryAreItemsReadFromItsVolumesShadowCopy(SimulatedMachine machine) {
        try (BackupSession s = fx.session().withoutWriters().directories("C:\\data").start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\data\\a.txt", "C:\\data\\deep\\b.txt");
            assertThat(machine.snapshots()).hasSize(1);
            assertThat(SessionFixture.copyAll(s)).containsEntry("C:\\data\\deep\\b.txt", "b");
            assertThat(s.complete().succeeded()).isTrue();
        }
    }

    @Test
    void aDirectoryAndItsVolumeTogetherGiveEachFileOnce() {
        try (BackupSession s = fx.session().withoutWriters().volumes("C:\\").directories("C:\\DATA").start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\data\\a.txt", "C:\\data\\deep\\b.txt",
                    "C:\\database\\not-under-data.txt", "C:\\other\\out.txt");
        }
    }

    @Test
    void aDirectoryGivenAloneIsEnoughToBackUp() {
        try (BackupSession s = fx.session().volumeMode().directories("C:\\other").start()) {
            assertThat(SessionFixture.originals(s)).containsExactly("C:\\other\\out.txt");
        }
    }

    @Test
    void aMissingDirectoryOrAFileIsReportedNotTaken() {
        try (BackupSession s = fx.session().withoutWriters().directories("C:\\nothing", "C:\\other\\out.txt")
                .start()) {
            assertThat(s.items()).isEmpty();
            assertThat(s.notTaken()).extracting(FileRecord::originalPath)
                    .containsExactly("C:\\nothing", "C:\\other\\out.txt");
            assertThat(s.notTaken().get(0).failure()).contains("does not exist in the shadow copy");
            assertThat(s.notTaken().get(1).failure()).contains("is a file");
        }
    }

    @Test
    void aBareDriveIsRefusedWhenGiven() {
        assertThatThrownBy(() -> BackupSession.builder().directories("C:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("directories(...): C: names the current directory of drive C");
        assertThatThrownBy(() -> BackupSession.builder().directories("C:\\", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("directory name 2 of 2 is null");
    }
}
