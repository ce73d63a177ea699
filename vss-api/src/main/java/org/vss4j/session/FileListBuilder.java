package org.vss4j.session;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.files.DirectoryEntry;
import org.vss4j.files.DirectoryLister;
import org.vss4j.files.DirectoryListingException;
import org.vss4j.files.ReparseTag;

/**
 * Generates the list of files to back up inside the shadow copies, after they exist (Microsoft docs, "Overview of
 * Actual Backup Of Files": "you should not generate the actual list of files to be backed up until the shadow copy has
 * completed"):
 * <ul>
 * <li>each component file set is expanded under its path (or its alternate path) with its filespec and recursion;</li>
 * <li>writers' exclusions remove files whatever component includes them ({@link ExclusionRules});</li>
 * <li>directories are listed with {@code FindFirstFileW} ({@link DirectoryLister}), and every entry is classified by
 * its Windows attributes and reparse tag ({@link ReparseTag}), never by java.nio's file kind: files carrying their own
 * data (deduplicated, compressed, hydrated cloud files) are backed up; links, junctions and mount points are recorded
 * as {@link ItemKind#LINK} items and never followed (Microsoft docs, "Working with Mounted Folders and Reparse
 * Points"); a file set on a mounted volume is read from that volume's own shadow copy;</li>
 * <li>nothing is left out silently: a directory that cannot be listed, a file set whose path goes through a link, a
 * cloud file whose data is not on the volume and a reparse point of unknown kind each become a {@link FileRecord}
 * that is not saved, with the path and the reason, so that its component is not marked succeeded;</li>
 * <li>a file belongs to the first component whose file set names it, then to no other; the volumes asked for are
 * walked last for the files no component claimed.</li>
 * </ul>
 * The snapshot root is a link to the shadow copy device ({@link org.vss4j.SnapshotMount}); listing it follows it, as
 * listing any directory through a path does on Windows, while nothing found inside is followed.
 */
