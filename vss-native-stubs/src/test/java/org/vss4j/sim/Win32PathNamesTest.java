package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.sim.FindCalls.DIRECTORY;
import static org.vss4j.sim.FindCalls.ERROR_PATH_NOT_FOUND;
import static org.vss4j.sim.FindCalls.HIDDEN;
import static org.vss4j.sim.FindCalls.SYSTEM;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.FindCalls.Found;
import org.vss4j.sim.win32.SymbolicLinks;

/**
 * How the simulated kernel32 reads the names it is given (Microsoft docs, "Naming Files, Paths, and Namespaces"):
 * {@code .} and {@code ..} are applied but never above the root, after {@code \\?\} nothing is normalised, and
 * shadow copy devices are directories Win32 functions can open. No Windows name reaches a host file outside the
 * volume or device it names.
 */
@ExtendWith(VssSimulatorExtension.class)
class Win32PathNamesTest {

    @TempDir
    Path temp;

    Path c;
    Volume volume;

    @BeforeEach
    void volume(SimulatedMachine machine) throws Exception {
        // The volume is deep inside the host's temporary directory, so enough ".." would reach the host's root.
        c = Files.createDirectories(temp.resolve("a/b/c"));
        Files.writeString(c.resolve("top.txt"), "12345");
        Files.createDirectories(c.resolve("sub/deeper"));
        Files.writeString(temp.resolve("outside.txt"), "host");
        volume = machine.addVolume(c, "C:\\");
    }

    private static boolean link(String name, String target, int flags) {
        return Exports.current().createSymbolicLink(Utf16.toNative(name), Utf16.toNative(target), flags);
    }

    @Test
    void dotDotStopsAtTheRootOfTheVolume() throws Exception {
        String up = "C:\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..";
        // C:\..\..\etc is C:\etc, which this volume does not have: never the host's /etc.
        assertThat(FindCalls.failure(up + "\\etc\\*")).isEqualTo(ERROR_PATH_NOT_FOUND);
        assertThat(FindCalls.names(up + "\\*")).containsExactly("sub", "System Volume Information", "top.txt");
        assertThat(FindCalls.names("C:/../../sub/deeper/../*")).containsExactly(".", "..", "deeper");
        assertThat(FindCalls.names(volume.guidName() + "sub\\*")).contains("deeper");
        Files.createDirectories(c.resolve("etc"));
        Files.writeString(c.resolve("etc/inside.txt"), "volume");
        assertThat(FindCalls.names(up + "\\etc\\*")).containsExactly(".", "..", "inside.txt");
        assertThat(FindCalls.failure("C:\\..\\..\\outside.txt\\*")).isEqualTo(ERROR_PATH_NOT_FOUND);
    }

    @Test
    void afterTheLongPathPrefixDotDotIsALiteralNameAndSlashNoSeparator() {
        assertThat(FindCalls.names("\\\\?\\C:\\sub\\deeper\\*")).containsExactly(".", "..");
        assertThat(FindCalls.failure("\\\\?\\C:\\..\\*")).isEqualTo(ERROR_PATH_NOT_FOUND);
        assertThat(FindCalls.failure("\\\\?\\C:\\sub\\..\\sub\\*")).isEqualTo(ERROR_PATH_NOT_FOUND);
        assertThat(FindCalls.failure("\\\\?\\C:\\sub\\.\\*")).isEqualTo(ERROR_PATH_NOT_FOUND);
        assertThat(FindCalls.failure(volume.guidName() + "..\\..\\*")).isEqualTo(ERROR_PATH_NOT_FOUND);
        // "/" is part of the name "sub/deeper", which no file can have.
        assertThat(FindCalls.failure("\\\\?\\C:\\sub/deeper\\*")).isEqualTo(Win32Error.ERROR_INVALID_NAME);
    }

