package org.vss4j.sim.win32;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.abi.struct.TokenPrivileges;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.files.PrivilegeScope;
import org.vss4j.files.PrivilegedFileAccess;
import org.vss4j.files.Win32FileName;
import org.vss4j.files.Win32PrivilegedFileAccess;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * AdjustTokenPrivileges' PreviousState and the scope built on it; MAX_PATH for names without {@code \\?\}; the size
 * read from a backup-semantics handle (FileStandardInfo).
 */
@ExtendWith(VssSimulatorExtension.class)
class PrivilegeScopeAndLongPathTest {

    private static final Exports X = Exports.current();
    private final PrivilegedFileAccess access = new Win32PrivilegedFileAccess(X);

    @TempDir
    Path temp;

    private static TokenPrivileges enable(String privilege) {
        TokenPrivileges tp = new TokenPrivileges();
        tp.PrivilegeCount = 1;
        tp.Privileges[0].Luid.LowPart = org.vss4j.sim.SimulatedToken.luid(privilege);
        tp.Privileges[0].Attributes = 2;
        tp.write();
        return tp;
    }

    @Test
    void previousStateHoldsOnlyWhatChangedAndATooSmallBufferChangesNothing(SimulatedMachine machine) {
        PointerByReference token = new PointerByReference();
        assertThat(X.openProcessToken(new Pointer(Exports.CURRENT_PROCESS), 0x28, token)).isTrue();
        try {
            TokenPrivileges tp = enable("SeBackupPrivilege");
            Memory previous = new Memory(16);
            IntByReference needed = new IntByReference();

            assertThat(X.adjustTokenPrivileges(token.getValue(), false, tp.getPointer(), 4, previous, needed))
                    .isFalse();
            assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_INSUFFICIENT_BUFFER);
            assertThat(needed.getValue()).isEqualTo(16);
            assertThat(machine.token().isEnabled("SeBackupPrivilege")).isFalse();

            assertThat(X.adjustTokenPrivileges(token.getValue(), false, tp.getPointer(), 16, previous, needed))
                    .isTrue();
            assertThat(X.lastError()).isEqualTo(Win32Error.ERROR_SUCCESS);
            assertThat(machine.token().isEnabled("SeBackupPrivilege")).isTrue();
            assertThat(previous.getInt(0)).isEqualTo(1);
            assertThat(previous.getInt(4)).isEqualTo(org.vss4j.sim.SimulatedToken.luid("SeBackupPrivilege"));
            assertThat(previous.getInt(12)).isZero();

            // Enabled already: nothing changes, so nothing is in PreviousState.
            assertThat(X.adjustTokenPrivileges(token.getValue(), false, tp.getPointer(), 16, previous, needed))
                    .isTrue();
            assertThat(previous.getInt(0)).isZero();
            assertThat(needed.getValue()).isEqualTo(4);
        } finally {
            X.closeHandle(token.getValue());
        }
    }

    @Test
    void aScopePutsThePrivilegeBackAsItWas(SimulatedMachine machine) throws IOException {
        try (PrivilegeScope s = access.enableScoped(PrivilegedFileAccess.SE_BACKUP)) {
            assertThat(s.changedIt()).isTrue();
            assertThat(machine.token().isEnabled("SeBackupPrivilege")).isTrue();
        }
        assertThat(machine.token().isEnabled("SeBackupPrivilege")).isFalse();

        machine.token().hold("SeBackupPrivilege", true);
        try (PrivilegeScope s = access.enableScoped(PrivilegedFileAccess.SE_BACKUP)) {
            assertThat(s.changedIt()).isFalse();
        }
        assertThat(machine.token().isEnabled("SeBackupPrivilege")).isTrue();
    }

    /** A file more than MAX_PATH deep in a shadow copy. */
    private Path deepFileInShadowCopy(SimulatedMachine machine) throws IOException {
        Path d = Files.createDirectories(temp.resolve("d"));
        Path dir = d;
        for (int i = 0; i < 3; i++) {
            dir = dir.resolve(("level" + i).repeat(12));
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("deep.txt"), "deep");
        Volume v = machine.addVolume(d, "D:\\");
        Path root = machine.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), v, 0, 1, null).directory();
        Path deep = root.resolve(d.relativize(dir.resolve("deep.txt")));
        assertThat(deep.toString().length()).isGreaterThan(260);
        return deep;
    }

    private static int createFileError(String name) {
        Pointer h = X.createFile(Utf16.toNative(name), 0x80000000, 1, 3, 0x02000000);
        if (Pointer.nativeValue(h) != Exports.INVALID_HANDLE_VALUE) {
            X.closeHandle(h);
            return 0;
        }
        return X.lastError();
    }

    @Test
    void aNameOfMaxPathOrMoreOpensOnlyInItsExtendedFormUnlessLongPathsAreEnabled(SimulatedMachine machine)
            throws IOException {
        Path deep = deepFileInShadowCopy(machine);

        assertThat(createFileError(deep.toString())).isEqualTo(Win32Error.ERROR_PATH_NOT_FOUND);
        assertThat(createFileError(Win32FileName.of(deep))).isZero();
        try (InputStream in = access.openData(deep)) {
            assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("deep");
        }
        assertThat(access.basicInformation(deep).lastWriteTime()).isNotNull();
        assertThat(access.size(deep)).isEqualTo(4);

        machine.longPathsEnabled(true);
        assertThat(createFileError(deep.toString())).isZero();
    }

    @Test
    void theSizeOfADeniedFileIsReadFromItsBackupHandle(SimulatedMachine machine) throws IOException {
        Path d = Files.createDirectories(temp.resolve("d"));
        Files.writeString(d.resolve("secret.db"), "12345");
        Volume v = machine.addVolume(d, "D:\\");
        v.facts().denyAccess("secret.db");
        Path secret = machine.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), v, 0, 1, null).directory()
                .resolve("secret.db");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> access.size(secret))
                .isInstanceOf(java.nio.file.AccessDeniedException.class);
        try (PrivilegeScope s = access.enableScoped(PrivilegedFileAccess.SE_BACKUP)) {
            assertThat(access.size(secret)).isEqualTo(5);
        }
    }
}