final class FileListBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(FileListBuilder.class);

    private final Map<String, SnapshotRoot> snapshots;
    private final ExclusionRules exclusions;
    private final DifferencedFiles differenced;
    private final List<BackupItem> items = new ArrayList<>();
    private final List<FileRecord> notTaken = new ArrayList<>();
    /**
     * Claimed files: the case-insensitive key (Windows paths usually are) to the exact names claimed under it, so that
     * two names that differ only by case (a case-sensitive directory) are two files, while two file sets that name
     * one file with different case still claim it once.
     */
    private final Map<String, Set<String>> claimed = new HashMap<>();
    /** Directories already reported as not listable (by case-insensitive key). */
    private final Set<String> reportedDirectories = new HashSet<>();

    /** @param snapshots volume id (lower case) to its shadow copy */
    FileListBuilder(Map<String, SnapshotRoot> snapshots, ExclusionRules exclusions, DifferencedFiles differenced) {
        this.snapshots = snapshots;
        this.exclusions = exclusions;
        this.differenced = differenced;
    }

    /** Adds the files of component file sets. */
    FileListBuilder addComponentFiles(List<FileSource> sources) {
        for (FileSource s : sources) {
            ResolvedPath from = s.source();
            SnapshotRoot snap = snapshotOf(from);
            String blocked = firstLinkOnPath(snap, from, s);
            if (blocked != null) {
                continue;
            }
            Path dir = PathRules.inside(snap.root(), from.relativePath());
            walk(dir, s.recursive(), new Found() {
                @Override
                public void entry(String relative, DirectoryEntry e, ItemKind kind) {
                    if (!s.pattern().matches(PathRules.name(relative))) {
                        return;
                    }
                    String normalRelative = PathRules.join(s.normal().relativePath(), relative);
                    if (kind == ItemKind.FILE && differenced.unchanged(s.added(), s.normal().volumeId(),
                            normalRelative, e.lastWrite())) {
                        return;
                    }
                    offer(s.normal(), normalRelative, PathRules.inside(dir, relative), s.component(), s.added(),
                            s.alternate() != null, snap.volumeName(), kind, e.reparseTag());
                }

                @Override
                public void notTaken(String relative, String reason, boolean isDirectory) {
                    if (!isDirectory && !s.pattern().matches(PathRules.name(relative))) {
                        return;
                    }
                    report(s.normal(), PathRules.join(s.normal().relativePath(), relative), s.component(), s.added(),
                            s.alternate() != null, reason);
                }
            });
        }
        return this;
    }

    /** Adds every file of whole volumes that no component claimed; {@code attribution} names their components. */
    FileListBuilder addVolumeFiles(List<ResolvedPath> volumes, List<FileSource> attribution) {
        for (ResolvedPath v : volumes) {
            SnapshotRoot snap = snapshotOf(v);
            ResolvedPath root = new ResolvedPath(v.volumeName(), v.volumeId(), "");
            walk(snap.root(), true, new Found() {
                @Override
                public void entry(String relative, DirectoryEntry e, ItemKind kind) {
                    FileSource owner = ownerOf(attribution, v, relative);
                    offer(root, relative, PathRules.inside(snap.root(), relative),
                            owner == null ? null : owner.component(), null, false, snap.volumeName(), kind,
                            e.reparseTag());
                }

                @Override
                public void notTaken(String relative, String reason, boolean isDirectory) {
                    FileSource owner = ownerOf(attribution, v, relative);
                    report(root, relative, owner == null ? null : owner.component(), null, false, reason);
                }
            });
        }
        return this;
    }

    private static FileSource ownerOf(List<FileSource> attribution, ResolvedPath v, String relative) {
        String dir = PathRules.parent(relative);
        String name = PathRules.name(relative);
        return attribution.stream().filter(a -> a.matches(v.volumeId(), dir, name)).findFirst().orElse(null);
    }

    List<BackupItem> items() {
        return List.copyOf(items);
    }

    /** What was found but cannot be backed up, each with its reason. */
    List<FileRecord> notTaken() {
        return List.copyOf(notTaken);
    }

    private SnapshotRoot snapshotOf(ResolvedPath p) {
        SnapshotRoot s = snapshots.get(p.volumeId().toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalStateException("volume " + p.volumeName() + " is not in the shadow copy set");
        }
        return s;
    }

    /**
     * Checks each directory on the way from the snapshot root to the file set's directory: one that is a link
     * (an absolute junction would lead to the live volume) or that cannot be listed is reported and the file set not
     * walked; a directory that does not exist simply holds no files. Returns the reason, or null to walk.
     */
    private String firstLinkOnPath(SnapshotRoot snap, ResolvedPath from, FileSource s) {
        Path at = snap.root();
        String walked = "";
        for (String part : from.relativePath().split("\\\\")) {
            if (part.isEmpty()) {
                continue;
            }
            DirectoryEntry e;
            try {
                e = DirectoryLister.entry(at, part);
            } catch (DirectoryListingException x) {
                String reason = x.getMessage();
                reportDirectory(s, walked, reason);
                return reason;
            }
            walked = PathRules.join(walked, part);
            if (e == null) {
                return "missing";
            }
            if (e.isReparsePoint() || !e.isDirectory()) {
                String reason = e.isReparsePoint()
                        ? "the path goes through " + ReparseTag.describe(e.reparseTag()) + " at "
                                + from.original(walked) + ", which a backup does not follow inside a shadow copy"
                        : "not a directory";
                if (e.isReparsePoint()) {
                    reportDirectory(s, walked, reason);
                }
                return reason;
            }
            at = at.resolve(part);
        }
        return null;
    }

    private void reportDirectory(FileSource s, String relativeOnSource, String reason) {
        String normalRelative = s.alternate() == null ? relativeOnSource : s.normal().relativePath();
        report(s.normal(), normalRelative, s.component(), s.added(), s.alternate() != null, reason);
    }

    private void offer(ResolvedPath volume, String relative, Path inSnapshot, ComponentRef component,
            ComponentRef added, boolean alternate, String volumeName, ItemKind kind, int reparseTag) {
        String key = (volume.volumeId() + "|" + relative).toLowerCase(Locale.ROOT);
        String exactName = PathRules.name(relative);
        Set<String> names = claimed.get(key);
        if (names != null && names.contains(exactName)) {
            return;
        }
        WriterRef excluder = exclusions.excludedBy(volume.volumeId(), relative);
        if (excluder != null) {
            LOG.debug("{} is excluded by writer {}", volume.original(relative), excluder);
            return;
        }
        claimed.computeIfAbsent(key, k -> new HashSet<>()).add(exactName);
        items.add(new BackupItem(component == null ? null : component.writer(), component, added, inSnapshot,
                volume.original(relative), alternate, volumeName, kind, reparseTag));
    }

    private void report(ResolvedPath volume, String relative, ComponentRef component, ComponentRef added,
            boolean alternate, String reason) {
        String key = (volume.volumeId() + "|" + relative).toLowerCase(Locale.ROOT);
        if (claimed.containsKey(key) || !reportedDirectories.add(key)) {
            return;
        }
        WriterRef excluder = exclusions.excludedBy(volume.volumeId(), relative);
        if (excluder != null) {
            return;
        }
        LOG.warn("{} is not backed up: {}", volume.original(relative), reason);
        notTaken.add(new FileRecord(component == null ? null : component.writer(), component, added,
                volume.original(relative), alternate, false, reason));
    }

    /** What the walk found: an entry to back up, or something that cannot be. Paths relative to the walk's start. */
    private interface Found {
        void entry(String relative, DirectoryEntry e, ItemKind kind);

        void notTaken(String relative, String reason, boolean isDirectory);
    }

    /**
     * Lists {@code start} and, when {@code recursive}, every directory below it that is a plain directory. Each entry
     * is classified by attributes and reparse tag; nothing found is followed.
     */
    private static void walk(Path start, boolean recursive, Found found) {
        Deque<String> pending = new ArrayDeque<>();
        pending.push("");
        while (!pending.isEmpty()) {
            String relDir = pending.pop();
            Path dir = relDir.isEmpty() ? start : PathRules.inside(start, relDir);
            List<DirectoryEntry> entries;
            try {
                entries = DirectoryLister.list(dir);
            } catch (DirectoryListingException e) {
                if (e.win32Error() == 3 && relDir.isEmpty()) {
                    // ERROR_PATH_NOT_FOUND at the start: the file set's directory does not exist in the shadow copy.
                    continue;
                }
                found.notTaken(relDir, "the directory cannot be listed: " + e.getMessage(), true);
                continue;
            }
            List<String> subdirectories = new ArrayList<>();
            for (DirectoryEntry e : entries) {
                String relative = PathRules.join(relDir, e.name());
                if (!e.isReparsePoint()) {
                    if (e.isDirectory()) {
                        subdirectories.add(relative);
                    } else {
                        found.entry(relative, e, ItemKind.FILE);
                    }
                    continue;
                }
                switch (ReparseTag.of(e.reparseTag()).handling()) {
                    case LINK -> found.entry(relative, e, ItemKind.LINK);
                    case DATA -> {
                        if (e.isDirectory()) {
                            // A cloud-synced folder: its entries are local; each placeholder is judged on its own.
                            subdirectories.add(relative);
                        } else if (e.isDataRemote()) {
                            found.notTaken(relative, "a cloud placeholder whose data is not on the volume ("
                                    + ReparseTag.describe(e.reparseTag()) + ", recall on data access); hydrate it "
                                    + "(for example: attrib +P) before the backup", false);
                        } else {
                            found.entry(relative, e, ItemKind.FILE);
                        }
                    }
                    default -> found.notTaken(relative, "a reparse point of a kind vss4j does not back up ("
                            + ReparseTag.describe(e.reparseTag()) + ")", e.isDirectory());
                }
            }
            if (recursive) {
                // Depth first, in listing order.
                for (int i = subdirectories.size() - 1; i >= 0; i--) {
                    pending.push(subdirectories.get(i));
                }
            }
        }
    }
}
