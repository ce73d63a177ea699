package org.vss4j.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.vss4j.media.BackupSetReader;
import org.vss4j.media.BackupSetWriter;
import org.vss4j.media.CatalogRow;
import org.vss4j.media.FileMetadata;
import org.vss4j.media.SetMetadata;
import org.vss4j.media.UnconfirmedSets;

/** Backup sets written with {@link BackupSetWriter} for the tests of {@code vss sets}, {@code verify}, {@code restore}. */
final class MediaSetsFixture {

    static final Instant T1 = Instant.parse("2026-01-02T03:04:05Z");
    static final Instant T2 = Instant.parse("2026-01-03T03:04:05Z");
    static final Instant T3 = Instant.parse("2026-01-04T03:04:05Z");

    private MediaSetsFixture() {
    }

    /** How a fixture set ends. */
    enum End { COMPLETE, PARTIAL, UNCONFIRMED }

    static SetMetadata metadata(String id, String type, Instant time, String parent) {
        return new SetMetadata(id, type, false, true, false, UUID.fromString("11111111-2222-3333-4444-555555555555"),
                time, List.of(new SetMetadata.Source("D:\\", "D")), parent);
    }

    /** A complete copy set of {@code files} (D-relative path to content) taken at {@code time}. */
    static Map<String, CatalogRow> set(Path media, String id, Instant time, Map<String, String> files)
            throws IOException {
        return set(media, metadata(id, "copy", time, null), files, End.COMPLETE);
    }

    /** A set of {@code files}; a partial one records {@code D:\lost.txt} as failed. */
    static Map<String, CatalogRow> set(Path media, SetMetadata m, Map<String, String> files, End end)
            throws IOException {
        Map<String, CatalogRow> rows = new LinkedHashMap<>();
        try (BackupSetWriter w = BackupSetWriter.start(media, m)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                byte[] b = f.getValue().getBytes(StandardCharsets.UTF_8);
                String windows = "D:\\" + f.getKey().replace('/', '\\');
                rows.put(f.getKey(), w.addFile("D", f.getKey(), new FileMetadata(null, null, null, null, null,
                        windows, m.snapshotTime(), m.snapshotTime(), 0x20), b.length, new ByteArrayInputStream(b)));
            }
            switch (end) {
                case PARTIAL -> {
                    w.fileFailed("D:\\lost.txt", "Orders DB Writer", "orders", "access denied");
                    w.finish();
                }
                case UNCONFIRMED -> UnconfirmedSets.publish(w);
                default -> w.finish();
            }
        }
        return rows;
    }

    /**
     * A complete incremental set on {@code parent} taken at {@code time}: {@code changed} stored, every other file
     * of {@code parentRows} listed unchanged (its data stays in the parent's data.tar).
     */
    static Map<String, CatalogRow> incremental(Path media, String id, Instant time, String parent,
            Map<String, CatalogRow> parentRows, Map<String, String> changed) throws IOException {
        Map<String, CatalogRow> rows = new LinkedHashMap<>();
        SetMetadata m = metadata(id, "incremental", time, parent);
        try (BackupSetWriter w = BackupSetWriter.start(media, m)) {
            for (Map.Entry<String, CatalogRow> e : parentRows.entrySet()) {
                if (!changed.containsKey(e.getKey())) {
                    rows.put(e.getKey(), w.addUnchanged(e.getValue(), parent, e.getValue().metadata()));
                }
            }
            for (Map.Entry<String, String> f : changed.entrySet()) {
                byte[] b = f.getValue().getBytes(StandardCharsets.UTF_8);
                rows.put(f.getKey(), w.addFile("D", f.getKey(), new FileMetadata(null, null, null, null, null,
                        "D:\\" + f.getKey().replace('/', '\\'), time, time, 0x20), b.length,
                        new ByteArrayInputStream(b)));
            }
            w.finish();
        }
        return rows;
    }

    /** Flips one bit of {@code row}'s data in data.tar. */
    static void flipAByte(Path media, String id, CatalogRow row) throws IOException {
        try (FileChannel ch = FileChannel.open(media.resolve(id).resolve("data.tar"), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, row.dataOffset());
            b.put(0, (byte) (b.get(0) ^ 0x01)).rewind();
            ch.write(b, row.dataOffset());
        }
    }

    /**
     * Replaces the data.tar of set {@code id} by a tar made by hand of {@code entries} (name to content, names kept
     * exactly as given, {@code ../x} too); the catalog stays as it was.
     */
    static void replaceDataTar(Path media, String id, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(media.resolve(id).resolve("data.tar"));
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, String> e : entries.entrySet()) {
                byte[] b = e.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry f = new TarArchiveEntry(e.getKey(), true);
                f.setSize(b.length);
                tar.putArchiveEntry(f);
                tar.write(b);
                tar.closeArchiveEntry();
            }
        }
    }

    /** What a writer killed after it started leaves: a marked {@code .partial-<id>} directory, no lock holder. */
    static Path deadPartial(Path media, String id) throws IOException {
        Path dir = Files.createDirectories(media.resolve(".partial-" + id));
        Files.writeString(dir.resolve("vss-backup-set"), "vss4j backup set, format 1\n");
        Files.writeString(dir.resolve("data.tar"), "half a tar");
        return dir;
    }

    /** Whether the library lists {@code id} in {@code media}. */
    static boolean listed(Path media, String id) throws IOException {
        return BackupSetReader.open(media).list().stream().anyMatch(s -> s.setId().equals(id));
    }
}
