package org.vss4j.sim.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * GetLongPathNameW as the binding calls it, through the export seam: identity for names that exist (the simulated
 * volumes have no 8.3 names), the documented buffer protocol, and the failures Windows gives for names that do not.
 */
@ExtendWith(VssSimulatorExtension.class)
class LongPathNamesTest {

    private static final int MAX = 1024;

    @TempDir
    Path temp;

    @BeforeEach
    void setUp(SimulatedMachine machine) throws IOException {
        Path c = Files.createDirectories(temp.resolve("c"));
        machine.addVolume(c, "C:\\");
        Files.createDirectories(c.resolve("Users").resolve("runneradmin").resolve("AppData"));
        // On a volume without short names, a name with a tilde is a long name like any other.
        Files.createDirectories(c.resolve("RUNNER~1"));
        Files.writeString(c.resolve("Users").resolve("notes.txt"), "x");
    }

    /** The answer of GetLongPathNameW with a buffer of {@code chars}, or "error N". */
    private static String longPathName(String path, int chars) {
        Memory out = new Memory(2L * MAX);
        out.clear();
        int n = Exports.current().getLongPathName(Utf16.toNative(path), out, chars);
        if (n == 0) {
            return "error " + Exports.current().lastError();
        }
        return n < chars ? Utf16.read(out) + " (" + n + ")" : "needs " + n;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "C:\\Users\\runneradmin\\AppData",
        "c:\\Users\\runneradmin",
        "C:\\RUNNER~1",
        "C:\\Users\\notes.txt",
        "C:\\",
        "C:\\Users\\",
        "\\\\?\\C:\\Users\\runneradmin",
    })
    void anExistingNameIsItsOwnLongForm(String path) {
        assertThat(longPathName(path, MAX)).isEqualTo(path + " (" + path.length() + ")");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "C:\\Users\\runneradmin\\missing             | 2",
        "C:\\Users\\notes.txt.bak                    | 2",
        "C:\\Users\\missing\\AppData                 | 3",
        "C:\\Users\\notes.txt\\below                 | 3",
        "Q:\\Users                                    | 3",
        "Users\\runneradmin                           | 3",
        "\\\\server\\share\\x                        | 3",
        "\\\\?\\C:\\Users\\a/b                       | 123",
    })
    void aNameThatDoesNotExistFails(String path, int error) {
        assertThat(longPathName(path, MAX)).isEqualTo("error " + error);
    }

    @Test
    void aNullOrEmptyNameFailsAsOnWindows() {
        assertThat(Exports.current().getLongPathName(Pointer.NULL, Pointer.NULL, 0)).isZero();
        assertThat(Exports.current().lastError()).isEqualTo(Win32Error.ERROR_INVALID_PARAMETER);
        assertThat(longPathName("", MAX)).isEqualTo("error " + Win32Error.ERROR_PATH_NOT_FOUND);
    }

    @Test
    void aBufferTooSmallGetsTheSizeNeededWithTheNulAndIsLeftAlone() {
        String path = "C:\\Users\\runneradmin";
        assertThat(Exports.current().getLongPathName(Utf16.toNative(path), Pointer.NULL, 0))
                .isEqualTo(path.length() + 1);
        Memory out = new Memory(2L * MAX);
        out.clear();
        assertThat(Exports.current().getLongPathName(Utf16.toNative(path), out, path.length()))
                .isEqualTo(path.length() + 1);
        assertThat(Utf16.read(out)).isEmpty();
        assertThat(Exports.current().getLongPathName(Utf16.toNative(path), out, path.length() + 1))
                .isEqualTo(path.length());
        assertThat(Utf16.read(out)).isEqualTo(path);
    }

    @Test
    void theSameBufferMayHoldTheNameAndTheAnswer() {
        String path = "C:\\Users\\runneradmin\\AppData";
        Memory buffer = new Memory(2L * MAX);
        Utf16.write(buffer, path);
        assertThat(Exports.current().getLongPathName(buffer, buffer, MAX)).isEqualTo(path.length());
        assertThat(Utf16.read(buffer)).isEqualTo(path);
    }

    @Test
    void aNullBufferWithASizeIsRecordedAsMisuse(@TempDir Path other) throws IOException {
        Path dir = Files.createDirectories(other.resolve("d"));
        int[] answer = new int[2];
        // On a machine of its own, so the recorded misuse does not fail this test.
        SimulatedMachine m = SimulatedMachine.create();
        SimulatedMachine previous = SimulatedMachine.install(m);
        try {
            m.addVolume(dir, "D:\\");
            answer[0] = Exports.current().getLongPathName(Utf16.toNative("D:\\"), Pointer.NULL, MAX);
            answer[1] = Exports.current().lastError();
        } finally {
            SimulatedMachine.install(previous);
            m.close();
        }
        assertThat(answer).containsExactly(0, Win32Error.ERROR_INVALID_PARAMETER);
        assertThat(m.leakReport().errors()).singleElement().asString().contains("GetLongPathNameW with a NULL buffer");
    }
}
