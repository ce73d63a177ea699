package org.vss4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** REG_MULTI_SZ data read by its size: terminated as the registry should hold it, or not. */
class FilesNotToSnapshotTest {

    private static Memory utf16(String s) {
        byte[] chars = s.getBytes(StandardCharsets.UTF_16LE);
        Memory m = new Memory(chars.length);
        m.write(0, chars, 0, chars.length);
        return m;
    }

    @Test
    void properlyTerminatedDataEndsAtTheEmptyString() {
        Memory m = utf16("a\0bc\0\0");
        assertThat(FilesNotToSnapshot.strings(m, (int) m.size())).containsExactly("a", "bc");
    }

    @Test
    void aLastStringWithoutItsNulStillCounts() {
        Memory m = utf16("a\0bc");
        assertThat(FilesNotToSnapshot.strings(m, (int) m.size())).containsExactly("a", "bc");
    }

    @Test
    void aRegSzValueIsOneString() {
        Memory m = utf16("C:\\x\\*.tmp\0");
        assertThat(FilesNotToSnapshot.strings(m, (int) m.size())).containsExactly("C:\\x\\*.tmp");
        assertThat(FilesNotToSnapshot.strings(m, 0)).isEmpty();
    }
}
