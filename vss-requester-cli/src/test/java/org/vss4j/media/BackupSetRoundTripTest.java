package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vss4j.media.MediaFixtures.add;
import static org.vss4j.media.MediaFixtures.copySet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A set written, listed, verified and restored, with the names that trip up archivers. */
class BackupSetRoundTripTest {

    private static final String DEEP = "d1/d2/d3/d4/d5/d6/d7/d8/d9/d10/d11/d12/d13/d14/d15/d16/d17/d18/d19/d20/"
            + "a directory with a rather long name to pass one hundred bytes/file.txt";

    /** Names differing only by case, Unicode (NFC and a surrogate pair), spaces, a deep path, an empty file. */
    static Map<String, String> trickyFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("orders/Orders.db", "upper");
        files.put("orders/orders.db", "lower");
        files.put("Ünïcödé/日本語 ファイル.txt", "unicode");
        files.put("emoji/\uD83D\uDCBE disk.bin", "surrogate pair");
        files.put("with spaces/ leading space.txt", "spaces");
        files.put(DEEP, "deep");
        files.put("empty/empty.txt", "");
        return files;
    }

    @Test
    void trickyNamesSurviveWriteListVerifyAndRestore(@TempDir Path media, @TempDir Path target) throws IOException {
        Map<String, String> files = trickyFiles();
        BackupSetInfo written;
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("set-1"))) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                add(w, f.getKey(), f.getValue());
            }
            w.addBackupComponentsDocument("<Backup/>");
            w.addWriterDocument("0b0b0b0b-0000-0000-0000-000000000001", "<WRITER_METADATA/>");
            written = w.finish();
        }
        assertThat(written.state()).isEqualTo("complete");

        BackupSetReader reader = BackupSetReader.open(media);
        List<BackupSetInfo> sets = reader.list();
        assertThat(sets).hasSize(1);
        BackupSetInfo set = sets.get(0);
        assertThat(set.setId()).isEqualTo("set-1");
        assertThat(set.state()).isEqualTo("complete");
        assertThat(set.files()).isEqualTo(files.size());
        assertThat(set.bytes()).isEqualTo(files.values().stream().mapToLong(v -> v.getBytes(StandardCharsets.UTF_8)
                .length).sum());
        assertThat(set.metadata()).isEqualTo(copySet("set-1"));
        assertThat(media.resolve("set-1/documents/backup-components.xml")).hasContent("<Backup/>");
        assertThat(media.resolve("set-1/documents/writers/0b0b0b0b-0000-0000-0000-000000000001.xml"))
                .hasContent("<WRITER_METADATA/>");

        VerifyReport report = reader.verify("set-1");
        assertThat(report.problems()).isEmpty();
        assertThat(report.files()).isEqualTo(files.size());

        boolean caseSensitive = caseSensitive(target);
        RestoreReport restored = reader.restore("set-1", target, List.of(), false);
        if (!caseSensitive) {
            // orders/Orders.db and orders/orders.db are one name there: the second is refused, never merged.
            assertThat(restored.refused()).extracting(RestoreReport.Refusal::name)
                    .containsExactly("D/orders/orders.db");
        }
        assumeTrue(caseSensitive, "a case-sensitive file system: every tricky name is restored");
        assertThat(restored.refused()).isEmpty();
        assertThat(restored.missing()).isEmpty();
        Map<String, String> expected = new LinkedHashMap<>();
        files.forEach((k, v) -> expected.put("D/" + k, v));
        assertThat(MediaFixtures.tree(target)).isEqualTo(new java.util.TreeMap<>(expected));
        assertThat(Files.getLastModifiedTime(target.resolve("D/orders/orders.db")).toInstant())
                .isEqualTo(MediaFixtures.T);
    }

    /** Whether names that differ by case only are two names in {@code dir} (created if missing). */
    private static boolean caseSensitive(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path probe = Files.writeString(dir.resolve("case-probe"), "");
        try {
            return Files.notExists(dir.resolve("CASE-PROBE"));
        } finally {
            Files.delete(probe);
        }
    }

    @Test
    void eachFileIsReadAtItsCatalogOffsetWithoutTheRestOfTheTar(@TempDir Path media) throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            for (Map.Entry<String, String> f : trickyFiles().entrySet()) {
                add(w, f.getKey(), f.getValue());
            }
            w.finish();
        }
        BackupSetReader reader = BackupSetReader.open(media);
        Map<String, String> read = new LinkedHashMap<>();
        for (CatalogRow row : reader.files("s")) {
            try (InputStream in = reader.open("s", row)) {
                read.put(row.relativePath(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(read).isEqualTo(trickyFiles());
    }

    @Test
    void theCatalogIsPlainSqliteAndTheDataAPlainTar(@TempDir Path media) throws Exception {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            add(w, "orders/orders.db", "42 orders");
            add(w, DEEP, "deep");
            w.finish();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + media.resolve("s/catalog.db"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT entry_name, original_path, writer_name, size FROM files"
                        + " WHERE original_path = 'd:\\ORDERS\\orders.db' COLLATE NOCASE")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("D/orders/orders.db");
            assertThat(rs.getString(2)).isEqualTo("D:\\orders\\orders.db");
            assertThat(rs.getString(3)).isEqualTo("Orders DB Writer");
            assertThat(rs.getLong(4)).isEqualTo(9);
        }
        List<String> names = systemTar(media.resolve("s/data.tar"));
        assertThat(names).contains("D/", "D/orders/orders.db", "D/" + DEEP);
    }

    @Test
    void aSecondSetOfTheSameIdIsRefused(@TempDir Path media) throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            w.finish();
        }
        assertThatThrownBy(() -> BackupSetWriter.start(media, copySet("s")))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void unsafeNamesAreNeverWritten(@TempDir Path media) throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            for (String bad : List.of("../x", "a/../../x", "a/CON", "a/b:c", "a\\b", "x.", "/abs")) {
                assertThatThrownBy(() -> add(w, bad, "x")).as(bad).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void theSystemTarExtractsEveryTrickyNameWithItsBytes(@TempDir Path media, @TempDir Path out) throws Exception {
        Map<String, String> files = trickyFiles();
        try (BackupSetWriter w = BackupSetWriter.start(media, copySet("s"))) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                add(w, f.getKey(), f.getValue());
            }
            w.finish();
        }
        assumeTrue(caseSensitive(out), "a case-sensitive file system: tar writes both orders.db names");
        systemTar(media.resolve("s/data.tar"), "-xf", "-C", out.toString());
        Map<String, String> expected = new java.util.TreeMap<>();
        files.forEach((k, v) -> expected.put("D/" + k, v));
        assertThat(MediaFixtures.tree(out)).isEqualTo(expected);
        assertThat(Files.getLastModifiedTime(out.resolve("D/orders/orders.db")).toInstant().getEpochSecond())
                .isEqualTo(MediaFixtures.T.getEpochSecond());
    }

    private static List<String> systemTar(Path tar) throws IOException, InterruptedException {
        return systemTar(tar, "-tf");
    }

    /** Runs {@code tar ARGS... data.tar}: the archive's name is put right after the first argument. */
    private static List<String> systemTar(Path tar, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar", args[0], tar.toString()));
        command.addAll(List.of(args).subList(1, args.length));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no tar on this machine");
            return List.of();
        }
        List<String> out = new ArrayList<>(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().toList());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", command, out).isZero();
        return out;
    }
}
