package org.vss4j.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BackupRead stream format read from bytes, and the java.nio fall-back of a host without Windows. */
class BackupStreamReaderTest {

    private static byte[] streams(BackupStreamHeader... headersThenData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (BackupStreamHeader h : headersThenData) {
            out.writeBytes(h.toBytes());
            byte[] data = new byte[(int) h.size()];
            Arrays.fill(data, (byte) h.id());
            out.writeBytes(data);
        }
        return out.toByteArray();
    }

    @Test
    void headersNamesAndDataAreReadInTheirOrderAndUnreadDataIsSkipped() throws IOException {
        byte[] bytes = streams(new BackupStreamHeader(BackupStreamHeader.BACKUP_DATA, 0, 100_000, ""),
                new BackupStreamHeader(BackupStreamHeader.BACKUP_SECURITY_DATA, 2, 20, ""),
                new BackupStreamHeader(BackupStreamHeader.BACKUP_ALTERNATE_DATA, 0, 3, ":Zone.Identifier:$DATA"));
        try (BackupStreamReader r = BackupStreamReader.of(new ByteArrayInputStream(bytes), "f")) {
            assertThat(r.next()).get().extracting(BackupStreamHeader::kind).isEqualTo("data");
            assertThat(r.next()).get().satisfies(h -> {
                assertThat(h.kind()).isEqualTo("security");
                assertThat(h.attributes()).isEqualTo(BackupStreamHeader.STREAM_CONTAINS_SECURITY);
            });
            assertThat(r.readData(100)).hasSize(20).containsOnly(3);
            assertThat(r.next()).get().extracting(BackupStreamHeader::name).isEqualTo(":Zone.Identifier:$DATA");
            assertThat(r.readData(100)).containsExactly(4, 4, 4);
            assertThat(r.next()).isEmpty();
        }
    }

    @Test
    void aStreamNameWithALoneSurrogateKeepsEveryWchar() throws IOException {
        // ":a" U+D800 ":$DATA", as NTFS may hold it: any WCHARs, not necessarily valid UTF-16.
        char[] name = {':', 'a', '\uD800', ':', '$', 'D', 'A', 'T', 'A'};
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(20 + 2 * name.length + 1)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(BackupStreamHeader.BACKUP_ALTERNATE_DATA).putInt(0).putLong(1).putInt(2 * name.length);
        for (char c : name) {
            b.putChar(c);
        }
        b.put((byte) 7);
        byte[] bytes = b.array();
        try (BackupStreamReader r = BackupStreamReader.of(new ByteArrayInputStream(bytes), "f")) {
            BackupStreamHeader h = r.next().orElseThrow();
            assertThat(h.name()).isEqualTo(new String(name));
            assertThat(h.toBytes()).containsExactly(Arrays.copyOf(bytes, bytes.length - 1));
        }
    }

    @Test
    void bytesThatEndInsideAHeaderOrAStreamAreAnError() {
        byte[] whole = streams(new BackupStreamHeader(BackupStreamHeader.BACKUP_ALTERNATE_DATA, 0, 10, ":s:$DATA"));
        assertThatThrownBy(() -> {
            try (BackupStreamReader r = BackupStreamReader.of(new ByteArrayInputStream(whole, 0, 12), "f")) {
                r.next();
            }
        }).isInstanceOf(EOFException.class).hasMessageContaining("inside a stream header");
        assertThatThrownBy(() -> {
            try (BackupStreamReader r = BackupStreamReader.of(new ByteArrayInputStream(whole, 0, whole.length - 1),
                    "f")) {
                r.next();
                r.readData(100);
            }
        }).isInstanceOf(EOFException.class).hasMessageContaining("inside a stream's data");
    }

    @Test
    void withoutWindowsOrTheSimulatorOnlyJavaNioIsThereAndItSaysSo(@TempDir Path dir) throws IOException {
        // vss-api's tests run on a unit-test stub provider, neither Windows nor vss-native-stubs.
        PrivilegedFileAccess access = PrivilegedFileAccess.current();
        assertThat(access.backupSemantics()).isFalse();
        assertThat(access.description()).startsWith("java.nio only");
        Path f = Files.writeString(dir.resolve("f.txt"), "data");
        try (InputStream in = access.openData(f)) {
            assertThat(new String(in.readAllBytes(), UTF_8)).isEqualTo("data");
        }
        assertThatThrownBy(() -> access.openStreams(f)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> access.enablePrivilege(PrivilegedFileAccess.SE_BACKUP))
                .hasMessageContaining("cannot enable SeBackupPrivilege");
    }
}
