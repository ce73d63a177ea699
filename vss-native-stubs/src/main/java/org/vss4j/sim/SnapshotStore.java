package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * Device number to directory of every shadow copy device that exists: the snapshots, and the broken-away ones
     * (BreakSnapshotSet), which stay devices of their own after VSS forgets them.
     */
    private final Map<Integer, Path> devices = new LinkedHashMap<>();
    /** The N of the last {@code HarddiskVolumeShadowCopyN}; numbers only grow, so a stale link never meets a new copy. */
    private int lastDeviceNumber;

    SnapshotStore(Path root) {
        this(root, null);
    }

    SnapshotStore(Path root, SnapshotJournal journal) {
        this.root = root;
        this.journal = journal;
        this.lastDeviceNumber = journal == null ? 0 : journal.lastDeviceNumber();
    }

    /** Records {@code s} (replacing the record of the same id) and journals it if persistent. */
    private void put(Snapshot s) {
        snapshots.put(s.id(), s);
        if (journal != null) {
            journal.save(s);
        }
    }

    /** Drops the record of {@code id} (and its journal entry); the removed snapshot or null. */
    private Snapshot drop(UUID id) {
        Snapshot s = snapshots.remove(id);
        facts.remove(id);
        if (s != null && journal != null) {
            journal.remove(id);
        }
        return s;
    }

    /** Takes back a snapshot recorded by an earlier process (its directory and exposure link exist already). */
    synchronized void adopt(Snapshot s) {
        snapshots.put(s.id(), s);
        devices.put(s.deviceNumber(), s.directory());
        lastDeviceNumber = Math.max(lastDeviceNumber, s.deviceNumber());
        facts.put(s.id(), journal == null ? new FileSystemFacts(s.directory()) : journal.loadFacts(s));
    }

    /**
     * Copies {@code volume} into a new snapshot directory and records the snapshot. If anything fails once the copy
     * has begun, the snapshot directory and every record of it are removed before the failure is thrown: no orphan
     * directory is left in the state directory.
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
        try {
            CopyMethod method = copier.copy(volume.root(), dir);
            pointInTime.withholdDehydratedData();
            // With a state directory the counter is shared with other processes: the journal issues the number.
            device = journal == null ? lastDeviceNumber + 1 : journal.nextDeviceNumber(lastDeviceNumber);
            lastDeviceNumber = device;
            Snapshot s = new Snapshot(id, setId, volume, dir, attributes, java.time.Instant.now(), inSet, owner,
                    method, null, device);
            devices.put(device, dir);
            facts.put(id, pointInTime);
            if (journal != null && s.isPersistent()) {
                journal.saveFacts(s, pointInTime);
            }
            put(s);
            return s;
        } catch (RuntimeException | Error e) {
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
        try {
            deleteTree(dir);
        } catch (RuntimeException cleanup) {
            cause.addSuppressed(cleanup);
        }
        if (journal != null) {
            try {
                journal.remove(id);
            } catch (RuntimeException cleanup) {
                cause.addSuppressed(cleanup);
            }
        }
    }

    /**
     * The directory behind the device object {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN} (without a
     * trailing backslash), or null if no such device exists.
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

    /** The file-system facts of shadow copy {@code id} (its volume's at the time it was made), or null if unknown. */
    public synchronized FileSystemFacts facts(UUID id) {
        return facts.get(id);
    }

    /** How later snapshots are copied (the default is {@link PointInTimeCopier#forHost()}). */
    public void useCopier(PointInTimeCopier c) {
        this.copier = c;
    }

    public synchronized Snapshot find(UUID id) {
        return snapshots.get(id);
    }

    /** Snapshots of the set {@code setId}. */
    public synchronized List<Snapshot> inSet(UUID setId) {
        return snapshots.values().stream().filter(s -> s.setId().equals(setId)).toList();
    }

    /** All snapshots, in creation order. */
    public synchronized List<Snapshot> all() {
        return List.copyOf(snapshots.values());
    }

    /** Deletes a snapshot and its directory (unexposing it first); false if unknown. */
    public synchronized boolean delete(UUID id) {
        Snapshot s = drop(id);
        if (s == null) {
            return false;
        }
        if (s.exposure() != null) {
            ExposureLinks.remove(s.exposure());
        }
        devices.remove(s.deviceNumber());
        deleteTree(s.directory());
        return true;
    }

    /**
     * Exposes snapshot {@code id} as {@code e}: makes the host link and records the exposure (and its attribute bit).
     */
    public synchronized Snapshot expose(UUID id, Exposure e) {
        Snapshot s = snapshots.get(id);
        ExposureLinks.create(e.link(), e.pathFromRoot() == null ? s.directory()
                : s.directory().resolve(relative(e.pathFromRoot())), e.replacedEmptyDirectory());
        Snapshot exposed = s.withExposure(e);
        put(exposed);
        return exposed;
    }

    /** Undoes {@link #expose}; the unexposed snapshot. */
    public synchronized Snapshot unexpose(UUID id) {
        Snapshot s = snapshots.get(id);
        ExposureLinks.remove(s.exposure());
        Snapshot plain = s.withExposure(null);
        put(plain);
        return plain;
    }

    /** {@code \\dirTwo} of a remotely exposed share, as a path relative to the snapshot root. */
    public static String relative(String pathFromRoot) {
        String p = pathFromRoot.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    /** Replaces the record of a snapshot (same id) by {@code updated}, e.g. with an attribute added. */
    public synchronized void update(Snapshot updated) {
        if (snapshots.containsKey(updated.id())) {
            put(updated);
        }
    }

    /**
     * BreakSnapshotSet: VSS "forgets" the snapshot (Microsoft docs); its directory stays, as the independent volume it
     * now is, and is no longer found or deleted as a shadow copy. The forgotten record, or null if unknown.
     */
    public synchronized Snapshot forget(UUID id) {
        Snapshot s = drop(id);
        if (s != null && s.exposure() != null) {
            ExposureLinks.remove(s.exposure());
        }
        return s;
    }

    /**
     * RevertToSnapshot: the volume's files are replaced by the snapshot's (its root directory itself stays, so the
     * volume keeps its name); copied by the same {@link PointInTimeCopier} as snapshots.
     */
    public void revert(Snapshot s) {
        Path root = s.volume().root();
        try (java.util.stream.Stream<Path> entries = Files.list(root)) {
            for (Path p : entries.toList()) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(p);
                } else {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear volume " + root + " for the revert", e);
        }
        copier.copy(s.directory(), root);
        FileSystemFacts snapshotFacts = facts(s.id());
        if (snapshotFacts != null) {
            s.volume().facts().replaceWith(snapshotFacts);
        }
    }

    /** Deletes the non-persistent snapshots {@code owner} created (its IVssBackupComponents was released). */
    public synchronized void releaseOwner(Object owner) {
        for (Snapshot s : new ArrayList<>(snapshots.values())) {
            if (s.owner() == owner && !s.isPersistent()) {
                delete(s.id());
            }
        }
    }

    /** Deletes everything (the machine is closed); a journaled machine keeps its persistent snapshots. */
    public synchronized void clear() {
        for (Snapshot s : new ArrayList<>(snapshots.values())) {
            if (journal == null || !s.isPersistent()) {
                delete(s.id());
            }
        }
        snapshots.clear();
        facts.clear();
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete snapshot directory " + dir, e);
        }
    }
}
