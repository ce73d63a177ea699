package org.vss4j.sim.win32;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.com.Exports;
import org.vss4j.files.BackupStreamHeader;
import org.vss4j.files.FileAttribute;
import org.vss4j.files.FileBasicInformation;
import org.vss4j.files.PrivilegedFileAccess;
import org.vss4j.files.Win32PrivilegedFileAccess;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Snapshot;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * ChangeTime ({@code GetFileInformationByHandleEx(FileBasicInfo)}) as NTFS keeps it: a shadow copy keeps each file's
 * as it was at snapshot time, not the host copy's; a change of a live file's security descriptor, alternate data
 * streams or attributes moves it forward.
 */
@ExtendWith(VssSimulatorExtension.class)
class ChangeTimeTest {

    private static final byte[] SD = {1, 0, 4, (byte) 0x80, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    @TempDir
    Path temp;
    private Volume volume;
    private Path file;
    private final PrivilegedFileAccess access = new Win32PrivilegedFileAccess(Exports.current());

    @BeforeEach
    void volume(SimulatedMachine machine) throws IOException {
        Path d = Files.createDirectories(temp.resolve("d"));
        Files.createDirectories(d.resolve("data"));
        file = Files.writeString(d.resolve("data/a.txt"), "a");
        volume = machine.addVolume(d, "D:\\");
    }

    private Instant changeTime(Path p) throws IOException {
        return access.basicInformation(p).changeTime();
    }

    @Test
    void aShadowCopyKeepsTheChangeTimeOfEachFileAsItWasAtSnapshotTime(SimulatedMachine machine) throws IOException {
        volume.facts().securityDescriptor("data/a.txt", SD);
        Instant before = changeTime(file);
        Instant dirBefore = changeTime(volume.root().resolve("data"));

        Snapshot s = machine.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), volume, 0, 1, null);
        Path inCopy = s.directory().resolve("data/a.txt");

        // The host copy has a ctime of its own; the shadow copy reports the original's.
        assertThat(changeTime(inCopy)).isEqualTo(before);
        assertThat(changeTime(s.directory().resolve("data"))).isEqualTo(dirBefore);
        volume.facts().alternateStream("data/a.txt", "s", "x".getBytes(UTF_8));
        assertThat(changeTime(file)).isAfter(before);
        assertThat(changeTime(inCopy)).isEqualTo(before);
    }

    @Test
    void aMetadataChangeTheHostFileDoesNotHoldMovesTheChangeTimeForward() throws IOException {
        Instant t0 = changeTime(file);
        volume.facts().securityDescriptor("data/a.txt", SD);
        Instant t1 = changeTime(file);
        volume.facts().alternateStream("data/a.txt", "s", "x".getBytes(UTF_8));
        Instant t2 = changeTime(file);
        volume.facts().attributes("data/a.txt", FileAttribute.HIDDEN);
        Instant t3 = changeTime(file);
        // SetFileInformationByHandle with the attributes only (every time 0: left as it is).
        access.setBasicInformation(file, new FileBasicInformation(null, null, null, null, FileAttribute.SYSTEM));
        Instant t4 = changeTime(file);

        assertThat(t1).isAfter(t0);
        assertThat(t2).isAfter(t1);
        assertThat(t3).isAfter(t2);
        assertThat(t4).isAfter(t3);
    }

    @Test
    void backupWriteOfASecurityDescriptorMovesTheChangeTimeForward() throws IOException {
        Path plain = Files.writeString(volume.root().resolve("data/b.txt"), "b");
        byte[] header = new BackupStreamHeader(BackupStreamHeader.BACKUP_SECURITY_DATA, 2, SD.length, "").toBytes();
        byte[] streams = new byte[header.length + SD.length];
        System.arraycopy(header, 0, streams, 0, header.length);
        System.arraycopy(SD, 0, streams, header.length, SD.length);
        Instant before = changeTime(plain);

        access.enablePrivilege(PrivilegedFileAccess.SE_RESTORE);
        access.restoreStreams(plain, new ByteArrayInputStream(streams));

        assertThat(volume.facts().securityDescriptor("data/b.txt")).hasValue(SD);
        assertThat(changeTime(plain)).isAfter(before);
    }
}
