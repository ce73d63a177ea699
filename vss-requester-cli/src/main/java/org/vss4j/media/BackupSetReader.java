package org.vss4j.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.vss4j.media.VerifyReport.Kind;
import org.vss4j.media.VerifyReport.Problem;

/**
 * Reads the backup sets of a media directory (docs/backup-sets.md): lists them, verifies every stored byte against
 * the catalog and restores them. Only published sets are seen; {@link #open} removes what dead writers left.
 */
public final class BackupSetReader {

    private static final int BUFFER = 64 * 1024;

    private final Path media;
    private final List<String> removedPartials;

    private BackupSetReader(Path media, List<String> removedPartials) {
        this.media = media;
        this.removedPartials = List.copyOf(removedPartials);
    }

    /**
     * Opens {@code media}, removing every partial set whose writer is dead (killed, or failed before it could clean
     * up); the ids of those are {@link #removedPartials}.
     *
     * @param media the media directory
     * @return a reader of the sets in {@code media}
     * @throws java.nio.file.NoSuchFileException if {@code media} is not a directory
     * @throws IOException if a dead writer's partial set cannot be removed
     */
    public static BackupSetReader open(Path media) throws IOException {
        if (!Files.isDirectory(media)) {
            throw new NoSuchFileException(media.toString(), null, "no media directory");
        }
        return new BackupSetReader(media, PartialSets.removeDead(media));
    }

    /** A reader of {@code media} that removes nothing (for the chain lookup before a backup). */
    static BackupSetReader withoutSweep(Path media) {
        return new BackupSetReader(media, List.of());
    }

    /**
     * The partial sets of dead writers that {@link #open} removed, by set id.
     *
     * @return their set ids, empty if there were none
     */
    public List<String> removedPartials() {
        return removedPartials;
    }

    /**
     * Every published set, oldest snapshot first (then by id).
     *
     * @return the sets; those without a snapshot time come first
     * @throws IOException if the media directory or a set's catalog cannot be read
     */
    public List<BackupSetInfo> list() throws IOException {
        List<BackupSetInfo> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(media, p -> !p.getFileName().toString()
                .startsWith(".") && Files.isRegularFile(p.resolve(MediaLayout.CATALOG)))) {
            for (Path p : ds) {
                out.add(set(p.getFileName().toString()));
            }
        }
        out.sort(Comparator.comparing((BackupSetInfo i) -> i.metadata().snapshotTime(),
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(BackupSetInfo::setId));
        return out;
    }

    /**
     * The set {@code setId}.
     *
     * @param setId the set's name in the media directory
     * @return its metadata, state and the number and bytes of its files
     * @throws java.nio.file.NoSuchFileException if the media directory holds no published set {@code setId}
     * @throws IOException if its catalog cannot be read
     */
    public BackupSetInfo set(String setId) throws IOException {
        try (Catalog c = Catalog.open(setDir(setId).resolve(MediaLayout.CATALOG))) {
            Map<String, String> m = c.metadata();
            SetMetadata meta = new SetMetadata(setId, m.get("type"), bool(m, "bootable_system_state"),
                    bool(m, "component_mode"), bool(m, "partial_file_support"),
                    m.get("snapshot_set_id") == null ? null : UUID.fromString(m.get("snapshot_set_id")),
                    m.get("snapshot_time") == null ? null : Instant.parse(m.get("snapshot_time")), c.sources(),
                    m.get("parent_set_id"));
            long[] n = c.countAndBytes();
            return new BackupSetInfo(meta, m.get("state"), n[0], n[1]);
        }
    }

    /**
     * Where {@code setId} was made: the VSS provider and the host (null where its catalog does not record them).
     *
     * @param setId the set's name in the media directory
     * @return its provider and host
     * @throws java.nio.file.NoSuchFileException if the media directory holds no published set {@code setId}
     * @throws IOException if its catalog cannot be read
     */
    public SetOrigin origin(String setId) throws IOException {
        try (Catalog c = Catalog.open(setDir(setId).resolve(MediaLayout.CATALOG))) {
            Map<String, String> m = c.metadata();
            return new SetOrigin(m.get("provider"), m.get("host"));
        }
    }

