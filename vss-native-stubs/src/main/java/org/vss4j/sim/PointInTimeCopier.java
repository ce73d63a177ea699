package org.vss4j.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the point-in-time copy of a volume directory that a snapshot is: first, where a clone command is configured,
 * one run of it per snapshot ({@code COMMAND... SRC/. DST}, e.g. {@code cp --reflink=always -a}, which fails rather
 * than copy when the file system cannot clone); on any failure the partial result is removed and the volume is copied
 * file by file in Java. Either way, later writes to the volume do not reach the copy.
 */
public final class PointInTimeCopier {

    private static final Logger LOG = LoggerFactory.getLogger(PointInTimeCopier.class);

    /** GNU coreutils: {@code --reflink=always} clones or fails; {@code -a} keeps the tree, times and modes. */
    private static final List<String> GNU_CP_REFLINK = List.of("cp", "--reflink=always", "-a");

    private final List<String> cloneCommand;

    private PointInTimeCopier(List<String> cloneCommand) {
        this.cloneCommand = cloneCommand == null ? null : List.copyOf(cloneCommand);
    }

    /** For this host: {@code cp --reflink=always -a} on Linux (GNU cp), plain copies elsewhere. */
    public static PointInTimeCopier forHost() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        return linux ? withCloneCommand(GNU_CP_REFLINK) : plainCopies();
    }

    /** Only file-by-file Java copies. */
    public static PointInTimeCopier plainCopies() {
        return new PointInTimeCopier(null);
    }

    /**
     * {@code command} is tried first, with the source contents ({@code SRC/.}) and the existing, empty destination
     * directory appended; exit status 0 means the clone is complete.
     */
    public static PointInTimeCopier withCloneCommand(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a clone command needs at least the program");
        }
        return new PointInTimeCopier(command);
    }

    /** Copies the tree {@code from} into the new directory {@code to}; how it was done. */
    public CopyMethod copy(Path from, Path to) {
        createDirectory(to);
        if (cloneCommand != null && tryClone(from, to)) {
            return CopyMethod.REFLINK;
        }
        copyTree(from, to);
        return CopyMethod.PLAIN_COPY;
    }

    private boolean tryClone(Path from, Path to) {
        List<String> command = new ArrayList<>(cloneCommand);
        command.add(from.toString() + "/.");
        command.add(to.toString());
        int exit;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            exit = p.waitFor();
        } catch (IOException e) {
            LOG.debug("clone command {} cannot run ({}); copying {} in Java", command, e.getMessage(), from);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cloning " + from, e);
        }
        if (exit == 0) {
            return true;
        }
        LOG.debug("clone command {} exited with {}; copying {} in Java", command, exit, from);
        // A failed clone may have left part of the tree: start the plain copy from an empty directory.
        SnapshotStore.deleteTree(to);
        createDirectory(to);
        return false;
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create snapshot directory " + dir, e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
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
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy volume " + from + " to snapshot " + to, e);
        }
    }
}
