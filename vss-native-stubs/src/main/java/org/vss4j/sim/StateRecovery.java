package org.vss4j.sim;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a machine opening a state directory finds there, read under the directory's journal lock so that no other
 * process is between two steps of an operation meanwhile: the shadow copy records it may list, the records it
 * skipped ({@link UnreadableRecord}), and what interrupted operations left, which it removes ({@link LeftOver}).
 *
 * <p>Rules: the shadow copy records are read first, then the operation records, so a record of a set whose creation
 * is in flight is always seen with its operation record (which is written before the first copy). An operation whose
 * lock is held belongs to a live process: its shadow copies are not listed and left alone. An operation whose lock is
 * free was interrupted (its process died): a creation, complete or not, is undone (copies, records, facts); a
 * deletion is finished; then its record and lock file are removed. Each removal is logged at WARN. An operation
 * record that cannot be read is reported, and no shadow copy of its set (named by its file name) is listed.
 *
 * <p>Last, a copy directory ({@code <GUID>} folder) that no record names, neither a shadow copy record (readable or
 * not) nor an operation record, is a copy whose creation stopped without its clean-up (an earlier version removed the
 * operation record even when the copy could not be deleted): nothing would ever list or delete it, so it is removed
 * and reported like the rest, but only if it carries the simulator's mark ({@code <GUID>.copy} beside it, written
 * before its first byte was copied): the state directory is a path a program gives, and a folder the simulator did
 * not provably make is never deleted, whatever its name. Such a folder is reported ({@link UnmarkedDirectory}) and
 * left alone. Not while an operation record cannot be read (it may name the directory), and never a directory
 * BreakSnapshotSet made an ordinary volume (marked {@code <GUID>.broken-away}). A mark whose directory is gone goes.
 */
