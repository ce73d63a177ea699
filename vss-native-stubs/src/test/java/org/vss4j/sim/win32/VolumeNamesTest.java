package org.vss4j.sim.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
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
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * GetVolumePathNameW and GetVolumeNameForVolumeMountPointW as the binding calls them: through the export seam, with
 * UTF-16 buffers, failures read from the last error. Expected answers follow Microsoft's pages of both functions and
 * what Wine's kernel32 conformance tests observe on Windows.
 */
@ExtendWith(VssSimulatorExtension.class)
class VolumeNamesTest {

    private static final int MAX = 1024;

    @TempDir
    Path temp;

    Volume c;
    Volume data;
    Volume logs;

    @BeforeEach
    void setUp(SimulatedMachine machine) throws IOException {
        c = machine.addVolume(Files.createDirectories(temp.resolve("c")), "C:\\");
        Files.createDirectories(temp.resolve("c").resolve("mnt").resolve("data"));
        Files.createDirectories(temp.resolve("c").resolve("Windows"));
        data = machine.addVolume(Files.createDirectories(temp.resolve("data")), "C:\\mnt\\data\\");
        // Mounted inside the other mounted volume, and named through that volume's GUID path.
        logs = machine.addVolume(Files.createDirectories(temp.resolve("logs")), "C:\\mnt\\data\\logs\\");
    }

    /** The answer of GetVolumePathNameW, or "error N". */
    private static String volumePathName(String path, int chars) {
        Memory out = new Memory(2L * MAX);
        out.clear();
        boolean ok = Exports.current().getVolumePathName(Utf16.toNative(path), out, chars);
        return ok ? Utf16.read(out) : "error " + Exports.current().lastError();
    }

