package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shadow copy's facts report the volume's ChangeTimes of the moment of the copy, also once stored and read back. */
class ShadowCopyChangeTimesTest {

    private static final List<String> NAMES = List.of("plain.txt", "with space.txt", "a=b.txt", "c:d", "#hash", "!bang",
            "under_score", "ünïcödé.txt", "dir/nested name.txt");

    @TempDir
    Path volume;
    @TempDir
    Path copy;

    private Instant ctime(String key) throws IOException {
        return ((FileTime) Files.getAttribute(volume.resolve(key), "unix:ctime", LinkOption.NOFOLLOW_LINKS))
                .toInstant();
    }

    @Test
    void theRecordedTimesSurviveTheStoredFactsWhateverTheNames() throws IOException {
        Files.createDirectories(volume.resolve("dir"));
        for (String n : NAMES) {
            Files.writeString(volume.resolve(n), n);
        }
        FileSystemFacts live = new FileSystemFacts(volume);
        // A simulated metadata change (a security descriptor the host file does not hold) moves the ChangeTime on.
        live.securityDescriptor("plain.txt", new byte[] {1, 0, 4, -128});
        Instant simulated = live.changeTime("plain.txt").orElseThrow();
        FileSystemFacts shadow = live.copyFor(copy);
        shadow.recordChangeTimes(ChangeTimeRecord.read(volume, Set.of()), live);

        StringWriter stored = new StringWriter();
        shadow.store(stored, "test");
        Properties p = new Properties();
        p.load(new StringReader(stored.toString()));
        FileSystemFacts back = FileSystemFacts.fromProperties(copy, p);

        for (String n : NAMES) {
            Instant expected = n.equals("plain.txt") ? simulated : ctime(n);
            assertThat(shadow.changeTime(n)).as(n).hasValue(expected);
            assertThat(back.changeTime(n)).as(n + " read back").hasValue(expected);
        }
        assertThat(back.changeTime("dir")).hasValue(ctime("dir"));
        assertThat(back.securityDescriptor("plain.txt")).hasValue(new byte[] {1, 0, 4, -128});
        assertThat(p.stringPropertyNames().stream().filter(k -> k.startsWith("changeTime."))).hasSize(NAMES.size() + 2);
    }
}
