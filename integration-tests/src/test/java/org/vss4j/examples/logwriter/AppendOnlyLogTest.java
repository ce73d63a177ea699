package org.vss4j.examples.logwriter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example store on its own: what the writer relies on. */
class AppendOnlyLogTest {

    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void recordsAreReadBackAndATornTailIsDetectedAndCutOnReopen() throws Exception {
        Path file = dir.resolve("orders.log");
        try (AppendOnlyLog log = AppendOnlyLog.open(file)) {
            for (int i = 0; i < 5; i++) {
                assertThat(log.append(("r" + i).getBytes(StandardCharsets.UTF_8))).isEqualTo(i);
            }
        }
        LogCheck clean = LogCheck.of(file);
        assertThat(clean.records()).isEqualTo(5);
        assertThat(clean.isClean()).isTrue();

        // Half a record at the end: what a copy taken in the middle of an append looks like.
        Files.write(file, new byte[] {0, 0, 0, 0, 0, 0, 0, 5, 0, 0}, StandardOpenOption.APPEND);
        LogCheck torn = LogCheck.of(file);
        assertThat(torn.records()).isEqualTo(5);
        assertThat(torn.isClean()).isFalse();

        try (AppendOnlyLog log = AppendOnlyLog.open(file)) {
            assertThat(log.nextSequence()).isEqualTo(5);
            log.append("r5".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(LogCheck.of(file)).isEqualTo(new LogCheck(6, Files.size(file), Files.size(file)));
    }

    @Test
    void aCorruptRecordEndsTheValidPrefix() throws IOException, InterruptedException {
        Path file = dir.resolve("orders.log");
        try (AppendOnlyLog log = AppendOnlyLog.open(file)) {
            log.append("good".getBytes(StandardCharsets.UTF_8));
            log.append("flip".getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 6] ^= 0x40;
        Files.write(file, bytes);
        assertThat(LogCheck.of(file).records()).isEqualTo(1);
        assertThat(LogCheck.of(file).isClean()).isFalse();
    }

    @Test
    void holdBlocksNewAppendsUntilResumeAndLosesNothing() throws Exception {
        Path file = dir.resolve("orders.log");
        try (AppendOnlyLog log = AppendOnlyLog.open(file); LogLoad load = LogLoad.start(log, 3)) {
            assertThat(load.awaitAcknowledged(100, T)).isTrue();
            log.hold();
            long atHold = log.nextSequence();
            LogCheck frozen = LogCheck.of(file);
            // While held: the file ends at a record boundary and holds every record handed out.
            assertThat(frozen.isClean()).isTrue();
            assertThat(frozen.records()).isEqualTo(atHold);
            assertThat(log.nextSequence()).isEqualTo(atHold);

            log.resume();
            assertThat(log.awaitNoWaitingAppends(T)).isTrue();
            assertThat(load.awaitAcknowledged(load.acknowledged() + 100, T)).isTrue();
            load.close();
            assertThat(LogCheck.of(file).records()).isEqualTo(log.nextSequence()).isGreaterThan(atHold);
        }
    }
}
