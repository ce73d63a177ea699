package org.vss4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one directory where vss4j keeps its links to shadow copy devices ({@link SnapshotMount}), so that none is ever
 * left behind where a user would not look for it, and none is ever taken for another shadow copy:
 * <ul>
 * <li>each process links in a subdirectory of its own, held by a lock on a sibling {@code .lock} file for as long as
 * the process lives;</li>
 * <li>at the first use in a process, the subdirectories of processes that are gone (their lock is free) are swept:
 * their links deleted, never followed;</li>
 * <li>a shutdown hook deletes the process's own links when the JVM exits normally;</li>
 * <li>link names carry the shadow copy id and a number that only grows, and a link is never replaced: a stale link
 * (Windows numbers shadow copy devices anew after a reboot, so an old link to {@code HarddiskVolumeShadowCopy7} may
 * point at another shadow copy now) is never reused.</li>
 * </ul>
 * The directory is {@code <java.io.tmpdir>/vss4j-links-<account>} (one per account, {@link LinkDirectoryLocation}), or
 * the {@code vss4j.linkDirectory} system property. It must be a plain directory, not a link or a reparse point, that
 * this account may write ({@link LinkDirectoryCheck}). On a POSIX file system vss4j creates it owner-only
 * ({@code rwx------}) and refuses one that its group or others may write or that belongs to another account. On
 * Windows it inherits the ACL of the
 * directory it is made in (its owner is not checked there: a directory an administrator makes may belong to the
 * Administrators group): for a service running as SYSTEM that is {@code C:\Windows\Temp}, where every user may create
 * entries, so a service should set {@code -Dvss4j.linkDirectory} to a directory that only administrators and SYSTEM
 * may write (for example one under {@code %ProgramData%} with an ACL of its own).
 *
 * <p>The sweep runs with the rights of the process and in a directory other users may write to, so it trusts nothing
 * it finds there: it enters only a plain directory (never a symbolic link or a junction), deletes in it only entries
 * that are links and carry the name of a vss4j link, and never recurses.
 */
final class SnapshotLinkDirectory {