    /**
     * Why {@code setId} cannot be restored because of its chain ({@link #chain}): a set it builds on is missing or
     * cannot be read, or the chain loops.
     *
     * @param setId the set's name in the media directory
     * @return the reason, or null if its chain can be followed to its full set
     * @throws java.nio.file.NoSuchFileException if the media directory holds no published set {@code setId}
     * @throws IOException if the catalog of {@code setId} cannot be read
     */
    public String brokenChain(String setId) throws IOException {
        List<String> chain;
        try {
            chain = chain(setId);
        } catch (BrokenChainException e) {
            return e.getMessage();
        }
        for (String s : chain) {
            if (!s.equals(setId) && !Files.isRegularFile(media.resolve(s).resolve(MediaLayout.DATA))) {
                // As restore checks before it writes anything.
                return new BrokenChainException(setId, s, "has no " + MediaLayout.DATA, null).getMessage();
            }
        }
        return null;
    }

    /**
     * The catalog rows of {@code setId}, in data.tar's order.
     *
     * @param setId the set's name in the media directory
     * @return one row per stored file
     * @throws java.nio.file.NoSuchFileException if the media directory holds no published set {@code setId}
     * @throws IOException if its catalog cannot be read
     */
    public List<CatalogRow> files(String setId) throws IOException {
        try (Catalog c = Catalog.open(setDir(setId).resolve(MediaLayout.CATALOG))) {
            return List.copyOf(c.files().values());
        }
    }

    /**
     * The components the backup of {@code setId} added to its Backup Components Document, each with what
     * {@code SetBackupSucceeded} recorded and its writer's backup stamp.
     *
     * @param setId the set's name in the media directory
     * @return the components, empty for a backup without writers
     * @throws java.nio.file.NoSuchFileException if the media directory holds no published set {@code setId}
     * @throws IOException if its catalog cannot be read
     */
    public List<ComponentRow> components(String setId) throws IOException {
        try (Catalog c = Catalog.open(setDir(setId).resolve(MediaLayout.CATALOG))) {
            return c.components();
        }
    }

    /**
     * The chain of {@code setId}: the sets it builds on, followed through each set's parent, in the order a restore
     * applies them (the full set first, {@code setId} last).
     *
     * @param setId the set's name in the media directory
     * @return the set ids of the chain; just {@code setId} if it builds on none
     * @throws java.nio.file.NoSuchFileException if the media directory holds no published set {@code setId}
     * @throws BrokenChainException if a set of the chain is missing, cannot be read, or the chain loops
     * @throws IOException if the catalog of {@code setId} cannot be read
     */
    public List<String> chain(String setId) throws IOException {
        List<String> chain = new ArrayList<>();
        String parent = set(setId).parentSetId();
        chain.add(setId);
        while (parent != null) {
            if (chain.contains(parent)) {
                throw new BrokenChainException(setId, parent, "is already in its chain " + chain + ": the chain loops",
                        null);
            }
            String next;
            try {
                next = set(parent).parentSetId();
            } catch (NoSuchFileException e) {
                throw new BrokenChainException(setId, parent, "is missing from " + media, e);
            } catch (IOException | RuntimeException e) {
                throw new BrokenChainException(setId, parent, "cannot be read: " + e.getMessage(), e);
            }
            chain.add(parent);
            parent = next;
        }
        java.util.Collections.reverse(chain);
        return List.copyOf(chain);
    }

    /**
     * The files of {@code setId} that could not be saved, each as {@code path: reason}.
     *
     * @param setId the set's name in the media directory
     * @return the failed files, empty for a {@code complete} set
     * @throws java.nio.file.NoSuchFileException if the media directory holds no published set {@code setId}
     * @throws IOException if its catalog cannot be read
     */
    public List<String> failedFiles(String setId) throws IOException {
        try (Catalog c = Catalog.open(setDir(setId).resolve(MediaLayout.CATALOG))) {
            return c.failedFiles();
        }
    }

