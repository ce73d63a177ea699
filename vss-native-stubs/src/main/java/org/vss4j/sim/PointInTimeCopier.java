package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the point-in-time copy of a volume directory that a snapshot is: first, where a clone command is configured
 * and clones one sample file, one run of it per snapshot ({@code COMMAND... SRC/. DST}, e.g.
 * {@code cp --reflink=always -a}, which fails rather than copy when the file system cannot clone). Whether the sample
 * clones is asked once per pair of devices (volume, destination) and remembered, so a file system that cannot clone
 * never runs the clone command on a tree. Otherwise, where a tree copy command is configured ({@code cp -a} on
 * Linux), one run of it copies the tree; on any failure the partial result is removed and the
 * volume is copied file by file in Java. Either way, later writes to the volume do not reach the copy. Paths excluded
 * from the copy (the simulator's own storage inside the volume, docs/simulator-storage.md) are left out by every way.
 */
public final class PointInTimeCopier {

    private static final Logger LOG = LoggerFactory.getLogger(PointInTimeCopier.class);

    /** GNU coreutils: {@code --reflink=always} clones or fails; {@code -a} keeps the tree, times and modes. */
    private static final List<String> GNU_CP_REFLINK = List.of("cp", "--reflink=always", "-a");

    /**
     * GNU coreutils: {@code -a} keeps the tree, symbolic links as links, hard links among the copied files, times,
     * modes and extended attributes. Run only where the clone probe failed, so it copies (cp 9 would clone where it
     * can, which is a point-in-time copy as well); {@code --reflink=never} measured slower on many small files.
     */
    private static final List<String> GNU_CP_PLAIN = List.of("cp", "-a");

    private final List<String> cloneCommand;
    private final List<String> treeCopyCommand;
    /** Whether the clone command cloned a sample file, by (device of the volume, device of the destination). */
    private final Map<List<Object>, Boolean> clonesBetween = new ConcurrentHashMap<>();

    /**
     * The most entries of one directory named in one run of the clone command: the argument list of a process is
     * bounded (Linux: E2BIG past ARG_MAX, a quarter of the stack limit, commonly 2 MiB), and a home directory may
     * hold more entries than fit.
     */
    static final int ENTRIES_PER_RUN = 1_000;

    private PointInTimeCopier(List<String> cloneCommand, List<String> treeCopyCommand) {
        this.cloneCommand = cloneCommand == null ? null : List.copyOf(cloneCommand);
        this.treeCopyCommand = treeCopyCommand == null ? null : List.copyOf(treeCopyCommand);
    }

    /**
     * For this host: {@code cp --reflink=always -a} on Linux (GNU cp), else one {@code cp -a} of the tree;
     * file-by-file copies in Java elsewhere and wherever cp fails.
     *
     * @return the copier of this host
     */
    public static PointInTimeCopier forHost() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        return linux ? new PointInTimeCopier(GNU_CP_REFLINK, GNU_CP_PLAIN) : plainCopies();
    }

    /**
     * Only file-by-file Java copies.
     *
     * @return a copier without a clone command
     */
    public static PointInTimeCopier plainCopies() {
        return new PointInTimeCopier(null, null);
    }

    /**
     * {@code command} is tried first, with the source contents ({@code SRC/.}) and the existing, empty destination
     * directory appended; exit status 0 means the clone is complete.
     *
     * @param command the program and its arguments
     * @return a copier trying {@code command} first, then plain copies
     * @throws IllegalArgumentException if {@code command} is empty
     */
    public static PointInTimeCopier withCloneCommand(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a clone command needs at least the program");
        }
        return new PointInTimeCopier(command, null);
    }

    /**
     * {@code clone} as in {@link #withCloneCommand}, then, where it cannot clone, one run of {@code treeCopy} per tree
     * ({@code SRC/. DST} appended, exit status 0 meaning the copy is complete), then plain copies in Java.
     *
     * @param clone the clone command, or null for none
     * @param treeCopy the command copying a tree without cloning
     * @return a copier trying both commands in turn
     * @throws IllegalArgumentException if a command is empty
     */
    public static PointInTimeCopier withCommands(List<String> clone, List<String> treeCopy) {
        if ((clone != null && clone.isEmpty()) || treeCopy.isEmpty()) {
            throw new IllegalArgumentException("a copy command needs at least the program");
        }
        return new PointInTimeCopier(clone, treeCopy);
    }

    /**
     * Copies the tree {@code from} into the new directory {@code to}; how it was done.
     *
     * @param from the tree copied
     * @param to the new, empty destination directory
     * @return whether the tree was cloned or copied file by file
     */
    public CopyMethod copy(Path from, Path to) {
        return copy(from, to, Set.of(), ProgressListener.NONE);
    }

    /**
     * Copies the tree {@code from} into the directory {@code to} (made if missing), leaving out the files and
     * directories {@code excluded} (absolute paths; those outside {@code from} change nothing), and tells
     * {@code progress} how far it is ({@link ProgressListener.Phase#POINT_IN_TIME_COPY}); how it was done.
     */
    CopyMethod copy(Path from, Path to, Set<Path> excluded, ProgressListener progress) {
        return copy(from, to, excluded, progress, ProgressListener.Phase.POINT_IN_TIME_COPY);
    }

    CopyMethod copy(Path from, Path to, Set<Path> excluded, ProgressListener progress,
            ProgressListener.Phase phase) {
        Set<Path> inside = new HashSet<>();
        for (Path e : excluded) {
            if (e.startsWith(from) && !e.equals(from)) {
                inside.add(e);
            }
        }
        // Only the outermost: a clone around a path inside another excluded one would make the directories on the
        // way to it (the state directory around its snapshots folder) in the copy.
        Set<Path> all = Set.copyOf(inside);
        inside.removeIf(e -> all.stream().anyMatch(o -> !o.equals(e) && e.startsWith(o)));
        createDirectory(to);
        try (FileProgress files = FileProgress.over(progress, phase, from, inside)) {
            if (cloneCommand != null && cloneWorks(from, to, inside)
                    && tryCommand(cloneCommand, from, to, inside, excluded)) {
                files.finish();
                return CopyMethod.REFLINK;
            }
            if (treeCopyCommand != null && tryCommand(treeCopyCommand, from, to, inside, excluded)) {
                files.finish();
                return CopyMethod.PLAIN_COPY;
            }
            copyTree(from, to, inside, files);
            files.finish();
            return CopyMethod.PLAIN_COPY;
        }
    }

    /**
     * Whether the clone command can clone a file of {@code from} into {@code to}: tried on one file first, because
     * GNU cp with {@code --reflink=always} on a file system that cannot clone (ext4) does not stop at the first
     * failure but walks the whole tree, making every directory and failing every file (23 s for 50,000 files, ten
     * times the plain copy), before the plain copy starts again from nothing.
     */
    private boolean cloneWorks(Path from, Path to, Set<Path> excluded) {
        List<Object> devices = List.of(device(from), device(to));
        Boolean known = clonesBetween.get(devices);
        if (known != null) {
            return known;
        }
        Path sample = firstRegularFile(from, excluded);
        if (sample == null) {
            // Nothing to clone: the command only makes the directories, at once.
            return true;
        }
        Path probe = to.resolve(".vss4j-clone-probe");
        try {
            boolean works = run(cloneCommand, List.of(sample.toString(), probe.toString()));
            clonesBetween.put(devices, works);
            return works;
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                LOG.debug("cannot delete the clone probe {}: {}", probe, e.toString());
            }
        }
    }

    /**
     * What tells the file system of {@code p} from others: its device number ({@code st_dev}) where the host has one,
     * else its file store.
     */
    private static Object device(Path p) {
        try {
            return Files.getAttribute(p, "unix:dev", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            try {
                return Files.getFileStore(p);
            } catch (IOException e2) {
                return p;
            }
        }
    }

    private static Path firstRegularFile(Path from, Set<Path> excluded) {
        Path[] found = {null};
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return excluded.contains(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !excluded.contains(file)) {
                        found[0] = file;
                        return FileVisitResult.TERMINATE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return null;
        }
        return found[0];
    }

    /**
     * One run of {@code command} for the whole tree ({@code SRC/. DST}) when nothing inside is excluded. Otherwise
     * the directories on the way from {@code from} to an excluded path are made here, and the command clones, for
     * each of them, every other entry ({@code ENTRY... DSTDIR}): the excluded path is never named. What
     * a failed run left in {@code to} is removed, but for {@code keepInTarget}. The entries of a directory are named
     * {@link #ENTRIES_PER_RUN} at a time.
     */
    private boolean tryCommand(List<String> command, Path from, Path to, Set<Path> excluded,
            Set<Path> keepInTarget) {
        boolean cloned;
        if (excluded.isEmpty()) {
            cloned = run(command, List.of(from.toString() + "/.", to.toString()));
        } else {
            cloned = copyAround(command, from, to, excluded);
        }
        if (!cloned) {
            // A failed clone may have left part of the tree: start the plain copy from an empty directory (but for
            // what is excluded: a revert copies into the volume, which may hold the simulator's own storage).
            Trees.clearExcept(to, keepInTarget, FileProgress.silent());
        }
        return cloned;
    }

    private boolean copyAround(List<String> command, Path from, Path to, Set<Path> excluded) {
        Set<Path> onTheWay = new HashSet<>();
        for (Path e : excluded) {
            for (Path p = e.getParent(); p != null && p.startsWith(from); p = p.getParent()) {
                onTheWay.add(p);
            }
        }
        for (Path dir : onTheWay) {
            List<String> args = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    if (!excluded.contains(entry) && !onTheWay.contains(entry)) {
                        args.add(entry.toString());
                    }
                }
            } catch (IOException e) {
                LOG.debug("cannot list {} ({}); copying {} in Java", dir, e.getMessage(), from);
                return false;
            }
            Path target = to.resolve(from.relativize(dir).toString());
            createDirectory(target);
            for (int i = 0; i < args.size(); i += ENTRIES_PER_RUN) {
                List<String> batch = new ArrayList<>(args.subList(i, Math.min(args.size(), i + ENTRIES_PER_RUN)));
                batch.add(target.toString());
                if (!run(command, batch)) {
                    return false;
                }
            }
        }
        // The clone command keeps the times of what it copied; the directories made on the way get theirs here,
        // deepest first, so making a child does not move its parent's afterwards.
        List<Path> deepestFirst = new ArrayList<>(onTheWay);
        deepestFirst.sort(java.util.Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path dir : deepestFirst) {
            try {
                copyTimes(dir, to.resolve(from.relativize(dir).toString()));
            } catch (IOException e) {
                LOG.debug("cannot copy the times of {} ({}); copying {} in Java", dir, e.getMessage(), from);
                return false;
            }
        }
        return true;
    }

    /** Gives the directory {@code to} the times of {@code from}, as a shadow copy keeps them. */
    private static void copyTimes(Path from, Path to) throws IOException {
        BasicFileAttributes a = Files.readAttributes(from, BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
        Files.getFileAttributeView(to, java.nio.file.attribute.BasicFileAttributeView.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).setTimes(a.lastModifiedTime(), a.lastAccessTime(),
                a.creationTime());
    }

    /** Runs {@code program} with {@code args} appended; whether it exited with 0. */
    private static boolean run(List<String> program, List<String> args) {
        List<String> command = new ArrayList<>(program);
        command.addAll(args);
        int exit;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            exit = p.waitFor();
        } catch (IOException e) {
            LOG.debug("copy command {} cannot run ({}); copying another way", command, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cloning with " + command, e);
        }
        if (exit != 0) {
            LOG.debug("copy command {} exited with {}; copying another way", command, exit);
        }
        return exit == 0;
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create snapshot directory " + dir, e);
        }
    }

    private static void copyTree(Path from, Path to, Set<Path> excluded, FileProgress files) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (excluded.contains(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Path target = to.resolve(from.relativize(dir).toString());
                    if (!dir.equals(from)) {
                        // Its parent was made just before: one mkdir, not the walk up createDirectories does. It may
                        // be there already where a revert kept the way to the simulator's storage in the volume.
                        try {
                            Files.createDirectory(target);
                        } catch (java.nio.file.FileAlreadyExistsException e) {
                            if (!Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                                throw e;
                            }
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    // After its entries were made in it: a shadow copy holds a directory with its times as they were.
                    copyTimes(dir, to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (excluded.contains(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path target = to.resolve(from.relativize(file).toString());
                    if (attrs.isSymbolicLink()) {
                        // A shadow copy holds a reparse point as the reparse point, not what it points to (Microsoft
                        // "Working with Mounted Folders and Reparse Points": they appear in the shadow copy but
                        // cannot be traversed there). Copying the link itself keeps that: inside the snapshot it
                        // still leads out of the snapshot, as on Windows.
                        Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                    } else {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    files.fileDone();
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy volume " + from + " to snapshot " + to, e);
        }
    }
}
