package org.vss4j.sim.win32;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.com.Exports;
import org.vss4j.files.BackupFile;
import org.vss4j.files.BackupStreamHeader;
import org.vss4j.files.BackupStreamReader;
import org.vss4j.files.PrivilegedFileAccess;
import org.vss4j.files.Win32PrivilegedFileAccess;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * {@link PrivilegedFileAccess#openForBackup} on the simulator: one CreateFileW for size, times and attributes,
 * streams and data (where the per-read methods open the file once each), a second only for data read after
 * BackupRead, the same results as the per-read methods, and every handle closed (the extension fails a leak). The
 * file's ACL denies the user: it is read because SeBackupPrivilege is enabled.
 */
@ExtendWith(VssSimulatorExtension.class)
class BackupFileTest {

    private static final byte[] SD = {1, 0, 4, (byte) 0x80, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    @TempDir
    Path temp;
    private Path file;
    private final PrivilegedFileAccess access = new Win32PrivilegedFileAccess(Exports.current());

    @BeforeEach
    void snapshotOfAVolume(SimulatedMachine machine) throws IOException {
        Path d = Files.createDirectories(temp.resolve("d"));
        Files.createDirectories(d.resolve("data"));
        Files.writeString(d.resolve("data/orders.db"), "42 orders");
        Volume volume = machine.addVolume(d, "D:\\");
        volume.facts().securityDescriptor("data/orders.db", SD);
        volume.facts().alternateStream("data/orders.db", "Zone.Identifier", "[ZoneTransfer]".getBytes(UTF_8));
        volume.facts().denyAccess("data/orders.db");
        file = machine.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), volume, 0, 1, null).directory()
                .resolve("data/orders.db");
        access.enablePrivilege(PrivilegedFileAccess.SE_BACKUP);
    }

    @Test
    void sizeAttributesAndDataComeFromOneCreateFileW(SimulatedMachine machine) throws IOException {
        machine.faults().recordCalls();
        try (BackupFile f = access.openForBackup(file, 0)) {
            assertThat(f.size()).isEqualTo(9);
            assertThat(f.basicInformation()).isEqualTo(access.basicInformation(file));
            try (InputStream in = f.openData()) {
                assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("42 orders");
            }
        }
        // One of the two opens is access.basicInformation's own, for the comparison.
        assertThat(calls(machine, "CreateFileW")).isEqualTo(2);
        assertThat(calls(machine, "CloseHandle")).isEqualTo(2);
    }

    @Test
    void theStreamsComeFromTheSameHandleAndTheDataAfterThemFromASecond(SimulatedMachine machine)
            throws IOException {
        machine.faults().recordCalls();
        List<String> kinds = new ArrayList<>();
        try (BackupFile f = access.openForBackup(file, 0)) {
            assertThat(f.size()).isEqualTo(9);
            try (BackupStreamReader r = f.openStreams()) {
                for (var h = r.next(); h.isPresent(); h = r.next()) {
                    kinds.add(h.get().kind());
                    if (h.get().id() == BackupStreamHeader.BACKUP_SECURITY_DATA) {
                        assertThat(r.readData(1024)).containsExactly(SD);
                    }
                }
            }
            assertThat(calls(machine, "CreateFileW")).isEqualTo(1);
            try (InputStream in = f.openData()) {
                // From the start of the file: BackupRead's reads did not move this handle's file pointer.
                assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("42 orders");
            }
        }
        assertThat(kinds).containsExactly("data", "security", "ads::Zone.Identifier:$DATA");
        assertThat(calls(machine, "CreateFileW")).isEqualTo(2);
        assertThat(calls(machine, "CloseHandle")).isEqualTo(2);
        assertThat(calls(machine, "BackupRead")).isGreaterThanOrEqualTo(2); // the reads and the bAbort TRUE call
    }

    @Test
    void withoutThePrivilegeADeniedFileFailsAsThePerReadMethodsFail(SimulatedMachine machine) throws IOException {
        machine.token().hold("SeBackupPrivilege", false);

        try (BackupFile f = access.openForBackup(file, 0)) {
            assertThatThrownBy(f::size).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("CreateFileW failed with Win32 error 5 (ERROR_ACCESS_DENIED)");
            assertThatThrownBy(f::openData).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void theStreamsCannotBeOpenedWhileTheDataIsRead() throws IOException {
        try (BackupFile f = access.openForBackup(file, 0)) {
            InputStream in = f.openData();
            assertThatThrownBy(f::openStreams).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("open the streams first");
            in.close();
        }
    }

    private static long calls(SimulatedMachine machine, String export) {
        return machine.faults().callLog().stream().filter(export::equals).count();
    }
}
