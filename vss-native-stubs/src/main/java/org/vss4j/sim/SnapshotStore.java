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
    private volatile PointInTimeCopier copier = PointInTimeCopier.forHost();

    SnapshotStore(Path root) {
        this.root = root;
    }

    /** Copies {@code volume} into a new snapshot directory and records the snapshot. */
    public synchronized Snapshot create(UUID id, UUID setId, Volume volume, int attributes, int inSet, Object owner) {
        Path dir = root.resolve(id.toString());
        CopyMethod method = copier.copy(volume.root(), dir);
        Snapshot s = new Snapshot(id, setId, volume, dir, attributes, java.time.Instant.now(), inSet, owner, method);
        snapshots.put(id, s);
        return s;
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

    /** Deletes a snapshot and its directory; false if unknown. */
    public synchronized boolean delete(UUID id) {
        Snapshot s = snapshots.remove(id);
        if (s == null) {
            return false;
        }
        deleteTree(s.directory());
        return true;
    }

    /** Deletes the non-persistent snapshots {@code owner} created (its IVssBackupComponents was released). */
    public synchronized void releaseOwner(Object owner) {
        for (Snapshot s : new ArrayList<>(snapshots.values())) {
            if (s.owner() == owner && !s.isPersistent()) {
                delete(s.id());
            }
        }
    }

    /** Deletes everything (the machine is closed). */
    public synchronized void clear() {
        for (UUID id : new ArrayList<>(snapshots.keySet())) {
            delete(id);
        }
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
