package org.vss4j.session;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
    /** The items, stored compactly; each found again by its key (below). */
    private final BackupItemTable items = new BackupItemTable();
    private final List<FileRecord> notTaken = new ArrayList<>();
    /** Left out on purpose (writer exclusions, unchanged differenced files), by key; first reason wins. */
    private final Map<String, ExcludedFile> excluded = new LinkedHashMap<>();
    /*
     * Claimed entries are the items, each added with its key: volume and exact relative path (BackupItemTable#
     * indexOfKey). Names come from the file system as it stores them, so two names that differ only by case (a
     * case-sensitive directory) are two entries, and two file sets that name one directory with different case meet
     * on one name.
     */
    /**
     * Entries reported as not backed up, by the same key (a name no Windows file can have keyed apart,
     * {@link #unnamableKey}), each with every added component whose file sets name it: a file that fails, fails each
     * of them.
     */
    private final Map<String, Set<ComponentRef>> reported = new HashMap<>();
    /** The same for each item, by its index: the index of its set of components in {@link #coverSets}. */
    private int[] itemCover = new int[16];
    /** The distinct sets of components of {@link #itemCover}, each once (items share a few). */
    private final List<Set<ComponentRef>> coverSets = new ArrayList<>(List.of(Set.of()));
    private final Map<Set<ComponentRef>, Integer> coverSetIndex = new HashMap<>(Map.of(Set.of(), 0));
    /** The key of each record not taken (by identity: two records may be equal and not one). */
    private final Map<FileRecord, String> recordKeys = new IdentityHashMap<>();
    /** The directories {@link #entry} listed: their entries by exact name, or the listing's exception. */
    private final Map<Path, Object> listings = new HashMap<>();

    /** @param snapshots volume id (lower case) to its shadow copy */
    FileListBuilder(Map<String, SnapshotRoot> snapshots, ExclusionRules exclusions, DifferencedFiles differenced) {
        this.snapshots = snapshots;
        this.exclusions = exclusions;
        this.differenced = differenced;
    }

    /**
     * Adds the files of component file sets. Each directory is listed once for all of them: the file sets are
     * grouped by the directory they start at ({@link FileSetGroup}), the walk carries the recursive ones down, and
     * each entry goes only to the file sets whose filespec matches it ({@link FileSpecIndex}). What each file set
     * found is then taken in the order of the file sets, each in its own walk order, so that the first file set that
     * names a file claims it, as if each had been walked on its own.
     */
    FileListBuilder addComponentFiles(List<FileSource> sources) {
        Map<String, Lookup> lookups = new HashMap<>();
        Lookup[] starts = new Lookup[sources.size()];
        Map<String, FileSetGroup> groups = new LinkedHashMap<>();
        Map<String, Path> hosts = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            FileSource s = sources.get(i);
            SnapshotRoot snap = snapshotOf(s.source());
            starts[i] = lookups.computeIfAbsent(key(s.source(), s.source().relativePath()),
                    k -> lookUp(snap.root(), s.source()));
            if (starts[i].reason() == null && starts[i].host() != null) {
                String key = key(s.source(), starts[i].relative());
                groups.computeIfAbsent(key, k -> new FileSetGroup()).add(i, s.pattern(), s.recursive());
                hosts.putIfAbsent(key, starts[i].host());
            }
        }
        FileSetFindings findings = new FileSetFindings(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            FileSource s = sources.get(i);
            Lookup l = starts[i];
            if (l.reason() != null) {
                findings.report(i, () -> reportFileSet(s, l.stoppedAt(), l.reason(), l.stoppedAtDirectory()));
            } else if (l.host() != null) {
                findings.tellTo(i, l.relative(), fileSetFound(s, l.relative()));
            }
        }
        Set<String> walked = new HashSet<>();
        for (Map.Entry<String, FileSetGroup> g : groups.entrySet()) {
            if (!walked.contains(g.getKey()) && !belowRecursive(g.getKey(), groups)) {
                walkFileSets(g.getKey(), hosts.get(g.getKey()), groups, findings, walked);
            }
        }
        for (Map.Entry<String, FileSetGroup> g : groups.entrySet()) {
            // A start the walks above did not reach (a listing that disagrees with the lookup): walked on its own.
            if (!walked.contains(g.getKey())) {
                walkFileSets(g.getKey(), hosts.get(g.getKey()), groups, findings, walked);
            }
        }
        findings.allWalksEnded();
        return this;
    }

    /** Whether the directory {@code key} is below the start of a recursive file set, whose walk reaches it. */
    private static boolean belowRecursive(String key, Map<String, FileSetGroup> groups) {
        // The volume id may hold backslashes (\\?\Volume{...}\); a path below it, no '|'.
        int volumeEnd = key.indexOf('|') + 1;
        String relative = key.substring(volumeEnd);
        while (!relative.isEmpty()) {
            int i = relative.lastIndexOf('\\');
            relative = i < 0 ? "" : relative.substring(0, i);
            FileSetGroup g = groups.get(key.substring(0, volumeEnd) + relative);
            if (g != null && g.hasRecursive()) {
                return true;
            }
        }
        return false;
    }

    /** Walks the file sets that start at {@code startKey} and every start below it that a recursive one reaches. */
    private void walkFileSets(String startKey, Path host, Map<String, FileSetGroup> groups, FileSetFindings findings,
            Set<String> walked) {
        String volumeKey = startKey.substring(0, startKey.indexOf('|') + 1);
        walked.add(startKey);
        List<Integer> reached = new ArrayList<>(groups.get(startKey).allIds);
        walk(startKey.substring(volumeKey.length()), host, findings.visit(null, groups.get(startKey),
                relative -> {
                    walked.add(volumeKey + relative);
                    FileSetGroup g = groups.get(volumeKey + relative);
                    if (g != null) {
                        reached.addAll(g.allIds);
                    }
                    return g;
                }));
        findings.walkEnded(reached);
    }

    /** What one file set does with what its walk found below its start {@code startRelative}. */
    private Found fileSetFound(FileSource s, String startRelative) {
        SnapshotRoot snap = snapshotOf(s.source());
        String normalPrefix = s.alternate() == null ? startRelative : normalOnDisk(s.normal());
        return new Found() {
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
        };
    }

    /**
     * Adds every file of whole volumes that no component claimed; {@code attribution} names their components.
     * {@code volumes} are volume roots ({@link CallerVolumes#resolve} refuses any other path).
     */
    FileListBuilder addVolumeFiles(List<ResolvedPath> volumes, List<FileSource> attribution) {
        OwningFileSets owners = new OwningFileSets(attribution);
        for (ResolvedPath v : volumes) {
            SnapshotRoot snap = snapshotOf(v);
            walk(snap.root(), true, new Found() {
                @Override
                public void entry(String relativeDir, Path host, DirectoryEntry e, ItemKind kind) {
                    FileSource owner = owners.ownerOf(v.volumeId(), relativeDir, e.name());
                    offer(v, PathRules.join(relativeDir, e.name()), host, owner == null ? null : owner.component(),
                            null, false, snap.volumeName(), kind, e.reparseTag());
                }

                @Override
                public void notTaken(String relativeDir, String name, String reason, boolean isDirectory,
                        boolean unnamable) {
                    FileSource owner = owners.ownerOf(v.volumeId(), relativeDir, name);
                    report(v, relativeDir, name, owner == null ? null : owner.component(), null, false, reason,
                            isDirectory, unnamable);
                }
            });
        }
        return this;
    }

    /**
     * Adds every file under each directory that no component claimed, as {@link #addVolumeFiles} does for a whole
     * volume; the directory is looked up name by name from the snapshot root ({@link #lookUp}): one that is a link,
     * a file or cannot be listed is reported, and so is one that does not exist in the shadow copy.
     */
    FileListBuilder addDirectoryFiles(List<ResolvedPath> directories, List<FileSource> attribution) {
        OwningFileSets owners = new OwningFileSets(attribution);
        for (ResolvedPath d : directories) {
            SnapshotRoot snap = snapshotOf(d);
            Lookup l = lookUp(snap.root(), d);
            if (l.reason() != null || l.host() == null) {
                String at = l.reason() != null ? l.stoppedAt() : d.relativePath();
                report(d, PathRules.parent(at), PathRules.name(at), null, null, false, l.reason() != null ? l.reason()
                        : "the directory given does not exist in the shadow copy", true, false);
                continue;
            }
            String base = l.relative();
            walk(l.host(), true, new Found() {
                @Override
                public void entry(String relativeDir, Path host, DirectoryEntry e, ItemKind kind) {
                    String dir = PathRules.join(base, relativeDir);
                    FileSource owner = owners.ownerOf(d.volumeId(), dir, e.name());
                    offer(d, PathRules.join(dir, e.name()), host, owner == null ? null : owner.component(), null,
                            false, snap.volumeName(), kind, e.reparseTag());
                }

                @Override
                public void notTaken(String relativeDir, String name, String reason, boolean isDirectory,
                        boolean unnamable) {
                    String dir = PathRules.join(base, relativeDir);
                    FileSource owner = owners.ownerOf(d.volumeId(), dir, name);
                    report(d, dir, name, owner == null ? null : owner.component(), null, false, reason, isDirectory,
                            unnamable);
                }
            });
        }
        return this;
    }

    /** The items, read-only, in the order they were found. */
    BackupItemTable items() {
        return items;
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
        return excluded.entrySet().stream().filter(e -> items.indexOfKey(e.getKey()) < 0)
                .map(Map.Entry::getValue).toList();
    }

    /**
     * The added components whose file sets name each item and each record of {@link #notTaken()} (more than one
     * where file sets overlap): the entry's own, never those of another entry whose original path reads the same.
     */
    FileCoverage coverage() {
        Map<FileRecord, Set<ComponentRef>> ofRecords = new IdentityHashMap<>();
        recordKeys.forEach((r, key) -> ofRecords.put(r, Set.copyOf(reported.getOrDefault(key, Set.of()))));
        return new FileCoverage(List.copyOf(coverSets), Arrays.copyOf(itemCover, items.size()), ofRecords);
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
     * way from the root ({@link #lookUp}): a directory that is a link (an absolute junction would lead to the live
     * volume), that cannot be listed, that is a file or that a Win32 path cannot reach is reported and the file set
     * not walked; a directory that does not exist simply holds no files. Null when not to walk.
     */
    private Place onDisk(SnapshotRoot snap, ResolvedPath from, FileSource s) {
        Lookup l = lookUp(snap.root(), from);
        if (l.reason() != null) {
            reportFileSet(s, l.stoppedAt(), l.reason(), l.stoppedAtDirectory());
            return null;
        }
        return l.host() == null ? null : new Place(l.relative(), l.host());
    }

    /** A directory inside a shadow copy: its path below the volume root, and the host path it is read at. */
    private record Place(String relative, Path host) {
    }

    /** The normal location of a file set read from its alternate path, as the file system names it if it can. */
    private String normalOnDisk(ResolvedPath normal) {
        SnapshotRoot snap = snapshots.get(normal.volumeId().toLowerCase(Locale.ROOT));
        return snap == null ? normal.relativePath() : lookUp(snap.root(), normal).relative();
    }

    /**
     * Where the name-by-name lookup of {@code path} from a snapshot root ended. {@code relative}: the path with each
     * name found as the file system stores it, the names after a stop as given; {@code host}: where the directory is
     * read, null if the lookup stopped or a name does not exist; {@code reason}: why it stopped, null if it did not
     * or a name is simply absent; {@code stoppedAt}, {@code stoppedAtDirectory}: the entry the reason is about.
     */
    private record Lookup(String relative, Path host, String reason, String stoppedAt, boolean stoppedAtDirectory) {
    }

    /**
     * Looks {@code path} up below {@code root} one listed name at a time. Every name on the way is a directory link's
     * or mount point's as much as the last one: none is followed; nor is a name a Win32 path cannot reach
     * ({@link WindowsNames#win32Problem}).
     */
    private Lookup lookUp(Path root, ResolvedPath path) {
        Path at = root;
        String walked = "";
        String reason = null;
        String stoppedAt = null;
        boolean stoppedAtDirectory = false;
        for (String part : path.relativePath().split("\\\\")) {
            if (part.isEmpty()) {
                continue;
            }
            if (at == null) {
                walked = PathRules.join(walked, part);
                continue;
            }
            DirectoryEntry e;
            try {
                e = entry(at, part);
            } catch (DirectoryListingException x) {
                reason = unlistable(x);
                stoppedAt = walked;
                stoppedAtDirectory = true;
                walked = PathRules.join(walked, part);
                at = null;
                continue;
            }
            if (e == null) {
                walked = PathRules.join(walked, part);
                at = null;
                continue;
            }
            String here = PathRules.join(walked, e.name());
            String problem = null;
            if (e.isReparsePoint() && ReparseTag.of(e.reparseTag()).handling() != ReparseTag.Handling.DATA) {
                problem = "the path goes through " + ReparseTag.describe(e.reparseTag()) + " at "
                        + path.original(here) + ", which a backup does not follow inside a shadow copy";
            } else if (!e.isDirectory()) {
                problem = path.original(here) + " is a file, not the directory of a file set";
            } else if (e.isReparsePoint() && e.isDataRemote()) {
                problem = cloudFolder(e);
            } else if (WindowsNames.win32Problem(e.name()) != null) {
                problem = notThroughWin32(WindowsNames.win32Problem(e.name()));
            }
            Path next = problem == null ? resolve(at, e.name()) : null;
            if (problem == null && next == null) {
                problem = unnamableOnHost(e.name());
            }
            walked = here;
            at = next;
            if (problem != null) {
                reason = problem;
                stoppedAt = here;
                stoppedAtDirectory = e.isDirectory();
            }
        }
        return new Lookup(walked, at, reason, stoppedAt, stoppedAtDirectory);
    }

    /**
     * {@link DirectoryLister#entry}, answered from one listing of {@code directory} where that holds the name in
     * this exact case (the entry {@code FindFirstFileW} gives for it, in a case-sensitive directory or not), else
     * asked: thousands of file sets have the same directories above them, and the shadow copy does not change while it
     * is read.
     */
    private DirectoryEntry entry(Path directory, String name) throws DirectoryListingException {
        Object listing = listings.get(directory);
        if (listing == null) {
            try {
                Map<String, DirectoryEntry> byName = new HashMap<>();
                DirectoryLister.list(directory).forEach(e -> byName.put(e.name(), e));
                listing = byName;
            } catch (DirectoryListingException e) {
                listing = e;
            }
            listings.put(directory, listing);
        }
        if (listing instanceof DirectoryListingException e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        DirectoryEntry found = ((Map<String, DirectoryEntry>) listing).get(name);
        return found != null ? found : DirectoryLister.entry(directory, name);
    }

    /** {@code dir.resolve(name)}, or null where this host's java.nio cannot name it (Windows: "Trailing char"). */
    private static Path resolve(Path dir, String name) {
        try {
            return dir.resolve(name);
        } catch (InvalidPathException e) {
            LOG.debug("{} cannot be named in {} on this host: {}", name, dir, e.getMessage());
            return null;
        }
    }

    private static String notThroughWin32(String problem) {
        return problem + "; it is not read through a Win32 path, which would read another file or a device";
    }

    private static String unnamableOnHost(String name) {
        return "the name '" + WindowsNames.printable(name) + "' cannot be named as a path on this host (java.nio "
                + "refuses it), so it is not read";
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

    /** Adds {@code added} (if any) to the components of entry {@code key}, item {@code item} (-1: no item). */
    private void cover(String key, int item, ComponentRef added) {
        if (added == null) {
            return;
        }
        Set<ComponentRef> r = reported.get(key);
        if (r != null) {
            r.add(added);
        }
        if (item >= 0) {
            Set<ComponentRef> had = coverSets.get(itemCover[item]);
            if (!had.contains(added)) {
                Set<ComponentRef> more = new HashSet<>(had);
                more.add(added);
                itemCover[item] = coverSet(more);
            }
        }
    }

    private int coverSet(Set<ComponentRef> components) {
        Set<ComponentRef> set = Set.copyOf(components);
        Integer i = coverSetIndex.get(set);
        if (i == null) {
            i = coverSets.size();
            coverSets.add(set);
            coverSetIndex.put(set, i);
        }
        return i;
    }

    private void offer(ResolvedPath volume, String relative, Path inSnapshot, ComponentRef component,
            ComponentRef added, boolean alternate, String volumeName, ItemKind kind, int reparseTag) {
        ExclusionRules.Match excluder = exclusions.excludedBy(volume.volumeId(), relative);
        if (excluder != null) {
            exclude(volume, relative, component, added, excluder, excluder.reason());
            return;
        }
        String key = key(volume, relative);
        int claimed = items.indexOfKey(key);
        if (claimed >= 0) {
            cover(key, claimed, added);
            return;
        }
        BackupItem item = new BackupItem(component == null ? null : component.writer(), component, added, inSnapshot,
                volume.original(relative), alternate, volumeName, kind, reparseTag);
        int i = items.add(item, key);
        if (i >= itemCover.length) {
            itemCover = Arrays.copyOf(itemCover, itemCover.length * 2);
        }
        // An entry reported before it was claimed shares the components its reports named.
        Set<ComponentRef> before = reported.getOrDefault(key, Set.of());
        itemCover[i] = before.isEmpty() ? 0 : coverSet(before);
        cover(key, i, added);
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
        int claimed = unnamable ? -1 : items.indexOfKey(key);
        if (claimed >= 0 || reported.containsKey(key)) {
            cover(key, claimed, added);
            return;
        }
        reported.put(key, new HashSet<>());
        cover(key, -1, added);
        LOG.warn("{} is not backed up: {}", WindowsNames.printable(original), reason);
        FileRecord record = new FileRecord(component == null ? null : component.writer(), component, added, original,
                alternate, false, reason);
        notTaken.add(record);
        recordKeys.put(record, key);
    }

    /**
     * What the walk found: an entry to back up, or something that cannot be. {@code relativeDir} is the directory's
     * path relative to the walk's start ({@code ""} for the start), {@code host} where the entry is read.
     */
    interface Found {
        void entry(String relativeDir, Path host, DirectoryEntry e, ItemKind kind);

        void notTaken(String relativeDir, String name, String reason, boolean isDirectory, boolean unnamable);
    }

    /**
     * What one directory's walk tells, as {@link Found} (paths relative to where the walk started), and how it goes
     * on: whether it enters subdirectories, the visit of each subdirectory, and a directory that cannot be listed.
     */
    interface Visit extends Found {
        boolean recursive();

        Visit below(String relative);

        void unlistable(String relative, String reason);
    }

    /** A directory still to list: its path relative to the walk's start, where it is read, and its visit. */
    private record Pending(String relative, Path host, Visit visit) {
    }

    private static String unlistable(DirectoryListingException e) {
        String reason = "the directory cannot be listed: " + Win32Error.describe(e.win32Error());
        return e.win32Error() == Win32Error.ERROR_ACCESS_DENIED
                ? reason + "; its security descriptor denies this account, and SeBackupPrivilege was not enabled (the "
                        + "process token does not hold it, or the session was built with backupPrivilege(false))"
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
     * Windows file can have is reported, never read: resolved on the host it could lead anywhere ({@code ..\x}); so
     * is a name a Win32 path cannot reach (a trailing space or period, a device name such as {@code CON}): read
     * through one it would give another file's data or a device's.
     */
    private static void walk(Path start, boolean recursive, Found found) {
        walk("", start, new Visit() {
            @Override
            public boolean recursive() {
                return recursive;
            }

            @Override
            public Visit below(String relative) {
                return this;
            }

            @Override
            public void unlistable(String relative, String reason) {
                found.notTaken(PathRules.parent(relative), PathRules.name(relative), reason, true, false);
            }

            @Override
            public void entry(String relativeDir, Path host, DirectoryEntry e, ItemKind kind) {
                found.entry(relativeDir, host, e, kind);
            }

            @Override
            public void notTaken(String relativeDir, String name, String reason, boolean isDirectory,
                    boolean unnamable) {
                found.notTaken(relativeDir, name, reason, isDirectory, unnamable);
            }
        });
    }

    /**
     * The walk of {@link #walk(Path, boolean, Found)} from {@code start}, whose relative path is {@code relative},
     * told to a {@link Visit} per directory: {@code relative} paths are {@code relative} joined with the names below.
     */
    static void walk(String startRelative, Path start, Visit first) {
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(startRelative, start, first));
        while (!pending.isEmpty()) {
            Pending dir = pending.pop();
            Visit found = dir.visit();
            boolean recursive = found.recursive();
            List<DirectoryEntry> entries;
            try {
                entries = DirectoryLister.list(dir.host());
            } catch (DirectoryListingException e) {
                found.unlistable(dir.relative(), unlistable(e));
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
                String win32 = WindowsNames.win32Problem(e.name());
                if (win32 != null) {
                    found.notTaken(dir.relative(), e.name(), notThroughWin32(win32), e.isDirectory(), false);
                    continue;
                }
                Path host = resolve(dir.host(), e.name());
                if (host == null) {
                    found.notTaken(dir.relative(), e.name(), unnamableOnHost(e.name()), e.isDirectory(), false);
                    continue;
                }
                String relative = PathRules.join(dir.relative(), e.name());
                if (!e.isReparsePoint()) {
                    if (e.isDirectory()) {
                        subdirectories.add(new Pending(relative, host, found.below(relative)));
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
                            subdirectories.add(new Pending(relative, host, found.below(relative)));
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
