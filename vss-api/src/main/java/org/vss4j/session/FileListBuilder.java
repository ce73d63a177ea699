package org.vss4j.session;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * cloud file whose data is not on the volume, a reparse point of unknown kind and a name no Windows file can have
 * each become a {@link FileRecord} that is not saved, with the path and the reason, so that its component is not
 * marked succeeded; a file a writer excludes, or an unchanged differenced file, becomes an {@link ExcludedFile}
 * with its reason;</li>
 * <li>only the shadow copy is read: every place read is reached from the snapshot root one listed name at a time
 * ({@code Path.resolve} of a name {@code FindFirstFileW} gave, never a Windows path split again), so no name, not
 * even a host name holding {@code ..\}, leads out of it, and no link on the way is followed;</li>
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
    /** Left out on purpose (writer exclusions, unchanged differenced files), by key; first reason wins. */
    private final Map<String, ExcludedFile> excluded = new LinkedHashMap<>();
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
            Place start = onDisk(snap, from, s);
            if (start == null) {
                continue;
            }
            String normalPrefix = s.alternate() == null ? start.relative() : normalOnDisk(s.normal());
            walk(start.host(), s.recursive(), new Found() {
                @Override
                public void entry(String relativeDir, Path host, DirectoryEntry e, ItemKind kind) {
                    if (!s.pattern().matches(e.name())) {
                        return;
                    }
                    String normalRelative = PathRules.join(PathRules.join(normalPrefix, relativeDir), e.name());
                    if (kind == ItemKind.FILE && differenced.unchanged(s.added(), s.normal().volumeId(),
                            normalRelative, e.lastWrite())) {
                        exclude(s.normal(), normalRelative, s.component(), s.added(), null, "not changed since the "
                                + "time its writer gave for these differenced files (last written " + e.lastWrite()
                                + "; Microsoft docs, \"IVssComponent::AddDifferencedFilesByLastModifyTime\")");
                        return;
                    }
                    offer(s.normal(), normalRelative, host, s.component(), s.added(), s.alternate() != null,
                            snap.volumeName(), kind, e.reparseTag());
                }

                @Override
                public void notTaken(String relativeDir, String name, String reason, boolean isDirectory,
                        boolean unnamable) {
                    if (!isDirectory && !s.pattern().matches(name)) {
                        return;
                    }
                    report(s.normal(), PathRules.join(normalPrefix, relativeDir), name, s.component(), s.added(),
                            s.alternate() != null, reason, isDirectory, unnamable);
                }
            });
        }
        return this;
    }

    /** Adds every file of whole volumes that no component claimed; {@code attribution} names their components. */
    FileListBuilder addVolumeFiles(List<ResolvedPath> volumes, List<FileSource> attribution) {
        for (ResolvedPath v : volumes) {
            if (!v.relativePath().isEmpty()) {
                // BackupSessionBuilder refuses a volume that is no volume root; a whole-volume walk of one would
                // back up more than was asked for.
                throw new IllegalStateException(v.original(v.relativePath()) + " is not a volume root");
            }
            SnapshotRoot snap = snapshotOf(v);
            walk(snap.root(), true, new Found() {
                @Override
                public void entry(String relativeDir, Path host, DirectoryEntry e, ItemKind kind) {
                    FileSource owner = ownerOf(attribution, v, relativeDir, e.name());
                    offer(v, PathRules.join(relativeDir, e.name()), host, owner == null ? null : owner.component(),
                            null, false, snap.volumeName(), kind, e.reparseTag());
                }

                @Override
                public void notTaken(String relativeDir, String name, String reason, boolean isDirectory,
                        boolean unnamable) {
                    FileSource owner = ownerOf(attribution, v, relativeDir, name);
                    report(v, relativeDir, name, owner == null ? null : owner.component(), null, false, reason,
                            isDirectory, unnamable);
                }
            });
        }
        return this;
    }

    private static FileSource ownerOf(List<FileSource> attribution, ResolvedPath v, String dir, String name) {
        return attribution.stream().filter(a -> a.matches(v.volumeId(), dir, name)).findFirst().orElse(null);
    }

    List<BackupItem> items() {
        return List.copyOf(items);
    }

    /** What was found but cannot be backed up, each with its reason. */
    List<FileRecord> notTaken() {
        return List.copyOf(notTaken);
    }

    /**
     * What was found and is left out on purpose, each with its reason; a file another file set takes after all (an
     * unchanged differenced file of one component that another component names) is an item, not here.
     */
    List<ExcludedFile> excluded() {
        return excluded.entrySet().stream().filter(e -> !claimed.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
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
     * simply holds no files. Every name on the way is a directory link's or mount point's as much as the last one:
     * none is followed. Null when not to walk.
     */
    private Place onDisk(SnapshotRoot snap, ResolvedPath from, FileSource s) {
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
        return new Place(walked, at);
    }

    /** A directory inside a shadow copy: its path below the volume root, and the host path it is read at. */
    private record Place(String relative, Path host) {
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
        report(s.normal(), PathRules.parent(normalRelative), PathRules.name(normalRelative), s.component(),
                s.added(), s.alternate() != null, reason, isDirectory, false);
    }

    private static String key(ResolvedPath volume, String relative) {
        return volume.volumeId().toLowerCase(Locale.ROOT) + "|" + relative;
    }

    /**
     * The key of a name no Windows file can have: never that of the Windows path it reads as ({@code a\b} in
     * {@code dir} is not {@code dir\a\b}, which may be another file), so neither hides the other.
     */
    private static String unnamableKey(ResolvedPath volume, String relativeDir, String name) {
        return key(volume, relativeDir) + "|\0" + name;
    }

    private void exclude(ResolvedPath volume, String relative, ComponentRef component, ComponentRef added,
            ExclusionRules.Match by, String reason) {
        LOG.debug("{} is left out: {}", volume.original(relative), reason);
        excluded.putIfAbsent(key(volume, relative), new ExcludedFile(component == null ? null : component.writer(),
                component, added, volume.original(relative), by == null ? null : by.writer(), reason));
    }

    private void cover(ResolvedPath volume, String relative, ComponentRef added) {
        if (added != null) {
            coverage.computeIfAbsent(volume.original(relative), k -> new HashSet<>()).add(added);
        }
    }

    private void offer(ResolvedPath volume, String relative, Path inSnapshot, ComponentRef component,
            ComponentRef added, boolean alternate, String volumeName, ItemKind kind, int reparseTag) {
        ExclusionRules.Match excluder = exclusions.excludedBy(volume.volumeId(), relative);
        if (excluder != null) {
            exclude(volume, relative, component, added, excluder, excluder.reason());
            return;
        }
        cover(volume, relative, added);
        if (!claimed.add(key(volume, relative))) {
            return;
        }
        items.add(new BackupItem(component == null ? null : component.writer(), component, added, inSnapshot,
                volume.original(relative), alternate, volumeName, kind, reparseTag));
    }

    /**
     * Reports the entry {@code name} of {@code relativeDir} as not backed up; {@code unnamable}: its name is none a
     * Windows file can have (it holds a {@code \}), so it is keyed apart from every Windows path.
     */
    private void report(ResolvedPath volume, String relativeDir, String name, ComponentRef component,
            ComponentRef added, boolean alternate, String reason, boolean isDirectory, boolean unnamable) {
        String relative = PathRules.join(relativeDir, name);
        ExclusionRules.Match excluder = isDirectory && !unnamable ? exclusions.excludesTree(volume.volumeId(),
                relative) : exclusions.excludedBy(volume.volumeId(), relativeDir, name);
        String key = unnamable ? unnamableKey(volume, relativeDir, name) : key(volume, relative);
        String original = volume.original(relative);
        if (excluder != null) {
            excluded.putIfAbsent(key, new ExcludedFile(component == null ? null : component.writer(), component,
                    added, original, excluder.writer(), excluder.reason()));
            return;
        }
        if (!unnamable) {
            cover(volume, relative, added);
        } else if (added != null) {
            coverage.computeIfAbsent(original, k -> new HashSet<>()).add(added);
        }
        if (claimed.contains(key) || !reported.add(key)) {
            return;
        }
        LOG.warn("{} is not backed up: {}", WindowsNames.printable(original), reason);
        notTaken.add(new FileRecord(component == null ? null : component.writer(), component, added, original,
                alternate, false, reason));
    }

    /**
     * What the walk found: an entry to back up, or something that cannot be. {@code relativeDir} is the directory's
     * path relative to the walk's start ({@code ""} for the start), {@code host} where the entry is read.
     */
    private interface Found {
        void entry(String relativeDir, Path host, DirectoryEntry e, ItemKind kind);

        void notTaken(String relativeDir, String name, String reason, boolean isDirectory, boolean unnamable);
    }

    /** A directory still to list: its path relative to the walk's start, and where it is read. */
    private record Pending(String relative, Path host) {
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
     * is followed. A non-recursive file set names files only: directories of any kind are passed over. A name no
     * Windows file can have is reported, never read: resolved on the host it could lead anywhere ({@code ..\x}).
     */
    private static void walk(Path start, boolean recursive, Found found) {
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending("", start));
        while (!pending.isEmpty()) {
            Pending dir = pending.pop();
            List<DirectoryEntry> entries;
            try {
                entries = DirectoryLister.list(dir.host());
            } catch (DirectoryListingException e) {
                found.notTaken(PathRules.parent(dir.relative()), PathRules.name(dir.relative()), unlistable(e), true,
                        false);
                continue;
            }
            List<Pending> subdirectories = new ArrayList<>();
            for (DirectoryEntry e : entries) {
                if (e.isDirectory() && !recursive) {
                    continue;
                }
                String unnamable = WindowsNames.problem(e.name());
                if (unnamable != null) {
                    found.notTaken(dir.relative(), e.name(), unnamable + "; it cannot be named on Windows nor "
                            + "restored to its path, and is not read", e.isDirectory(), true);
                    continue;
                }
                Path host = dir.host().resolve(e.name());
                String relative = PathRules.join(dir.relative(), e.name());
                if (!e.isReparsePoint()) {
                    if (e.isDirectory()) {
                        subdirectories.add(new Pending(relative, host));
                    } else {
                        found.entry(dir.relative(), host, e, ItemKind.FILE);
                    }
                    continue;
                }
                switch (ReparseTag.of(e.reparseTag()).handling()) {
                    case LINK -> found.entry(dir.relative(), host, e, ItemKind.LINK);
                    case DATA -> {
                        if (e.isDirectory() && e.isDataRemote()) {
                            found.notTaken(dir.relative(), e.name(), cloudFolder(e), true, false);
                        } else if (e.isDirectory()) {
                            // A cloud-synced folder: its entries are local; each placeholder is judged on its own.
                            subdirectories.add(new Pending(relative, host));
                        } else if (e.isDataRemote()) {
                            found.notTaken(dir.relative(), e.name(), "a cloud placeholder whose data is not on the "
                                    + "volume (" + ReparseTag.describe(e.reparseTag()) + ", recall on data access); "
                                    + "hydrate it (for example: attrib +P) before the backup", false, false);
                        } else {
                            found.entry(dir.relative(), host, e, ItemKind.FILE);
                        }
                    }
                    default -> found.notTaken(dir.relative(), e.name(), "a reparse point of a kind vss4j does not "
                            + "back up (" + ReparseTag.describe(e.reparseTag()) + ")", e.isDirectory(), false);
                }
            }
            // Depth first, in listing order.
            for (int i = subdirectories.size() - 1; i >= 0; i--) {
                pending.push(subdirectories.get(i));
            }
        }
    }
}
