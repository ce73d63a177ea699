package org.vss4j.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vss4j.session.UnresolvablePathException.Reason;

/** Which paths the session resolves, in which canonical form, and why the others are refused. */
class WindowsPathTest {

    private static final String GUID = "\\\\?\\Volume{0b8e2f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b}\\";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "C:\\Data\\db         | C:\\Data\\db",
        "c:/Data//db/         | C:\\Data\\db",
        "C:\\a\\.\\b\\..\\c   | C:\\a\\c",
        "C:\\a\\..\\x         | C:\\x",
        "\\\\?\\d:\\Data      | D:\\Data",
        "C:\\                 | C:\\",
    })
    void drivePathsAreCanonicalised(String path, String canonical) {
        assertThat(WindowsPath.parse(path).canonical()).isEqualTo(canonical);
    }

    @Test
    void volumeGuidPathsKeepTheirRootAndTakeNamesLiterally() {
        WindowsPath p = WindowsPath.parse("\\\\?\\Volume{0B8E2F3A-1C2D-4E5F-8A9B-0C1D2E3F4A5B}\\Logs\\a.b");
        assertThat(p.root()).isEqualTo(GUID);
        assertThat(p.canonical()).isEqualTo(GUID + "Logs\\a.b");
        assertThat(WindowsPath.parse(GUID.substring(0, GUID.length() - 1)).canonical()).isEqualTo(GUID);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$AllVolumes$\\System Volume Information  | ALL_VOLUMES",
        "$allvolumes$/x                           | ALL_VOLUMES",
        "$UserProfile$\\AppData\\Local\\Temp      | USER_PROFILES",
        "\\Device\\HarddiskVolume3\\Data          | NT_NAMESPACE",
        "\\??\\C:\\Data                           | NT_NAMESPACE",
        "\\DosDevices\\C:\\Data                   | NT_NAMESPACE",
        "\\Data\\db                               | NO_DRIVE",
        "/tmp/vss4j/volume/db                     | NO_DRIVE",
        "C:Data                                   | DRIVE_RELATIVE",
        "C:                                       | DRIVE_RELATIVE",
        "Data\\db                                 | RELATIVE",
        "..\\db                                   | RELATIVE",
        "%SystemRoot%\\x                          | RELATIVE",
        "\\\\server\\share\\db                    | UNC",
        "\\\\?\\UNC\\server\\share                | UNC",
        "\\\\.\\C:\\Data                          | DEVICE_NAMESPACE",
        "\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1\\x | DEVICE_NAMESPACE",
        "C:\\Data\\a*b                            | INVALID_NAME",
        "1:\\Data                                 | INVALID_NAME",
        "C:\\..\\x                                | ABOVE_ROOT",
        "C:\\app\\..\\..\\Windows                 | ABOVE_ROOT",
        "\\\\?\\C:\\app\\..\\x                     | LITERAL_DOTS",
        "\\\\?\\C:\\.\\x                          | LITERAL_DOTS",
    })
    void whatIsNotAnAbsoluteWin32PathIsRefusedWithItsReason(String path, Reason reason) {
        assertThatThrownBy(() -> WindowsPath.parse(path)).isInstanceOfSatisfying(UnresolvablePathException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.getMessage()).contains("'" + path + "'", reason.why(), reason.todo());
                });
    }

    @Test
    void theRestBelowAMountPointIsFoundByNamesWithoutCaseNeverByLength() {
        WindowsPath p = WindowsPath.parse("C:\\MNT\\Data\\logs\\a.log");
        assertThat(p.below("c:\\mnt\\data\\")).contains("logs\\a.log");
        assertThat(p.below("C:\\")).contains("MNT\\Data\\logs\\a.log");
        assertThat(p.below("C:\\mnt\\dat\\")).isEmpty();
        assertThat(p.below("D:\\")).isEmpty();
        assertThat(p.below(GUID)).isEmpty();
        assertThat(WindowsPath.parse("C:\\mnt").below("C:\\mnt\\data\\")).isEmpty();
    }

    @Test
    void allVolumesExclusionsKeepTheirPathBelowEveryRoot() {
        assertThat(WindowsPath.belowAllVolumes("$AllVolumes$\\System Volume Information"))
                .contains("System Volume Information");
        assertThat(WindowsPath.belowAllVolumes("$AllVolumes$\\a\\..\\b\\")).contains("b");
        assertThat(WindowsPath.belowAllVolumes("$AllVolumes$")).contains("");
        assertThat(WindowsPath.belowAllVolumes("C:\\$AllVolumes$")).isEmpty();
        assertThat(WindowsPath.belowAllVolumes("$AllVolumesX\\a")).isEmpty();
    }
}
