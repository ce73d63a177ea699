package org.vss4j.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The naming rules of Microsoft docs, "Naming Files, Paths, and Namespaces", for one name: what no Windows file can be
 * called, and what NTFS holds but a Win32 path cannot reach.
 */
class WindowsNamesTest {

    @Test
    void reservedCharactersAndControlCharactersMakeANameNoWindowsFileCanHave() {
        for (String bad : new String[] {"a\\b", "a/b", "c:d", "a*", "a?", "\"q\"", "<", ">", "|", "nul\u0000x", "\u001f",
            ""}) {
            assertThat(WindowsNames.problem(bad)).as(bad).isNotNull();
        }
        assertThat(WindowsNames.problem("a\tb")).contains("the control character U+0009");
        for (String good : new String[] {"a", "a.txt", "a b", ".hidden", "CON", "a.", "b "}) {
            assertThat(WindowsNames.problem(good)).as(good).isNull();
        }
    }

    @Test
    void aFileSpecMayHoldWildcardsButNoDirectoryDriveOrPipe() {
        for (char c : "<>\"?*".toCharArray()) {
            assertThat(WindowsNames.isReservedInFileSpec(c)).as(String.valueOf(c)).isFalse();
        }
        for (char c : "\\/:|\u0000\u0001\u001f".toCharArray()) {
            assertThat(WindowsNames.isReservedInFileSpec(c)).as(String.format("U+%04X", (int) c)).isTrue();
        }
    }

    @Test
    void aTrailingSpaceOrPeriodIsStrippedByAWin32Path() {
        assertThat(WindowsNames.win32Problem("a.")).contains("ends in a period", "names 'a' instead");
        assertThat(WindowsNames.win32Problem("b ")).contains("ends in a space", "names 'b' instead");
        assertThat(WindowsNames.win32Problem("c. .")).contains("names 'c' instead");
        assertThat(WindowsNames.win32Problem("dir.")).contains("Naming Files, Paths, and Namespaces");
    }

    @Test
    void deviceNamesInAnyCaseAndBeforeAnExtensionAreOpenedAsTheDevice() {
        String[][] cases = {{"CON", "CON"}, {"con", "CON"}, {"Prn", "PRN"}, {"AUX", "AUX"}, {"nul", "NUL"},
            {"nul.txt", "NUL"}, {"NUL.tar.gz", "NUL"}, {"aux .txt", "AUX"}, {"COM1", "COM1"}, {"com9.log", "COM9"},
            {"LPT1", "LPT1"}, {"lpt9", "LPT9"}, {"COM\u00b9", "COM\u00b9"}, {"LPT\u00b3.txt", "LPT\u00b3"}};
        for (String[] c : cases) {
            assertThat(WindowsNames.deviceName(c[0])).as(c[0]).isEqualTo(c[1]);
            assertThat(WindowsNames.win32Problem(c[0])).as(c[0]).contains("reserved device name " + c[1]);
        }
    }

    @Test
    void namesThatOnlyLookLikeDevicesAreReachable() {
        for (String name : new String[] {"CONSOLE", "com10", "COM0", "LPT0x", "nul_", "a.con", "xnul.txt", "COMA",
            "AUXX.txt", ".nul", "a"}) {
            assertThat(WindowsNames.win32Problem(name)).as(name).isNull();
        }
    }
}
