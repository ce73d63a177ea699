package org.vss4j.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Win32Error;
import org.vss4j.session.ResolvedPath;
import org.vss4j.session.UnresolvablePathException;
import org.vss4j.session.UnresolvablePathException.Reason;
import org.vss4j.session.VolumeResolver;
import org.vss4j.session.WindowsVolumeResolver;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * The Windows resolver, on the simulator's kernel32: the code path real Windows runs. Unqualified and NT namespace
 * names, which GetVolumePathNameW answers with the boot volume, are refused before the call; the rest of a path is
 * found by comparing names, never cut by the mount point's length.
 */
@ExtendWith(VssSimulatorExtension.class)
class WindowsVolumeResolverTest {

    @TempDir
    Path temp;

    Volume c;
    Volume data;
    VolumeResolver resolver;

    @BeforeEach
    void setUp(SimulatedMachine machine) throws IOException {
        c = machine.addVolume(Files.createDirectories(temp.resolve("c")), "C:\\");
        data = machine.addVolume(Files.createDirectories(temp.resolve("data")), "C:\\mnt\\data\\");
        resolver = VolumeResolver.forCurrentProvider();
    }

    @Test
    void theSessionUsesTheWindowsResolverOnTheSimulatorToo() {
        assertThat(resolver).isInstanceOf(WindowsVolumeResolver.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "C:\\Windows\\system32\\config     | C:\\              | c    | Windows\\system32\\config",
        "c:/windows/                       | C:\\              | c    | windows",
        "C:\\mnt\\data\\db\\main.mdf       | C:\\mnt\\data\\    | data | db\\main.mdf",
        "C:\\MNT\\DATA\\db                 | C:\\MNT\\DATA\\    | data | db",
        "C:\\mnt\\x\\..\\data\\db          | C:\\mnt\\data\\    | data | db",
        "C:\\mnt\\database\\x              | C:\\              | c    | mnt\\database\\x",
        "\\\\?\\C:\\mnt\\data\\db          | C:\\mnt\\data\\    | data | db",
    })
    void absolutePathsAreSplitAtTheirMountPoint(String path, String volumeName, String volume, String relative) {
        ResolvedPath r = resolver.resolve(path);
        assertThat(r.volumeName()).isEqualTo(volumeName);
        assertThat(r.volumeId()).isEqualTo((volume.equals("c") ? c : data).guidName());
        assertThat(r.relativePath()).isEqualTo(relative);
    }

    @Test
    void volumeGuidPathsResolveToThemselves() {
        ResolvedPath r = resolver.resolve(data.guidName().toUpperCase() + "db\\x");
        assertThat(r.volumeName()).isEqualTo(data.guidName());
        assertThat(r.volumeId()).isEqualTo(data.guidName());
        assertThat(r.relativePath()).isEqualTo("db\\x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$AllVolumes$\\System Volume Information | ALL_VOLUMES",
        "\\Device\\HarddiskVolume2\\Data         | NT_NAMESPACE",
        "\\??\\C:\\Data                          | NT_NAMESPACE",
        "Data\\db                                | RELATIVE",
        "C:Data                                  | DRIVE_RELATIVE",
        "\\Data                                  | NO_DRIVE",
        "/tmp/host/dir                           | NO_DRIVE",
        "\\\\server\\share\\Data                 | UNC",
    })
    void whatGetVolumePathNameWouldPutOnTheBootVolumeIsRefused(String path, Reason reason) {
        // GetVolumePathNameW itself answers C:\ for all of these (VolumeNamesTest); the old resolver then cut the
        // path by 3 characters: "$AllVolumes$\System Volume Information" became "llVolumes$\System Volume ...".
        assertThatThrownBy(() -> resolver.resolve(path)).isInstanceOfSatisfying(UnresolvablePathException.class,
                e -> assertThat(e.reason()).isEqualTo(reason)).hasMessageContaining("'" + path + "'");
    }

    /**
     * Win32 stops a {@code ..} at the root ({@code C:\..\x} is {@code C:\x}) and takes {@code ..} literally after
     * {@code \\?\}; either way the path does not name what it says, so it is refused with its reason rather than
     * read somewhere else (before, the second was "on no volume", which the session passes over at DEBUG).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "C:\\..\\..\\etc\\passwd         | ABOVE_ROOT",
        "C:\\mnt\\data\\..\\..\\..\\x     | ABOVE_ROOT",
        "\\\\?\\C:\\Data\\..\\..\\x      | LITERAL_DOTS",
        "\\\\?\\C:\\mnt\\data\\.\\db      | LITERAL_DOTS",
    })
    void aDotDotAboveTheRootOrAfterTheExtendedPrefixIsRefusedNotClamped(String path, Reason reason) {
        assertThatThrownBy(() -> resolver.resolve(path)).isInstanceOfSatisfying(UnresolvablePathException.class,
                e -> assertThat(e.reason()).isEqualTo(reason)).hasMessageContaining("'" + path + "'");
    }

    @Test
    void aDriveWithNoVolumeFailsNamingTheWin32Error() {
        assertThatThrownBy(() -> resolver.resolve("M:\\Data")).isInstanceOfSatisfying(
                UnresolvablePathException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_VOLUME))
                .hasMessageContaining("GetVolumePathNameW(M:\\Data) failed with Win32 error 2 (ERROR_FILE_NOT_FOUND)");
    }

    @Test
    void aMountPointWithoutVolumeNameFailsInsteadOfStandingInForOne(SimulatedMachine machine) {
        machine.faults().failWin32OnCall(NativeExport.GetVolumeNameForVolumeMountPointW, 1,
                Win32Error.ERROR_INVALID_PARAMETER);
        assertThatThrownBy(() -> resolver.resolve("C:\\Data")).isInstanceOfSatisfying(
                UnresolvablePathException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_VOLUME))
                .hasMessageContaining("C:\\ is not the mount point of a local volume")
                .hasMessageContaining("ERROR_INVALID_PARAMETER");
    }

    @Test
    void aVolumeLookupThatFailsForAnotherReasonIsNotTakenForAMissingVolume(SimulatedMachine machine) {
        // Access denied is no "no volume here", which the session would pass over quietly.
        machine.faults().failWin32OnCall(NativeExport.GetVolumePathNameW, 1, Win32Error.ERROR_ACCESS_DENIED);
        assertThatThrownBy(() -> resolver.resolve("C:\\Data")).isInstanceOfSatisfying(
                UnresolvablePathException.class, e -> assertThat(e.reason()).isEqualTo(Reason.VOLUME_LOOKUP_FAILED))
                .hasMessageContaining("ERROR_ACCESS_DENIED");
    }
}
