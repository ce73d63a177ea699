package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The shadow copies of a machine. A snapshot is a copy of the volume directory made at commit time by the
 * {@link PointInTimeCopier} (a reflink clone where the file system offers one, plain copies otherwise), so later writes
 * to the volume do not reach it.
 */
public final class SnapshotStore {

    private final Path root;
    private final Map<UUID, Snapshot> snapshots = new LinkedHashMap<>();
    /** Each shadow copy's file-system facts, its volume's as they were when it was made. */
    private final Map<UUID, FileSystemFacts> facts = new LinkedHashMap<>();
    /** Where persistent snapshots are recorded for later processes; null for a machine that lives in one process. */
    private final SnapshotJournal journal;
    private volatile PointInTimeCopier copier = PointInTimeCopier.forHost();
    /**
     * The simulator's own storage (the state directory, or the snapshot and exposure folders): left out of every
     * copy of a volume that contains it, and kept by a revert of such a volume (docs/simulator-storage.md).
     */
    private volatile Set<Path> storage = Set.of();
    /** Told how far copies, deletions and reverts are. */
    private volatile ProgressListener progress = ProgressListener.NONE;
    /**
     * Device number to directory of every shadow copy device that exists: the snapshots, and the broken-away ones
     * (BreakSnapshotSet), which stay devices of their own after VSS forgets them.
     */
    private final Map<Integer, Path> devices = new LinkedHashMap<>();
    /** The N of the last {@code HarddiskVolumeShadowCopyN}; numbers only grow, so a stale link never meets a new copy. */
    private int lastDeviceNumber;
    /** The write-ahead records of set creations and deletions; null for a machine that lives in one process. */
    private final OperationJournal operations;
    /** Sets whose creation has not completed: their shadow copies exist but are not listed (Query, find). */
    private final Set<UUID> inCreation = new HashSet<>();
    /** The operation record this process holds for each set being created, and each complete non-persistent set. */
    private final Map<UUID, HeldOperation> held = new HashMap<>();

    /** Where deleted shadow copies go, to be deleted off the caller's thread. */
    private final TrashBin trash;

    /** An operation record of this process and the lock that says it is alive. */
    private record HeldOperation(OperationJournal.Entry entry, HeldLock lock) {
    }

    SnapshotStore(Path root) {
        this(root, null);
    }

    SnapshotStore(Path root, SnapshotJournal journal) {
        this.root = root;
        this.journal = journal;
        this.lastDeviceNumber = journal == null ? 0 : journal.lastDeviceNumber();
        this.operations = journal == null ? null : new OperationJournal(root);
        this.trash = new TrashBin(root);
        trash.sweepLeftOvers();
    }

    /** Runs {@code work} under the state directory's journal lock (directly without a state directory). */
    private void journaled(Runnable work) {
        if (journal == null) {
            work.run();
        } else {
            StateRecovery.journalLock(root).locked(work);
        }
    }

    /** Records {@code s} (replacing the record of the same id) and journals it if persistent. */
    private void put(Snapshot s) {
        snapshots.put(s.id(), s);
        if (journal != null) {
            journaled(() -> journal.save(s));
        }
    }

    /** Whether programs may see {@code s}: not while its set is being created. */
    private boolean listed(Snapshot s) {
        return !inCreation.contains(s.setId());
    }

    /**
     * Creates the shadow copy set {@code setId}, one shadow copy per volume ({@code volumes}: shadow copy id to
     * volume), all or nothing (Microsoft docs, "Error Handling in Shadow Copy Providers": no partial commit). With a
     * state directory the creation is journaled ahead ({@link OperationJournal}): "set X creating volumes A,B" before
     * the first copy, removed (persistent) or turned into "held" (non-persistent, which lives with this process) once
     * every copy is made. Until then no shadow copy of the set is listed, here or in another process; if this process
     * dies meanwhile, the next machine opening the directory removes what it made ({@link StateRecovery}).
     *
     * @param setId the shadow copy set's id
     * @param volumes each new shadow copy's id, mapped to the volume it is taken of
     * @param attributes the {@code VSS_VOLSNAP_ATTR_*} bits of every shadow copy (vss.h);
     *                   {@code VSS_VOLSNAP_ATTR_PERSISTENT} (1) makes them persistent
     * @param owner the requester that owns the non-persistent shadow copies
     * @return the shadow copies made, listed from now on
     */
    public List<Snapshot> createSet(UUID setId, Map<UUID, Volume> volumes, int attributes, Object owner) {
        boolean persistent = (attributes & 1) != 0;
        HeldOperation op = beginCreation(setId, volumes, persistent);
        List<Snapshot> made = new ArrayList<>();
        try {
            KillPoint.reach(KillPoint.CREATE_JOURNALED);
            int n = 0;
            for (Map.Entry<UUID, Volume> v : volumes.entrySet()) {
                made.add(create(v.getKey(), setId, v.getValue(), attributes, volumes.size(), owner));
                KillPoint.reach(KillPoint.CREATE_VOLUME_COPIED + ++n);
            }
            KillPoint.reach(KillPoint.CREATE_BEFORE_COMPLETE);
            completeCreation(setId, op, persistent);
        } catch (RuntimeException | Error e) {
            abandonCreation(setId, op, made, e);
            throw e;
        }
        KillPoint.reach(KillPoint.CREATE_COMPLETE);
        return made;
    }

