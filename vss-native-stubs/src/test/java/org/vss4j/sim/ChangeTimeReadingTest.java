package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeTimeReadingTest {

    @TempDir
    Path volume;

    @Test
    void givesTheRecordReadOnItsOwnThread() throws IOException {
        Files.writeString(volume.resolve("f"), "x");
        ChangeTimeReading reading = ChangeTimeReading.start(volume, Set.of());

        ChangeTimeRecord r = reading.result();

        assertThat(r.get("f")).isNotNull();
        assertThat(reading.running()).isFalse();
    }

    @Test
    void throwsTheReadingsOwnFailure() {
        ChangeTimeReading reading = ChangeTimeReading.start(volume.resolve("absent"), Set.of());

        assertThatThrownBy(reading::result).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("cannot read the change times of volume");
    }

    @Test
    void aCancelledReadingHasEndedWhenCancelReturns() throws IOException {
        for (int d = 0; d < 50; d++) {
            Path dir = Files.createDirectories(volume.resolve("d" + d));
            for (int f = 0; f < 50; f++) {
                Files.writeString(dir.resolve("f" + f), "x");
            }
        }
        ChangeTimeReading reading = ChangeTimeReading.start(volume, Set.of());

        reading.cancel();

        assertThat(reading.running()).isFalse();
        assertThatThrownBy(reading::result).isInstanceOf(IllegalStateException.class).hasMessageContaining("cancelled");
    }
}
