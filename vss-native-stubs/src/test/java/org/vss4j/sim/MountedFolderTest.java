package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vss4j.sim.FindCalls.DIRECTORY;
import static org.vss4j.sim.FindCalls.IO_REPARSE_TAG_MOUNT_POINT;
import static org.vss4j.sim.FindCalls.REPARSE_POINT;

import com.sun.jna.Memory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.ObjectType;
import org.vss4j.SnapshotContext;
import org.vss4j.VssException;
import org.vss4j.VssHresult;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.sim.FindCalls.Found;

/**
 * Mounted folders as Windows lists them: a volume mounted at {@code C:\mnt\data\} and a shadow copy exposed at a
 * folder are directories of C: with {@code FILE_ATTRIBUTE_REPARSE_POINT} and {@code IO_REPARSE_TAG_MOUNT_POINT}
 * (Microsoft docs, "Determining Whether a Directory Is a Mounted Folder"); a shadow copy exposed at a drive letter or
 * folder is a volume the volume functions know.
 */
@ExtendWith(VssSimulatorExtension.class)
class MountedFolderTest {

    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    Path c;
    Path d;

    @BeforeEach
    void dirs() throws Exception {
        c = Files.createDirectories(temp.resolve("c"));
        d = Files.createDirectories(temp.resolve("d"));
        Files.writeString(d.resolve("on-d.txt"), "d");
        Files.writeString(c.resolve("on-c.txt"), "c");
    }

    private static void assertMountPoint(Found f) {
        assertThat(f.attributes()).isEqualTo(DIRECTORY | REPARSE_POINT);
        assertThat(f.reparseTag()).isEqualTo(IO_REPARSE_TAG_MOUNT_POINT);
    }

    private static String volumePathName(String path) {
        Memory out = new Memory(2048);
        out.clear();
        return Exports.current().getVolumePathName(Utf16.toNative(path), out, 1024) ? Utf16.read(out)
                : "error " + Exports.current().lastError();
    }

    private static String volumeName(String mountPoint) {
        Memory out = new Memory(2048);
        out.clear();
        return Exports.current().getVolumeNameForVolumeMountPoint(Utf16.toNative(mountPoint), out, 1024)
                ? Utf16.read(out) : "error " + Exports.current().lastError();
    }

    @Test
    void aFolderThatDoesNotExistYetIsMadeAndListedAsAMountPoint(SimulatedMachine machine) {
        machine.addVolume(c, "C:\\");
        machine.addVolume(d, "C:\\mnt\\data\\");
        assertMountPoint(FindCalls.byName("C:\\mnt\\*").get("data"));
        assertThat(FindCalls.names("C:\\mnt\\data\\*")).containsExactly("on-d.txt", "System Volume Information");
        assertThat(c.resolve("mnt/data/on-d.txt")).hasContent("d");
    }

    @Test
    void anEmptyDirectoryOrALinkToTheVolumeAlreadyThereBecomesTheMountPoint(SimulatedMachine machine)
            throws Exception {
        Files.createDirectories(c.resolve("mnt/empty"));
        Path e = Files.createDirectories(temp.resolve("e"));
        Files.createDirectories(c.resolve("mnt"));
        Files.createSymbolicLink(c.resolve("mnt/linked"), d);
        machine.addVolume(c, "C:\\");
        machine.addVolume(e, "C:\\mnt\\empty\\");
        machine.addVolume(d, "C:\\mnt\\linked\\");
        var found = FindCalls.byName("C:\\mnt\\*");
        assertMountPoint(found.get("empty"));
        assertMountPoint(found.get("linked")); // not a SYMLINK: the host link stands for the mount point
        assertThat(FindCalls.names("C:\\mnt\\linked\\*")).contains("on-d.txt");
    }

    @Test
    void aMountedVolumeAddedBeforeItsParentIsMountedWhenTheParentComes(SimulatedMachine machine) {
        machine.addVolume(d, "C:\\mnt\\data\\");
        assertThat(c.resolve("mnt")).doesNotExist();
        machine.addVolume(c, "C:\\");
        assertMountPoint(FindCalls.byName("C:\\mnt\\*").get("data"));
    }

