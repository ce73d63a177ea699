package org.vss4j.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.vss4j.media.RestoreReport.Refusal;

/**
 * One restore of a data.tar into a target directory, writing only inside it (docs/backup-sets.md, "Verification and
 * restore"). Every entry is checked before anything is written for it: its name ({@link EntryNames}), its type (files
 * and directories only: backup sets hold no links), the directories on its way (no symbolic link),
 * and what is already at its place (replaced only with overwrite, a directory never). A file is written to a
 * temporary name beside its place and moved there once its data matched the catalog.
 */
final class SafeRestore {

    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    /** How much of a restored file is gathered per write. */
    private static final int RESTORE_BUFFER = 1 << 20;

    private final Path target;
    private final PathPatterns patterns;
    private final boolean overwrite;
    private final Map<String, CatalogRow> rows;
    private final List<String> restored = new ArrayList<>();
    private final List<Refusal> refused = new ArrayList<>();
    /** The files this restore wrote, as the file system names them ({@code toRealPath}), with their entry names. */
    private final Map<Path, String> written;
    /** False for an earlier set of a chain: only its files in {@link #rows} are wanted, the rest is passed over. */
    private final boolean wholeSet;
    private ReadCount count = new ReadCount(ReadProgress.NONE, List.of());

    /** The streams entries' rows and what applies them and the times and attributes (none: times only, as before). */
    private Map<String, CatalogRow> streams = Map.of();
    private MetadataRestore metadata;
    /** The data.tar the streams entries are read from, at their catalogued offsets. */
    private StoredStreams streamsData;

    SafeRestore(Path target, PathPatterns patterns, boolean overwrite, Map<String, CatalogRow> rows) {
        this(target, patterns, overwrite, rows, true, new java.util.HashMap<>());
    }

    /**
     * A restore of one data.tar of a chain ({@link BackupSetReader#restore}): {@code rows} are the restored set's
     * rows whose data this data.tar holds. For an earlier set ({@code wholeSet} false) every other entry, and every
     * directory entry, is passed over: the restored set does not list it (deleted since), or a later set holds it.
     * {@code written} is shared by the restores of one chain.
     */
    SafeRestore(Path target, PathPatterns patterns, boolean overwrite, Map<String, CatalogRow> rows, boolean wholeSet,
            Map<Path, String> written) {
        this.target = target.toAbsolutePath().normalize();
        this.patterns = patterns;
        this.overwrite = overwrite;
        this.rows = rows;
        this.wholeSet = wholeSet;
        this.written = written;
    }

    /** Whether {@code name} is a file this restore is after, or such a file's streams entry. */
    private boolean wanted(String name) {
        return rows.containsKey(name) || FileStreams.isReserved(name) && rows.containsKey(FileStreams.fileOf(name));
    }

    /** Counts {@code e} if it is one of the files this restore is after (a chain's other entries are not). */
    private void counted(TarArchiveEntry e) {
        if (rows.containsKey(e.getName())) {
            count.passed(e);
        }
    }

    /** Tells {@code c} of each file entry read through; returns this restore. */
    SafeRestore progress(ReadCount c) {
        this.count = c;
        return this;
    }

    /**
     * Also restores each file's security descriptor and alternate data streams from its streams entry, then its
     * times and attributes ({@link MetadataRestore}). The streams entry of a file is found by the catalog
     * ({@code file_streams}: its offset and size in {@code data}), not by where it sits in the tar, so a set whose
     * streams entry does not follow its file, or lacks it, is restored as its catalog says or reported.
     */
    SafeRestore withMetadata(Map<String, CatalogRow> streamRows, MetadataRestore restore, Path data) {
        this.streams = streamRows;
        this.metadata = restore;
        this.streamsData = new StoredStreams(data);
        return this;
    }

