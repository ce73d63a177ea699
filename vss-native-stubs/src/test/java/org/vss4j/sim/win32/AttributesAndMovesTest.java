package org.vss4j.sim.win32;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.files.FileAttribute;
import org.vss4j.files.FileBasicInformation;
import org.vss4j.files.PrivilegedFileAccess;
import org.vss4j.files.Win32PrivilegedFileAccess;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * SetFileInformationByHandle sets only the attribute bits a caller can set ("SetFileAttributesW function") and,
 * outside every simulated volume, fails rather than drop them; MoveFileExW refuses to replace a read-only file, as
 * Windows does, and a replaced file's facts go with it.
 */
@ExtendWith(VssSimulatorExtension.class)
class AttributesAndMovesTest {

    private static final Exports X = Exports.current();
    private static final byte[] SD = {1, 0, 4, (byte) 0x80, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    @TempDir
    Path temp;
    private Path d;
    private Volume volume;
    private final PrivilegedFileAccess access = new Win32PrivilegedFileAccess(X);

    @BeforeEach
    void volume(SimulatedMachine machine) throws IOException {
        d = Files.createDirectories(temp.resolve("d"));
        Files.writeString(d.resolve("a.txt"), "a");
        Files.writeString(d.resolve("new.tmp"), "new");
        volume = machine.addVolume(d, "D:\\");
    }

    @Test
    void onlyTheSettableAttributeBitsAreSetAndTheFilesOwnStay() throws IOException {
        volume.facts().cloudPlaceholder("a.txt", false); // RECALL_ON_DATA_ACCESS | OFFLINE | SPARSE_FILE
        int compressed = 0x800;
        int encrypted = 0x4000;
        access.setBasicInformation(d.resolve("a.txt"), new FileBasicInformation(null, null, null, null,
                FileAttribute.HIDDEN | FileAttribute.TEMPORARY | compressed | encrypted | FileAttribute.DIRECTORY));

        int now = volume.facts().fact("a.txt").orElseThrow().attributes();
        assertThat(now & (FileAttribute.HIDDEN | FileAttribute.TEMPORARY))
                .isEqualTo(FileAttribute.HIDDEN | FileAttribute.TEMPORARY);
        assertThat(now & (compressed | encrypted | FileAttribute.DIRECTORY | FileAttribute.OFFLINE)).isZero();
        assertThat(now & (FileAttribute.SPARSE_FILE | FileAttribute.RECALL_ON_DATA_ACCESS))
                .isEqualTo(FileAttribute.SPARSE_FILE | FileAttribute.RECALL_ON_DATA_ACCESS);
    }

    @Test
    void outsideEveryVolumeAttributesAndCreationTimesAreRefusedNotDropped() throws IOException {
        Path host = Files.writeString(temp.resolve("host.txt"), "h");
        Instant t = Instant.parse("2021-02-03T04:05:06Z");

        assertThatThrownBy(() -> access.setBasicInformation(host, new FileBasicInformation(null, null, t, null,
                FileAttribute.READONLY))).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("ERROR_NOT_SUPPORTED");
        assertThatThrownBy(() -> access.setBasicInformation(host, new FileBasicInformation(t, null, t, null, 0)))
                .hasMessageContaining("ERROR_NOT_SUPPORTED");
        assertThat(Files.getLastModifiedTime(host)).isNotEqualTo(FileTime.from(t)); // nothing was changed

        access.setBasicInformation(host, new FileBasicInformation(null, null, t, null, 0));
        assertThat(Files.getLastModifiedTime(host)).isEqualTo(FileTime.from(t));
    }

    @Test
    void moveFileExRefusesToReplaceAReadOnlyFile() throws IOException {
        volume.facts().attributes("a.txt", FileAttribute.READONLY);

        assertThatThrownBy(() -> access.replace(d.resolve("new.tmp"), d.resolve("a.txt")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("MoveFileExW")
                .hasMessageContaining("ERROR_ACCESS_DENIED");
        assertThat(Files.readString(d.resolve("a.txt"))).isEqualTo("a");
        assertThat(Files.exists(d.resolve("new.tmp"))).isTrue();
    }

    @Test
    void moveFileExReplacesAFileAndItsFactsGoWithIt() throws IOException {
        volume.facts().attributes("a.txt", FileAttribute.HIDDEN).securityDescriptor("a.txt", SD)
                .alternateStream("a.txt", "old", "x".getBytes(UTF_8));

        access.replace(d.resolve("new.tmp"), d.resolve("a.txt"));

        assertThat(Files.readString(d.resolve("a.txt"))).isEqualTo("new");
        assertThat(Files.exists(d.resolve("new.tmp"))).isFalse();
        assertThat(volume.facts().securityDescriptor("a.txt")).isEmpty();
        assertThat(volume.facts().alternateStreams("a.txt")).isEmpty();
        assertThat(volume.facts().fact("a.txt").map(f -> f.attributes()).orElse(0) & FileAttribute.HIDDEN).isZero();
    }

    @Test
    void moveFileExWithoutReplaceExistingRefusesAnExistingTarget() {
        boolean ok = X.moveFileEx(Utf16.toNative(d.resolve("new.tmp").toString()),
                Utf16.toNative(d.resolve("a.txt").toString()), 0);
        assertThat(ok).isFalse();
        assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_ALREADY_EXISTS);
    }
}
