package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vss4j.media.MediaFixtures.add;
import static org.vss4j.media.MediaFixtures.copySet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vss4j.media.RestoreReport.Refusal;

/**
 * restore writes only inside its target: each unsafe entry of a tar made by hand is refused with its name and nothing
 * is written for it, and an existing file is replaced only with overwrite.
 */
class RestoreSafetyTest {

    @TempDir
    Path media;
    @TempDir
    Path root;

    @Test
    void overwriteNeverReplacesAFileRestoredFromTheSameSet() throws IOException {
        Path target = root.resolve("target");
        BackupSetReader reader = setWithTarEntries(List.of(Map.entry("D/a.txt", "first"),
                Map.entry("D/a.txt", "second")));
        RestoreReport r = reader.restore("s", target, List.of(), true);
        assertThat(r.restored()).containsExactly("D/a.txt");
        assertThat(r.refused()).extracting(Refusal::name).containsExactly("D/a.txt");
        assertThat(target.resolve("D/a.txt")).hasContent("first");
    }

    private BackupSetReader setWithTar(Map<String, String> entries) throws IOException {
        return setWithTarEntries(List.copyOf(entries.entrySet()));
    }

    /**
     * A set whose data.tar is replaced by {@code entries}: name to content, or {@code ->link} for a symbolic link;
     * each file (its first occurrence) gets a catalog row with its SHA-256, as the writer would record it.
     */
    private BackupSetReader setWithTarEntries(List<Map.Entry<String, String>> entries) throws IOException {
        return setWithTarEntries(entries, true);
    }

