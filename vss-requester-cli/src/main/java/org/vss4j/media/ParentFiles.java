package org.vss4j.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vss4j.session.ExcludedFile;

/**
 * The parent set's catalog as an incremental or differential backup compares against it: which file is unchanged, so
 * that the new set lists it with the data of the set that holds it instead of storing it again.
 */
final class ParentFiles {

    private final String parentId;
    private final Instant parentTime;
    private final ChangeDetection changes;
    private final Map<String, CatalogRow> rows;
    private final Set<String> listed = new HashSet<>();

    private ParentFiles(String parentId, Instant parentTime, ChangeDetection changes, Map<String, CatalogRow> rows) {
        this.parentId = parentId;
        this.parentTime = parentTime;
        this.changes = changes;
        this.rows = rows;
    }

    /** The catalog of {@code parent} in {@code media}; an error names the parent if it is gone or unreadable. */
    static ParentFiles read(Path media, BackupSetInfo parent, ChangeDetection changes) throws IOException {
        Path catalog = media.resolve(MediaLayout.checkSetId(parent.setId())).resolve(MediaLayout.CATALOG);
        try (Catalog c = Catalog.open(catalog)) {
            return new ParentFiles(parent.setId(), parent.metadata().snapshotTime(), changes, c.files());
        } catch (IOException e) {
            throw new IOException("the parent set " + parent.setId() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The parent's row of the file if it did not change ({@link ChangeDetection#changed}), else null. */
    CatalogRow unchanged(String root, String relativePath, FileMetadata now, long size) {
        CatalogRow before = rows.get(entryName(root, relativePath));
        return changes.changed(now, size, before, parentTime) ? null : before;
    }

    /** Lists an unchanged file in {@code set} with the parent's data. */
    void listUnchanged(BackupSetWriter set, CatalogRow before, FileMetadata now) throws IOException {
        listed.add(set.addUnchanged(before, parentId, now).entryName());
    }

    /** Notes a file stored in the new set, so it is not listed again. */
    void stored(CatalogRow row) {
        listed.add(row.entryName());
    }

    /**
     * Lists each differenced file the session left out as unchanged (no writer excluded it) with the parent's data,
     * so the set still lists every file of the backup; returns those the parent does not list, whose data no set of
     * the chain holds.
     */
    List<ExcludedFile> listUnchangedDifferenced(BackupSetWriter set, List<ExcludedFile> excluded) throws IOException {
        List<ExcludedFile> lost = new ArrayList<>();
        for (ExcludedFile x : excluded) {
            if (x.excludedBy() != null || x.addedComponent() == null) {
                continue; // a writer's exclusion: not part of the backup at all
            }
            List<String> path = SessionBackupSet.entryPath(x.originalPath());
            String name = entryName(path.get(0), String.join("/", path.subList(1, path.size())));
            if (listed.contains(name)) {
                continue; // another component's file set named it, and it was taken
            }
            CatalogRow before = rows.get(name);
            if (before == null) {
                lost.add(x);
            } else {
                listUnchanged(set, before, before.metadata());
            }
        }
        return lost;
    }

    private static String entryName(String root, String relativePath) {
        return root + "/" + String.join("/", EntryNames.segments(relativePath));
    }
}