    /**
     * Restores the entries of {@code tarData}; {@code rawNames} are their names as the archive holds them
     * ({@link RawEntryNames}), judged instead of the names Commons Compress made of them.
     */
    RestoreReport run(InputStream tarData, List<String> rawNames) throws IOException {
        Files.createDirectories(target);
        try (TarArchiveInputStream tin = new TarArchiveInputStream(tarData, StandardCharsets.UTF_8.name())) {
            TarArchiveEntry e;
            // The update counts each wanted entry once it is done with, after a `continue` too.
            for (int index = 0; (e = tin.getNextEntry()) != null; index++, counted(e)) {
                if (!wholeSet && !(e.isFile() && wanted(e.getName()))) {
                    continue;
                }
                String name = index < rawNames.size() && RawEntryNames.sameEntry(rawNames.get(index), e.getName())
                        ? rawNames.get(index) : e.getName();
                List<String> segments;
                try {
                    segments = EntryNames.segments(name);
                } catch (IllegalArgumentException ex) {
                    refused.add(new Refusal(name, ex.getMessage()));
                    continue;
                }
                if (FileStreams.isReserved(e.getName())) {
                    // Never restored as a file: read through the catalog for the file it belongs to (withMetadata).
                    continue;
                }
                if (!patterns.selects(segments)) {
                    continue;
                }
                try {
                    restore(e, segments, tin);
                } catch (Refused r) {
                    refused.add(new Refusal(name, r.getMessage()));
                }
            }
        } finally {
            if (streamsData != null) {
                streamsData.close();
            }
        }
        // What could not be applied so far (a chain's restores share one MetadataRestore, so its caller reads it once).
        return new RestoreReport(restored, refused, missing(), metadata == null ? List.of() : metadata.notApplied(),
                List.of());
    }

    /**
     * Applies to the restored {@code place} the streams its catalog lists for {@code row} (if any), then its times
     * and attributes. A streams entry the catalog lists but data.tar does not hold where it says (missing, cut short,
     * or failing its SHA-256) is damaged data like a damaged file: it is refused under its own name, which makes the
     * restore incomplete (docs/backup-sets.md, "vss restore"); the file's data stays restored.
     */
    private void applyMetadata(Path place, CatalogRow row) throws IOException {
        if (metadata == null) {
            return;
        }
        String entry = FileStreams.entryOf(row.entryName());
        CatalogRow s = streams.get(entry);
        if (s != null) {
            StoredStreams.Read read = streamsData.read(s);
            if (read.problem() == null) {
                metadata.streams(place, row.entryName(), s.metadata().component(), read.bytes());
            } else {
                refused.add(new Refusal(entry, "the streams (" + s.metadata().component() + ") of "
                        + row.entryName() + ", whose data was restored without them: " + read.problem()));
            }
        }
        metadata.basic(place, row);
    }

    /** The selected catalog rows that no entry of data.tar restored or was refused for. */
    private List<String> missing() {
        java.util.Set<String> seen = new java.util.HashSet<>(restored);
        refused.forEach(r -> seen.add(r.name()));
        List<String> out = new ArrayList<>();
        for (String name : rows.keySet()) {
            List<String> segments;
            try {
                segments = EntryNames.segments(name);
            } catch (IllegalArgumentException e) {
                segments = null; // a name no entry could be restored under: reported if selected at all
            }
            if (!seen.contains(name) && (segments == null ? patterns.selectsAll() : patterns.selects(segments))) {
                out.add(name);
            }
        }
        return out;
    }

