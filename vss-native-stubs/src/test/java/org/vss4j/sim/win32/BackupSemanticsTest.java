package org.vss4j.sim.win32;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.abi.NativeExport;
import org.vss4j.abi.struct.TokenPrivileges;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.files.BackupStreamHeader;
import org.vss4j.files.BackupStreamReader;
import org.vss4j.files.FileAttribute;
import org.vss4j.files.FileBasicInformation;
import org.vss4j.files.PrivilegeNotHeldException;
import org.vss4j.files.PrivilegedFileAccess;
import org.vss4j.files.Win32PrivilegedFileAccess;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedToken;
import org.vss4j.sim.Snapshot;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;
import org.vss4j.sim.abi.NativeHeap;

/**
 * Backup semantics on the simulator: the deny model of CreateFileW, AdjustTokenPrivileges' ERROR_NOT_ALL_ASSIGNED,
 * BackupRead's streams from the shadow copy's side store, BackupWrite into a volume's, and every context and handle
 * released on every path (the extension fails a test that leaks one).
 */
@ExtendWith(VssSimulatorExtension.class)
class BackupSemanticsTest {

    private static final Exports X = Exports.current();
    private static final byte[] SD = {1, 0, 4, (byte) 0x80, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    @TempDir
    Path temp;
    private Volume volume;
    private final PrivilegedFileAccess access = new Win32PrivilegedFileAccess(X);

    @BeforeEach
    void volume(SimulatedMachine machine) throws IOException {
        Path d = Files.createDirectories(temp.resolve("d"));
        Files.createDirectories(d.resolve("data"));
        Files.writeString(d.resolve("data/secret.txt"), "secret");
        Files.writeString(d.resolve("data/plain.txt"), "plain");
        volume = machine.addVolume(d, "D:\\");
    }

    private Snapshot snapshot(SimulatedMachine machine) {
        return machine.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), volume, 0, 1, null);
    }

    private static int createFileError(Path p, int flags) {
        Pointer h = X.createFile(Utf16.toNative(p.toString()), 0x80000000, 1, 3, flags);
        if (Pointer.nativeValue(h) != Exports.INVALID_HANDLE_VALUE) {
            X.closeHandle(h);
            return 0;
        }
        return X.lastError();
    }

    @Test
    void aDeniedFileOpensOnlyWithBackupSemanticsAndSeBackupPrivilegeEnabled(SimulatedMachine machine)
            throws IOException {
        volume.facts().denyAccess("data/secret.txt");
        Path secret = snapshot(machine).directory().resolve("data/secret.txt");

        // An administrator holds the privilege, disabled: denied, with or without backup semantics.
        assertThat(createFileError(secret, 0)).isEqualTo(Win32Error.ERROR_ACCESS_DENIED);
        assertThatThrownBy(() -> access.openData(secret)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("CreateFileW failed with Win32 error 5 (ERROR_ACCESS_DENIED)");

        access.enablePrivilege(PrivilegedFileAccess.SE_BACKUP);
        assertThat(machine.token().isEnabled("SeBackupPrivilege")).isTrue();
        assertThat(createFileError(secret, 0)).isEqualTo(Win32Error.ERROR_ACCESS_DENIED);
        try (InputStream in = access.openData(secret)) {
            assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("secret");
        }
        // A file no ACL denies opens without the flag too.
        assertThat(createFileError(secret.resolveSibling("plain.txt"), 0)).isZero();
    }

    @Test
    void aStandardUserCannotEnableThePrivilegeAndAdjustTokenPrivilegesSaysSoOnlyInTheLastError(
            SimulatedMachine machine) {
        machine.token().setTo(SimulatedToken.standardUser());

        assertThatThrownBy(() -> access.enablePrivilege(PrivilegedFileAccess.SE_BACKUP))
                .isInstanceOf(PrivilegeNotHeldException.class).hasMessageContaining("ERROR_NOT_ALL_ASSIGNED");

        // The trap itself: TRUE, and 1300 as the last error.
        PointerByReference token = new PointerByReference();
        assertThat(X.openProcessToken(new Pointer(Exports.CURRENT_PROCESS), 0x28, token)).isTrue();
        try {
            Memory luid = new Memory(8);
            assertThat(X.lookupPrivilegeValue(null, Utf16.toNative("SeBackupPrivilege"), luid)).isTrue();
            assertThat(luid.getInt(0)).isEqualTo(17);
            TokenPrivileges tp = new TokenPrivileges();
            tp.PrivilegeCount = 1;
            tp.Privileges[0].Luid.LowPart = luid.getInt(0);
            tp.Privileges[0].Attributes = 2;
            tp.write();
            assertThat(X.adjustTokenPrivileges(token.getValue(), false, tp.getPointer())).isTrue();
            assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_NOT_ALL_ASSIGNED);
            tp.Privileges[0].Luid.LowPart = SimulatedToken.luid("SeChangeNotifyPrivilege");
            tp.write();
            assertThat(X.adjustTokenPrivileges(token.getValue(), false, tp.getPointer())).isTrue();
            assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_SUCCESS);
        } finally {
            X.closeHandle(token.getValue());
        }
        assertThat(machine.token().isEnabled("SeBackupPrivilege")).isFalse();
    }

    @Test
    void backupReadGivesDataThenTheSecurityDescriptorThenTheAlternateStreamsOfTheShadowCopy(
            SimulatedMachine machine) throws IOException {
        volume.facts().securityDescriptor("data/plain.txt", SD)
                .alternateStream("data/plain.txt", "Zone.Identifier", "[ZoneTransfer]".getBytes(UTF_8))
                .alternateStream("data/plain.txt", "a", "first".getBytes(UTF_8));
        Snapshot before = snapshot(machine);
        volume.facts().alternateStream("data/plain.txt", "later", "x".getBytes(UTF_8));

        List<String> kinds = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        try (BackupStreamReader r = access.openStreams(before.directory().resolve("data/plain.txt"))) {
            for (var h = r.next(); h.isPresent(); h = r.next()) {
                kinds.add(h.get().kind());
                contents.add(new String(r.readData(1 << 20), UTF_8));
            }
        }
        assertThat(kinds).containsExactly("data", "security", "ads::a:$DATA", "ads::Zone.Identifier:$DATA");
        assertThat(contents.get(0)).isEqualTo("plain");
        assertThat(contents.get(3)).isEqualTo("[ZoneTransfer]");
        // The later stream is on the volume, not in the shadow copy taken before it.
        assertThat(machine.snapshotStore().facts(before.id()).alternateStreams("data/plain.txt")).doesNotContainKey(
                "later");
        assertThat(snapshot(machine)).satisfies(after -> assertThat(machine.snapshotStore().facts(after.id())
                .alternateStreams("data/plain.txt")).containsKey("later"));
        // The side store is no host file: the volume's directory holds the two files alone.
        try (var files = Files.list(volume.root().resolve("data"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plain.txt",
                    "secret.txt");
        }
    }

    @Test
    void unreadDataIsSkippedWithBackupSeek(SimulatedMachine machine) throws IOException {
        Files.write(volume.root().resolve("data/big.bin"), new byte[300_000]);
        volume.facts().alternateStream("data/big.bin", "s", "tail".getBytes(UTF_8));
        Path big = snapshot(machine).directory().resolve("data/big.bin");
        machine.faults().recordCalls();
        try (BackupStreamReader r = access.openStreams(big)) {
            assertThat(r.next()).get().extracting(BackupStreamHeader::size).isEqualTo(300_000L);
            assertThat(r.next()).get().extracting(BackupStreamHeader::kind).isEqualTo("ads::s:$DATA");
            assertThat(new String(r.readData(100), UTF_8)).isEqualTo("tail");
            assertThat(r.next()).isEmpty();
        }
        assertThat(machine.faults().callLog()).contains("BackupSeek");
    }

    @Test
    void theBackupReadContextAndTheHandleAreFreedWhenBackupReadFailsMidStream(SimulatedMachine machine)
            throws IOException {
        Files.write(volume.root().resolve("data/big.bin"), new byte[300_000]);
        Path big = snapshot(machine).directory().resolve("data/big.bin");
        int live = NativeHeap.usage().liveBlocks();
        // The first call allocates the context and returns 64 KiB; the second fails.
        machine.faults().failWin32OnCall(NativeExport.BackupRead, 2, Win32Error.ERROR_NOT_READY);
        BackupStreamReader r = access.openStreams(big);
        assertThat(NativeHeap.usage().liveBlocks()).isEqualTo(live + 1);
        assertThat(r.next()).isPresent();
        assertThat(NativeHeap.usage().liveBlocks()).isEqualTo(live + 2);
        assertThatThrownBy(() -> r.data().readAllBytes()).hasMessageContaining("BackupRead failed with Win32 error "
                + "21 (ERROR_NOT_READY)");
        r.close();
        assertThat(NativeHeap.usage().liveBlocks()).isEqualTo(live);
    }

    @Test
    void aFirstBackupReadThatFailsLeavesNoContextToFree(SimulatedMachine machine) throws IOException {
        Path plain = snapshot(machine).directory().resolve("data/plain.txt");
        int live = NativeHeap.usage().liveBlocks();
        machine.faults().failWin32OnCall(NativeExport.BackupRead, 1, Win32Error.ERROR_NOT_READY);
        try (BackupStreamReader r = access.openStreams(plain)) {
            assertThatThrownBy(r::next).hasMessageContaining("ERROR_NOT_READY");
        }
        assertThat(NativeHeap.usage().liveBlocks()).isEqualTo(live);
    }

    @Test
    void backupWriteRestoresTheSecurityDescriptorAndStreamsWithSeRestorePrivilege(SimulatedMachine machine)
            throws IOException {
        byte[] streams = concat(new BackupStreamHeader(BackupStreamHeader.BACKUP_SECURITY_DATA, 2, SD.length, "")
                .toBytes(), SD, new BackupStreamHeader(BackupStreamHeader.BACKUP_ALTERNATE_DATA, 0, 3, ":s:$DATA")
                .toBytes(), "ads".getBytes(UTF_8));
        Path plain = volume.root().resolve("data/plain.txt");
        int live = NativeHeap.usage().liveBlocks();

        assertThatThrownBy(() -> access.restoreStreams(plain, new java.io.ByteArrayInputStream(streams)))
                .hasMessageContaining("BackupWrite failed with Win32 error 1307");
        assertThat(NativeHeap.usage().liveBlocks()).isEqualTo(live);

        access.enablePrivilege(PrivilegedFileAccess.SE_RESTORE);
        access.restoreStreams(plain, new java.io.ByteArrayInputStream(streams));
        assertThat(volume.facts().securityDescriptor("data/plain.txt")).hasValue(SD);
        assertThat(volume.facts().alternateStreams("data/plain.txt").get("s")).isEqualTo("ads".getBytes(UTF_8));
        assertThat(NativeHeap.usage().liveBlocks()).isEqualTo(live);
    }

    @Test
    void timesAndAttributesAreSetAndReadThroughTheHandle(SimulatedMachine machine) throws IOException {
        Path plain = volume.root().resolve("data/plain.txt");
        Instant t = Instant.parse("2020-05-06T07:08:09.1234567Z");
        access.setBasicInformation(plain, new FileBasicInformation(null, null, t, null,
                FileAttribute.HIDDEN | FileAttribute.READONLY));
        FileBasicInformation info = access.basicInformation(plain);
        assertThat(info.lastWriteTime()).isEqualTo(t);
        assertThat(info.attributes()).isEqualTo(FileAttribute.HIDDEN | FileAttribute.READONLY | FileAttribute.ARCHIVE);
        assertThat(info.changeTime()).isNotNull();
        // A shadow copy is read-only.
        Path inCopy = snapshot(machine).directory().resolve("data/plain.txt");
        assertThatThrownBy(() -> access.setBasicInformation(inCopy, info))
                .hasMessageContaining("ERROR_WRITE_PROTECT");
    }

    @Test
    void aDehydratedPlaceholderInAShadowCopyOpensButItsDataCannotBeRead(SimulatedMachine machine) throws IOException {
        volume.facts().cloudPlaceholder("data/plain.txt", false);
        Path placeholder = snapshot(machine).directory().resolve("data/plain.txt");
        // Opened without FILE_FLAG_OPEN_REPARSE_POINT, as the binding opens a data-carrying reparse point: the host
        // link that stands for the withheld data is no link to follow.
        try (InputStream in = access.openData(placeholder, org.vss4j.files.ReparseTag.CLOUD.value())) {
            assertThatThrownBy(in::read).hasMessageContaining("ReadFile failed with Win32 error 381");
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
