package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupComponents;
import org.vss4j.SnapshotContext;
import org.vss4j.SnapshotMount;
import org.vss4j.SnapshotProperties;
import org.vss4j.StaleSnapshotLinks;
import org.vss4j.VssException;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.win32.SymbolicLinks;

/**
 * The chain a program must take to read a shadow copy, as on Windows: the device object is no path, a directory
 * symbolic link to it (CreateSymbolicLinkW, trailing backslash, privilege) is the way in, and the link is a link.
 */
@ExtendWith(VssSimulatorExtension.class)
class SnapshotLinkTest {

    private static final Duration T = Duration.ofSeconds(10);

    @TempDir
    Path disk;
    @TempDir
    Path scratch;

    @BeforeEach
    void volume(SimulatedMachine machine) throws IOException {
        Files.writeString(disk.resolve("a.txt"), "frozen");
        machine.addVolume(disk, "C:\\");
    }

    private static SnapshotProperties persistentSnapshot() throws Exception {
        try (BackupComponents bc = BackupComponents.create()) {
            bc.initializeForBackup(null);
            bc.setContext(SnapshotContext.NAS_ROLLBACK);
            bc.startSnapshotSet();
            UUID id = bc.addToSnapshotSet("C:\\", BackupComponents.GUID_NULL);
            bc.doSnapshotSet().finish(T);
            return bc.getSnapshotProperties(id);
        }
    }

    private static boolean createLink(Path link, String target, int flags) {
        return Exports.current().createSymbolicLink(Utf16.toNative(link.toString()), Utf16.toNative(target), flags);
    }

    @Test
    void theDeviceObjectHasTheWindowsShapeAndIsNoReadablePath() throws Exception {
        SnapshotProperties p = persistentSnapshot();
        assertThat(p.deviceObject()).startsWith("\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy");
        boolean readable;
        try {
            readable = Files.exists(Paths.get(p.deviceObject()).resolve("a.txt"));
        } catch (InvalidPathException e) {
            readable = false;
        }
        assertThat(readable).as("the device object read as a path").isFalse();
    }

    @Test
    void deviceNumbersGrowAndAreKeptAcrossProcesses(@TempDir Path state) throws Exception {
        SimulatedMachine first = SimulatedMachine.persistentAt(state);
        SimulatedMachine previous = SimulatedMachine.install(first);
        int n1;
        int n2;
        try {
            first.addVolume(disk, "C:\\");
            n1 = number(persistentSnapshot());
            n2 = number(persistentSnapshot());
            VssSimulatorExtension.verifyNoLeaks(first);
            first.close();
            SimulatedMachine second = SimulatedMachine.persistentAt(state);
            SimulatedMachine.install(second);
            second.addVolume(disk, "C:\\");
            int n3 = number(persistentSnapshot());
            assertThat(n2).isGreaterThan(n1);
            assertThat(n3).isGreaterThan(n2);
            second.snapshots().forEach(s -> second.snapshotStore().delete(s.id()));
            VssSimulatorExtension.verifyNoLeaks(second);
            second.close();
        } finally {
            SimulatedMachine.install(previous);
        }
    }

    private static int number(SnapshotProperties p) {
        String d = p.deviceObject();
        return Integer.parseInt(d.substring(d.lastIndexOf("Copy") + 4));
    }

    @Test
    void aMountIsADirectoryLinkToTheDeviceRemovedOnClose() throws Exception {
        SnapshotProperties p = persistentSnapshot();
        Files.writeString(disk.resolve("a.txt"), "live");
        Path root;
        try (SnapshotMount m = SnapshotMount.open(p)) {
            root = m.root();
            assertThat(m.isLink()).isTrue();
            // As on Windows: the root is a link, not a directory, unless links are followed.
            assertThat(Files.isSymbolicLink(root)).isTrue();
            assertThat(Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)).isFalse();
            assertThat(Files.readString(root.resolve("a.txt"))).isEqualTo("frozen");
        }
        assertThat(Files.exists(root, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(disk.resolve("a.txt")).hasContent("live");
    }

    @Test
    void everyMountGetsALinkOfItsOwnNeverAReusedOne() throws Exception {
        SnapshotProperties p = persistentSnapshot();
        Set<Path> links = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            try (SnapshotMount m = SnapshotMount.open(p)) {
                assertThat(links.add(m.root())).isTrue();
                assertThat(m.root().getParent().getParent()).isEqualTo(linkBase());
            }
        }
    }

    private static Path linkBase() {
        return StaleSnapshotLinks.directory();
    }