    private BackupSetReader setWithTarEntries(List<Map.Entry<String, String>> entries, boolean catalogued)
            throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            w.finish();
        }
        try (OutputStream out = Files.newOutputStream(media.resolve("s/data.tar"));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> e : entries) {
                String v = e.getValue();
                if (v.startsWith("->")) {
                    TarArchiveEntry link = new TarArchiveEntry(e.getKey(), TarConstants.LF_SYMLINK, true);
                    link.setLinkName(v.substring(2));
                    tar.putArchiveEntry(link);
                } else if (v.startsWith("=>")) {
                    TarArchiveEntry link = new TarArchiveEntry(e.getKey(), TarConstants.LF_LINK, true);
                    link.setLinkName(v.substring(2));
                    tar.putArchiveEntry(link);
                } else if (v.equals("|fifo")) {
                    tar.putArchiveEntry(new TarArchiveEntry(e.getKey(), TarConstants.LF_FIFO, true));
                } else {
                    byte[] b = v.getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry f = new TarArchiveEntry(e.getKey(), true); // names kept as given, "/x" too
                    f.setSize(b.length);
                    tar.putArchiveEntry(f);
                    tar.write(b);
                }
                tar.closeArchiveEntry();
            }
        }
        if (catalogued) {
            catalogue(entries);
        }
        return BackupSetReader.open(media);
    }

    private void catalogue(List<Map.Entry<String, String>> entries) throws IOException {
        java.util.Set<String> done = new java.util.HashSet<>();
        try (Catalog c = Catalog.openForUpdate(media.resolve("s/catalog.db"))) {
            for (Map.Entry<String, String> e : entries) {
                String v = e.getValue();
                if (v.startsWith("->") || v.startsWith("=>") || v.equals("|fifo") || !done.add(e.getKey())) {
                    continue;
                }
                byte[] b = v.getBytes(StandardCharsets.UTF_8);
                c.addFile(new CatalogRow(e.getKey(), "D", e.getKey(), MediaFixtures.meta("D:\\x"), b.length,
                        java.util.HexFormat.of().formatHex(BackupSetReader.sha256().digest(b)), 0));
            }
            c.commit();
        }
    }

    @Test
    void anEntryWithoutACatalogRowIsRefused(@TempDir Path target) throws IOException {
        RestoreReport r = setWithTarEntries(List.of(Map.entry("D/x.txt", "not catalogued")), false)
                .restore("s", target, List.of(), false);
        assertThat(r.restored()).isEmpty();
        assertThat(r.refused()).extracting(Refusal::name).containsExactly("D/x.txt");
        assertThat(MediaFixtures.tree(target)).isEmpty();
    }

    /** data.tar cut at an entry boundary: the files after the cut are reported missing, the restore not complete. */
    @Test
    void catalogedFilesThatDataTarDoesNotHoldAreReportedMissing(@TempDir Path target) throws IOException {
        CatalogRow b;
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            add(w, "a.txt", "a");
            b = add(w, "b.txt", "bb");
            add(w, "c.txt", "ccc");
            w.finish();
        }
        long boundary = b.dataOffset() + (b.size() + 511) / 512 * 512;
        try (var ch = java.nio.channels.FileChannel.open(media.resolve("s/data.tar"),
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(boundary);
        }
        BackupSetReader reader = BackupSetReader.open(media);
        RestoreReport r = reader.restore("s", target, List.of(), false);
        assertThat(r.restored()).containsExactly("D/a.txt", "D/b.txt");
        assertThat(r.refused()).isEmpty();
        assertThat(r.missing()).containsExactly("D/c.txt");
        assertThat(r.complete()).isFalse();
        // A pattern that does not select the missing file: nothing is missing for it.
        RestoreReport onlyA = reader.restore("s", root.resolve("a"), List.of("D/a.txt"), false);
        assertThat(onlyA.missing()).isEmpty();
        assertThat(onlyA.complete()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escaped.txt", "D/../../escaped.txt", "/tmp/escaped.txt", "C:/escaped.txt",
        "c:escaped.txt", "//server/share/escaped.txt", "\\\\server\\share\\escaped.txt", "//?/C:/escaped.txt",
        "D/..\\..\\escaped.txt", "D/CON", "D/nul.txt", "D/com1.log", "D/trailing.", "D/trailing ", "D/a:stream",
        "D/what?.txt", "D/tab\there.txt",
        // Longer than the 100 bytes of a ustar name: carried in a PAX extended header.
        "/tmp/a-very-long-absolute-name-that-needs-a-pax-header-because-it-is-longer-than-one-hundred-bytes.txt",
        "../a-very-long-relative-name-that-needs-a-pax-header-because-it-is-longer-than-one-hundred-bytes.txt",
        "D/ünïcödé/../../escaped.txt"})
    void anUnsafeNameIsRefusedAndNothingIsWritten(String unsafe) throws IOException {
        Path target = root.resolve("target");
        RestoreReport r = setWithTar(Map.of(unsafe, "evil", "D/fine.txt", "fine")).restore("s", target, List.of(),
                false);
        assertThat(r.refused()).extracting(Refusal::name).containsExactly(unsafe);
        assertThat(r.restored()).containsExactly("D/fine.txt");
        assertThat(MediaFixtures.tree(root)).containsOnlyKeys("target/D/fine.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../../outside", "../../../outside", "sub/../../../outside", "..\\..\\outside",
        "C:\\Windows"})
    void aSymbolicLinkPointingOutsideIsRefused(String linkTarget) throws IOException {
        Path target = root.resolve("target");
        RestoreReport r = setWithTar(Map.of("D/link", "->" + linkTarget)).restore("s", target, List.of(), false);
        assertThat(r.refused()).extracting(Refusal::name).containsExactly("D/link");
        assertThat(Files.exists(target.resolve("D/link"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void everySymbolicLinkIsRefusedEvenOneThatStaysInsideAlone() throws IOException {
        // q counted alone stays inside (p/../../.. from a/b), but through p (a/b/p -> ../..) it leads out.
        Path target = root.resolve("target");
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put("a/b/x.txt", "x");
        entries.put("a/b/p", "->../..");
        entries.put("a/b/q", "->p/../../..");
        RestoreReport r = setWithTar(entries).restore("s", target, List.of(), false);
        assertThat(r.restored()).containsExactly("a/b/x.txt");
        assertThat(r.refused()).extracting(Refusal::name).containsExactly("a/b/p", "a/b/q");
        assertThat(Files.exists(target.resolve("a/b/p"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(target.resolve("a/b/q"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(MediaFixtures.tree(root)).containsOnlyKeys("target/a/b/x.txt");
    }

    @Test
    void aPathThroughASymbolicLinkAlreadyInTheTargetIsRefused() throws IOException {
        Path target = root.resolve("target");
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createDirectories(target);
        Files.createSymbolicLink(target.resolve("D"), outside);
        RestoreReport r = setWithTar(Map.of("D/x.txt", "x")).restore("s", target, List.of(), false);
        assertThat(r.refused()).extracting(Refusal::name).containsExactly("D/x.txt");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void hardLinksAndSpecialFilesAreRefused() throws IOException {
        Path target = root.resolve("target");
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        entries.put("D/hard", "=>/etc/passwd");
        entries.put("D/fifo", "|fifo");
        RestoreReport r = setWithTar(entries).restore("s", target, List.of(), false);
        assertThat(r.refused()).extracting(Refusal::name).containsExactly("D/hard", "D/fifo");
        assertThat(MediaFixtures.tree(root)).isEmpty();
    }

    @Test
    void anExistingFileIsReplacedOnlyWithOverwriteAndADirectoryNever(@TempDir Path target) throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            add(w, "a.txt", "from the backup");
            add(w, "b.txt", "b from the backup");
            add(w, "dir", "a file where a directory is");
            w.finish();
        }
        Files.createDirectories(target.resolve("D/dir"));
        Files.writeString(target.resolve("D/a.txt"), "already there");
        BackupSetReader reader = BackupSetReader.open(media);

        RestoreReport without = reader.restore("s", target, List.of(), false);
        assertThat(without.refused()).extracting(Refusal::name).containsExactly("D/a.txt", "D/dir");
        assertThat(without.restored()).containsExactly("D/b.txt");
        assertThat(target.resolve("D/a.txt")).hasContent("already there");

        RestoreReport with = reader.restore("s", target, List.of(), true);
        assertThat(with.refused()).extracting(Refusal::name).containsExactly("D/dir");
        assertThat(target.resolve("D/a.txt")).hasContent("from the backup");
        assertThat(target.resolve("D/dir")).isDirectory();
        try (var s = Files.list(target.resolve("D"))) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("a.txt", "b.txt", "dir");
        }
    }

    @Test
    void pathPatternsSelectWhatIsRestored(@TempDir Path target) throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            add(w, "orders/2025/jan.db", "jan");
            add(w, "orders/2026/feb.db", "feb");
            add(w, "orders/readme.txt", "readme");
            add(w, "orders/top.db", "top");
            add(w, "other/x.db", "x");
            w.finish();
        }
        BackupSetReader reader = BackupSetReader.open(media);
        assertThat(reader.restore("s", target.resolve("one"), List.of("D\\ORDERS\\2025"), false).restored())
                .containsExactly("D/orders/2025/jan.db");
        assertThat(reader.restore("s", target.resolve("two"), List.of("D/orders/**/*.db"), false).restored())
                .containsExactly("D/orders/2025/jan.db", "D/orders/2026/feb.db", "D/orders/top.db");
        assertThat(reader.restore("s", target.resolve("three"), List.of("D/*/*.db", "D/orders/readme.txt"), false)
                .restored()).containsExactly("D/orders/readme.txt", "D/orders/top.db", "D/other/x.db");
    }

    @Test
    void dataThatDoesNotMatchTheCatalogIsNotRestored(@TempDir Path target) throws IOException {
        CatalogRow row;
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            row = add(w, "a.txt", "original");
            w.finish();
        }
        try (var ch = java.nio.channels.FileChannel.open(media.resolve("s/data.tar"),
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'X'}), row.dataOffset());
        }
        RestoreReport r = BackupSetReader.open(media).restore("s", target, List.of(), false);
        assertThat(r.refused()).extracting(Refusal::name).containsExactly("D/a.txt");
        assertThat(MediaFixtures.tree(target)).isEmpty();
    }
}
