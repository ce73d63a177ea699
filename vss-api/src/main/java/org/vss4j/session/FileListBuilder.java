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
import org.vss4j.com.Win32Error;
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
     * Claimed entries, by volume and exact relative path: names come from the file system as it stores them, so two
     * names that differ only by case (a case-sensitive directory) are two entries, and two file sets that name one
     * directory with different case meet on one name.
     */
    private final Set<String> claimed = new HashSet<>();
    /** Entries already reported as not backed up, by the same key. */
    private final Set<String> reported = new HashSet<>();
    /** Original path to every added component whose file sets name it: a file that fails, fails each of them. */
    private final Map<String, Set<ComponentRef>> coverage = new HashMap<>();

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
            String start = onDisk(snap, from, s);
            if (start == null) {
                continue;
            }
            String normalPrefix = s.alternate() == null ? start : normalOnDisk(s.normal());
            Path dir = PathRules.inside(snap.root(), start);
            walk(dir, s.recursive(), new Found() {
                @Override
                public void entry(String relative, DirectoryEntry e, ItemKind kind) {
                    if (!s.pattern().matches(PathRules.name(relative))) {
                        return;
                    }
                    String normalRelative = PathRules.join(normalPrefix, relative);
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
                    report(s.normal(), PathRules.join(normalPrefix, relative), s.component(), s.added(),
                            s.alternate() != null, reason, isDirectory);
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
                    report(root, relative, owner == null ? null : owner.component(), null, false, reason,
                            isDirectory);
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

    /** Original path to the added components whose file sets name it (more than one where file sets overlap). */
    Map<String, Set<ComponentRef>> coverage() {
        Map<String, Set<ComponentRef>> copy = new HashMap<>();
        coverage.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return copy;
    }

    private SnapshotRoot snapshotOf(ResolvedPath p) {
        SnapshotRoot s = snapshots.get(p.volumeId().toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalStateException("volume " + p.volumeName() + " is not in the shadow copy set");
        }
        return s;
    }

    /**
     * The file set's directory inside the shadow copy, as the file system names it (its exact case), checked on the
     * way from the root: a directory that is a link (an absolute junction would lead to the live volume), that
     * cannot be listed, or that is a file is reported and the file set not walked; a directory that does not exist
     * simply holds no files. Null when not to walk.
     */
    private String onDisk(SnapshotRoot snap, ResolvedPath from, FileSource s) {
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
                reportFileSet(s, walked, unlistable(x), true);
                return null;
            }
            if (e == null) {
                return null;
            }
            String here = PathRules.join(walked, e.name());
            String reason = null;
            if (e.isReparsePoint() && ReparseTag.of(e.reparseTag()).handling() != ReparseTag.Handling.DATA) {
                reason = "the path goes through " + ReparseTag.describe(e.reparseTag()) + " at "
                        + from.original(here) + ", which a backup does not follow inside a shadow copy";
            } else if (!e.isDirectory()) {
                reason = from.original(here) + " is a file, not the directory of a file set";
            } else if (e.isReparsePoint() && e.isDataRemote()) {
                reason = cloudFolder(e);
            }
            if (reason != null) {
                reportFileSet(s, here, reason, e.isDirectory());
                return null;
            }
            walked = here;
            at = at.resolve(e.name());
        }
        return walked;
    }

    /** The normal location of a file set read from its alternate path, as the file system names it if it can. */
    private String normalOnDisk(ResolvedPath normal) {
        SnapshotRoot snap = snapshots.get(normal.volumeId().toLowerCase(Locale.ROOT));
        Path at = snap == null ? null : snap.root();
        String walked = "";
        for (String part : normal.relativePath().split("\\\\")) {
            if (part.isEmpty()) {
                continue;
            }
            DirectoryEntry e = null;
            try {
                e = at == null ? null : DirectoryLister.entry(at, part);
            } catch (DirectoryListingException x) {
                LOG.debug("cannot look up {} in the shadow copy: {}", part, x.getMessage());
            }
            walked = PathRules.join(walked, e == null ? part : e.name());
            at = e == null || !e.isDirectory() || e.isReparsePoint() ? null : at.resolve(e.name());
        }
        return walked;
    }

    private void reportFileSet(FileSource s, String relativeOnSource, String reason, boolean isDirectory) {
        String normalRelative = s.alternate() == null ? relativeOnSource : s.normal().relativePath();
        report(s.normal(), normalRelative, s.component(), s.added(), s.alternate() != null, reason, isDirectory);
    }

    private static String key(ResolvedPath volume, String relative) {
        return volume.volumeId().toLowerCase(Locale.ROOT) + "|" + relative;
    }

    private void cover(ResolvedPath volume, String relative, ComponentRef added) {
        if (added != null) {
            coverage.computeIfAbsent(volume.original(relative), k -> new HashSet<>()).add(added);
        }
    }

    private void offer(ResolvedPath volume, String relative, Path inSnapshot, ComponentRef component,
            ComponentRef added, boolean alternate, String volumeName, ItemKind kind, int reparseTag) {
        WriterRef excluder = exclusions.excludedBy(volume.volumeId(), relative);
        if (excluder != null) {
            LOG.debug("{} is excluded by writer {}", volume.original(relative), excluder);
            return;
        }
        cover(volume, relative, added);
        if (!claimed.add(key(volume, relative))) {
            return;
        }
        items.add(new BackupItem(component == null ? null : component.writer(), component, added, inSnapshot,
                volume.original(relative), alternate, volumeName, kind, reparseTag));
    }

    private void report(ResolvedPath volume, String relative, ComponentRef component, ComponentRef added,
            boolean alternate, String reason, boolean isDirectory) {
        WriterRef excluder = isDirectory ? exclusions.excludesTree(volume.volumeId(), relative)
                : exclusions.excludedBy(volume.volumeId(), relative);
        if (excluder != null) {
            LOG.debug("{} is excluded by writer {}", volume.original(relative), excluder);
            return;
        }
        cover(volume, relative, added);
        String key = key(volume, relative);
        if (claimed.contains(key) || !reported.add(key)) {
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

    private static String unlistable(DirectoryListingException e) {
        String reason = "the directory cannot be listed: " + Win32Error.describe(e.win32Error());
        return e.win32Error() == Win32Error.ERROR_ACCESS_DENIED
                ? reason + "; its security descriptor denies this account (vss4j does not enable SeBackupPrivilege)"
                : reason;
    }

    private static String cloudFolder(DirectoryEntry e) {
        return "a cloud folder whose entries are not on the volume (" + ReparseTag.describe(e.reparseTag())
                + ", recall on open); make it available offline before the backup";
    }

    /**
     * Lists {@code start} and, when {@code recursive}, every directory below it that is a plain directory (or a
     * cloud-synced one whose entries are local). Each entry is classified by attributes and reparse tag; nothing found
     * is followed. A non-recursive file set names files only: directories of any kind are passed over.
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
                found.notTaken(relDir, unlistable(e), true);
                continue;
            }
            List<String> subdirectories = new ArrayList<>();
            for (DirectoryEntry e : entries) {
                if (e.isDirectory() && !recursive) {
                    continue;
                }
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
                        if (e.isDirectory() && e.isDataRemote()) {
                            found.notTaken(relative, cloudFolder(e), true);
                        } else if (e.isDirectory()) {
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
            // Depth first, in listing order.
            for (int i = subdirectories.size() - 1; i >= 0; i--) {
                pending.push(subdirectories.get(i));
            }
        }
    }
}
