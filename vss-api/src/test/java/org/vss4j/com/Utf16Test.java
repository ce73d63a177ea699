package org.vss4j.com;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf16Test {

    @ParameterizedTest
    @ValueSource(strings = {"", "C:\\", "\\\\?\\Volume{0b1c2d3e-0000-0000-0000-100000000000}\\", "Sauvegarde été",
        "日本語のボリューム", "emoji \uD83D\uDCBE disk", "\uD801\uDC37 Deseret"})
    void roundTripsThroughNativeMemoryAsUtf16Le(String s) {
        Memory m = Utf16.toNative(s);
        assertThat(Utf16.read(m)).isEqualTo(s);
        // Two bytes per UTF-16 code unit plus the terminator: never the host's 4-byte wchar_t.
        assertThat(m.size()).isEqualTo(2L * s.length() + 2);
        assertThat(m.getShort(2L * s.length())).isZero();
    }

    @Test
    void writesLittleEndianCodeUnits() {
        Memory m = Utf16.toNative("A\u00e9\uD83D\uDCBE");
        assertThat(m.getByteArray(0, 10)).containsExactly(0x41, 0x00, 0xE9, 0x00, 0x3D, 0xD8, 0xBE, 0xDC, 0, 0);
    }

    @Test
    void readsNullAsNull() {
        assertThat(Utf16.read(null)).isNull();
        assertThat(Utf16.toNative(null)).isNull();
    }

    @Test
    void readsAGivenNumberOfUnitsIncludingEmbeddedNuls() {
        Memory m = new Memory(8);
        m.write(0, new byte[] {'a', 0, 0, 0, 'b', 0, 0, 0}, 0, 8);
        assertThat(Utf16.read(m, 3)).isEqualTo("a\u0000b");
        // As Windows reads a wide string: up to its first NUL.
        assertThat(Utf16.read(m)).isEqualTo("a");
    }

    /**
     * A wide string ends at its first NUL, so Windows would read a Java string holding one as a shorter name without
     * an error: refused before native code, naming the parameter.
     */
    @Test
    void aStringWithANulIsRefusedBeforeItReachesWindows() {
        assertThatThrownBy(() -> Utf16.toNative("volumeName", "C:\\\u0000D:\\"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("volumeName holds a NUL character at index 3")
                .hasMessageContaining("would see only \"C:\\\"");
        assertThatThrownBy(() -> Utf16.toNative("a\u0000")).isInstanceOf(IllegalArgumentException.class);
    }
}
