package org.vss4j.media;

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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.files.BackupStreamReader;
import org.vss4j.files.FileBasicInformation;
import org.vss4j.session.BackupItem;
import org.vss4j.session.BackupItemStreams;
import org.vss4j.session.BackupResult;
import org.vss4j.session.BackupSession;
import org.vss4j.session.BackupState;
import org.vss4j.session.ComponentRef;
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
     * @throws IOException if a file's data cannot be stored or the set cannot be published (the set is removed and
     *                     the session aborted), or if the set's documents or outcome cannot be recorded after the
     *                     session completed (the set stays {@code unconfirmed})
     */
    public static BackupSetInfo backUp(BackupSession session, Path media, String setId) throws IOException {
        Map<String, String> roots = new LinkedHashMap<>();
        for (BackupItem item : session.items()) {
            if (item.kind() == ItemKind.FILE) {
                roots.putIfAbsent(entryPath(item).get(0), item.volumeName());
            }
        }
        List<SetMetadata.Source> sources = new ArrayList<>();
        roots.forEach((root, volume) -> sources.add(new SetMetadata.Source(volume, root)));
        return backUp(session, media, setId, sources);
    }

    /**
     * As {@link #backUp(BackupSession, Path, String)}, for the sources the user named: they are recorded as given
     * (each with its top-level directory in data.tar), so that a later incremental or differential backup of the same
     * sources finds this set ({@link BackupChain}).
     *
     * @param session the backup session whose items are copied; it is completed, or aborted on failure
     * @param media   the media directory
     * @param request the new set's name, sources and parent
     * @return the published set with its final state, snapshot set and time
     * @throws IOException as {@link #backUp(BackupSession, Path, String)}
     */
    public static BackupSetInfo backUp(BackupSession session, Path media, BackupSetRequest request)
            throws IOException {
        if (request.parent() != null) {
            throw new UnsupportedOperationException("incremental and differential sets are not written yet");
        }
        List<SetMetadata.Source> sources = new ArrayList<>();
        for (String source : request.sources()) {
            sources.add(new SetMetadata.Source(source, rootOf(source)));
        }
        return backUp(session, media, request.setId(), sources);
    }

    private static BackupSetInfo backUp(BackupSession session, Path media, String setId,
            List<SetMetadata.Source> sources) throws IOException {
        List<BackupItem> items = session.items();
        BackupState state = session.backupState();
        SetMetadata meta = new SetMetadata(setId, state.type().name().toLowerCase(Locale.ROOT),
                state.bootableSystemState(), state.componentMode(), state.partialFileSupport(),
                session.snapshotSetId(), null, sources, null);
        BackupSetInfo published;
        BackupItemStreams streams = readerOfItems();
        try (BackupSetWriter set = BackupSetWriter.start(media, meta)) {
            for (BackupItem item : items) {
                copy(session, set, item, streams);
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
     * Items are read with backup semantics where the host has them, SeBackupPrivilege enabled first: then a file
     * whose ACL denies the user is backed up too. A token that does not hold the privilege (ERROR_NOT_ALL_ASSIGNED)
     * is no error here: such files then fail to open and the set is partial, naming them.
     */
    private static BackupItemStreams readerOfItems() {
        BackupItemStreams streams = BackupItemStreams.current();
        if (streams.backupSemantics()) {
            try {
                streams.enableBackupPrivilege();
            } catch (IOException e) {
                LOG.warn("files are read without SeBackupPrivilege, so files whose ACLs deny this user will fail: {}",
                        e.getMessage());
            }
        } else {
            LOG.info("{}", streams.access().description());
        }
        return streams;
    }

    private static void copy(BackupSession session, BackupSetWriter set, BackupItem item, BackupItemStreams streams)
            throws IOException {
        if (item.kind() == ItemKind.LINK) {
            set.addLink(item.originalPath(), item.reparseTag(), name(item.writer()), fullPath(item.component()));
            session.saved(item);
            return;
        }
        List<String> path = entryPath(item);
        InputStream in;
        long size;
        FileMetadata meta;
        Optional<FileStreams> extra = Optional.empty();
        try {
            if (streams.backupSemantics()) {
                // Security descriptor and alternate data streams first (the data is skipped): a file whose streams
                // cannot be read fails before anything of it is stored.
                try (BackupStreamReader r = streams.openBackupStreams(item)) {
                    extra = FileStreams.read(r, item.originalPath());
                }
            }
            in = streams.open(item);
            try {
                size = Files.size(item.inSnapshot());
                meta = metadata(item, streams);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        } catch (IOException e) {
            session.failed(item, e);
            return;
        }
        CatalogRow row;
        try (in) {
            row = set.addFile(path.get(0), String.join("/", path.subList(1, path.size())), meta, size, in);
        }
        if (extra.isPresent()) {
            set.addStreams(row, extra.get().kinds(), extra.get().bytes());
        }
        session.saved(item);
    }

    /** The top-level directory of data.tar that {@code source} ({@code D:\data}) is stored under ({@code D}). */
    private static String rootOf(String source) {
        Path base = Path.of("media");
        return base.relativize(MediaPath.under(base, source)).getName(0).toString();
    }

    /** The item's names under the media: its root ({@code D}) first ({@link MediaPath}). */
    private static List<String> entryPath(BackupItem item) {
        Path base = Path.of("media");
        Path p = base.relativize(MediaPath.under(base, item.originalPath()));
        List<String> out = new ArrayList<>();
        p.forEach(n -> out.add(n.toString()));
        return out;
    }

    private static FileMetadata metadata(BackupItem item, BackupItemStreams streams) throws IOException {
        if (streams.backupSemantics()) {
            // The Win32 times and attributes of the file itself (FILE_BASIC_INFO), as Windows keeps them.
            FileBasicInformation b = streams.access().basicInformation(item.inSnapshot());
            WriterRef w = item.writer();
            return new FileMetadata(w == null ? null : w.instanceId().toString(), w == null ? null
                    : w.writerId().toString(), name(w), fullPath(item.component()), item.logicalPath(),
                    item.originalPath(), b.creationTime(), b.lastWriteTime(), b.attributes());
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
                basic.creationTime().toInstant(), basic.lastModifiedTime().toInstant(), attributes);
    }

    private static String name(WriterRef w) {
        return w == null ? null : w.name();
    }

    private static String fullPath(ComponentRef c) {
        return c == null ? null : c.fullPath();
    }
}