    private static String volumeName(String mountPoint, int chars) {
        Memory out = new Memory(2L * MAX);
        out.clear();
        boolean ok = Exports.current().getVolumeNameForVolumeMountPoint(Utf16.toNative(mountPoint), out, chars);
        return ok ? Utf16.read(out) : "error " + Exports.current().lastError();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "C:\\Windows\\system32                 | C:\\",
        "c:\\                                  | C:\\",
        "C:/Windows/system32                   | C:\\",
        "C:\\Windows\\AnInvalidFolder\\x.txt   | C:\\",
        "C:\\mnt\\data\\db\\main.mdf           | C:\\mnt\\data\\",
        "C:\\MNT\\Data                         | C:\\MNT\\Data\\",
        "C:\\mnt\\data\\logs\\2024\\a.log      | C:\\mnt\\data\\logs\\",
        "C:\\mnt\\x\\..\\data\\db              | C:\\mnt\\data\\",
        "C:\\mnt\\database                     | C:\\",
        "C:\\mnt                               | C:\\",
        "\\\\?\\C:\\AnInvalidFolder            | \\\\?\\C:\\",
        "\\\\?\\c:\\mnt\\data\\x               | \\\\?\\c:\\mnt\\data\\",
        "C:ABC:DEF:\\AnInvalidFolder           | C:\\",
    })
    void aPathIsSplitAtItsDeepestMountPoint(String path, String mountPoint) {
        assertThat(volumePathName(path, MAX)).isEqualTo(mountPoint);
    }

    @Test
    void volumeGuidPathsAreAnsweredInTheirOwnFormMountedFoldersIncluded() {
        String g = c.guidName();
        assertThat(volumePathName(g + "Windows\\notepad.exe", MAX)).isEqualTo(g);
        assertThat(volumePathName(g + "mnt\\data\\logs\\a.log", MAX)).isEqualTo(g + "mnt\\data\\logs\\");
        assertThat(volumePathName(data.guidName() + "logs\\a.log", MAX)).isEqualTo(data.guidName() + "logs\\");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Windows\\system32",
        "relative/path",
        "somefile:def",
        "InvalidDrive:\\AnInvalidFolder",
        "\\Windows",
        "\\Device\\HarddiskVolume7\\Data",
        "\\??\\M:\\NonExistent",
        "$AllVolumes$\\System Volume Information",
        "/tmp/vss4j/data/file.txt",
    })
    void namesWithoutAVolumeQualifierGetTheBootVolume(String path) {
        // "If you specify a relative directory or file name without a volume qualifier, GetVolumePathName returns the
        // drive letter of the boot volume." NT namespace names too; a host path is \tmp\... to Windows.
        assertThat(volumePathName(path, MAX)).isEqualTo("C:\\");
    }

    @Test
    void theBootVolumeIsSettable(SimulatedMachine machine, @TempDir Path other) {
        Volume d = machine.addVolume(other, "D:\\");
        machine.setBootVolume(d);
        assertThat(volumePathName("Windows", MAX)).isEqualTo("D:\\");
        machine.setBootVolume(null);
        machine.environment().set("SystemDrive", "D:");
        assertThat(volumePathName("Windows", MAX)).isEqualTo("D:\\");
    }

    @Test
    void withoutABootVolumeUnqualifiedNamesFail(SimulatedMachine machine) {
        machine.environment().set("SystemDrive", "Q:");
        assertThat(volumePathName("Windows", MAX)).isEqualTo("error " + Win32Error.ERROR_PATH_NOT_FOUND);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "M:\\Data                                              | 2",
        "M::                                                   | 2",
        "?:ABC:DEF:\\AnInvalidFolder                           | 2",
        "\\\\?\\Volume{00000000-0000-0000-0000-000000000000}\\x | 123",
        "\\\\?\\InvalidDrive:\\AnInvalidFolder                 | 123",
        "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1\\ | 123",
        "\\\\$$$                                               | 123",
        "\\\\server\\share\\file.txt                           | 53",
        "\\\\?\\UNC\\server\\share\\file.txt                   | 53",
    })
    void namesOfNoVolumeHereFail(String path, int error) {
        assertThat(volumePathName(path, MAX)).isEqualTo("error " + error);
    }

    @Test
    void theEmptyNameFailsWithErrorSuccess() {
        LastError.set(Win32Error.ERROR_INVALID_HANDLE);
        assertThat(volumePathName("", MAX)).isEqualTo("error " + Win32Error.ERROR_SUCCESS);
    }

    @Test
    void theBufferMustHoldTheAnswerOneShortDropsTheTrailingBackslash() {
        assertThat(volumePathName("C:\\", 0)).isEqualTo("error " + Win32Error.ERROR_INVALID_PARAMETER);
        assertThat(volumePathName("C:\\", 1)).isEqualTo("error " + Win32Error.ERROR_FILENAME_EXCED_RANGE);
        assertThat(volumePathName("C:\\", 2)).isEqualTo("error " + Win32Error.ERROR_FILENAME_EXCED_RANGE);
        assertThat(volumePathName("C:\\", 3)).isEqualTo("C:");
        assertThat(volumePathName("C:\\", 4)).isEqualTo("C:\\");
        assertThat(volumePathName("\\\\?\\C:\\AnInvalidFolder", 6))
                .isEqualTo("error " + Win32Error.ERROR_FILENAME_EXCED_RANGE);
        assertThat(volumePathName("\\\\?\\C:\\AnInvalidFolder", 7)).isEqualTo("\\\\?\\C:");
    }

    @Test
    void nothingIsWrittenPastTheBuffer() {
        Memory out = new Memory(16);
        out.setShort(8, (short) 0x11);
        boolean ok = Exports.current().getVolumePathName(Utf16.toNative("C:\\Windows"), out, 4);
        assertThat(ok).isTrue();
        assertThat(Utf16.read(out)).isEqualTo("C:\\");
        assertThat(out.getShort(8)).isEqualTo((short) 0x11);
    }

    @Test
    void mountPointsGiveTheVolumeGuidPathOfTheVolumeMountedThere() {
        assertThat(volumeName("C:\\", 50)).isEqualTo(c.guidName());
        assertThat(volumeName("c:\\", 50)).isEqualTo(c.guidName());
        assertThat(volumeName("\\\\?\\C:\\", 50)).isEqualTo(c.guidName());
        assertThat(volumeName("C:\\mnt\\data\\", 50)).isEqualTo(data.guidName());
        assertThat(volumeName("C:\\MNT\\DATA\\LOGS\\", 50)).isEqualTo(logs.guidName());
        assertThat(volumeName(c.guidName() + "mnt\\data\\", 50)).isEqualTo(data.guidName());
        assertThat(volumeName(data.guidName(), 50)).isEqualTo(data.guidName());
        assertThat(c.guidName()).hasSize(49).startsWith("\\\\?\\Volume{").endsWith("}\\");
    }

    @Test
    void theTrailingBackslashIsRequired() {
        assertThat(volumeName("C:", 50)).isEqualTo("error " + Win32Error.ERROR_INVALID_NAME);
        assertThat(volumeName("C:\\mnt\\data", 50)).isEqualTo("error " + Win32Error.ERROR_INVALID_NAME);
        assertThat(volumeName(data.guidName().substring(0, 48), 50))
                .isEqualTo("error " + Win32Error.ERROR_INVALID_NAME);
    }

    @Test
    void namesThatAreNoMountPointFail() {
        assertThat(volumeName("C:\\Windows\\", 50)).isEqualTo("error " + Win32Error.ERROR_NOT_A_REPARSE_POINT);
        assertThat(volumeName("C:\\mnt\\", 50)).isEqualTo("error " + Win32Error.ERROR_NOT_A_REPARSE_POINT);
        assertThat(volumeName("C:\\nowhere\\", 50)).isEqualTo("error " + Win32Error.ERROR_FILE_NOT_FOUND);
        assertThat(volumeName("M:\\", 50)).isEqualTo("error " + Win32Error.ERROR_FILE_NOT_FOUND);
        assertThat(volumeName("\\\\?\\Volume{00000000-0000-0000-0000-000000000000}\\", 50))
                .isEqualTo("error " + Win32Error.ERROR_INVALID_NAME);
        assertThat(volumeName("Windows\\", 50)).isEqualTo("error " + Win32Error.ERROR_INVALID_NAME);
        assertThat(volumeName("\\\\server\\share\\", 50)).isEqualTo("error " + Win32Error.ERROR_BAD_NETPATH);
    }

    @Test
    void theVolumeNameNeedsFiftyCharacters() {
        assertThat(volumeName("C:\\", 0)).isEqualTo("error " + Win32Error.ERROR_INVALID_PARAMETER);
        assertThat(volumeName("C:\\", 10)).isEqualTo("error " + Win32Error.ERROR_FILENAME_EXCED_RANGE);
        assertThat(volumeName("C:\\", 49)).isEqualTo("error " + Win32Error.ERROR_FILENAME_EXCED_RANGE);
    }

    @Test
    void aPlannedWin32FaultFailsTheCallWithItsError(SimulatedMachine machine) {
        machine.faults().failWin32OnCall(NativeExport.GetVolumePathNameW, 1, Win32Error.ERROR_ACCESS_DENIED);
        assertThat(volumePathName("C:\\Windows", MAX)).isEqualTo("error " + Win32Error.ERROR_ACCESS_DENIED);
        assertThat(volumePathName("C:\\Windows", MAX)).isEqualTo("C:\\");
    }
}
