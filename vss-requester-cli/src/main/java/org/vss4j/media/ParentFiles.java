package org.vss4j.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vss4j.session.ExcludedFile;

/**
 * The parent set's catalog as an incremental or differential backup compares against it: which file is unchanged, so
 * that the new set lists it with the data of the set that holds it instead of storing it again. Each file is looked up
 * in the parent's catalog by its entry name (a unique index), so no catalog is held in memory.
 */
final class ParentFiles implements AutoCloseable {

    private final String parentId;
    private final Instant parentTime;
    private final ChangeDetection changes;
    private final Catalog catalog;
    /** The differenced files the session left out as unchanged, by entry name. */
    private final Map<String, ExcludedFile> leftOut = new HashMap<>();
    /** Those of {@link #leftOut} that another component's file set named, and that were listed as items. */
    private final Set<String> listedAnyway = new HashSet<>();

    private ParentFiles(String parentId, Instant parentTime, ChangeDetection changes, Catalog catalog,
            List<ExcludedFile> excluded) {
        this.parentId = parentId;
        this.parentTime = parentTime;
        this.changes = changes;
        this.catalog = catalog;
        for (ExcludedFile x : excluded) {
            // A writer's exclusion (excludedBy) is not part of the backup at all; only unchanged files are listed.
            if (x.excludedBy() == null && x.addedComponent() != null) {
                List<String> path = SessionBackupSet.entryPath(x.originalPath());
                leftOut.put(entryName(path.get(0), String.join("/", path.subList(1, path.size()))), x);
            }
        }
    }

    /**
     * The catalog of {@code parent} in {@code media}, with the files the session left out ({@code excluded}); an
     * error names the parent if it is gone or unreadable.
     */
    static ParentFiles open(Path media, BackupSetInfo parent, ChangeDetection changes, List<ExcludedFile> excluded)
            throws IOException {
        Path file = media.resolve(MediaLayout.checkSetId(parent.setId())).resolve(MediaLayout.CATALOG);
        try {
            return new ParentFiles(parent.setId(), parent.metadata().snapshotTime(), changes, Catalog.open(file),
                    excluded);
        } catch (IOException e) {
            throw new IOException("the parent set " + parent.setId() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The parent's row of the file if it did not change ({@link ChangeDetection#changed}), else null. */
    CatalogRow unchanged(String root, String relativePath, FileMetadata now, long size) throws IOException {
        CatalogRow before = catalog.file(entryName(root, relativePath));
        return changes.changed(now, size, before, parentTime) ? null : before;
    }

    /** Lists an unchanged file in {@code set} with the parent's data. */
    void listUnchanged(BackupSetWriter set, CatalogRow before, FileMetadata now) throws IOException {
        listed(set.addUnchanged(before, parentId, now));
    }

    /** Notes a file listed in the new set (stored or not), so it is not listed twice. */
    void listed(CatalogRow row) {
        if (leftOut.containsKey(row.entryName())) {
            listedAnyway.add(row.entryName());
        }
    }

    /**
     * Lists each differenced file the session left out as unchanged with the parent's data, so the set still lists
     * every file of the backup; returns those the parent does not list, whose data no set of the chain holds.
     */
    List<ExcludedFile> listUnchangedDifferenced(BackupSetWriter set) throws IOException {
        List<ExcludedFile> lost = new ArrayList<>();
        for (Map.Entry<String, ExcludedFile> e : leftOut.entrySet()) {
            if (listedAnyway.contains(e.getKey())) {
                continue; // another component's file set named it, and it was taken
            }
            CatalogRow before = catalog.file(e.getKey());
            if (before == null) {
                lost.add(e.getValue());
            } else {
                listUnchanged(set, before, before.metadata());
            }
        }
        return lost;
    }

    private static String entryName(String root, String relativePath) {
        return root + "/" + String.join("/", EntryNames.segments(relativePath));
    }

    @Override
    public void close() throws IOException {
        catalog.close();
    }
}
