package org.vss4j.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.vss4j.files.PrivilegedFileAccess;

/**
 * A restore of single files of a set, each to a place its caller chose (a writer-aware restore, where the writers'
 * restore methods decide the places): the file's data, then what the plain restore applies after it
 * ({@link MetadataRestore}: security descriptor and alternate data streams, times, attributes), and, once every file is
 * written, the stored metadata of the directories it created.
 *
 * <p>Everything is applied to a temporary file beside the place, which takes the place (MoveFileExW, replacing the file
 * there) only when its data matched the catalog's SHA-256 and its metadata is on it: a restore that stops half way
 * leaves the old file, or none, and a temporary file, never a file that looks restored and lacks its security
 * descriptor or streams. A rename keeps a file's security descriptor, streams, times and attributes (the simulator's
 * MoveFileExW moves them with it).
 */
public final class PlacedRestore implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;
    /** How much of a restored file is gathered per write, as {@link SafeRestore} does. */
    private static final int RESTORE_BUFFER = 1 << 20;

    private final BackupSetReader reader;
    private final String setId;
    private final Map<String, DirectoryRow> directories;
    private final MetadataRestore metadata;
    /** The streams rows of each set of the chain that holds restored files' data, by set id. */
    private final Map<String, Map<String, CatalogRow>> streamRows = new HashMap<>();
    private final Map<String, StoredStreams> streams = new HashMap<>();

    PlacedRestore(BackupSetReader reader, String setId, Map<String, DirectoryRow> directories,
            PrivilegedFileAccess access) {
        this.reader = reader;
        this.setId = setId;
        this.directories = directories;
        this.metadata = new MetadataRestore(access);
    }

    /**
     * Restores the file of {@code row} to {@code place}, replacing the file there. The directories from
     * {@code root} down to {@code place}'s parent stand for the file's original directories (its entry name's, the
     * same number of levels up): those this restore creates get their stored metadata from {@link #applyDirectories}.
     *
     * @param row   a catalog row of the set ({@link BackupSetReader#files})
     * @param place where the file goes
     * @param root  the directory at or above {@code place}'s parent that stands for an original directory of the file
     *              (a writer's file set path, or its alternate location); null: no directory is given metadata
     * @throws IOException if the data does not match the catalog, the stored streams are damaged, or writing fails;
     *                     what is at {@code place} is then as it was
     */
    public void restore(CatalogRow row, Path place, Path root) throws IOException {
        Path parent = place.toAbsolutePath().getParent();
        List<Path> standIns = standIns(row, place.toAbsolutePath(), root);
        List<Boolean> existed = standIns.stream().map(d -> Files.exists(d, LinkOption.NOFOLLOW_LINKS)).toList();
        Files.createDirectories(parent);
        List<String> entries = directoryEntries(row, standIns.size());
        for (int i = 0; i < standIns.size(); i++) {
            metadata.directory(entries.get(i), standIns.get(i), !existed.get(i));
        }
        Path temp = Files.createTempFile(parent, ".vss-restore-", ".tmp");
        boolean moved = false;
        try {
            writeData(row, temp);
            // Streams first, then times and attributes (READONLY last), as the plain restore does.
            CatalogRow s = streamsRow(row);
            if (s != null) {
                StoredStreams.Read read = streamsOf(row.holder(setId)).read(s);
                if (read.problem() != null) {
                    throw new IOException("the streams (" + s.metadata().component() + ") of " + row.entryName()
                            + " in the set: " + read.problem());
                }
                metadata.streams(temp, row.entryName(), s.metadata().component(), read.bytes());
            }
            metadata.basic(temp, row);
            metadata.replace(temp, place);
            moved = true;
        } finally {
            if (!moved) {
                metadata.discard(temp);
            }
        }
    }

    /**
     * Applies to the directories the restored files' restores created their stored metadata ({@link MetadataRestore
     * #applyDirectories}); directories that were there keep theirs. Call once every file is written.
     */
    public void applyDirectories() {
        metadata.applyDirectories(directories, false);
    }

    /**
     * What could not be applied, one line per file or directory and part, with why (as {@link RestoreReport#notApplied}).
     *
     * @return the lines so far
     */
    public List<String> notApplied() {
        return List.copyOf(metadata.notApplied());
    }

    /** Closes the data.tar files read and puts SeRestorePrivilege back as it was. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (StoredStreams s : streams.values()) {
            try {
                s.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        metadata.close();
        if (first != null) {
            throw first;
        }
    }

    private void writeData(CatalogRow row, Path temp) throws IOException {
        MessageDigest sha = BackupSetReader.sha256();
        // Zero blocks become holes again, as in the plain restore.
        try (InputStream in = reader.open(row.holder(setId), row);
                OutputStream out = new SparseOutputStream(FileChannel.open(temp, StandardOpenOption.WRITE),
                        RESTORE_BUFFER)) {
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) >= 0; ) {
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        if (!row.sha256().equalsIgnoreCase(HexFormat.of().formatHex(sha.digest()))) {
            throw new IOException("the data of " + row.entryName() + " in the set does not match its SHA-256 "
                    + "(run verify)");
        }
    }

    /** The streams row of {@code row}'s file, in the set that holds its data (docs/backup-semantics.md), or null. */
    private CatalogRow streamsRow(CatalogRow row) throws IOException {
        String holder = row.holder(setId);
        Map<String, CatalogRow> rows = streamRows.get(holder);
        if (rows == null) {
            try (Catalog c = Catalog.open(reader.catalogOf(holder))) {
                rows = c.streamEntries();
            }
            streamRows.put(holder, rows);
        }
        return rows.get(FileStreams.entryOf(row.entryName()));
    }

    private StoredStreams streamsOf(String holder) throws IOException {
        StoredStreams s = streams.get(holder);
        if (s == null) {
            s = new StoredStreams(reader.dataOf(holder));
            streams.put(holder, s);
        }
        return s;
    }

    /** {@code place}'s parent and its parents up to {@code root}, deepest first; none if it is not under root. */
    private static List<Path> standIns(CatalogRow row, Path place, Path root) {
        List<Path> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        Path top = root.toAbsolutePath().normalize();
        int levels = row.entryName().split("/", -1).length - 1; // the entry's directories, its root D among them
        for (Path d = place.normalize().getParent(); d != null && d.startsWith(top) && out.size() < levels;
                d = d.getParent()) {
            out.add(d);
        }
        return out.isEmpty() || out.get(out.size() - 1).equals(top) ? out : List.of();
    }

    /** The entry names of the first {@code count} directories of {@code row}'s entry, deepest first. */
    private static List<String> directoryEntries(CatalogRow row, int count) {
        List<String> out = new ArrayList<>();
        String e = row.entryName();
        for (int i = 0; i < count; i++) {
            e = e.substring(0, e.lastIndexOf('/'));
            out.add(e);
        }
        return out;
    }
}
