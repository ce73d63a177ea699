package org.vss4j.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the list of files to back up inside the shadow copies, after they exist (seeds, "Overview of Actual Backup
 * Of Files": "you should not generate the actual list of files to be backed up until the shadow copy has completed"):
 * <ul>
 * <li>each component file set is expanded under its path (or its alternate path) with its filespec and recursion;</li>
 * <li>writers' exclusions remove files whatever component includes them ({@link ExclusionRules});</li>
 * <li>mounted folders and reparse points are not traversed inside a shadow copy (seeds; Microsoft "Working with
 * Mounted Folders and Reparse Points"): the walk follows no link and enters no directory that is a link or another
 * kind of reparse point; a file set on a mounted volume is read from that volume's own shadow copy;</li>
 * <li>a file belongs to the first component whose file set names it, then to no other; the volumes asked for are
 * walked last for the files no component claimed.</li>
 * </ul>
 */
final class FileListBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(FileListBuilder.class);

    private final Map<String, SnapshotRoot> snapshots;
    private final ExclusionRules exclusions;
    private final DifferencedFiles differenced;
    private final List<BackupItem> items = new ArrayList<>();
    private final Set<String> claimed = new HashSet<>();

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
            Path dir = PathRules.inside(snap.root(), from.relativePath());
            walk(dir, s.recursive(), (relative, attrs) -> {
                if (!s.pattern().matches(PathRules.name(relative))) {
                    return;
                }
                String normalRelative = PathRules.join(s.normal().relativePath(), relative);
                if (differenced.unchanged(s.added(), s.normal().volumeId(), normalRelative,
                        attrs.lastModifiedTime().toInstant())) {
                    return;
                }
                offer(s.normal(), normalRelative, PathRules.inside(dir, relative), s.component(), s.added(),
                        s.alternate() != null, snap.volumeName());
            });
        }
        return this;
    }

    /** Adds every file of whole volumes that no component claimed; {@code attribution} names their components. */
    FileListBuilder addVolumeFiles(List<ResolvedPath> volumes, List<FileSource> attribution) {
        for (ResolvedPath v : volumes) {
            SnapshotRoot snap = snapshotOf(v);
            walk(snap.root(), true, (relative, attrs) -> {
                String dir = PathRules.parent(relative);
                String name = PathRules.name(relative);
                FileSource owner = attribution.stream().filter(a -> a.matches(v.volumeId(), dir, name)).findFirst()
                        .orElse(null);
                ResolvedPath root = new ResolvedPath(v.volumeName(), v.volumeId(), "");
                offer(root, relative, PathRules.inside(snap.root(), relative),
                        owner == null ? null : owner.component(), null, false, snap.volumeName());
            });
        }
        return this;
    }

    List<BackupItem> items() {
        return List.copyOf(items);
    }

    private SnapshotRoot snapshotOf(ResolvedPath p) {
        SnapshotRoot s = snapshots.get(p.volumeId().toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalStateException("volume " + p.volumeName() + " is not in the shadow copy set");
        }
        return s;
    }

    private void offer(ResolvedPath volume, String relative, Path inSnapshot, ComponentRef component,
            ComponentRef added, boolean alternate, String volumeName) {
        String key = (volume.volumeId() + "|" + relative).toLowerCase(Locale.ROOT);
        if (claimed.contains(key)) {
            return;
        }
        WriterRef excluder = exclusions.excludedBy(volume.volumeId(), relative);
        if (excluder != null) {
            LOG.debug("{} is excluded by writer {}", volume.original(relative), excluder);
            return;
        }
        claimed.add(key);
        items.add(new BackupItem(component == null ? null : component.writer(), component, added, inSnapshot,
                volume.original(relative), alternate, volumeName));
    }

    /** What to do with a regular file found by {@link #walk}: its path relative to the walk's start, with backslashes. */
    private interface FileFound {
        void accept(String relative, BasicFileAttributes attrs);
    }

    /** Visits the regular files under {@code start}, entering no link and no other reparse point. */
    private static void walk(Path start, boolean recursive, FileFound found) {
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), recursive ? Integer.MAX_VALUE : 1,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(start) && (attrs.isSymbolicLink() || attrs.isOther())) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            // Links and other reparse points are reported here (NOFOLLOW): they are not traversed.
                            if (attrs.isRegularFile()) {
                                found.accept(relative(start, file), attrs);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            throw e;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + start + " in the shadow copy", e);
        }
    }

    private static String relative(Path start, Path file) {
        List<String> parts = new ArrayList<>();
        for (Path p : start.relativize(file)) {
            parts.add(p.toString());
        }
        return String.join("\\", parts);
    }
}
