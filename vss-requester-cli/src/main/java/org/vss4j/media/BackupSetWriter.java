package org.vss4j.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes one backup set (docs/backup-sets.md) under {@code MEDIA/.partial-<set-id>/} and publishes it with one atomic
 * rename in {@link #finish}. Until then nothing in the media directory looks like a set: a failure, {@link #abort} or
 * {@link #close} without finish removes the partial set, and a killed process leaves only a {@code .partial-*} that
 * the next {@link BackupSetReader#open} removes. After any failure of {@code addFile} the writer accepts nothing but
 * abort, since data.tar may end in the middle of an entry.
 */
public final class BackupSetWriter implements AutoCloseable {

    /**
     * The most read per call from the file: 1 MiB, so that a multi-GiB file costs a few thousand reads; a smaller
     * file gets a buffer of its size.
     */
    private static final int COPY_BUFFER = 1 << 20;
    /** How much of data.tar is gathered per write: the tar stream itself hands on one 512-byte record at a time. */
    private static final int DATA_BUFFER = 1 << 20;

    private final Path media;
    private SetMetadata metadata;
    private final Path partial;
    private final Path lockPath;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileChannel dataChannel;
    private final TarArchiveOutputStream tar;
    private final Catalog catalog;
    private final Set<String> directories = new HashSet<>();
    private final Set<String> roots = new HashSet<>();
    /** The entries whose data this set stores (addFile), and those of them whose streams it stored (addStreams). */
    private final CompactStringSet stored = new CompactStringSet();
    private final CompactStringSet withStreams = new CompactStringSet();
    /** The copy buffer and the digest of every entry, one per set (each was made anew per file). */
    private final byte[] copyBuffer = new byte[COPY_BUFFER];
    private final MessageDigest sha = sha256();
    private long files;
    private long bytes;
    private int failures;
    private boolean broken;
    private boolean done;

    private BackupSetWriter(Path media, SetMetadata metadata, Path lockPath, FileChannel lockChannel, FileLock lock)
            throws IOException {
        this.media = media;
        this.metadata = metadata;
        this.partial = MediaLayout.partialDir(media, metadata.setId());
        this.lockPath = lockPath;
        this.lockChannel = lockChannel;
        this.lock = lock;
        // Owner-only where permissions are POSIX: the data was read with backup semantics (MediaLayout).
        Files.createDirectory(partial, MediaLayout.ownerOnlyDirectory());
        // The marker first: a sweep removes only directories that hold it (never a user's own .partial-something).
        Files.createFile(partial.resolve(MediaLayout.FORMAT), MediaLayout.ownerOnlyFile());
        Files.writeString(partial.resolve(MediaLayout.FORMAT), MediaLayout.FORMAT_TEXT, StandardCharsets.US_ASCII,
                StandardOpenOption.WRITE);
        MediaLayout.force(partial.resolve(MediaLayout.FORMAT));
        Files.createDirectory(partial.resolve(MediaLayout.DOCUMENTS), MediaLayout.ownerOnlyDirectory());
        Files.createDirectory(partial.resolve(MediaLayout.DOCUMENTS).resolve(MediaLayout.WRITERS),
                MediaLayout.ownerOnlyDirectory());
        this.dataChannel = FileChannel.open(partial.resolve(MediaLayout.DATA), java.util.Set.of(
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), MediaLayout.ownerOnlyFile());
        Catalog created = null;
        try {
            // Holes for zero blocks: a sparse source (a VHDX, a database file) costs its data on the media, not its size.
            OutputStream out = new SparseOutputStream(dataChannel, DATA_BUFFER);
            // Block size 512 (one record): the stream then writes every header out whole before the data, so the count
            // of bytes written after putArchiveEntry is the data's offset in data.tar.
            this.tar = new TarArchiveOutputStream(out, TarConstants.DEFAULT_RCDSIZE, StandardCharsets.UTF_8.name());
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            beforeCatalog.run();
            created = Catalog.create(partial.resolve(MediaLayout.CATALOG));
            created.putMetadata(metadata, Instant.now());
        } catch (IOException | RuntimeException e) {
            // Closed here: start() then deletes the partial set, which Windows refuses while a file in it is open.
            try {
                dataChannel.close();
                if (created != null) {
                    created.close();
                }
            } catch (IOException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        this.catalog = created;
        for (SetMetadata.Source s : metadata.sources()) {
            roots.add(s.root());
        }
    }

    /**
     * Starts the set {@code metadata.setId()} in {@code media} (created if missing).
     *
     * @param media    the media directory
     * @param metadata the set's id, type, sources and the rest of what its catalog records first
     * @return the writer of the new partial set, which the caller finishes or closes
     * @throws FileAlreadyExistsException if a set or a partial set of that id exists
     * @throws IOException if the media directory, its lock or the partial set cannot be created
     */
    public static BackupSetWriter start(Path media, SetMetadata metadata) throws IOException {
        Files.createDirectories(media);
        String id = metadata.setId();
        // Under the media lock a sweep sees either no partial set of this id or one with its lock file held.
        try (MediaLock ignored = MediaLock.take(media)) {
            if (Files.exists(media.resolve(id), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(media.resolve(id).toString(), null,
                        "a backup set of that id exists");
            }
            Path lockPath = MediaLayout.lockFile(media, id);
            FileChannel ch = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = null;
            try {
                try {
                    lock = ch.tryLock();
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    lock = null; // a writer of this process holds it
                }
                if (lock == null || Files.exists(MediaLayout.partialDir(media, id),
                        java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(MediaLayout.partialDir(media, id).toString(), null,
                            "a backup set of that id is being written or was left by a killed run");
                }
                return new BackupSetWriter(media, metadata, lockPath, ch, lock);
            } catch (IOException | RuntimeException e) {
                boolean ours = lock != null;
                try {
                    if (ours) {
                        MediaLayout.deleteTree(MediaLayout.partialDir(media, id));
                    }
                } finally {
                    try {
                        if (ours) {
                            lock.release();
                        }
                    } finally {
                        ch.close();
                        if (ours) {
                            Files.deleteIfExists(lockPath); // under the media lock: no one else opened it
                        }
                    }
                }
                throw e;
            }
        }
    }

    /**
     * The set's id.
     *
     * @return {@code setId()} of the metadata the writer was started with
     */
    public String setId() {
        return metadata.setId();
    }

    /**
     * Adds a file read from {@code file} ({@link #addFile(String, String, FileMetadata, long, InputStream)}).
     *
     * @param sourceRoot   one of the set's sources' roots
     * @param relativePath the path under it, names joined by {@code /}, each a name Windows allows
     * @param meta         what the catalog records about the file besides its data
     * @param file         the file whose data is stored; its current size is the entry's size
     * @return the file's catalog row
     * @throws IOException if {@code file} cannot be opened or read, or its size changes while it is read; after a
     *                     failure while its data is stored the writer only aborts
     */
    public CatalogRow addFile(String sourceRoot, String relativePath, FileMetadata meta, Path file)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return addFile(sourceRoot, relativePath, meta, Files.size(file), in);
        }
    }

    /**
     * Streams {@code size} bytes of {@code in} into data.tar as {@code sourceRoot/relativePath}, computing their
     * SHA-256 in the same read, and records the catalog row.
     *
     * @param sourceRoot   one of the set's sources' roots
     * @param relativePath the path under it, names joined by {@code /}, each a name Windows allows
     * @param meta         what the catalog records about the file besides its data
     * @param size         the number of bytes of the file
     * @param in           the file's data, read but not closed
     * @return the file's catalog row: entry name, size, SHA-256 and data offset
     * @throws IOException if {@code in} ends before {@code size} bytes or holds more (the file changed while read);
     *                     after it the writer only aborts
     */
    public CatalogRow addFile(String sourceRoot, String relativePath, FileMetadata meta, long size, InputStream in)
            throws IOException {
        checkOpen();
        if (!roots.contains(sourceRoot)) {
            throw new IllegalArgumentException("no source of set " + setId() + " has the root " + sourceRoot);
        }
        List<String> names = EntryNames.segments(relativePath);
        String relative = String.join("/", names);
        String entryName = sourceRoot + "/" + relative;
        broken = true; // until the entry is whole
        ensureDirectories(sourceRoot, names);
        TarArchiveEntry entry = new TarArchiveEntry(entryName, TarConstants.LF_NORMAL);
        entry.setSize(size);
        entry.setMode(0644);
        if (meta.lastWriteTime() != null) {
            entry.setLastModifiedTime(FileTime.from(meta.lastWriteTime()));
        }
        tar.putArchiveEntry(entry);
        long offset = tar.getBytesWritten();
        sha.reset();
        byte[] buf = copyBuffer;
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new IOException(meta.originalPath() + " ended after " + (size - left) + " of its " + size
                        + " bytes: it changed while it was read");
            }
            sha.update(buf, 0, n);
            tar.write(buf, 0, n);
            left -= n;
        }
        if (in.read() >= 0) {
            throw new IOException(meta.originalPath() + " holds more than its " + size
                    + " bytes: it changed while it was read");
        }
        tar.closeArchiveEntry();
        CatalogRow row = new CatalogRow(entryName, sourceRoot, relative, meta, size,
                HexFormat.of().formatHex(sha.digest()), offset);
        catalog.addFile(row);
        stored.add(entryName);
        files++;
        bytes += size;
        broken = false;
        return row;
    }

    /**
     * Lists a file that did not change since the parent set without storing its data again: its row names the set of
     * the chain whose data.tar holds the data ({@code stored_in}) and the data's offset there (docs/backup-sets.md,
     * "Incremental and differential sets").
     *
     * @param earlier     the file's row in the parent set's catalog
     * @param parentSetId the parent set ({@link SetMetadata#parentSetId} of this set)
     * @param meta        the file's metadata as it is now (same size and data as {@code earlier})
     * @return the row recorded
     * @throws IllegalStateException if this set has no parent, or {@code parentSetId} is not it
     * @throws IOException if the catalog cannot record it
     */
    public CatalogRow addUnchanged(CatalogRow earlier, String parentSetId, FileMetadata meta) throws IOException {
        checkOpen();
        if (metadata.parentSetId() == null || !metadata.parentSetId().equals(parentSetId)) {
            throw new IllegalStateException("set " + setId() + " does not build on " + parentSetId
                    + ": only a file of its parent set can be listed without data");
        }
        if (!roots.contains(earlier.sourceRoot())) {
            throw new IllegalArgumentException("no source of set " + setId() + " has the root "
                    + earlier.sourceRoot());
        }
        CatalogRow row = new CatalogRow(earlier.entryName(), earlier.sourceRoot(), earlier.relativePath(), meta,
                earlier.size(), earlier.sha256(), earlier.dataOffset(), earlier.holder(parentSetId));
        catalog.addFile(row);
        return row;
    }

    /**
     * Stores a file's streams besides its data (security descriptor, alternate data streams) in the BackupRead format
     * as the entry {@code .vss4j-streams/<entry name>} and records it in the catalog's {@code file_streams}
     * (docs/backup-semantics.md). The restore finds the entry by its catalogued offset, so it may come after other
     * files' entries; but it must be in the set that stores the file's data, where a chain's restore looks for it.
     *
     * @param file    the file's catalog row, as this writer's {@code addFile} returned it
     * @param kinds   the streams, comma-separated
     * @param streams the streams' bytes
     * @return the streams entry's row
     * @throws IllegalStateException if this set does not store the data of {@code file} (it was not added with
     *                               {@code addFile} here, or only listed with {@code addUnchanged}), or its streams
     *                               were stored already
     * @throws IOException if it cannot be stored; the writer then only aborts
     */
    public CatalogRow addStreams(CatalogRow file, String kinds, byte[] streams) throws IOException {
        checkOpen();
        if (!file.storedHere() || !stored.contains(file.entryName())) {
            throw new IllegalStateException("set " + setId() + " does not store the data of " + file.entryName()
                    + ": its streams belong in the set that does");
        }
        if (!withStreams.add(file.entryName())) {
            throw new IllegalStateException("set " + setId() + " stores the streams of " + file.entryName()
                    + " already");
        }
        String entryName = FileStreams.entryOf(file.entryName());
        broken = true;
        List<String> names = EntryNames.segments(file.entryName());
        StringBuilder dir = new StringBuilder(FileStreams.ROOT);
        addDirectory(dir.toString());
        for (int i = 0; i < names.size() - 1; i++) {
            dir.append('/').append(names.get(i));
            addDirectory(dir.toString());
        }
        TarArchiveEntry entry = new TarArchiveEntry(entryName, TarConstants.LF_NORMAL);
        entry.setSize(streams.length);
        entry.setMode(0644);
        if (file.metadata().lastWriteTime() != null) {
            entry.setLastModifiedTime(FileTime.from(file.metadata().lastWriteTime()));
        }
        tar.putArchiveEntry(entry);
        long offset = tar.getBytesWritten();
        tar.write(streams);
        tar.closeArchiveEntry();
        sha.reset();
        CatalogRow row = new CatalogRow(entryName, FileStreams.ROOT, file.entryName(), file.metadata(),
                streams.length, HexFormat.of().formatHex(sha.digest(streams)), offset);
        catalog.addStreams(file.entryName(), kinds, row);
        broken = false;
        return row;
    }

    /**
     * Records the shadow copy set and the time it was taken, when they are known only after the files were copied
     * (a {@code BackupSession} reports the time with its result).
     *
     * @param snapshotSetId the shadow copy set, or null
     * @param snapshotTime  when the shadow copies were taken, or null
     * @throws IOException if the catalog cannot record them
     */
    public void snapshotTaken(UUID snapshotSetId, Instant snapshotTime) throws IOException {
        checkOpen();
        SetMetadata m = metadata;
        metadata = new SetMetadata(m.setId(), m.type(), m.bootableSystemState(), m.componentMode(),
                m.partialFileSupport(), snapshotSetId, snapshotTime, m.sources(), m.parentSetId());
        catalog.put("snapshot_set_id", snapshotSetId == null ? null : snapshotSetId.toString());
        catalog.put("snapshot_time", snapshotTime == null ? null : snapshotTime.toString());
    }

    /**
     * Records what the set keeps of a directory of its files: times, attributes and streams (docs/backup-semantics.md,
     * "Directories"). Every set records the directories of all the files it lists, so that a chain's restore reads
     * them from the restored set alone.
     *
     * @param d the directory's row
     * @throws IOException if the catalog cannot record it
     */
    void addDirectoryMetadata(DirectoryRow d) throws IOException {
        checkOpen();
        catalog.addDirectory(d);
    }

    /**
     * Records a link, junction or mount point (never followed, no data).
     *
     * @param originalPath the link's Windows path on the live system
     * @param reparseTag   its reparse tag ({@code IO_REPARSE_TAG_*}, winnt.h)
     * @param writerName   the name of the writer whose component holds it, or null
     * @param component    that component's full path, or null
     * @throws IOException if the catalog cannot record it
     */
    public void addLink(String originalPath, int reparseTag, String writerName, String component) throws IOException {
        checkOpen();
        catalog.addLink(originalPath, reparseTag, writerName, component);
    }

    /**
     * Records a file that could not be saved: the set is then published as {@code partial}.
     *
     * @param originalPath the file's Windows path on the live system
     * @param writerName   the name of the writer whose component holds it, or null
     * @param component    that component's full path, or null
     * @param reason       why it could not be saved
     * @throws IOException if the catalog cannot record it
     */
    public void fileFailed(String originalPath, String writerName, String component, String reason)
            throws IOException {
        checkOpen();
        catalog.addFailure(originalPath, writerName, component, reason);
        failures++;
    }

    /**
     * Stores the Backup Components Document.
     *
     * @param xml the document's XML
     * @throws IOException if it cannot be written and forced to the media, or was already stored
     */
    public void addBackupComponentsDocument(String xml) throws IOException {
        checkOpen();
        writeDocument(partial.resolve(MediaLayout.DOCUMENTS).resolve(MediaLayout.BACKUP_COMPONENTS), xml);
    }

    /**
     * Stores a writer's Writer Metadata Document.
     *
     * @param writerInstanceId the writer instance's id, a UUID; the document's file name
     * @param xml              the document's XML
     * @throws IOException if it cannot be written and forced to the media, or one of that writer instance was
     *                     already stored
     */
    public void addWriterDocument(String writerInstanceId, String xml) throws IOException {
        checkOpen();
        String name = UUID.fromString(writerInstanceId).toString() + ".xml";
        writeDocument(partial.resolve(MediaLayout.DOCUMENTS).resolve(MediaLayout.WRITERS).resolve(name), xml);
    }

    /**
     * Flushes data, documents and catalog, publishes the set by one atomic rename and returns it.
     *
     * @return the published set, {@code complete}, or {@code partial} if a file was recorded as failed
     * @throws IOException if any step fails; the partial set is then removed
     */
    public BackupSetInfo finish() throws IOException {
        return finish(failures == 0 ? "complete" : "partial");
    }

    /**
     * Publishes the set as {@code unconfirmed}: everything stored so far is flushed and the set renamed into place,
     * for a caller that has more to do once the set is durable ({@link SessionBackupSet} tells the writers the backup
     * succeeded only then, and records the outcome with {@link PublishedSet}).
     */
    BackupSetInfo publishUnconfirmed() throws IOException {
        return finish(PublishedSet.UNCONFIRMED);
    }

    /** Test seam: runs once data.tar is open, before the catalog is created. */
    static volatile IoStep beforeCatalog = () -> { };

    /** Test seam: runs at the start of publishing, before anything is flushed. */
    static volatile IoStep beforePublish = () -> { };

    /** A step that may fail with an I/O error. */
    interface IoStep {
        void run() throws IOException;
    }

    private BackupSetInfo finish(String state) throws IOException {
        checkOpen();
        try {
            beforePublish.run();
            tar.finish();
            tar.flush();
            dataChannel.force(true);
            tar.close();
            catalog.put("state", state);
            catalog.put("finished", Instant.now().toString());
            catalog.commit();
            catalog.close();
            MediaLayout.forceDirectory(partial.resolve(MediaLayout.DOCUMENTS).resolve(MediaLayout.WRITERS));
            MediaLayout.forceDirectory(partial.resolve(MediaLayout.DOCUMENTS));
            MediaLayout.forceDirectory(partial);
            Files.move(partial, media.resolve(setId()), StandardCopyOption.ATOMIC_MOVE);
            // Published: from here nothing is removed, and a failure says so.
            done = true;
            try {
                MediaLayout.forceDirectory(media);
            } catch (IOException e) {
                releaseLock();
                throw new IOException("the set " + setId() + " is published in " + media + ", but flushing that "
                        + "directory failed (" + e.getMessage() + "): it may be missing after a power loss; "
                        + "verify it after a restart", e);
            }
            releaseLock();
            return new BackupSetInfo(metadata, state, files, bytes);
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /**
     * Removes the partial set; nothing of it stays. Idempotent; does nothing after a successful finish.
     *
     * @throws IOException if the partial set cannot be removed or the set's lock file cannot be released
     */
    public void abort() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            // The data is removed: a failure to close a tar that ends inside an entry does not matter.
            try {
                tar.close();
            } catch (IOException e) {
                dataChannel.close();
            }
            try {
                catalog.close();
            } finally {
                MediaLayout.deleteTree(partial);
            }
        } finally {
            releaseLock();
        }
    }

    /** Releases and deletes the set's lock file, under the media lock so that no sweep or writer has it open. */
    private void releaseLock() throws IOException {
        try (MediaLock ignored = MediaLock.take(media)) {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
            Files.deleteIfExists(lockPath);
        }
    }

    /** Aborts unless {@link #finish} succeeded. */
    @Override
    public void close() throws IOException {
        abort();
    }

    private void ensureDirectories(String root, List<String> names) throws IOException {
        StringBuilder dir = new StringBuilder(root);
        addDirectory(dir.toString());
        for (int i = 0; i < names.size() - 1; i++) {
            dir.append('/').append(names.get(i));
            addDirectory(dir.toString());
        }
    }

    private void addDirectory(String name) throws IOException {
        if (directories.add(name)) {
            TarArchiveEntry d = new TarArchiveEntry(name + "/", TarConstants.LF_DIR);
            d.setMode(0755);
            tar.putArchiveEntry(d);
            tar.closeArchiveEntry();
        }
    }

    private void writeDocument(Path file, String xml) throws IOException {
        Files.createFile(file, MediaLayout.ownerOnlyFile());
        Files.writeString(file, xml, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        MediaLayout.force(file);
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("backup set " + setId() + " is already finished or aborted");
        }
        if (broken) {
            throw new IllegalStateException("backup set " + setId() + " failed while a file was written: abort it");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