    @Test
    void withoutThePrivilegeTheMountFailsWithError1314AndSaysWhatToDo(SimulatedMachine machine) throws Exception {
        SnapshotProperties p = persistentSnapshot();
        machine.symbolicLinkPrivilege(false);
        // Both calls fail with 1314: the plain one, and the developer-mode retry (developer mode is off).
        assertThatThrownBy(() -> SnapshotMount.open(p)).isInstanceOf(VssException.class)
                .hasMessageContaining("CreateSymbolicLinkW").hasMessageContaining("0x80070522")
                .hasMessageContaining("Win32 error 1314 (ERROR_PRIVILEGE_NOT_HELD)")
                .hasMessageContaining("run elevated (SeCreateSymbolicLinkPrivilege) or enable developer mode")
                .hasMessageNotContaining("ExposeSnapshot");
        try (Stream<Path> left = Files.list(linkBase())) {
            assertThat(left.filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)).flatMap(SnapshotLinkTest::list)
                    .filter(l -> l.getFileName().toString().startsWith(p.snapshotId().toString()))).isEmpty();
        }
        // Developer mode lets the unprivileged flag through, which SnapshotMount tries second.
        machine.developerMode(true);
        try (SnapshotMount m = SnapshotMount.open(p)) {
            assertThat(m.root().resolve("a.txt")).hasContent("frozen");
        }
    }

    @Test
    void onAWindowsThatDoesNotKnowTheDeveloperModeFlagTheFirstErrorIsReported(SimulatedMachine machine)
            throws Exception {
        SnapshotProperties p = persistentSnapshot();
        machine.symbolicLinkPrivilege(false);
        // Windows before 10 1703 rejects SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE with ERROR_INVALID_PARAMETER.
        machine.faults().failWin32OnCall(NativeExport.CreateSymbolicLinkW, 2, Win32Error.ERROR_INVALID_PARAMETER);
        assertThatThrownBy(() -> SnapshotMount.open(p)).isInstanceOf(VssException.class)
                .hasMessageContaining("0x80070522").hasMessageContaining("Win32 error 1314 (ERROR_PRIVILEGE_NOT_HELD)")
                .hasMessageContaining("run elevated (SeCreateSymbolicLinkPrivilege) or enable developer mode")
                .hasMessageNotContaining("ERROR_INVALID_PARAMETER").hasMessageNotContaining("0x80070057");
    }

    @Test
    void anotherErrorOfTheRetryIsReportedAsItIs(SimulatedMachine machine) throws Exception {
        SnapshotProperties p = persistentSnapshot();
        machine.symbolicLinkPrivilege(false);
        machine.developerMode(true);
        machine.faults().failWin32OnCall(NativeExport.CreateSymbolicLinkW, 2, Win32Error.ERROR_ACCESS_DENIED);
        assertThatThrownBy(() -> SnapshotMount.open(p)).isInstanceOf(VssException.class)
                .hasMessageContaining("0x80070005").hasMessageContaining("Win32 error 5 (ERROR_ACCESS_DENIED)")
                .hasMessageNotContaining("SeCreateSymbolicLinkPrivilege");
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    @Test
    void createSymbolicLinkFollowsTheDocumentedRules(SimulatedMachine machine) throws Exception {
        SnapshotProperties p = persistentSnapshot();
        String device = p.deviceObject();
        Path good = scratch.resolve("good");
        assertThat(createLink(good, device + "\\", SymbolicLinks.FLAG_DIRECTORY)).isTrue();
        assertThat(good.resolve("a.txt")).hasContent("frozen");

        // Without the trailing backslash, or without the directory flag, the link is made but is no way in.
        Path noBackslash = scratch.resolve("no-backslash");
        assertThat(createLink(noBackslash, device, SymbolicLinks.FLAG_DIRECTORY)).isTrue();
        assertThat(Files.exists(noBackslash.resolve("a.txt"))).isFalse();
        Path fileLink = scratch.resolve("file-link");
        assertThat(createLink(fileLink, device + "\\", 0)).isTrue();
        assertThat(Files.exists(fileLink.resolve("a.txt"))).isFalse();

        assertThat(createLink(good, device + "\\", SymbolicLinks.FLAG_DIRECTORY)).isFalse();
        assertThat(Exports.current().lastError()).isEqualTo(Win32Error.ERROR_ALREADY_EXISTS);
        assertThat(createLink(scratch.resolve("missing/link"), device + "\\", SymbolicLinks.FLAG_DIRECTORY))
                .isFalse();
        assertThat(Exports.current().lastError()).isEqualTo(Win32Error.ERROR_PATH_NOT_FOUND);
        assertThat(createLink(scratch.resolve("bad-flags"), device + "\\", 0x10)).isFalse();
        assertThat(Exports.current().lastError()).isEqualTo(Win32Error.ERROR_INVALID_PARAMETER);

        machine.symbolicLinkPrivilege(false);
        assertThat(createLink(scratch.resolve("unprivileged"), device + "\\", SymbolicLinks.FLAG_DIRECTORY))
                .isFalse();
        assertThat(Exports.current().lastError()).isEqualTo(Win32Error.ERROR_PRIVILEGE_NOT_HELD);
        assertThat(createLink(scratch.resolve("unprivileged"), device + "\\",
                SymbolicLinks.FLAG_DIRECTORY | SymbolicLinks.FLAG_ALLOW_UNPRIVILEGED_CREATE)).isFalse();
        assertThat(Exports.current().lastError()).isEqualTo(Win32Error.ERROR_PRIVILEGE_NOT_HELD);
    }

    @Test
    void aFaultPlannedOnTheExportFailsTheMountCleanly(SimulatedMachine machine) throws Exception {
        SnapshotProperties p = persistentSnapshot();
        machine.faults().failWin32OnCall(NativeExport.CreateSymbolicLinkW, 1, Win32Error.ERROR_ACCESS_DENIED);
        assertThatThrownBy(() -> SnapshotMount.open(p)).isInstanceOf(VssException.class)
                .hasMessageContaining("0x80070005").hasMessageContaining("Win32 error 5 (ERROR_ACCESS_DENIED)")
                .hasMessageNotContaining("SeCreateSymbolicLinkPrivilege");
    }
}
