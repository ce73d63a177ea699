package org.vss4j.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vss4j.BackupType;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.files.BackupFile;
import org.vss4j.files.BackupStreamReader;
import org.vss4j.files.FileBasicInformation;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupItemStreams;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.BackupState;
import org.vss4j.session.ComponentOutcome;
import org.vss4j.session.ComponentRef;
import org.vss4j.session.ExcludedFile;
import org.vss4j.session.FileRecord;
import org.vss4j.session.ItemKind;
import org.vss4j.session.MediaPath;
import org.vss4j.session.WriterDocument;
import org.vss4j.session.WriterRef;

/**
 * A {@link BackupSession} written as a backup set: every item is copied from the shadow copy into data.tar while the
 * shadow copies exist, reported to the session as saved or failed; the set is then flushed and published as
 * {@code unconfirmed}, and only then is the session completed ({@code SetBackupSucceeded}, following what was really
 * stored, and {@code BackupComplete}, after which writers may truncate their logs: Microsoft docs, "Overview of Actual
 * Backup Of Files", "Overview of Backup Cleanup and Termination"). Its documents, backup state and failed files are
 * recorded in the published set afterwards ({@link PublishedSet}). If publishing fails the session is aborted, so no
 * writer is told the backup succeeded; once the writers were told, the set is never removed.
 */
public final class SessionBackupSet {

    /** Win32 file attributes (winnt.h). */
    private static final int READONLY = 0x1;
    private static final int HIDDEN = 0x2;
    private static final int SYSTEM = 0x4;
    private static final int ARCHIVE = 0x20;