    private synchronized HeldOperation beginCreation(UUID setId, Map<UUID, Volume> volumes, boolean persistent) {
        inCreation.add(setId);
        if (operations == null) {
            return null;
        }
        UUID opId = UUID.randomUUID();
        OperationJournal.Entry entry = new OperationJournal.Entry(opId, setId, OperationJournal.State.CREATING,
                List.copyOf(volumes.keySet()), volumes.values().stream().map(v -> v.root().toString()).toList(),
                persistent);
        HeldOperation op;
        try {
            op = journalAhead(entry);
        } catch (RuntimeException e) {
            inCreation.remove(setId);
            throw e;
        }
        held.put(setId, op);
        return op;
    }

    /**
     * Writes {@code entry} to the journal, holding its lock: the lock first, then the record, both under the journal
     * lock, so no process ever sees the record unlocked (and so taken for a dead process's left-over).
     */
    private HeldOperation journalAhead(OperationJournal.Entry entry) {
        HeldOperation[] op = new HeldOperation[1];
        journaled(() -> {
            HeldLock lock = HeldLock.tryTake(operations.lockFile(entry));
            if (lock == null) {
                throw new IllegalStateException("the journal lock " + operations.lockFile(entry)
                        + " of a new operation is held");
            }
            try {
                operations.write(entry);
            } catch (RuntimeException e) {
                lock.closeAndDelete();
                throw e;
            }
            op[0] = new HeldOperation(entry, lock);
        });
        return op[0];
    }

    private synchronized void completeCreation(UUID setId, HeldOperation op, boolean persistent) {
        if (op != null) {
            if (persistent) {
                // The commit point: once the record is gone, the set's shadow copy records are all there is.
                journaled(() -> operations.remove(op.entry()));
                held.remove(setId);
                op.lock().closeAndDelete();
            } else {
                OperationJournal.Entry e = op.entry();
                OperationJournal.Entry live = new OperationJournal.Entry(e.operation(), setId,
                        OperationJournal.State.HELD, e.snapshots(), e.volumes(), false);
                journaled(() -> operations.write(live));
                held.put(setId, new HeldOperation(live, op.lock()));
            }
        }
        inCreation.remove(setId);
    }

