package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vss4j.media.MediaFixtures.add;
import static org.vss4j.media.MediaFixtures.copySet;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No killed, failed or aborted write is ever a set; what dead writers leave is reported and removed. */
class CrashSafetyTest {

    @Test
    void anAbortedSetLeavesNothing(@TempDir Path media) throws IOException {
        BackupSetWriter w = BackupSetWriter.start(media, copySet("s"));
        add(w, "a.txt", "a");
        assertThat(BackupSetReader.open(media).list()).isEmpty();
        w.abort();
        assertThat(BackupSetReader.open(media).list()).isEmpty();
        assertThat(entries(media)).isEmpty();
    }

    @Test
    void closingWithoutFinishAborts(@TempDir Path media) throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            add(w, "a.txt", "a");
        }
        assertThat(entries(media)).isEmpty();
    }

    @Test
    void aFileThatEndsEarlyBreaksTheWriterWhichOnlyAborts(@TempDir Path media) throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            add(w, "a.txt", "a");
            InputStream shortStream = new ByteArrayInputStream(new byte[10]);
            assertThatThrownBy(() -> w.addFile("D", "b.bin", MediaFixtures.meta("D:\\b.bin"), 100, shortStream))
                    .isInstanceOf(IOException.class).hasMessageContaining("changed while it was read");
            assertThatThrownBy(w::finish).isInstanceOf(IllegalStateException.class);
        }
        assertThat(BackupSetReader.open(media).list()).isEmpty();
        assertThat(entries(media)).isEmpty();
    }

    @Test
    void aFileLongerThanItsSizeBreaksTheWriter(@TempDir Path media) throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            assertThatThrownBy(() -> w.addFile("D", "b.bin", MediaFixtures.meta("D:\\b.bin"), 5,
                    new ByteArrayInputStream(new byte[6]))).isInstanceOf(IOException.class);
        }
        assertThat(entries(media)).isEmpty();
    }

    @Test
    void aLiveWritersPartialSetIsNeitherListedNorRemoved(@TempDir Path media) throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("live"))) {
            add(w, "a.txt", "a");
            BackupSetReader reader = BackupSetReader.open(media);
            assertThat(reader.removedPartials()).isEmpty();
            assertThat(reader.list()).isEmpty();
            assertThat(media.resolve(".partial-live")).isDirectory();
            BackupSetInfo done = w.finish();
            assertThat(done.setId()).isEqualTo("live");
        }
        assertThat(BackupSetReader.open(media).list()).extracting(BackupSetInfo::setId).containsExactly("live");
        assertThat(entries(media)).containsExactly("live");
    }

    /** A writer killed (SIGKILL) after some files, or in the middle of a file's data. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void aKilledWriterIsNeverASetAndTheNextOpenRemovesWhatItLeft(int filesBeforeTheKill, @TempDir Path media)
            throws Exception {
        try (BackupSetWriter earlier = BackupSetWriter.start(media, copySet("earlier"))) {
            add(earlier, "x.txt", "x");
            earlier.finish();
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                SlowWriterMain.class.getName(), media.toString(), "killed", String.valueOf(filesBeforeTheKill))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("started");
            for (int i = 0; i < filesBeforeTheKill; i++) {
                assertThat(out.readLine()).isEqualTo("file " + i);
            }
            assertThat(out.readLine()).isEqualTo("half");
            // The writer is alive and holds its lock: its partial set is not touched, and not listed.
            BackupSetReader whileAlive = BackupSetReader.open(media);
            assertThat(whileAlive.removedPartials()).isEmpty();
            assertThat(whileAlive.list()).extracting(BackupSetInfo::setId).containsExactly("earlier");
            assertThat(media.resolve(".partial-killed")).isDirectory();
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(media.resolve(".partial-killed")).isDirectory();
        BackupSetReader afterKill = BackupSetReader.open(media);
        assertThat(afterKill.removedPartials()).containsExactly("killed");
        assertThat(afterKill.list()).extracting(BackupSetInfo::setId).containsExactly("earlier");
        assertThat(entries(media)).containsExactly("earlier");
        assertThat(afterKill.verify("earlier").ok()).isTrue();
    }

    /** What a kill between the flushes and the rename leaves: a whole set, still under its partial name. */
    @Test
    void aWholeSetNotYetRenamedIsNoSet(@TempDir Path media) throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            add(w, "a.txt", "a");
            w.finish();
        }
        Files.move(media.resolve("s"), media.resolve(".partial-s"));
        BackupSetReader reader = BackupSetReader.open(media);
        assertThat(reader.removedPartials()).containsExactly("s");
        assertThat(reader.list()).isEmpty();
        assertThat(entries(media)).isEmpty();
    }

    /** Reading media without partial sets writes nothing to it, not even the media lock: it may be read-only. */
    @Test
    void openingMediaWithoutPartialSetsWritesNothing(@TempDir Path media) throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            add(w, "a.txt", "a");
            w.finish();
        }
        Files.delete(media.resolve(MediaLock.NAME));
        assertThat(BackupSetReader.open(media).list()).extracting(BackupSetInfo::setId).containsExactly("s");
        assertThat(media.resolve(MediaLock.NAME)).doesNotExist();
    }

    @Test
    void theSweepRemovesOnlyTheWritersOwnPartialSets(@TempDir Path media) throws IOException {
        Files.writeString(media.resolve(".partial-notes.txt"), "a user's file");
        Files.createDirectories(media.resolve(".partial-x.lock.d"));
        Files.createDirectories(media.resolve(".partial-unmarked")).resolve("f.txt");
        Files.writeString(media.resolve(".partial-unmarked/f.txt"), "not a set");
        Files.writeString(media.resolve(".partial-bad id.lock"), "not a lock of a set");
        BackupSetReader reader = BackupSetReader.open(media);
        assertThat(reader.removedPartials()).isEmpty();
        assertThat(entries(media)).containsExactly(".partial-bad id.lock", ".partial-notes.txt", ".partial-unmarked",
                ".partial-x.lock.d");
        assertThat(media.resolve(".partial-unmarked/f.txt")).hasContent("not a set");
    }

    /**
     * A dead set's lock file is deleted only while the sweep holds the media-wide lock, which a writer needs to start:
     * no writer can have opened (and locked) that file in between. Another process checks the lock.
     */
    @Test
    void aDeadLockFileIsDeletedOnlyUnderTheMediaLock(@TempDir Path media) throws Exception {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            add(w, "a.txt", "a");
            w.finish();
        }
        Files.move(media.resolve("s"), media.resolve(".partial-s"));
        List<String> seen = new java.util.ArrayList<>();
        PartialSets.beforeLockFileDeleted = () -> seen.add(mediaLockSeenFromAnotherProcess(media));
        try {
            assertThat(BackupSetReader.open(media).removedPartials()).containsExactly("s");
        } finally {
            PartialSets.beforeLockFileDeleted = () -> { };
        }
        assertThat(seen).containsExactly("held");
        assertThat(entries(media)).isEmpty();
    }

    private static String mediaLockSeenFromAnotherProcess(Path media) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    TryMediaLockMain.class.getName(), media.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return line;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entries of {@code media} but the media-wide lock file, which is never deleted. */
    private static List<String> entries(Path media) throws IOException {
        try (Stream<Path> s = Files.list(media)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(MediaLock.NAME)).sorted().toList();
        }
    }
}
