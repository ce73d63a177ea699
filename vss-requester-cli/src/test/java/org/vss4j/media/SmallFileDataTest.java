package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.BackupType;
import org.vss4j.session.BackupSession;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.WithSimulatedMachine;

/**
 * A file is opened once for its backup: a small file's data is taken from BackupRead's data stream (no ReadFile), a
 * larger one's is read with ReadFile on a handle of its own; both are stored whole and verify.
 */
@WithSimulatedMachine
class SmallFileDataTest {

    @Test
    void aSmallFilesDataComesFromBackupReadALargerOnesFromReadFile(SimulatedMachine machine, @TempDir Path disk,
            @TempDir Path media, @TempDir Path target) throws IOException {
        Files.createDirectories(disk.resolve("data"));
        Files.writeString(disk.resolve("data/small.txt"), "small");
        byte[] large = new byte[SessionBackupSet.SMALL_DATA + 1];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31);
        }
        Files.write(disk.resolve("data/large.bin"), large);
        machine.addVolume(disk, "D:\\");

        BackupSetInfo written;
        try (BackupSession session = BackupSession.builder().withoutWriters().directories("D:\\data")
                .type(BackupType.COPY).phaseTimeout(Duration.ofMinutes(1)).start()) {
            machine.faults().recordCalls();
            written = SessionBackupSet.backUp(session, media, new BackupSetRequest("set-1", List.of("D:\\data"),
                    null));
        }

        List<String> calls = machine.faults().callLog();
        // The large file's data: one full buffer, the last byte, then the end; the small one's none.
        assertThat(calls.stream().filter("ReadFile"::equals).count()).isEqualTo(3);
        assertThat(written.state()).isEqualTo("complete");
        BackupSetReader reader = BackupSetReader.open(media);
        assertThat(reader.verify("set-1").problems()).isEmpty();
        reader.restore("set-1", target, List.of(), false);
        assertThat(Files.readString(target.resolve("D/data/small.txt"))).isEqualTo("small");
        assertThat(Files.readAllBytes(target.resolve("D/data/large.bin"))).isEqualTo(large);
    }
}
