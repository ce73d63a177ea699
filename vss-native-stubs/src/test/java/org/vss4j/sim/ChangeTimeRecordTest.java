package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeTimeRecordTest {

    @TempDir
    Path volume;

    private static Instant ctime(Path p) throws IOException {
        return ((FileTime) Files.getAttribute(p, "unix:ctime", LinkOption.NOFOLLOW_LINKS)).toInstant();
    }

    @Test
    void recordsTheHostChangeTimeOfEveryEntryByItsFactsKey() throws IOException {
        Files.createDirectories(volume.resolve("a/b"));
        Files.writeString(volume.resolve("top.txt"), "x");
        Files.writeString(volume.resolve("a/b/deep.txt"), "y");
        Files.writeString(volume.resolve("a/Ünïcode ñame.txt"), "z");
        Files.createSymbolicLink(volume.resolve("link"), volume.resolve("a"));

        ChangeTimeRecord r = ChangeTimeRecord.read(volume, Set.of());

        assertThat(r.get("")).isEqualTo(ctime(volume));
        assertThat(r.get("top.txt")).isEqualTo(ctime(volume.resolve("top.txt")));
        assertThat(r.get("a")).isEqualTo(ctime(volume.resolve("a")));
        assertThat(r.get("a/b/deep.txt")).isEqualTo(ctime(volume.resolve("a/b/deep.txt")));
        assertThat(r.get("a/Ünïcode ñame.txt")).isEqualTo(ctime(volume.resolve("a/Ünïcode ñame.txt")));
        // The link itself, not followed: nothing is recorded below it.
        assertThat(r.get("link")).isEqualTo(ctime(volume.resolve("link")));
        assertThat(r.get("link/b")).isNull();
        assertThat(r.size()).isEqualTo(6);
    }

    @Test
    void knowsNothingOfWhatWasNotThereOrIsLeftOut() throws IOException {
        Files.createDirectories(volume.resolve("store/copy"));
        Files.writeString(volume.resolve("store/copy/f"), "x");
        Files.writeString(volume.resolve("kept"), "x");

        ChangeTimeRecord r = ChangeTimeRecord.read(volume, Set.of(volume.resolve("store")));

        assertThat(r.get("kept")).isNotNull();
        assertThat(r.get("store")).isNull();
        assertThat(r.get("store/copy/f")).isNull();
        assertThat(r.get("missing")).isNull();
        assertThat(r.get("kept/below")).isNull();
        // A name that sorts between two recorded ones, and prefixes of recorded ones, are not found.
        assertThat(r.get("kep")).isNull();
        assertThat(r.get("keptx")).isNull();
    }

    @Test
    void findsEachOfManyEntriesOfOneDirectory() throws IOException {
        Map<String, Instant> expected = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            Path f = volume.resolve("f" + i + (i % 3 == 0 ? ".log" : ".txt"));
            Files.writeString(f, "x");
            expected.put(volume.relativize(f).toString(), ctime(f));
        }

        ChangeTimeRecord r = ChangeTimeRecord.read(volume, Set.of());

        expected.forEach((k, t) -> assertThat(r.get(k)).as(k).isEqualTo(t));
    }

    @Test
    void forEachAndOfRoundTripTheRecord() throws IOException {
        Files.createDirectories(volume.resolve("d"));
        Files.writeString(volume.resolve("d/e"), "x");
        ChangeTimeRecord r = ChangeTimeRecord.read(volume, Set.of());
        Map<String, Instant> all = new HashMap<>();

        r.forEach(all::put);
        ChangeTimeRecord back = ChangeTimeRecord.of(all);

        assertThat(all).containsOnlyKeys("", "d", "d/e");
        all.forEach((k, t) -> assertThat(back.get(k)).isEqualTo(t));
        assertThat(back.size()).isEqualTo(2);
    }

    @Test
    void aVolumeRootThatCannotBeListedIsAnError() {
        assertThatThrownBy(() -> ChangeTimeRecord.read(volume.resolve("absent"), Set.of()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("change times");
    }

    @Test
    void anInterruptCancelsTheReading() throws IOException {
        Files.writeString(volume.resolve("f"), "x");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> ChangeTimeRecord.read(volume, Set.of()))
                    .isInstanceOf(ChangeTimeRecord.CancelledRecord.class);
        } finally {
            Thread.interrupted();
        }
    }
}
