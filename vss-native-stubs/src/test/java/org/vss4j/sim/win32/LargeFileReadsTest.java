package org.vss4j.sim.win32;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.com.Exports;
import org.vss4j.files.Win32PrivilegedFileAccess;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.Volume;
import org.vss4j.sim.VssSimulatorExtension;

/**
 * The data of a large file through {@link Win32PrivilegedFileAccess#openData}: the first {@code ReadFile} takes
 * 64 KiB, and once a read filled that, the next ones take up to 1 MiB each, so a multi-GiB file costs a few thousand
 * calls, not tens of thousands; the bytes are the file's, in order.
 */
@ExtendWith(VssSimulatorExtension.class)
class LargeFileReadsTest {

    @Test
    void readsGrowToOneMebibyteOnceTheFirstBufferWasFilled(SimulatedMachine machine, @TempDir Path temp)
            throws IOException {
        Path d = Files.createDirectories(temp.resolve("d"));
        byte[] content = new byte[(3 << 20) + 5];
        new Random(7).nextBytes(content);
        Files.write(d.resolve("big.bin"), content);
        Files.write(d.resolve("small.bin"), new byte[100]);
        Volume volume = machine.addVolume(d, "D:\\");
        Path copy = machine.snapshotStore().create(UUID.randomUUID(), UUID.randomUUID(), volume, 0, 1, null)
                .directory();
        Win32PrivilegedFileAccess access = new Win32PrivilegedFileAccess(Exports.current());

        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] b = new byte[2 << 20];
        try (InputStream in = access.openData(copy.resolve("big.bin"))) {
            assertThat(in.read(b, 0, b.length)).isEqualTo(64 * 1024);
            read.write(b, 0, 64 * 1024);
            assertThat(in.read(b, 0, b.length)).isEqualTo(1 << 20);
            read.write(b, 0, 1 << 20);
            for (int n; (n = in.read(b, 0, b.length)) >= 0; ) {
                assertThat(n).isLessThanOrEqualTo(1 << 20);
                read.write(b, 0, n);
            }
        }
        assertThat(read.toByteArray()).isEqualTo(content);
        try (InputStream in = access.openData(copy.resolve("small.bin"))) {
            assertThat(in.read(b, 0, b.length)).isEqualTo(100);
            assertThat(in.read(b, 0, b.length)).isEqualTo(-1);
        }
    }
}