    /** A creation failed in this process: the copies made so far go, then the record, then the lock. */
    private synchronized void abandonCreation(UUID setId, HeldOperation op, List<Snapshot> made, Throwable cause) {
        for (Snapshot s : made) {
            try {
                deleteOne(s.id());
            } catch (RuntimeException cleanup) {
                cause.addSuppressed(cleanup);
            }
        }
        inCreation.remove(setId);
        if (op == null) {
            return;
        }
        held.remove(setId);
        if (op.entry().snapshots().stream().anyMatch(id -> Files.exists(root.resolve(id.toString()),
                java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
            // A copy could not be deleted (its clean-up failure is in cause): the record names it, so it stays with
            // its lock released, and the next machine opening the directory removes the set; without the record
            // the copy would be an orphan that nothing lists or deletes.
            op.lock().close();
            return;
        }
        try {
            journaled(() -> operations.remove(op.entry()));
            op.lock().closeAndDelete();
        } catch (RuntimeException cleanup) {
            // The record stays, its lock is released: the next machine opening the directory removes the set.
            op.lock().close();
            cause.addSuppressed(cleanup);
        }
    }

    /**
     * The shadow copy {@code id} of a non-persistent set left this process (deleted, or broken away): the set's
     * "held" record names it no longer, and goes with the set's last shadow copy.
     */
    private void release(UUID setId, UUID id) {
        HeldOperation op = held.get(setId);
        if (op == null || op.entry().state() != OperationJournal.State.HELD) {
            return;
        }
        List<UUID> rest = op.entry().snapshots().stream().filter(x -> !x.equals(id)).toList();
        if (rest.size() == op.entry().snapshots().size()) {
            return;
        }
        OperationJournal.Entry e = op.entry();
        if (rest.isEmpty()) {
            journaled(() -> operations.remove(e));
            held.remove(setId);
            op.lock().closeAndDelete();
        } else {
            OperationJournal.Entry smaller = new OperationJournal.Entry(e.operation(), setId, e.state(), rest,
                    e.volumes(), false);
            journaled(() -> operations.write(smaller));
            held.put(setId, new HeldOperation(smaller, op.lock()));
        }
    }

    /** Drops the record of {@code id} (and its journal entry); the removed snapshot or null. */
    private Snapshot drop(UUID id) {
        Snapshot s = snapshots.remove(id);
        facts.remove(id);
        if (s != null && journal != null) {
            journaled(() -> journal.remove(id));
        }
        return s;
    }

    /** Takes back a snapshot recorded by an earlier process (its directory and exposure link exist already). */
    synchronized void adopt(Snapshot s) {
        // The facts first: a shadow copy whose facts cannot be read is not adopted at all.
        FileSystemFacts f = journal == null ? new FileSystemFacts(s.directory()) : journal.loadFacts(s);
        snapshots.put(s.id(), s);
        devices.put(s.deviceNumber(), s.directory());
        lastDeviceNumber = Math.max(lastDeviceNumber, s.deviceNumber());
        facts.put(s.id(), f);
    }

    /**
     * Copies {@code volume} into a new snapshot directory and records the snapshot. If anything fails once the copy
     * has begun, the snapshot directory and every record of it are removed before the failure is thrown: no orphan
     * directory is left in the state directory.
     *
     * @param id the shadow copy's id
     * @param setId the id of its shadow copy set
     * @param volume the volume copied
     * @param attributes its {@code VSS_VOLSNAP_ATTR_*} bits (vss.h)
     * @param inSet how many shadow copies its set holds
     * @param owner the requester that owns it if it is non-persistent
     * @return the recorded shadow copy
     */
    public synchronized Snapshot create(UUID id, UUID setId, Volume volume, int attributes, int inSet, Object owner) {
        Path dir = root.resolve(id.toString());
        if (snapshots.containsKey(id) || Files.exists(dir)) {
            // Never copy into (and, on failure, delete) a directory this store did not make for this call.
            throw new IllegalStateException("shadow copy " + id + " exists already: " + dir);
        }
        // The facts are taken with the data: a fact added to the volume later is not in this shadow copy.
        FileSystemFacts pointInTime = volume.facts().copyFor(dir);
        Integer device = null;
        if (journal != null) {
            // Before the first byte: a later machine sweeps a left-over copy only with this mark (StateRecovery).
            journaled(() -> journal.markCopy(id));
        }
        // And the change times: the host copy gets its own ctime, a file in a shadow copy keeps the original's. They
        // are read from the volume on a thread of their own while the copy is made, which takes most of the time.
        ChangeTimeReading changeTimes = ChangeTimeReading.start(volume.root(), storage);
        try {
            CopyMethod method = copier.copy(volume.root(), dir, storage, progress);
            pointInTime.recordChangeTimes(changeTimes.result(), volume.facts());
            pointInTime.withholdDehydratedData();
            // With a state directory the counter is shared with other processes: the journal issues the number.
            device = journal == null ? lastDeviceNumber + 1 : journal.nextDeviceNumber(lastDeviceNumber);
            lastDeviceNumber = device;
            Snapshot s = new Snapshot(id, setId, volume, dir, attributes, java.time.Instant.now(), inSet, owner,
                    method, null, device);
            devices.put(device, dir);
            facts.put(id, pointInTime);
            if (journal != null && s.isPersistent()) {
                journaled(() -> journal.saveFacts(s, pointInTime));
            }
            put(s);
            return s;
        } catch (RuntimeException | Error e) {
            changeTimes.cancel();
            undoCreate(id, device, dir, e);
            throw e;
        }
    }

    /** Removes what a failed {@link #create} made; a failure of the clean-up is added to {@code cause}. */
    private void undoCreate(UUID id, Integer device, Path dir, Throwable cause) {
        snapshots.remove(id);
        facts.remove(id);
        if (device != null) {
            devices.remove(device);
        }
        boolean deleted = false;
        try {
            deleteTree(dir);
            deleted = true;
        } catch (RuntimeException cleanup) {
            cause.addSuppressed(cleanup);
        }
        if (journal != null) {
            boolean unmark = deleted;
            try {
                journaled(() -> {
                    journal.remove(id);
                    if (unmark) {
                        // A copy that could not be deleted keeps its mark: the next machine may sweep it.
                        journal.unmarkCopy(id);
                    }
                });
            } catch (RuntimeException cleanup) {
                cause.addSuppressed(cleanup);
            }
        }
    }

    /**
     * The directory behind the device object {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN} (without a
     * trailing backslash), or null if no such device exists.
     *
     * @param deviceObject the device object's name
     * @return the directory, or null if no such device exists
     */
    public synchronized Path deviceDirectory(String deviceObject) {
        Integer n = deviceNumber(deviceObject);
        return n == null ? null : devices.get(n);
    }

    /**
     * The N of a shadow copy device name, or null if {@code name} is not one. Only the Win32 name
     * {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN} is (its letters in any case, as the object manager
     * compares names without case): a bare NT name {@code \Device\...} given to a Win32 function is rooted on the
     * current drive ({@code C:\Device\...}; Microsoft docs, "Naming Files, Paths, and Namespaces"), and N is written
     * as VSS writes it, without leading zeros.
     */
    static Integer deviceNumber(String name) {
        String prefix = Snapshot.DEVICE_PREFIX;
        if (name == null || !name.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        String digits = name.substring(prefix.length());
        if (digits.isEmpty() || digits.length() > 9 || digits.charAt(0) == '0'
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.parseInt(digits);
    }

    /**
     * The file-system facts of shadow copy {@code id} (its volume's at the time it was made), or null if unknown.
     *
     * @param id the shadow copy's id
     * @return the facts, or null if the shadow copy is unknown
     */
    public synchronized FileSystemFacts facts(UUID id) {
        return facts.get(id);
    }

    /**
     * How later snapshots are copied (the default is {@link PointInTimeCopier#forHost()}).
     *
     * @param c the copier of snapshots made from now on
     */
    public void useCopier(PointInTimeCopier c) {
        this.copier = c;
    }

    /**
     * The directories of the simulator's own storage, absolute (each in its written and its real form): never copied
     * into a shadow copy of a volume that contains them.
     */
    void storage(Set<Path> directories) {
        this.storage = Set.copyOf(directories);
    }

    /**
     * Where later copies, deletions and reverts report how far they are ({@link ProgressListener#NONE}: nowhere).
     *
     * @param listener told how far the long work is
     */
    public void progress(ProgressListener listener) {
        this.progress = java.util.Objects.requireNonNull(listener, "listener");
    }

    /**
     * The shadow copy {@code id}, or null if there is none (or its set is still being created).
     *
     * @param id the shadow copy's id
     * @return the shadow copy, or null
     */
    public synchronized Snapshot find(UUID id) {
        Snapshot s = snapshots.get(id);
        return s != null && listed(s) ? s : null;
    }

    /**
     * Snapshots of the set {@code setId} (none while it is being created).
     *
     * @param setId the set's id
     * @return the set's shadow copies, empty while it is being created
     */
    public synchronized List<Snapshot> inSet(UUID setId) {
        return snapshots.values().stream().filter(s -> s.setId().equals(setId)).filter(this::listed).toList();
    }

    /**
     * All snapshots, in creation order, but those of a set still being created.
     *
     * @return the listed shadow copies, in creation order
     */
    public synchronized List<Snapshot> all() {
        return snapshots.values().stream().filter(this::listed).toList();
    }

    /**
     * Deletes a snapshot and its directory (unexposing it first); false if unknown.
     *
     * @param id the shadow copy's id
     * @return true if it was deleted, false if no such shadow copy is listed
     */
    public synchronized boolean delete(UUID id) {
        Snapshot s = find(id);
        return s != null && deleteAll(List.of(s)) == 1;
    }

    /**
     * Deletes {@code targets} (DeleteSnapshots), set by set: with a state directory and persistent shadow copies, each
     * set's deletion is journaled ahead ("deleting A,B"), so that a process dying midway leaves a deletion the next
     * machine opening the directory finishes, never a set with some of its shadow copies gone and the rest listed. A
     * failure midway leaves the record to that machine as well, and this process lists the rest no longer either
     * (its lock released, another process may finish the deletion at any time). The number deleted.
     *
     * @param targets the shadow copies to delete
     * @return how many were deleted
     */
    public synchronized int deleteAll(List<Snapshot> targets) {
        Map<UUID, List<Snapshot>> bySet = new LinkedHashMap<>();
        for (Snapshot t : targets) {
            if (snapshots.containsKey(t.id())) {
                bySet.computeIfAbsent(t.setId(), k -> new ArrayList<>()).add(t);
            }
        }
        int deleted = 0;
        for (List<Snapshot> ofOneSet : bySet.values()) {
            deleted += deleteInSet(ofOneSet);
        }
        return deleted;
    }

    private int deleteInSet(List<Snapshot> known) {
        HeldOperation op = operations == null || known.stream().noneMatch(Snapshot::isPersistent) ? null
                : beginDeletion(known);
        int deleted = 0;
        try {
            if (op != null) {
                KillPoint.reach(KillPoint.DELETE_JOURNALED);
            }
            for (Snapshot s : known) {
                if (deleteOne(s.id())) {
                    deleted++;
                }
                if (op != null) {
                    KillPoint.reach(KillPoint.DELETE_SNAPSHOT_DELETED + deleted);
                }
            }
        } catch (RuntimeException | Error e) {
            if (op != null) {
                // The record says "deleting": what it names is listed nowhere, this process included.
                known.forEach(s -> unlist(s.id()));
                op.lock().close();
            }
            throw e;
        }
        if (op != null) {
            journaled(() -> operations.remove(op.entry()));
            op.lock().closeAndDelete();
        }
        return deleted;
    }

    /** Forgets {@code id} in this process only (its files are left to whoever finishes its deletion). */
    private void unlist(UUID id) {
        Snapshot s = snapshots.remove(id);
        facts.remove(id);
        if (s != null) {
            devices.remove(s.deviceNumber());
        }
    }

    private HeldOperation beginDeletion(List<Snapshot> targets) {
        UUID opId = UUID.randomUUID();
        OperationJournal.Entry entry = new OperationJournal.Entry(opId, targets.get(0).setId(),
                OperationJournal.State.DELETING, targets.stream().map(Snapshot::id).toList(),
                targets.stream().map(t -> t.volume().root().toString()).distinct().toList(), true);
        return journalAhead(entry);
    }

    /**
     * Deletes one shadow copy: its exposure link, its directory, then its record and facts, so that whatever an
     * interruption leaves is still named by a record (or by the deletion's journal record).
     */
    private boolean deleteOne(UUID id) {
        Snapshot s = snapshots.remove(id);
        if (s == null) {
            return false;
        }
        facts.remove(id);
        if (s.exposure() != null) {
            ExposureLinks.remove(s.exposure());
        }
        devices.remove(s.deviceNumber());
        // Renamed out of its place at once, deleted in the background: the caller does not wait for the files.
        if (!Files.exists(s.directory(), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || !trash.discard(s.directory(), progress)) {
            try (FileProgress files = FileProgress.over(progress, ProgressListener.Phase.SHADOW_COPY_DELETION,
                    s.directory(), Set.of())) {
                Trees.delete(s.directory(), files);
                files.finish();
            }
        }
        if (journal != null) {
            journaled(() -> {
                if (s.isPersistent()) {
                    journal.remove(id);
                }
                journal.unmarkCopy(id);
            });
        }
        release(s.setId(), id);
        return true;
    }

    /**
     * Exposes snapshot {@code id} as {@code e}: makes the host link and records the exposure (and its attribute bit).
     *
     * @param id the shadow copy's id
     * @param e where and how it is exposed
     * @return the exposed shadow copy's new record
     */
    public synchronized Snapshot expose(UUID id, Exposure e) {
        Snapshot s = snapshots.get(id);
        ExposureLinks.create(e.link(), e.pathFromRoot() == null ? s.directory()
                : s.directory().resolve(relative(e.pathFromRoot())), e.replacedEmptyDirectory());
        Snapshot exposed = s.withExposure(e);
        put(exposed);
        return exposed;
    }

    /**
     * Undoes {@link #expose}; the unexposed snapshot.
     *
     * @param id the shadow copy's id
     * @return the shadow copy's record without its exposure
     */
    public synchronized Snapshot unexpose(UUID id) {
        Snapshot s = snapshots.get(id);
        ExposureLinks.remove(s.exposure());
        Snapshot plain = s.withExposure(null);
        put(plain);
        return plain;
    }

    /**
     * {@code \\dirTwo} of a remotely exposed share, as a path relative to the snapshot root.
     *
     * @param pathFromRoot the exposed share's path below the shadow copy's root, e.g. {@code \\dirTwo}
     * @return the path with {@code /} separators and no leading separator
     */
    public static String relative(String pathFromRoot) {
        String p = pathFromRoot.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    /**
     * Replaces the record of a snapshot (same id) by {@code updated}, e.g. with an attribute added.
     *
     * @param updated the snapshot's new record
     */
    public synchronized void update(Snapshot updated) {
        if (snapshots.containsKey(updated.id())) {
            put(updated);
        }
    }

    /**
     * BreakSnapshotSet: VSS "forgets" the snapshot (Microsoft docs); its directory stays, as the independent volume it
     * now is, and is no longer found or deleted as a shadow copy. The forgotten record, or null if unknown.
     *
     * @param id the shadow copy's id
     * @return the forgotten record, or null if unknown
     */
    public synchronized Snapshot forget(UUID id) {
        if (journal != null && snapshots.containsKey(id)) {
            // Before its record goes: a later machine must not take the directory for an unrecorded left-over.
            journal.markBrokenAway(id);
        }
        if (journal != null) {
            // Not a copy any more but an ordinary volume: never swept, whatever happens to the marks.
            journaled(() -> journal.unmarkCopy(id));
        }
        Snapshot s = drop(id);
        if (s != null && s.exposure() != null) {
            ExposureLinks.remove(s.exposure());
        }
        if (s != null) {
            release(s.setId(), id);
        }
        return s;
    }

    /**
     * RevertToSnapshot: the volume's files are replaced by the snapshot's (its root directory itself stays, so the
     * volume keeps its name); copied by the same {@link PointInTimeCopier} as snapshots. The simulator's own storage
     * in the volume stays as it is (the shadow copy does not hold it; the snapshot copied back lives there).
     *
     * @param s the shadow copy whose volume is reverted
     */
    public void revert(Snapshot s) {
        Path root = s.volume().root();
        try {
            Trees.clearExcept(root, storage, FileProgress.silent());
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot clear volume " + root + " for the revert", e.getCause());
        }
        copier.copy(s.directory(), root, storage, progress, ProgressListener.Phase.REVERT);
        FileSystemFacts snapshotFacts = facts(s.id());
        if (snapshotFacts != null) {
            s.volume().facts().replaceWith(snapshotFacts);
        }
    }

    /**
     * Deletes the non-persistent snapshots {@code owner} created (its IVssBackupComponents was released).
     *
     * @param owner the requester, compared by identity
     */
    public synchronized void releaseOwner(Object owner) {
        for (Snapshot s : new ArrayList<>(snapshots.values())) {
            if (s.owner() == owner && !s.isPersistent()) {
                deleteOne(s.id());
            }
        }
    }

    /** Deletes everything (the machine is closed); a journaled machine keeps its persistent snapshots. */
    public synchronized void clear() {
        for (Snapshot s : new ArrayList<>(snapshots.values())) {
            if (journal == null || !s.isPersistent()) {
                deleteOne(s.id());
            }
        }
        snapshots.clear();
        facts.clear();
        // A set still being created by this machine's requester (it is closing under it): its records stay, their
        // locks are released, and the next machine opening the directory removes the set.
        held.values().forEach(op -> op.lock().close());
        held.clear();
        trash.close();
    }

    /**
     * Returns once the deletions of the shadow copies deleted so far have ended: their directories left their place
     * when they were deleted, their files go in the background.
     */
    public void awaitDeletions() {
        trash.awaitDeletions();
    }

    static void deleteTree(Path dir) {
        Trees.delete(dir, FileProgress.silent());
    }
}