final class StateRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(StateRecovery.class);

    /** What the directory holds for the machine. */
    record Opened(List<SnapshotJournal.Entry> records, List<UnreadableRecord> unreadable, List<LeftOver> leftOvers,
            List<UnmarkedDirectory> unmarked) {
    }

    private final Path root;
    private final SnapshotJournal records;
    private final OperationJournal operations;
    private final ProgressListener progress;

    StateRecovery(Path root, SnapshotJournal records, OperationJournal operations) {
        this(root, records, operations, ProgressListener.NONE);
    }

    /** {@code progress} is told how far the removal of each left-over copy directory is. */
    StateRecovery(Path root, SnapshotJournal records, OperationJournal operations, ProgressListener progress) {
        this.root = root;
        this.records = records;
        this.operations = operations;
        this.progress = progress;
    }

    /** The lock every multi-file step of the directory is taken under (see {@link SnapshotStore}). */
    static StateLock journalLock(Path root) {
        return StateLock.on(root.resolve("journal.lock"));
    }

    Opened open() {
        return journalLock(root).locked(this::openLocked);
    }

    private Opened openLocked() {
        SnapshotJournal.Found found = records.load();
        OperationJournal.Found ops = operations.load();
        Map<UUID, SnapshotJournal.Entry> byId = new HashMap<>();
        found.entries().forEach(e -> byId.put(e.id(), e));
        Set<UUID> notListed = new HashSet<>();
        List<LeftOver> leftOvers = new ArrayList<>();
        List<UnreadableRecord> unreadable = new ArrayList<>(ops.unreadable());
        for (UnreadableRecord u : ops.unreadable()) {
            // What it names is unknown, its set is not (the file name): none of that set is listed, as if the
            // record could be read; the shadow copies stay, for whoever repairs or deletes the record.
            UUID set = OperationJournal.setIdOf(u.file());
            found.entries().stream().filter(e -> e.setId().equals(set)).forEach(e -> notListed.add(e.id()));
        }
        for (OperationJournal.Entry op : ops.entries()) {
            notListed.addAll(op.snapshots());
            HeldLock owner = HeldLock.tryTake(operations.lockFile(op));
            if (owner == null) {
                continue;
            }
            try {
                leftOvers.add(recover(op, byId));
                owner.closeAndDelete();
            } catch (RuntimeException e) {
                // Left for the next machine to try again; its shadow copies stay unlisted meanwhile.
                owner.close();
                unreadable.add(new UnreadableRecord(operations.file(op), "cannot finish the interrupted "
                        + op.kind() + " of shadow copy set " + op.setId() + ": " + RecordProblems.describe(e)));
            }
        }
        deleteUnusedLocks();
        List<UnmarkedDirectory> unmarked = new ArrayList<>();
        sweepUnrecordedCopies(found, ops, leftOvers, unmarked);
        List<SnapshotJournal.Entry> listed = found.entries().stream().filter(e -> !notListed.contains(e.id()))
                .toList();
        for (UnreadableRecord u : found.unreadable()) {
            UUID id = SnapshotJournal.idOf(u.file());
            if (id == null || !notListed.contains(id)) {
                unreadable.add(u);
            }
        }
        for (UnreadableRecord u : unreadable) {
            LOG.warn("simulator state: skipped the record {}: {}; the shadow copy it describes is not listed "
                    + "(delete the file, and its copy directory if any, to forget it)", u.file(), u.problem());
        }
        return new Opened(listed, List.copyOf(unreadable), List.copyOf(leftOvers), List.copyOf(unmarked));
    }

    /** Undoes an interrupted creation or finishes an interrupted deletion; the operation record goes last. */
    private LeftOver recover(OperationJournal.Entry op, Map<UUID, SnapshotJournal.Entry> byId) {
        boolean first = true;
        for (UUID id : op.snapshots()) {
            SnapshotJournal.Entry r = byId.get(id);
            if (r != null && r.exposure() != null && Files.isSymbolicLink(r.exposure().link())) {
                ExposureLinks.remove(r.exposure());
            }
            deleteCopy(root.resolve(id.toString()));
            records.remove(id);
            records.unmarkCopy(id);
            if (first) {
                first = false;
                KillPoint.reach(KillPoint.RECOVER_FIRST_REMOVED);
            }
        }
        operations.remove(op);
        LeftOver left = new LeftOver(op.setId(), op.kind(), op.state().word, op.snapshots(), op.volumes());
        LOG.warn("simulator state: {}", left);
        return left;
    }

    private void deleteCopy(Path dir) {
        try (FileProgress files = FileProgress.over(progress, ProgressListener.Phase.LEFT_OVER_REMOVAL, dir,
                Set.of())) {
            Trees.delete(dir, files);
            files.finish();
        }
    }

    /** Removes the marked copy directories no record names, and the marks left without their directory. */
    private void sweepUnrecordedCopies(SnapshotJournal.Found found, OperationJournal.Found ops,
            List<LeftOver> leftOvers, List<UnmarkedDirectory> unmarked) {
        if (!ops.unreadable().isEmpty()) {
            return;
        }
        Set<Path> named = new HashSet<>();
        for (SnapshotJournal.Entry e : found.entries()) {
            named.add(e.directory());
            named.add(root.resolve(e.id().toString()));
        }
        for (UnreadableRecord u : found.unreadable()) {
            UUID id = SnapshotJournal.idOf(u.file());
            if (id == null) {
                // A record named otherwise: which directory it describes is unknown, so none is taken for an orphan.
                return;
            }
            named.add(root.resolve(id.toString()));
        }
        for (OperationJournal.Entry op : ops.entries()) {
            op.snapshots().forEach(id -> named.add(root.resolve(id.toString())));
        }
        List<UUID> orphans = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root,
                p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
            for (Path dir : entries) {
                UUID id = copyId(dir);
                if (id == null || named.contains(dir) || records.isBrokenAway(id)) {
                    continue;
                }
                if (records.isMarkedCopy(id)) {
                    orphans.add(id);
                } else {
                    UnmarkedDirectory u = new UnmarkedDirectory(dir);
                    LOG.warn("simulator state: {}", u);
                    unmarked.add(u);
                }
            }
        } catch (IOException e) {
            LOG.warn("simulator state: cannot list the copy directories in {}: {}", root, e.toString());
            return;
        }
        for (UUID id : orphans) {
            try {
                deleteCopy(root.resolve(id.toString()));
                records.unmarkCopy(id);
            } catch (RuntimeException e) {
                LOG.warn("simulator state: cannot remove the copy directory {} that no record names: {}",
                        root.resolve(id.toString()), RecordProblems.describe(e));
                continue;
            }
            LeftOver left = LeftOver.unrecordedCopy(id);
            LOG.warn("simulator state: {}", left);
            leftOvers.add(left);
        }
        removeMarksWithoutDirectory(named);
    }

    /**
     * The marks ({@code .copy}, {@code .broken-away}) whose directory is gone: a process died between deleting a
     * copy and its mark, or a broken-away volume was deleted by hand. Not those of a copy an operation record names
     * (its process may be about to make the directory).
     */
    private void removeMarksWithoutDirectory(Set<Path> named) {
        for (String suffix : List.of(SnapshotJournal.COPY_SUFFIX, SnapshotJournal.BROKEN_AWAY_SUFFIX)) {
            try (DirectoryStream<Path> marks = Files.newDirectoryStream(root, "*" + suffix)) {
                for (Path mark : marks) {
                    String name = mark.getFileName().toString();
                    Path dir = root.resolve(name.substring(0, name.length() - suffix.length()));
                    UUID id = copyId(dir);
                    if (id == null || named.contains(dir) || Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    if (suffix.equals(SnapshotJournal.COPY_SUFFIX)) {
                        records.unmarkCopy(id);
                    } else {
                        records.unmarkBrokenAway(id);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("simulator state: cannot remove the marks without a directory in {}: {}", root,
                        RecordProblems.describe(e));
            }
        }
    }

    /** The shadow copy id a copy directory is named by, or null if its name is not a GUID as this class writes it. */
    private static UUID copyId(Path dir) {
        String name = dir.getFileName().toString();
        try {
            UUID id = UUID.fromString(name);
            return id.toString().equals(name) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Lock files without their operation record (a process died between removing the record and the lock). */
    private void deleteUnusedLocks() {
        try (DirectoryStream<Path> locks = Files.newDirectoryStream(root,
                "*" + OperationJournal.SUFFIX + OperationJournal.LOCK_SUFFIX)) {
            for (Path lock : locks) {
                String name = lock.getFileName().toString();
                Path record = root.resolve(name.substring(0, name.length() - OperationJournal.LOCK_SUFFIX.length()));
                if (!Files.exists(record)) {
                    HeldLock free = HeldLock.tryTake(lock);
                    if (free != null) {
                        free.closeAndDelete();
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("simulator state: cannot list the lock files in {}: {}", root, e.toString());
        }
    }
}