    /**
     * The Backup Components Document the set stores ({@code documents/backup-components.xml}), the input of a
     * writer-aware restore.
     *
     * @param setId the set's name in the media directory
     * @return the document, or empty when the set stores none (a copy set without writers, a set left unconfirmed)
     * @throws IOException if it exists and cannot be read
     */
    public java.util.Optional<String> backupComponentsDocument(String setId) throws IOException {
        Path doc = setDir(setId).resolve(MediaLayout.DOCUMENTS).resolve(MediaLayout.BACKUP_COMPONENTS);
        if (!java.nio.file.Files.isRegularFile(doc)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(java.nio.file.Files.readString(doc, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The data of one file, read at its catalog offset without reading the rest of data.tar.
     *
     * @param setId the set's name in the media directory
     * @param row   the file's catalog row (from {@link #files})
     * @return a stream of the file's {@code row.size()} bytes, which the caller closes
     * @throws java.nio.file.NoSuchFileException if the media directory holds no published set {@code setId}
     * @throws IOException if data.tar cannot be opened or positioned at the row's offset
     */
    public InputStream open(String setId, CatalogRow row) throws IOException {
        FileChannel ch = FileChannel.open(setDir(setId).resolve(MediaLayout.DATA), StandardOpenOption.READ);
        try {
            ch.position(row.dataOffset());
        } catch (IOException | RuntimeException e) {
            ch.close(); // nothing else would close it
            throw e;
        }
        InputStream in = Channels.newInputStream(ch);
        return new InputStream() {
            private long left = row.size();

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /**
     * Reads data.tar of {@code setId} from start to end and compares every file entry with its catalog row: size,
     * SHA-256 and data offset; reports entries without a row, rows without an entry, and a tar that ends early. For
     * each row whose data an earlier set holds ({@code stored_in}) it checks, without reading that data, that the set
     * is of the chain, exists, and that its catalog lists the entry as its own with the same size, SHA-256 and offset
     * ({@link Kind#CHAIN}), then reads that data there (its restore reads it): damage of it is a problem of
     * {@code setId} ({@link Kind#CHECKSUM}, {@link Kind#SIZE} or {@link Kind#UNREADABLE}, the detail naming that set).
     *
     * @param setId the set's name in the media directory
     * @return the files and bytes that matched, and every problem found
     * @throws java.nio.file.NoSuchFileException if the media directory holds no published set {@code setId}
     * @throws IOException if its catalog cannot be read (a damaged or unreadable data.tar is reported, not thrown)
     */
    public VerifyReport verify(String setId) throws IOException {
        return verify(setId, ReadProgress.NONE);
    }

    /**
     * {@link #verify(String)}, telling {@code progress} after each file entry of data.tar.
     *
     * @param setId    the set's name in the media directory
     * @param progress told how far the reading has come
     * @return the files and bytes that matched, and every problem found
     * @throws java.nio.file.NoSuchFileException if the media directory holds no published set {@code setId}
     * @throws IOException if its catalog cannot be read (a damaged or unreadable data.tar is reported, not thrown)
     */
    public VerifyReport verify(String setId, ReadProgress progress) throws IOException {
        Path dir = setDir(setId);
        Map<String, CatalogRow> all;
        Map<String, CatalogRow> streamRows;
        try (Catalog c = Catalog.open(dir.resolve(MediaLayout.CATALOG))) {
            all = c.files();
            streamRows = c.streamEntries();
        }
        Map<String, CatalogRow> rows = new java.util.LinkedHashMap<>();
        List<Problem> problemsBefore = new ArrayList<>();
        all.forEach((name, row) -> {
            if (row.storedHere()) {
                rows.put(name, row);
            }
        });
        // A file's streams entry is always in the set that stores its data: a streams row of a file this set does not
        // store would never be read by a restore (it looks in the holder set).
        streamRows.forEach((name, row) -> {
            CatalogRow file = all.get(row.relativePath());
            if (file == null || !file.storedHere()) {
                problemsBefore.add(new Problem(name, Kind.CHAIN, "a streams entry of " + row.relativePath()
                        + (file == null ? ", which the catalog does not list" : ", whose data set " + file.storedIn()
                                + " holds: a restore takes the streams from that set")));
            }
        });
        rows.putAll(streamRows);
        ReadCount count = new ReadCount(progress, rows.values());
        List<Problem> problems = new ArrayList<>(problemsBefore);
        List<CatalogRow> heldEarlier = new ArrayList<>();
        List<String> chain = checkChain(setId, all, problems, heldEarlier);
        Set<String> seen = new HashSet<>();
        long files = 0;
        long bytes = 0;
        String current = MediaLayout.DATA;
        try (InputStream raw = Files.newInputStream(dir.resolve(MediaLayout.DATA));
                TarArchiveInputStream tin = new TarArchiveInputStream(new BufferedInputStream(raw, BUFFER),
                        StandardCharsets.UTF_8.name())) {
            TarArchiveEntry e;
            byte[] buf = new byte[BUFFER];
            while ((e = tin.getNextEntry()) != null) {
                if (!e.isFile()) {
                    continue;
                }
                current = e.getName();
                long offset = tin.getBytesRead();
                MessageDigest sha = sha256();
                long read = 0;
                for (int n; (n = tin.read(buf)) >= 0; ) {
                    sha.update(buf, 0, n);
                    read += n;
                }
                if (read != e.getSize()) {
                    throw new IOException("the entry holds " + read + " of its " + e.getSize() + " bytes");
                }
                count.passed(e);
                CatalogRow row = rows.get(e.getName());
                if (row == null) {
                    CatalogRow elsewhere = all.get(e.getName());
                    problems.add(new Problem(e.getName(), Kind.NOT_IN_CATALOG, "a file of " + read
                            + " bytes in data.tar that the catalog does not list"
                            + (elsewhere == null ? "" : " as this set's (it says set " + elsewhere.storedIn()
                                    + " holds its data)")));
                    continue;
                }
                seen.add(e.getName());
                String digest = HexFormat.of().formatHex(sha.digest());
                boolean good = true;
                if (row.size() != read) {
                    problems.add(new Problem(e.getName(), Kind.SIZE, "the catalog says " + row.size()
                            + " bytes, data.tar holds " + read));
                    good = false;
                } else if (!row.sha256().equalsIgnoreCase(digest)) {
                    problems.add(new Problem(e.getName(), Kind.CHECKSUM, "SHA-256 " + digest + ", the catalog says "
                            + row.sha256()));
                    good = false;
                }
                if (row.dataOffset() != offset) {
                    problems.add(new Problem(e.getName(), Kind.OFFSET, "its data starts at byte " + offset
                            + " of data.tar, the catalog says " + row.dataOffset()));
                    good = false;
                }
                if (good && !FileStreams.isReserved(e.getName())) {
                    // A file's streams entry is checked as well, but counted with its file, as vss sets counts.
                    files++;
                    bytes += read;
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            problems.add(new Problem(current, Kind.UNREADABLE, "data.tar cannot be read on from here, it ends early "
                    + "or is damaged: " + ex.getMessage()));
        }
        for (String name : rows.keySet()) {
            if (!seen.contains(name)) {
                problems.add(new Problem(name, Kind.MISSING_DATA, "the catalog lists it, data.tar holds no data "
                        + "for it"));
            }
        }
        // Restoring this set reads these from earlier sets of its chain: damage there is damage of this set. A file's
        // streams entry (security descriptor, alternate data streams) is in the set that holds its data, so it too.
        heldEarlier.addAll(heldStreams(heldEarlier));
        heldEarlier.forEach(row -> checkHeldData(row, problems));
        checkDirectories(dir, problems);
        return new VerifyReport(setId, files, bytes, problems, chain);
    }

    /**
     * The chain of {@code setId} as far as it can be followed, with a {@link Kind#CHAIN} problem for each row whose
     * {@code stored_in} set is not of it, cannot be read, or does not hold the entry as the row describes it.
     */
    private List<String> checkChain(String setId, Map<String, CatalogRow> rows, List<Problem> problems,
            List<CatalogRow> heldEarlier) throws IOException {
        List<String> chain;
        try {
            chain = chain(setId);
        } catch (BrokenChainException e) {
            problems.add(new Problem(e.missingSet(), Kind.CHAIN, e.getMessage()));
            chain = List.of(setId);
        }
        Map<String, Map<String, CatalogRow>> holders = new java.util.HashMap<>();
        for (CatalogRow row : rows.values()) {
            if (row.storedHere()) {
                continue;
            }
            String holder = row.storedIn();
            if (!chain.contains(holder)) {
                problems.add(new Problem(row.entryName(), Kind.CHAIN, "its data is said to be in set " + holder
                        + ", which is not of the chain " + chain));
                continue;
            }
            Map<String, CatalogRow> held = holders.get(holder);
            if (held == null && !holders.containsKey(holder)) {
                held = holderRows(holder);
                holders.put(holder, held);
            }
            if (held == null) {
                problems.add(new Problem(row.entryName(), Kind.CHAIN, "its data is said to be in set " + holder
                        + ", which cannot be read"));
                continue;
            }
            CatalogRow there = held.get(row.entryName());
            if (there == null || !there.storedHere()) {
                problems.add(new Problem(row.entryName(), Kind.CHAIN, "its data is said to be in set " + holder
                        + ", which does not hold it"));
            } else if (there.size() != row.size() || !there.sha256().equalsIgnoreCase(row.sha256())
                    || there.dataOffset() != row.dataOffset()) {
                problems.add(new Problem(row.entryName(), Kind.CHAIN, "set " + holder + " holds it with size "
                        + there.size() + ", SHA-256 " + there.sha256() + " at offset " + there.dataOffset()
                        + "; this set's catalog says " + row.size() + ", " + row.sha256() + ", "
                        + row.dataOffset()));
            } else {
                heldEarlier.add(row);
            }
        }
        return chain;
    }

    /**
     * Reads the data of {@code row} from the earlier set that holds it ({@code stored_in}, already checked to list it
     * alike) and adds a problem if its size or SHA-256 differs from the catalog, or it cannot be read.
     */
    private void checkHeldData(CatalogRow row, List<Problem> problems) {
        String where = "its data in set " + row.storedIn() + ", which restoring this set reads: ";
        MessageDigest sha = sha256();
        long read = 0;
        try (InputStream in = open(row.storedIn(), row)) {
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) >= 0; ) {
                sha.update(buf, 0, n);
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(row.entryName(), Kind.UNREADABLE, where + "cannot be read: " + e.getMessage()));
            return;
        }
        String digest = HexFormat.of().formatHex(sha.digest());
        if (read != row.size()) {
            problems.add(new Problem(row.entryName(), Kind.SIZE, where + "data.tar holds " + read + " of its "
                    + row.size() + " bytes"));
        } else if (!row.sha256().equalsIgnoreCase(digest)) {
            problems.add(new Problem(row.entryName(), Kind.CHECKSUM, where + "SHA-256 " + digest
                    + ", the catalog says " + row.sha256()));
        }
    }

    /** The rows of set {@code setId}, or null if its catalog cannot be read. */
    /**
     * The streams entries of the files in {@code held} (rows whose data an earlier set holds), as rows of the set that
     * holds them ({@code stored_in} set to it), so that {@link #checkHeldData} reads them there.
     */
    private List<CatalogRow> heldStreams(List<CatalogRow> held) {
        Map<String, Map<String, CatalogRow>> byHolder = new java.util.HashMap<>();
        List<CatalogRow> out = new ArrayList<>();
        for (CatalogRow row : held) {
            Map<String, CatalogRow> streams = byHolder.computeIfAbsent(row.storedIn(), this::holderStreams);
            CatalogRow s = streams.get(FileStreams.entryOf(row.entryName()));
            if (s != null) {
                out.add(new CatalogRow(s.entryName(), s.sourceRoot(), s.relativePath(), s.metadata(), s.size(),
                        s.sha256(), s.dataOffset(), row.storedIn()));
            }
        }
        return out;
    }

    /** The streams rows of {@code setId}, by streams entry name; none if its catalog cannot be read. */
    private Map<String, CatalogRow> holderStreams(String setId) {
        try (Catalog c = Catalog.open(setDir(setId).resolve(MediaLayout.CATALOG))) {
            return c.streamEntries();
        } catch (IOException | RuntimeException e) {
            return Map.of(); // the set's files were already reported unreadable
        }
    }

    /** Each directory's stored streams against the SHA-256 its row records (docs/backup-semantics.md). */
    private static void checkDirectories(Path dir, List<Problem> problems) throws IOException {
        Map<String, DirectoryRow> directories;
        try (Catalog c = Catalog.open(dir.resolve(MediaLayout.CATALOG))) {
            directories = c.directories();
        }
        for (DirectoryRow d : directories.values()) {
            if (d.streams() == null || d.streams().length == 0) {
                continue;
            }
            String actual = HexFormat.of().formatHex(sha256().digest(d.streams()));
            if (d.streamsSha256() == null || !d.streamsSha256().equalsIgnoreCase(actual)) {
                problems.add(new Problem(d.entryName() + "/", Kind.CHECKSUM, "the directory's stored streams have "
                        + "SHA-256 " + actual + ", its row says " + d.streamsSha256()));
            }
        }
    }

    private Map<String, CatalogRow> holderRows(String setId) {
        try (Catalog c = Catalog.open(setDir(setId).resolve(MediaLayout.CATALOG))) {
            return c.files();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Restores the entries of {@code setId} selected by {@code pathPatterns} ({@link PathPatterns}; empty: all) into
     * {@code target}, which is created if missing. Writes only inside {@code target}; refuses, with its name and
     * nothing written, every entry {@link SafeRestore} refuses; replaces an existing file only if {@code overwrite}.
     * An incremental or differential set is restored by applying its chain ({@link #chain}) in order, the full set
     * first: each file the set lists is taken from the set whose data.tar holds it ({@code stored_in}), and only the
     * files it lists are restored (a file deleted before it was taken is not).
     *
     * @param setId        the set's name in the media directory
     * @param target       the directory restored into
     * @param pathPatterns the patterns selecting the entries to restore; empty for all
     * @param overwrite    whether an existing file in {@code target} is replaced
     * @return the entries restored, refused and missing from data.tar
     * @throws java.nio.file.NoSuchFileException if the media directory holds no published set {@code setId}
     * @throws BrokenChainException if a set of the chain is missing or damaged, or a file's data is said to be in a
     *                              set not of the chain (checked before anything is written)
     * @throws IOException if the catalog or data.tar cannot be read, or writing under {@code target} fails
     */
    public RestoreReport restore(String setId, Path target, List<String> pathPatterns, boolean overwrite)
            throws IOException {
        return restore(setId, target, pathPatterns, overwrite, ReadProgress.NONE);
    }

    /**
     * {@link #restore(String, Path, List, boolean)}, telling {@code progress} after each file entry of data.tar.
     *
     * @param setId        the set's name in the media directory
     * @param target       the directory restored into
     * @param pathPatterns the patterns selecting the entries to restore; empty for all
     * @param overwrite    whether an existing file in {@code target} is replaced
     * @param progress     told how far the reading has come
     * @return the entries restored, refused and missing from data.tar
     * @throws java.nio.file.NoSuchFileException if the media directory holds no published set {@code setId}
     * @throws IOException if the catalog or data.tar cannot be read, or writing under {@code target} fails
     */
    public RestoreReport restore(String setId, Path target, List<String> pathPatterns, boolean overwrite,
            ReadProgress progress) throws IOException {
        Path dir = setDir(setId);
        Map<String, CatalogRow> rows;
        try (Catalog c = Catalog.open(dir.resolve(MediaLayout.CATALOG))) {
            rows = c.files();
        }
        List<String> chain = chain(setId);
        ReadCount count = new ReadCount(progress, rows.values());
        Map<String, Map<String, CatalogRow>> byHolder = new java.util.LinkedHashMap<>();
        for (String s : chain) {
            byHolder.put(s, new java.util.LinkedHashMap<>());
        }
        for (CatalogRow row : rows.values()) {
            Map<String, CatalogRow> held = byHolder.get(row.holder(setId));
            if (held == null) {
                throw new BrokenChainException(setId, row.storedIn(), "is not of its chain " + chain
                        + ", yet its catalog says that set holds the data of " + row.entryName(), null);
            }
            held.put(row.entryName(), row);
        }
        for (String s : chain) {
            if (!Files.isRegularFile(media.resolve(s).resolve(MediaLayout.DATA))) {
                throw new BrokenChainException(setId, s, "has no " + MediaLayout.DATA, null);
            }
        }
        PathPatterns patterns = new PathPatterns(pathPatterns);
        Map<Path, String> written = new java.util.HashMap<>();
        List<String> restored = new ArrayList<>();
        List<RestoreReport.Refusal> refused = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        // One for the whole chain: what it could not apply is reported once, whichever set held the file.
        try (MetadataRestore metadata = new MetadataRestore(org.vss4j.files.PrivilegedFileAccess.current())) {
            for (String s : chain) {
                boolean whole = s.equals(setId);
                Map<String, CatalogRow> held = byHolder.get(s);
                if (!whole && held.isEmpty()) {
                    continue; // a later set holds every file of it that is still listed
                }
                Path data = media.resolve(s).resolve(MediaLayout.DATA);
                // A file's streams entry is in the set that holds its data (docs/backup-semantics.md).
                Map<String, CatalogRow> streams;
                try (Catalog c = Catalog.open(media.resolve(s).resolve(MediaLayout.CATALOG))) {
                    streams = c.streamEntries();
                }
                List<String> rawNames = RawEntryNames.of(data);
                try (InputStream raw = Files.newInputStream(data)) {
                    RestoreReport r = new SafeRestore(target, patterns, overwrite, held, whole, written)
                            .progress(count).withMetadata(streams, metadata, data)
                            .run(new BufferedInputStream(raw, BUFFER), rawNames);
                    restored.addAll(r.restored());
                    refused.addAll(r.refused());
                    missing.addAll(r.missing());
                }
            }
            // After every file: the directories' metadata from the restored set's own catalog, which keeps the
            // directories of all the files it lists, whichever set of the chain holds their data.
            Map<String, DirectoryRow> directories;
            try (Catalog c = Catalog.open(dir.resolve(MediaLayout.CATALOG))) {
                directories = c.directories();
            }
            metadata.applyDirectories(directories, overwrite);
            return new RestoreReport(restored, refused, missing, metadata.notApplied(), chain);
        }
    }

    /**
     * A restore of single files of {@code setId} to places the caller chooses ({@link PlacedRestore}), applying their
     * stored metadata as {@link #restore} does.
     *
     * @param setId the set's name in the media directory
     * @return the restore, which the caller closes
     * @throws java.nio.file.NoSuchFileException if the media directory holds no published set {@code setId}
     * @throws IOException if its catalog cannot be read
     */
    public PlacedRestore placedRestore(String setId) throws IOException {
        Map<String, DirectoryRow> directories;
        try (Catalog c = Catalog.open(catalogOf(setId))) {
            directories = c.directories();
        }
        return new PlacedRestore(this, setId, directories, org.vss4j.files.PrivilegedFileAccess.current());
    }

    /** The catalog of {@code setId}. */
    Path catalogOf(String setId) throws NoSuchFileException {
        return setDir(setId).resolve(MediaLayout.CATALOG);
    }

    /** The data.tar of {@code setId}. */
    Path dataOf(String setId) throws NoSuchFileException {
        return setDir(setId).resolve(MediaLayout.DATA);
    }

    private Path setDir(String setId) throws NoSuchFileException {
        Path dir = media.resolve(MediaLayout.checkSetId(setId));
        if (!Files.isRegularFile(dir.resolve(MediaLayout.CATALOG))) {
            throw new NoSuchFileException(dir.toString(), null, "no backup set " + setId + " in " + media);
        }
        return dir;
    }

    private static boolean bool(Map<String, String> m, String key) {
        return Boolean.parseBoolean(m.get(key));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
