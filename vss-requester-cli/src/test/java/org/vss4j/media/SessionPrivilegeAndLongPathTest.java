package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupType;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupSession;
import org.vss4j.session.BackupSessionBuilder;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.WithSimulatedMachine;

/**
 * The session holds SeBackupPrivilege from before its file list until it closes: what a backup set holds does not
 * depend on earlier backups of the process; and a file deeper than MAX_PATH in the shadow copy is backed up.
 */
@WithSimulatedMachine
class SessionPrivilegeAndLongPathTest {

    @TempDir
    Path disk;
    @TempDir
    Path media;
    private Volume volume;

    @BeforeEach
    void volume(SimulatedMachine machine) throws IOException {
        Files.createDirectories(disk.resolve("data/secret"));
        Files.writeString(disk.resolve("data/a.txt"), "alpha");
        Files.writeString(disk.resolve("data/secret/s.db"), "s");
        volume = machine.addVolume(disk, "D:\\");
    }

    private static BackupSessionBuilder copy() {
        return VolumeSets.session(BackupType.COPY, null);
    }

    private BackupSetInfo take(String id) throws IOException {
        return VolumeSets.take(media, BackupType.COPY, id, null);
    }

    @Test
    void twoIdenticalBackupsOfOneProcessHoldTheSameFilesAndTheDeniedOnesToo(SimulatedMachine machine)
            throws IOException {
        volume.facts().denyAccess("data/secret");
        take("first");
        assertThat(machine.token().isEnabled("SeBackupPrivilege")).isFalse();
        take("second");

        BackupSetReader reader = BackupSetReader.open(media);
        assertThat(reader.files("first")).extracting(CatalogRow::entryName).contains("D/data/secret/s.db")
                .containsExactlyElementsOf(reader.files("second").stream().map(CatalogRow::entryName).toList());
        assertThat(reader.failedFiles("first")).isEqualTo(reader.failedFiles("second"));
    }

    @Test
    void thePrivilegeIsEnabledWhileTheSessionIsOpenAndDisabledAfter(SimulatedMachine machine) {
        volume.facts().denyAccess("data/secret");
        try (BackupSession s = copy().start()) {
            assertThat(machine.token().isEnabled("SeBackupPrivilege")).isTrue();
            assertThat(s.items()).extracting(BackupItem::originalPath).contains("D:\\data\\secret\\s.db");
        }
        assertThat(machine.token().isEnabled("SeBackupPrivilege")).isFalse();
    }

    @Test
    void withoutTheOptionTheTokenIsLeftAsItIsAndTheDeniedDirectoryFails(SimulatedMachine machine) {
        volume.facts().denyAccess("data/secret");
        try (BackupSession s = copy().backupPrivilege(false).start()) {
            assertThat(machine.token().isEnabled("SeBackupPrivilege")).isFalse();
            assertThat(s.items()).extracting(BackupItem::originalPath).doesNotContain("D:\\data\\secret\\s.db");
            assertThat(s.notTaken()).anySatisfy(r -> assertThat(r.failure()).contains("ERROR_ACCESS_DENIED"));
        }
    }

    @Test
    void aPrivilegeEnabledBeforeTheSessionStaysEnabled(SimulatedMachine machine) {
        machine.token().hold("SeBackupPrivilege", true);
        try (BackupSession s = copy().start()) {
            assertThat(s.items()).isNotEmpty();
        }
        assertThat(machine.token().isEnabled("SeBackupPrivilege")).isTrue();
    }

    @Test
    void aFileDeeperThanMaxPathInTheShadowCopyIsBackedUp() throws IOException {
        Path dir = disk.resolve("data");
        for (int i = 0; i < 3; i++) {
            dir = dir.resolve(("level" + i).repeat(12));
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("deep.txt"), "deep");

        BackupSetInfo info = take("deep");

        BackupSetReader reader = BackupSetReader.open(media);
        assertThat(reader.failedFiles("deep")).noneMatch(f -> f.contains("deep.txt"));
        assertThat(reader.files("deep")).extracting(CatalogRow::entryName)
                .anySatisfy(n -> assertThat(n).endsWith("/deep.txt"));
        assertThat(info.files()).isGreaterThanOrEqualTo(3);
    }
}
