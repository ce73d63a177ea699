package org.vss4j.examples.logwriter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.vss4j.sim.VssSimulatorExtension;

/** The service the Windows workflow runs for BETest, on the simulator: its protocol and its verdicts. */
@ExtendWith(VssSimulatorExtension.class)
class LogWriterServiceTest {

    @TempDir
    Path dir;

    private static String run(Path dir, InputStream stop, Duration longest, int[] exit) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exit[0] = LogWriterService.run(dir, stop, out, longest);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void itAnnouncesTheWriterWritesUntilStandardInputEndsAndReportsACleanLog() throws Exception {
        int[] exit = new int[1];
        String out = run(dir.resolve("orders"), new ByteArrayInputStream(new byte[0]), Duration.ofMinutes(1), exit);
        assertThat(out).startsWith("READY " + LogWriter.NAME + " {" + LogWriter.WRITER_ID + "} ")
                .containsPattern("STOPPED holds=0 acknowledged=\\d+ records=\\d+ clean=true");
        assertThat(exit[0]).isZero();
        assertThat(LogWriterService.check(dir.resolve("orders").resolve("orders.log"), System.out)).isZero();
    }

    @Test
    void aServiceNobodyStopsStopsAfterItsLongestRunAndSaysSo() throws Exception {
        int[] exit = new int[1];
        // Standard input whose other end stays open and silent: the service stops on its own deadline.
        PipedOutputStream silent = new PipedOutputStream();
        String out;
        try (PipedInputStream never = new PipedInputStream(silent)) {
            out = run(dir.resolve("orders"), never, Duration.ofMillis(200), exit);
        } finally {
            silent.close();
        }
        assertThat(out).contains("STOPPED", "FAILED standard input did not end within PT0.2S");
        assertThat(exit[0]).isOne();
    }

    @Test
    void checkFailsForATornLogAndForAnEmptyOne() throws Exception {
        Path torn = Files.write(dir.resolve("torn.log"), new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 1});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertThat(LogWriterService.check(torn, out)).isOne();
        assertThat(LogWriterService.check(dir.resolve("missing.log"), out)).isOne();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("CHECK records=0 clean=false",
                "CHECK records=0 clean=true");
    }
}