    @Test
    void aFolderThatIsAFileOrNotEmptyCannotBeMounted(SimulatedMachine machine) throws Exception {
        Files.createDirectories(c.resolve("busy"));
        Files.writeString(c.resolve("busy/x"), "x");
        machine.addVolume(c, "C:\\");
        assertThatThrownBy(() -> machine.addVolume(d, "C:\\busy\\")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty directory");
        assertThatThrownBy(() -> machine.addVolume(d, "C:\\on-c.txt\\")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a file");
    }

    @Test
    void aShadowCopyOfTheParentShowsTheMountPointToo(SimulatedMachine machine) {
        Volume cv = machine.addVolume(c, "C:\\");
        machine.addVolume(d, "C:\\mnt\\data\\");
        Snapshot s = machine.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), cv, 0, 1, null);
        assertMountPoint(FindCalls.byName(s.deviceObject() + "\\mnt\\*").get("data"));
        machine.snapshotStore().delete(s.id());
    }

    /** A persistent shadow copy of C: (no writers), made by {@code bc}. */
    private static UUID persistentSnapshot(BackupComponents bc) {
        bc.initializeForBackup(null);
        bc.setContext(SnapshotContext.NAS_ROLLBACK);
        bc.startSnapshotSet();
        UUID id = bc.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
        bc.doSnapshotSet().finish(T);
        return id;
    }

    @Test
    void aShadowCopyExposedAtAFolderIsAMountedVolumeUntilUnexposed(SimulatedMachine machine) throws Exception {
        Volume cv = machine.addVolume(c, "C:\\");
        try (BackupComponents bc = BackupComponents.create()) {
            UUID id = persistentSnapshot(bc);
            Files.createDirectories(c.resolve("mnt/snap"));
            bc.exposeSnapshotLocally(id, "C:\\mnt\\snap");

            assertMountPoint(FindCalls.byName("C:\\mnt\\*").get("snap"));
            assertThat(FindCalls.names("C:\\mnt\\snap\\*")).containsExactly("on-c.txt", "System Volume Information");
            assertThat(volumePathName("C:\\mnt\\snap\\on-c.txt")).isEqualTo("C:\\mnt\\snap\\");
            String guid = volumeName("C:\\mnt\\snap\\");
            assertThat(guid).startsWith("\\\\?\\Volume{").endsWith("}\\").isNotEqualTo(cv.guidName());
            assertThat(FindCalls.names(guid + "*")).contains("on-c.txt");

            bc.unexposeSnapshot(id);
            assertThat(FindCalls.byName("C:\\mnt\\*").get("snap").attributes()).isEqualTo(DIRECTORY);
            assertThat(volumeName("C:\\mnt\\snap\\")).isEqualTo("error 4390"); // ERROR_NOT_A_REPARSE_POINT
            bc.deleteSnapshots(id, ObjectType.SNAPSHOT, true);
        }
    }

    @Test
    void aShadowCopyExposedAtADriveLetterIsAVolumeNoProviderSupports(SimulatedMachine machine) {
        Volume cv = machine.addVolume(c, "C:\\");
        try (BackupComponents bc = BackupComponents.create()) {
            UUID id = persistentSnapshot(bc);
            bc.exposeSnapshotLocally(id, "X:");

            assertThat(volumePathName("X:\\dir\\file.txt")).isEqualTo("X:\\");
            String guid = volumeName("X:\\");
            assertThat(guid).startsWith("\\\\?\\Volume{").isNotEqualTo(cv.guidName());
            assertThat(volumeName(guid)).isEqualTo(guid);
            assertThat(volumePathName(guid + "on-c.txt")).isEqualTo(guid);
            assertThat(FindCalls.names(guid + "*")).contains("on-c.txt");
            // A shadow copy cannot be shadow-copied.
            assertThat(bc.isVolumeSupported(BackupComponents.GUID_NULL, "X:\\")).isFalse();
            try (BackupComponents other = BackupComponents.create()) {
                other.initializeForBackup(null);
                other.setContext(SnapshotContext.NAS_ROLLBACK);
                other.startSnapshotSet();
                assertThat(hresult(() -> other.addToSnapshotSet("X:\\", BackupComponents.GUID_NULL)))
                        .isEqualTo(VssHresult.VSS_E_VOLUME_NOT_SUPPORTED);
                other.abortBackup();
            }

            bc.unexposeSnapshot(id);
            assertThat(volumePathName("X:\\dir")).isEqualTo("error 2"); // ERROR_FILE_NOT_FOUND: no such drive
            bc.deleteSnapshots(id, ObjectType.SNAPSHOT, true);
        }
    }

    private static VssHresult hresult(Runnable call) {
        try {
            call.run();
        } catch (VssException e) {
            return e.known().orElseThrow();
        }
        throw new AssertionError("the call succeeded");
    }
}