    @Test
    void anExposedDriveIsNoWayOutEither(SimulatedMachine machine) {
        Snapshot s = machine.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), volume, 1, 1, null);
        machine.snapshotStore().expose(s.id(), new Exposure("X:", null, true, machine.driveLink("X:"), false));
        assertThat(FindCalls.names("X:\\..\\..\\..\\*")).containsExactly("sub", "System Volume Information",
                "top.txt");
        assertThat(FindCalls.failure("X:\\..\\..\\..\\outside.txt\\*")).isEqualTo(ERROR_PATH_NOT_FOUND);
        machine.snapshotStore().delete(s.id());
    }

    @Test
    void aLinkNameNeverLeavesTheVolumeAndARelativeTargetStopsAtItsRoot() throws Exception {
        assertThat(link("C:\\..\\..\\..\\made", "C:\\top.txt", 0)).isTrue();
        assertThat(c.resolve("made")).isSymbolicLink().hasContent("12345");
        assertThat(temp.resolve("a/made")).doesNotExist();
        assertThat(temp.resolve("made")).doesNotExist();
        assertThat(link("\\\\?\\C:\\..\\made2", "C:\\top.txt", 0)).isFalse();
        assertThat(Exports.current().lastError()).isEqualTo(Win32Error.ERROR_PATH_NOT_FOUND);

        // A relative target is read from the link's directory and stops at the volume root, as on Windows.
        assertThat(link("C:\\sub\\deeper\\rel", "..\\..\\..\\..\\..\\top.txt", 0)).isTrue();
        Path rel = c.resolve("sub/deeper/rel");
        assertThat(Files.readSymbolicLink(rel).isAbsolute()).as("kept relative").isFalse();
        assertThat(rel).hasContent("12345");
        // An absolute one is placed on its volume the same way.
        assertThat(link("C:\\abs", "C:\\..\\..\\..\\..\\outside.txt", 0)).isTrue();
        assertThat(Files.exists(c.resolve("abs"))).as("C:\\outside.txt does not exist").isFalse();
        // A target rooted on the current drive is not modelled: a dangling link, never one to the host's root.
        assertThat(link("C:\\rooted", "\\..\\..\\..\\..\\..\\..\\..\\..\\..\\..\\etc", SymbolicLinks.FLAG_DIRECTORY))
                .isTrue();
        assertThat(Files.exists(c.resolve("rooted"))).isFalse();
    }

    @Test
    void theMachineResolvesWindowsNamesOnlyAndTheSameWay(SimulatedMachine machine) {
        assertThat(machine.hostPath("C:\\..\\..\\..\\etc")).contains(c.resolve("etc"));
        assertThat(machine.hostPath("\\\\?\\C:\\..\\etc")).isEmpty();
        assertThat(machine.hostPath(c.toString())).as("a host path is no Windows name").isEmpty();
        assertThat(machine.mountedPath("C:\\sub\\..\\..\\top.txt")).hasValueSatisfying(m -> {
            assertThat(m.volume()).isSameAs(volume);
            assertThat(m.relativePath()).isEqualTo("top.txt");
        });
    }

    @Test
    void aShadowCopyDeviceIsADirectoryWin32FunctionsCanList(SimulatedMachine machine) throws Exception {
        volume.facts().attributes("top.txt", HIDDEN);
        Snapshot s = machine.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), volume, 0, 1, null);
        volume.facts().attributes("sub", SYSTEM); // later than the shadow copy: not in it
        String device = s.deviceObject();
        Map<String, Found> root = FindCalls.byName(device + "\\*");
        assertThat(root.keySet()).as("a root: no . or ..").containsExactly("sub", "System Volume Information",
                "top.txt");
        assertThat(root.get("top.txt").attributes() & HIDDEN).as("the shadow copy's facts").isEqualTo(HIDDEN);
        assertThat(root.get("sub").attributes()).isEqualTo(DIRECTORY);
        assertThat(FindCalls.names(device.toLowerCase(java.util.Locale.ROOT) + "\\sub\\*")).containsExactly(".",
                "..", "deeper");
        assertThat(FindCalls.failure(device + "\\..\\*")).isEqualTo(ERROR_PATH_NOT_FOUND);
        assertThat(FindCalls.failure(device + "\\System Volume Information\\*"))
                .isEqualTo(FindCalls.ERROR_ACCESS_DENIED);
        // A device that does not exist, or that is not named the Win32 way, is not found.
        assertThat(FindCalls.failure(Snapshot.DEVICE_PREFIX + (s.deviceNumber() + 1) + "\\*"))
                .isEqualTo(ERROR_PATH_NOT_FOUND);
        assertThat(FindCalls.failure(Snapshot.DEVICE_PREFIX + "0" + s.deviceNumber() + "\\*"))
                .isEqualTo(ERROR_PATH_NOT_FOUND);
        assertThat(FindCalls.failure("\\Device\\HarddiskVolumeShadowCopy" + s.deviceNumber() + "\\*"))
                .isEqualTo(ERROR_PATH_NOT_FOUND);
        // A shadow copy is read-only.
        assertThat(link(device + "\\new-link", "C:\\top.txt", 0)).isFalse();
        assertThat(Exports.current().lastError()).isEqualTo(19); // ERROR_WRITE_PROTECT
        assertThat(s.directory().resolve("new-link")).doesNotExist();
        machine.snapshotStore().delete(s.id());
    }

    @Test
    void onlyTheWin32DeviceNameIsADevice(SimulatedMachine machine) {
        Snapshot s = machine.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), volume, 0, 1, null);
        int n = s.deviceNumber();
        SnapshotStore store = machine.snapshotStore();
        assertThat(store.deviceDirectory(Snapshot.DEVICE_PREFIX + n)).isEqualTo(s.directory());
        assertThat(store.deviceDirectory("\\\\?\\globalroot\\device\\harddiskvolumeshadowcopy" + n))
                .isEqualTo(s.directory());
        // On Windows \Device\... given to a Win32 function is C:\Device\...; N has no leading zeros.
        assertThat(store.deviceDirectory("\\Device\\HarddiskVolumeShadowCopy" + n)).isNull();
        assertThat(store.deviceDirectory(Snapshot.DEVICE_PREFIX + "0" + n)).isNull();
        assertThat(store.deviceDirectory(Snapshot.DEVICE_PREFIX + n + "\\")).isNull();
        assertThat(store.deviceDirectory(Snapshot.DEVICE_PREFIX + "+" + n)).isNull();
        // So a link to the NT name is a link to C:\Device\..., which does not exist.
        Path nt = temp.resolve("nt");
        assertThat(link(nt.toString(), "\\Device\\HarddiskVolumeShadowCopy" + n + "\\",
                SymbolicLinks.FLAG_DIRECTORY)).isTrue();
        assertThat(Files.exists(nt.resolve("top.txt"))).isFalse();
        assertThat(Files.isSymbolicLink(nt) && Files.exists(nt, LinkOption.NOFOLLOW_LINKS)).isTrue();
        store.delete(s.id());
    }
}