    private void restore(TarArchiveEntry e, List<String> segments, InputStream data) throws IOException, Refused {
        if (e.isDirectory()) {
            directory(segments, segments.size());
        } else if (e.isSymbolicLink()) {
            // The writer stores links in the catalog only, never in data.tar; a link entry judged alone can still
            // lead out through a link restored before it, so none is restored.
            throw new Refused("a symbolic link (to " + e.getLinkName() + "): backup sets hold none");
        } else if (e.isLink()) {
            throw new Refused("a hard link (to " + e.getLinkName() + "): backup sets hold none");
        } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            throw new Refused("a device or pipe (tar type '" + (char) typeOf(e) + "'): backup sets hold none");
        } else if (e.isFile()) {
            file(e, segments, data);
        } else {
            throw new Refused("not a file or directory (tar type '" + (char) typeOf(e) + "')");
        }
    }

    private void file(TarArchiveEntry e, List<String> segments, InputStream data) throws IOException, Refused {
        Path parent = directory(segments, segments.size() - 1);
        Path place = parent.resolve(segments.get(segments.size() - 1));
        checkPlace(place);
        checkNotWrittenBefore(place);
        CatalogRow row = rows.get(e.getName());
        if (row == null) {
            throw new Refused("not in the catalog: there is no SHA-256 to check its data against (run verify)");
        }
        if (row.size() != e.getSize()) {
            throw new Refused("its size " + e.getSize() + " is not the catalog's " + row.size() + " (run verify)");
        }
        Path temp = Files.createTempFile(parent, ".vss-restore-", ".tmp");
        boolean moved = false;
        try {
            MessageDigest sha = BackupSetReader.sha256();
            // Zero blocks become holes again: a sparse file restores at the size its data takes, not its length.
            try (OutputStream out = new SparseOutputStream(FileChannel.open(temp, StandardOpenOption.WRITE),
                    RESTORE_BUFFER)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = data.read(buf)) >= 0; ) {
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            if (!row.sha256().equalsIgnoreCase(HexFormat.of().formatHex(sha.digest()))) {
                throw new Refused("its data does not match the catalog's SHA-256 (run verify)");
            }
            FileTime time = e.getLastModifiedTime();
            if (time != null) {
                Files.setLastModifiedTime(temp, time);
            }
            try {
                if (overwrite && metadata != null) {
                    try {
                        metadata.replace(temp, place);
                    } catch (FileAlreadyExistsException ex) {
                        throw ex;
                    } catch (IOException ex) {
                        throw new Refused("the file there could not be replaced: " + ex.getMessage());
                    }
                } else if (overwrite) {
                    Files.move(temp, place, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.move(temp, place);
                }
            } catch (FileAlreadyExistsException ex) {
                throw new Refused("a file of that name exists (restore with --overwrite to replace it)");
            }
            moved = true;
            written.put(place.toRealPath(), e.getName());
            restored.add(e.getName());
            applyMetadata(place, row);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Refuses to write over a file this restore wrote: an archive naming one file twice, or two names that differ by
     * case only on a file system that ignores case (NTFS as Windows uses it: Microsoft docs, "Naming Files, Paths,
     * and Namespaces"), where overwrite would otherwise keep only the last of them.
     */
    private void checkNotWrittenBefore(Path place) throws IOException, Refused {
        if (Files.exists(place, NOFOLLOW)) {
            String earlier = written.get(place.toRealPath());
            if (earlier != null) {
                throw new Refused("it would replace " + earlier + ", restored from this set just before (the same "
                        + "name, or one differing by case on a file system that ignores case)");
            }
        }
    }

    /**
     * Refuses a place already taken, unless overwrite is asked for and what is there is no directory nor a reparse
     * point other than a symbolic link (which the move replaces, never follows).
     */
    private void checkPlace(Path place) throws Refused {
        if (!Files.exists(place, NOFOLLOW)) {
            return;
        }
        if (!Files.isSymbolicLink(place) && MediaLayout.isReparsePoint(place)) {
            throw new Refused("a junction or other reparse point of that name exists");
        }
        if (Files.isDirectory(place, NOFOLLOW)) {
            throw new Refused("a directory of that name exists");
        }
        if (!overwrite) {
            throw new Refused("a file of that name exists (restore with --overwrite to replace it)");
        }
    }

    /**
     * The directory of the first {@code count} names, created where missing, with no symbolic link, junction or other
     * reparse point on the way ({@link MediaLayout#isReparsePoint}). Each directory on the way is noted for
     * {@link MetadataRestore#applyDirectories}, with whether this restore created it.
     */
    private Path directory(List<String> segments, int count) throws IOException, Refused {
        Path p = target;
        for (int i = 0; i < count; i++) {
            p = p.resolve(segments.get(i));
            if (MediaLayout.isReparsePoint(p)) {
                throw new Refused("its path goes through " + target.relativize(p)
                        + ", a symbolic link, junction or other reparse point");
            }
            if (Files.exists(p, NOFOLLOW)) {
                if (!Files.isDirectory(p, NOFOLLOW)) {
                    throw new Refused("its path goes through " + target.relativize(p) + ", which is no directory");
                }
                noteDirectory(segments, i, p, false);
            } else {
                Files.createDirectory(p);
                noteDirectory(segments, i, p, true);
            }
        }
        return p;
    }

    private void noteDirectory(List<String> segments, int last, Path place, boolean created) {
        if (metadata != null) {
            metadata.directory(String.join("/", segments.subList(0, last + 1)), place, created);
        }
    }

    private static byte typeOf(TarArchiveEntry e) {
        if (e.isCharacterDevice()) {
            return '3';
        }
        if (e.isBlockDevice()) {
            return '4';
        }
        return e.isFIFO() ? (byte) '6' : (byte) '?';
    }

    /** An entry refused: the message says why. */
    private static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