    /** The system property naming the link directory. */
    static final String PROPERTY = "vss4j.linkDirectory";

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLinkDirectory.class);
    private static final String LOCK_SUFFIX = ".lock";
    /** A lock file before it is locked and published; the sweep looks at {@code *.lock} only, so never at this. */
    private static final String PENDING_SUFFIX = ".lock-pending";
    /** The names {@link #newLink} gives: {@code <shadow copy id>-<number>}. */
    private static final Pattern LINK_NAME = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9]+", Pattern.CASE_INSENSITIVE);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static volatile SnapshotLinkDirectory current;

    private final Path base;
    private final Path mine;
    private final AtomicLong counter = new AtomicLong();
    /** Held while the process lives; its channel stays open on purpose. */
    @SuppressWarnings({"unused", "FieldCanBeLocal"})
    private final FileLock lock;

    /**
     * Makes the process directory {@code base/name}, held by a lock on {@code base/name.lock}, then sweeps.
     *
     * <p>The lock file is published only once it is locked and the directory exists: it is created and locked as
     * {@code name.lock-pending}, the directory is made, and only then is the file renamed to {@code name.lock}
     * (the lock belongs to the open file, not to its name, on Windows as on POSIX; the JDK opens files on Windows
     * with FILE_SHARE_DELETE, so the open file can be renamed). So every {@code .lock} file another process's sweep
     * can see is either locked by a live process or left by an ended one: a sweep can never take a live process's
     * lock as free, between its creation and its locking, and delete its directory. A process that dies within these
     * few steps leaves an empty directory and a pending file, which no sweep deletes (they hold no link).
     */
    SnapshotLinkDirectory(Path base, String name) throws IOException {
        this.base = prepareBase(base);
        Path pending = this.base.resolve(name + PENDING_SUFFIX);
        FileChannel channel = FileChannel.open(pending, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Path dir = null;
        try {
            this.lock = channel.lock();
            dir = Files.createDirectory(this.base.resolve(name));
            Files.move(pending, this.base.resolve(name + LOCK_SUFFIX), StandardCopyOption.ATOMIC_MOVE);
        } catch (Throwable t) {
            // Nothing is left behind, so a failing first use does not leak a channel and a file at every retry.
            closeQuietly(channel, t);
            deleteQuietly(pending, t);
            if (dir != null) {
                deleteQuietly(dir, t);
            }
            throw t;
        }
        this.mine = dir;
        sweep(this.base, mine);
    }

    /** The process's link directory, made (and the stale ones swept) at first use. */
    static SnapshotLinkDirectory current() {
        SnapshotLinkDirectory d = current;
        if (d == null) {
            synchronized (SnapshotLinkDirectory.class) {
                if (current == null) {
                    Path base = configuredBase();
                    String name = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
                    try {
                        SnapshotLinkDirectory made = new SnapshotLinkDirectory(base, name);
                        Runtime.getRuntime().addShutdownHook(new Thread(made::deleteMine, "vss4j-link-cleanup"));
                        current = made;
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot prepare the shadow copy link directory " + base
                                + " (choose a directory only this account may write with -D" + PROPERTY
                                + "=DIR; for the vss command: VSS_JAVA_OPTS=-D" + PROPERTY + "=DIR)", e);
                    }
                }
                d = current;
            }
        }
        return d;
    }

    /**
     * The link directory this process uses: {@code -Dvss4j.linkDirectory}, else
     * {@code <java.io.tmpdir>/vss4j-links-<account>}.
     */
    static Path configuredBase() {
        return LinkDirectoryLocation.of(System.getProperty(PROPERTY), System.getProperty("java.io.tmpdir"),
                LinkDirectoryCheck.thisAccount());
    }

    /**
     * The vss4j links in {@code base} that processes which ended left behind (their lock is free), which the next
     * process's sweep will delete: read only, nothing is deleted or followed. The directory of this process, if it
     * has one, is not looked at; neither is anything that is not a plain directory or not a vss4j link by its name.
     * Empty if {@code base} does not exist.
     */
    static List<Path> staleLinks(Path base) throws IOException {
        if (!Files.exists(base, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        if (!isPlainDirectory(Files.readAttributes(base, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS))) {
            throw new IOException(base + " is not a plain directory (a link, a junction or a file)");
        }
        SnapshotLinkDirectory own = current;
        List<Path> out = new ArrayList<>();
        visitAbandoned(base, own == null ? null : own.mine, dir -> {
            out.addAll(linksIn(dir));
            return false;
        });
        out.sort(null);
        return List.copyOf(out);
    }

    /**
     * What is done with the directory of a process that ended, while this process holds that process's lock (so no
     * other sweep works on it at the same time): listed by {@link #staleLinks}, deleted by {@link #sweep}.
     */
    private interface AbandonedVisitor {

        /** Visits {@code dir}; returns whether its lock file is to be deleted afterwards (nothing is left in it). */
        boolean visit(Path dir) throws IOException;

        /** {@code dir} is not visited: its lock file is not a regular file. Only the sweep, which deletes, logs it. */
        default void skipped(Path dir, Path lockFile) {
        }

        /** {@code dir} is not visited: its lock file could not be opened or locked. Only the sweep logs it. */
        default void failed(Path dir, IOException e) {
        }
    }

    /**
     * Visits the process directories in {@code base} but {@code mine} (null for none) whose lock is free: their
     * process ended. Only the {@code *.lock} files are looked at, so never a lock still being published
     * ({@link #PENDING_SUFFIX}); a lock file that is not a regular file (a link, say) is not opened. What the visitor
     * throws is thrown here; a lock that cannot be opened or is held (by another process, or by this JVM) is skipped.
     */
    private static void visitAbandoned(Path base, Path mine, AbandonedVisitor visitor) throws IOException {
        try (DirectoryStream<Path> locks = Files.newDirectoryStream(base, "*" + LOCK_SUFFIX)) {
            for (Path lockFile : locks) {
                String name = lockFile.getFileName().toString();
                Path dir = base.resolve(name.substring(0, name.length() - LOCK_SUFFIX.length()));
                if (!dir.equals(mine)) {
                    visitIfAbandoned(lockFile, dir, visitor);
                }
            }
        }
    }

    private static void visitIfAbandoned(Path lockFile, Path dir, AbandonedVisitor visitor) throws IOException {
        try {
            if (!Files.readAttributes(lockFile, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .isRegularFile()) {
                visitor.skipped(dir, lockFile);
                return;
            }
        } catch (IOException e) {
            return; // swept meanwhile by another process
        }
        boolean deleteLock;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return;
            }
            try {
                deleteLock = visitor.visit(dir);
            } catch (IOException e) {
                throw new VisitFailed(e);
            } finally {
                held.release();
            }
        } catch (VisitFailed e) {
            throw e.getCause();
        } catch (OverlappingFileLockException | NoSuchFileException e) {
            return; // held by this JVM, or swept meanwhile
        } catch (IOException e) {
            visitor.failed(dir, e); // not ours to open
            return;
        }
        if (deleteLock) {
            deleteQuietly(lockFile, null);
        }
    }

    /** Carries the visitor's own failure past the handling of the lock's. */
    private static final class VisitFailed extends IOException {
        VisitFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private static List<Path> linksIn(Path dir) throws IOException {
        try {
            if (!isPlainDirectory(Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS))) {
                return List.of();
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                if (isVss4jLink(e, Files.readAttributes(e, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS))) {
                    out.add(e);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return out;
    }

    /** A name for a new link to {@code snapshotId}, never used before by any process. */
    Path newLink(UUID snapshotId) {
        return mine.resolve(snapshotId + "-" + counter.incrementAndGet());
    }

    /** Deletes {@code link} itself (never what it points to). */
    static void deleteLink(Path link) {
        try {
            Files.deleteIfExists(link);
        } catch (IOException e) {
            LOG.warn("could not delete the shadow copy link {}: {}", link, e.toString());
        }
    }

    /**
     * {@code base}, made if missing (owner-only where the file system has POSIX permissions), once
     * {@link LinkDirectoryCheck} finds this account may keep its links there.
     */
    static Path prepareBase(Path base) throws IOException {
        return prepareBase(base, LinkDirectoryCheck.thisAccount());
    }

    /** {@link #prepareBase(Path)} for the account named {@code account}. */
    static Path prepareBase(Path base, String account) throws IOException {
        Path parent = base.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        try {
            if (LinkDirectoryCheck.posix(base)) {
                Files.createDirectory(base, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(base);
            }
        } catch (FileAlreadyExistsException e) {
            // Made earlier, by this or another process: checked like a new one.
        }
        Optional<String> refusal = LinkDirectoryCheck.refusal(base, account);
        if (refusal.isPresent()) {
            throw new IOException(refusal.get());
        }
        return base;
    }

    /**
     * Whether {@code a} (read without following links) is a directory that is neither a symbolic link nor a reparse
     * point of another kind. The check cannot be {@code Files.isDirectory(p, NOFOLLOW_LINKS)}: the JDK on Windows
     * reports only IO_REPARSE_TAG_SYMLINK as a symbolic link, and a junction (IO_REPARSE_TAG_MOUNT_POINT, winnt.h;
     * Microsoft docs, "Hard Links and Junctions") as a directory that is also "other".
     */
    static boolean isPlainDirectory(BasicFileAttributes a) {
        return a.isDirectory() && !a.isSymbolicLink() && !a.isOther();
    }

    /** Whether {@code entry}, whose attributes {@code a} were read without following links, is a link vss4j named. */
    private static boolean isVss4jLink(Path entry, BasicFileAttributes a) {
        return isLink(a) && LINK_NAME.matcher(entry.getFileName().toString()).matches();
    }

    /** Whether {@code a} is a link: a symbolic link, or (on Windows) a junction or another reparse point. */
    static boolean isLink(BasicFileAttributes a) {
        return a.isSymbolicLink() || a.isOther();
    }

    /** Deletes the subdirectories of {@code base} but {@code mine} whose lock is free (their process is gone). */
    static void sweep(Path base, Path mine) {
        try {
            visitAbandoned(base, mine, new AbandonedVisitor() {
                @Override
                public boolean visit(Path dir) {
                    LOG.info("removing stale shadow copy links of an ended process in {}", dir);
                    try {
                        deleteLinks(dir);
                        return true;
                    } catch (NoSuchFileException e) {
                        return false;
                    } catch (IOException e) {
                        failed(dir, e);
                        return false;
                    }
                }

                @Override
                public void skipped(Path dir, Path lockFile) {
                    LOG.warn("not sweeping {}: its lock {} is no plain file", dir, lockFile);
                }

                @Override
                public void failed(Path dir, IOException e) {
                    LOG.warn("could not sweep {}: {}", dir, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("could not sweep stale shadow copy links in {}: {}", base, e.toString());
        }
    }

    /**
     * Deletes the links in {@code dir}, then {@code dir}, if it is a plain directory: a link or junction named like a
     * process directory is not entered, whatever it points to. Inside, only links with a vss4j link name are deleted
     * (the links themselves, never followed); anything else stays, and so does {@code dir}. On Windows a user who
     * owns {@code dir} could still swap it for a junction between the check and the listing; the name rule then
     * keeps the sweep from deleting anything but vss4j links wherever it lands (and a service should not keep its
     * links where users can write, see the class comment).
     */
    static void deleteLinks(Path dir) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!isPlainDirectory(a)) {
            LOG.warn("not entering {}: it is not a plain directory (a link, a junction or a file)", dir);
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                deleteIfLink(e);
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            LOG.warn("left {}: it holds entries that are not vss4j links", dir);
        }
    }

    private static void deleteIfLink(Path entry) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (isVss4jLink(entry, a)) {
            Files.deleteIfExists(entry);
        } else {
            LOG.warn("left {}: it is not a vss4j link", entry);
        }
    }

    private void deleteMine() {
        try {
            deleteLinks(mine);
        } catch (IOException e) {
            LOG.warn("could not remove the shadow copy links in {}: {}", mine, e.toString());
        }
    }

    private static void closeQuietly(FileChannel channel, Throwable failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static void deleteQuietly(Path p, Throwable failure) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                LOG.warn("could not delete {}: {}", p, e.toString());
            }
        }
    }
}