    /** The largest data taken from BackupRead's data stream rather than read again: one BackupRead buffer. */
    static final int SMALL_DATA = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SessionBackupSet.class);

    private SessionBackupSet() {
    }

    /**
     * Backs up every item of {@code session} into the new set {@code setId} of {@code media} and completes the
     * session. A file that cannot be opened is reported failed to the session and listed in the set, which is then
     * {@code partial}; a failure while a file's data is being stored or the set is published aborts the set (nothing
     * is published) and the session ({@code AbortBackup}), and is thrown. A failure after the session completed
     * leaves the set published as {@code unconfirmed} and is thrown.
     *
     * @param session the backup session whose items are copied; it is completed, or aborted on failure
     * @param media   the media directory
     * @param setId   the new set's name in the media directory
     * @return the published set with its final state, snapshot set and time
     * @throws IllegalArgumentException if the session is incremental or differential: such a set needs its parent
     *                                  ({@link #backUp(BackupSession, Path, BackupSetRequest)}); the session is aborted
     * @throws IOException if a file's data cannot be stored or the set cannot be published (the set is removed and
     *                     the session aborted), or if the set's documents or outcome cannot be recorded after the
     *                     session completed (the set stays {@code unconfirmed})
     */
    public static BackupSetInfo backUp(BackupSession session, Path media, String setId) throws IOException {
        refuseWithoutParent(session, null);
        Map<String, String> roots = new LinkedHashMap<>();
        for (BackupItem item : session.items()) {
            if (item.kind() == ItemKind.FILE) {
                roots.putIfAbsent(entryPath(item).get(0), item.volumeName());
            }
        }
        List<SetMetadata.Source> sources = new ArrayList<>();
        roots.forEach((root, volume) -> sources.add(new SetMetadata.Source(volume, root)));
        return backUp(session, media, setId, sources, null, ChangeDetection.forHost());
    }

    /**
     * As {@link #backUp(BackupSession, Path, String)}, for the sources the user named: they are recorded as given
     * (each with its top-level directory in data.tar), so that a later incremental or differential backup of the same
     * sources finds this set ({@link BackupChain}).
     *
     * @param session the backup session whose items are copied; it is completed, or aborted on failure
     * @param media   the media directory
     * @param request the new set's name, sources and parent: an incremental or differential session needs the
     *                parent ({@link BackupChain#parentFor}) whose {@link ParentSet#previous} it was built with
     * @return the published set with its final state, snapshot set and time
     * @throws IllegalArgumentException if the session is incremental or differential and {@code request} has no
     *                                  parent, or the parent's type cannot precede the session's (the session is
     *                                  aborted)
     * @throws IOException as {@link #backUp(BackupSession, Path, String)}
     */
    public static BackupSetInfo backUp(BackupSession session, Path media, BackupSetRequest request)
            throws IOException {
        return backUp(session, media, request, ChangeDetection.forHost());
    }

    /**
     * As {@link #backUp(BackupSession, Path, BackupSetRequest)}, deciding with {@code changes} which files no writer
     * claims changed since the parent set.
     *
     * @param session the backup session whose items are copied; it is completed, or aborted on failure
     * @param media   the media directory
     * @param request the new set's name, sources and parent
     * @param changes how a changed file is told from an unchanged one ({@link ChangeDetection#forHost} by default)
     * @return the published set with its final state, snapshot set and time
     * @throws IllegalArgumentException as {@link #backUp(BackupSession, Path, BackupSetRequest)}
     * @throws IOException as {@link #backUp(BackupSession, Path, String)}
     */
    public static BackupSetInfo backUp(BackupSession session, Path media, BackupSetRequest request,
            ChangeDetection changes) throws IOException {
        refuseWithoutParent(session, request.parent());
        List<SetMetadata.Source> sources = new ArrayList<>();
        for (String source : request.sources()) {
            sources.add(new SetMetadata.Source(source, rootOf(source)));
        }
        return backUp(session, media, request.setId(), sources, request.parent(), changes);
    }

    /**
     * Refuses, aborting the session, an incremental or differential backup without a parent set, a parent whose type
     * cannot precede it (Microsoft docs, "VSS Backup State"), and a parent for any other type.
     */
    private static void refuseWithoutParent(BackupSession session, ParentSet parent) {
        BackupType type = session.backupState().type();
        String problem = null;
        boolean chained = type == BackupType.INCREMENTAL || type == BackupType.DIFFERENTIAL;
        if (chained && parent == null) {
            problem = "a " + type.nativeName() + " backup builds on an earlier set, and none was given (no complete "
                    + "set with the same sources whose type may precede it)";
        } else if (!chained && parent != null) {
            problem = "a " + type.nativeName() + " backup builds on no earlier set, but " + parent.set().setId()
                    + " was given";
        } else if (chained && !BackupChain.mayPrecede(parent.set().metadata().type(), type)) {
            problem = "a " + type.nativeName() + " backup cannot build on the " + parent.set().metadata().type()
                    + " set " + parent.set().setId() + " (Microsoft docs, \"VSS Backup State\")";
        }
        if (problem != null) {
            IllegalArgumentException e = new IllegalArgumentException(problem);
            try {
                session.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static BackupSetInfo backUp(BackupSession session, Path media, String setId,
            List<SetMetadata.Source> sources, ParentSet parent, ChangeDetection changes) throws IOException {
        List<BackupItem> items = session.items();
        BackupState state = session.backupState();
        SetMetadata meta = new SetMetadata(setId, state.type().name().toLowerCase(Locale.ROOT),
                state.bootableSystemState(), state.componentMode(), state.partialFileSupport(),
                session.snapshotSetId(), null, sources, parent == null ? null : parent.set().setId());
        BackupSetInfo published;
        List<ExcludedFile> lost = new ArrayList<>();
        BackupItemStreams streams = readerOfItems();
        SessionDirectories directories = new SessionDirectories(streams);
        try (BackupSetWriter set = BackupSetWriter.start(media, meta);
                ParentFiles basis = parent == null ? null
                        : ParentFiles.open(media, parent.set(), changes, session.excluded())) {
            for (BackupItem item : items) {
                copy(session, set, item, basis, streams, directories);
            }
            if (basis != null) {
                lost.addAll(basis.listUnchangedDifferenced(set));
            }
            // Durable before the writers hear anything: BackupComplete may let them truncate their logs.
            published = set.publishUnconfirmed();
        } catch (IOException | RuntimeException e) {
            // Nothing was published: abort now, so no writer is told the backup succeeded.
            try {
                session.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        // Throws if BackupComplete could not be called; the session has then aborted, and the set stays unconfirmed.
        BackupResult result = session.complete();
        try (PublishedSet set = PublishedSet.open(media, setId)) {
            set.snapshotTaken(result.snapshotSetId(), result.snapshotTime());
            if (result.backupComponentsDocument() != null) {
                set.addBackupComponentsDocument(result.backupComponentsDocument());
            }
            for (WriterDocument doc : result.writerMetadataDocuments()) {
                set.addWriterDocument(doc.writer().instanceId().toString(), doc.xml());
            }
            for (FileRecord f : result.files()) {
                if (!f.saved()) {
                    set.fileFailed(f.originalPath(), name(f.writer()), fullPath(f.component()), f.failure());
                }
            }
            for (SessionDirectories.Failure d : directories.failures()) {
                set.fileFailed(d.originalPath(), null, null, d.reason());
            }
            for (ExcludedFile x : lost) {
                set.fileFailed(x.originalPath(), name(x.writer()), fullPath(x.component()), "its writer left it out "
                        + "as unchanged, but no set of the chain holds its data");
            }
            for (ComponentOutcome c : result.components()) {
                WriterRef w = c.component().writer();
                set.componentOutcome(new ComponentRow(w.instanceId().toString(), w.writerId().toString(), w.name(),
                        c.component().logicalPath(), c.component().name(), c.backupSucceeded(), c.backupStamp()));
            }
            String finalState = set.confirm();
            SetMetadata m = published.metadata();
            return new BackupSetInfo(new SetMetadata(m.setId(), m.type(), m.bootableSystemState(), m.componentMode(),
                    m.partialFileSupport(), result.snapshotSetId(), result.snapshotTime(), m.sources(),
                    m.parentSetId()), finalState, published.files(), published.bytes());
        } catch (IOException | RuntimeException e) {
            throw new IOException("backup set " + setId + " is published, and the writers were told the backup "
                    + "ended, but its documents or outcome could not be recorded: it stays '" + PublishedSet.UNCONFIRMED
                    + "' (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Items are read with backup semantics where the host has them, while the session holds SeBackupPrivilege enabled
     * ({@link org.vss4j.session.BackupSessionBuilder#backupPrivilege}): then a file whose ACL denies the user is
     * backed up too, and one the token cannot read fails and the set is partial, naming it.
     */
    private static BackupItemStreams readerOfItems() {
        BackupItemStreams streams = BackupItemStreams.current();
        if (!streams.backupSemantics()) {
            LOG.info("{}", streams.access().description());
        }
        return streams;
    }

    private static void copy(BackupSession session, BackupSetWriter set, BackupItem item, ParentFiles basis,
            BackupItemStreams streams, SessionDirectories directories) throws IOException {
        if (item.kind() == ItemKind.LINK) {
            set.addLink(item.originalPath(), item.reparseTag(), name(item.writer()), fullPath(item.component()));
            session.saved(item);
            return;
        }
        List<String> path = entryPath(item);
        BackupFile file;
        try {
            // One open for its size, times and attributes, streams and data (BackupFile), not one per read.
            file = streams.openForBackup(item);
        } catch (IOException e) {
            session.failed(item, e);
            return;
        }
        try (file) {
            copy(session, set, item, basis, streams, directories, path, file);
        }
    }

    private static void copy(BackupSession session, BackupSetWriter set, BackupItem item, ParentFiles basis,
            BackupItemStreams streams, SessionDirectories directories, List<String> path, BackupFile file)
            throws IOException {
        long size;
        FileMetadata meta;
        try {
            // From a handle opened as the data is (backup semantics where there are), not a java.nio stat.
            size = file.size();
            meta = metadata(item, file, streams);
        } catch (IOException e) {
            session.failed(item, e);
            return;
        }
        // Files of writer components: the session already left out the unchanged differenced ones; the rest is taken.
        if (basis != null && item.addedComponent() == null) {
            String relative = String.join("/", path.subList(1, path.size()));
            CatalogRow before = basis.unchanged(path.get(0), relative, meta, size);
            if (before != null) {
                basis.listUnchanged(set, before, meta);
                recordDirectories(set, item, path, directories);
                session.saved(item);
                return;
            }
        }
        InputStream in;
        Optional<FileStreams> extra = Optional.empty();
        try {
            byte[] data = null;
            if (streams.backupSemantics()) {
                // Security descriptor and alternate data streams first: a file whose streams cannot be read fails
                // before anything of it is stored. A small file's data comes in the same BackupRead buffers and is
                // kept when it has the size read before; any other data is read with ReadFile.
                try (BackupStreamReader r = file.openStreams()) {
                    FileStreams.WithData read = FileStreams.read(r, item.originalPath(), SMALL_DATA);
                    extra = read.streams();
                    data = read.data() != null && read.data().length == size ? read.data() : null;
                }
            }
            in = data != null ? new ByteArrayInputStream(data) : file.openData();
        } catch (IOException e) {
            session.failed(item, e);
            return;
        }
        CatalogRow row;
        try (in) {
            row = set.addFile(path.get(0), String.join("/", path.subList(1, path.size())), meta, size, in);
            if (basis != null) {
                basis.listed(row);
            }
        }
        if (extra.isPresent()) {
            set.addStreams(row, extra.get().kinds(), extra.get().bytes());
        }
        recordDirectories(set, item, path, directories);
        session.saved(item);
    }

    /**
     * Records the directories of a file the set stores or lists, from its own directory up to its root, each once
     * ({@link SessionDirectories}): every set keeps the directories of all its files, so a restore of a chain takes
     * them from the restored set alone.
     */
    private static void recordDirectories(BackupSetWriter set, BackupItem item, List<String> path,
            SessionDirectories directories) throws IOException {
        directories.record(set, path, item.inSnapshot(), item.originalPath());
    }

    /** The item's path in data.tar: its source root and the path under it ({@link MediaPath}). */
    static List<String> entryPath(String originalPath) {
        Path base = Path.of("media");
        Path p = base.relativize(MediaPath.under(base, originalPath));
        List<String> out = new ArrayList<>();
        p.forEach(n -> out.add(n.toString()));
        return out;
    }

    /** The top-level directory of data.tar that {@code source} ({@code D:\data}) is stored under ({@code D}). */
    private static String rootOf(String source) {
        Path base = Path.of("media");
        return base.relativize(MediaPath.under(base, source)).getName(0).toString();
    }

    /** The item's names under the media: its root ({@code D}) first ({@link MediaPath}). */
    private static List<String> entryPath(BackupItem item) {
        return entryPath(item.originalPath());
    }

    private static FileMetadata metadata(BackupItem item, BackupFile file, BackupItemStreams streams)
            throws IOException {
        if (streams.backupSemantics()) {
            // The Win32 times and attributes of the file itself (FILE_BASIC_INFO), as Windows keeps them.
            FileBasicInformation b = file.basicInformation();
            WriterRef w = item.writer();
            return new FileMetadata(w == null ? null : w.instanceId().toString(), w == null ? null
                    : w.writerId().toString(), name(w), fullPath(item.component()), item.logicalPath(),
                    item.originalPath(), b.creationTime(), b.lastWriteTime(), b.attributes(), b.changeTime());
        }
        Path p = item.inSnapshot();
        BasicFileAttributes basic = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int attributes = 0;
        if (Files.getFileStore(p).supportsFileAttributeView("dos")) {
            DosFileAttributes dos = Files.readAttributes(p, DosFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            attributes = (dos.isReadOnly() ? READONLY : 0) | (dos.isHidden() ? HIDDEN : 0)
                    | (dos.isSystem() ? SYSTEM : 0) | (dos.isArchive() ? ARCHIVE : 0);
        }
        WriterRef w = item.writer();
        return new FileMetadata(w == null ? null : w.instanceId().toString(), w == null ? null : w.writerId()
                .toString(), name(w), fullPath(item.component()), item.logicalPath(), item.originalPath(),
                basic.creationTime().toInstant(), basic.lastModifiedTime().toInstant(), attributes, changeTime(p));
    }

    /**
     * The file's change time where java.nio gives one (no backup semantics): {@code unix:ctime} (the inode's last
     * status change, POSIX {@code st_ctime}), else null. With backup semantics {@link #metadata} takes
     * {@code ChangeTime} from FILE_BASIC_INFO (winbase.h) instead.
     */
    private static java.time.Instant changeTime(Path p) {
        try {
            if (!Files.getFileStore(p).supportsFileAttributeView("unix")) {
                return null;
            }
            Object t = Files.getAttribute(p, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            return t instanceof java.nio.file.attribute.FileTime ft ? ft.toInstant() : null;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String name(WriterRef w) {
        return w == null ? null : w.name();
    }

    private static String fullPath(ComponentRef c) {
        return c == null ? null : c.fullPath();
    }
}
