package org.vss4j;

import com.sun.jna.Native;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;

/**
 * A shadow copy's root as a {@link java.nio.file.Path} that ordinary Java I/O can read, valid until {@link #close()}.
 *
 * <p>Where the root comes from, in order: the shadow copy's exposed name when it is exposed locally at a drive letter
 * or mount point; the device object itself when java.nio can open it as a directory (the simulator's device objects
 * name readable directories); otherwise (real Windows, where {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN}
 * is not a path java.nio can parse) a directory symbolic link in a fresh temporary directory pointing at the device,
 * created with {@code CreateSymbolicLinkW} and deleted by {@link #close()}. Creating that link needs the
 * SeCreateSymbolicLinkPrivilege, which elevated requesters have.
 */
public final class SnapshotMount implements AutoCloseable {

    /** {@code SYMBOLIC_LINK_FLAG_DIRECTORY} (winbase.h). */
    static final int SYMBOLIC_LINK_FLAG_DIRECTORY = 0x1;

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotMount.class);

    /** Makes a directory link {@code link} → {@code target}; the Windows implementation calls kernel32. */
    @FunctionalInterface
    interface Linker {
        void link(Path link, String target) throws IOException;
    }

    private final SnapshotProperties snapshot;
    private final Path root;
    private final Path linkDirectory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SnapshotMount(SnapshotProperties snapshot, Path root, Path linkDirectory) {
        this.snapshot = snapshot;
        this.root = root;
        this.linkDirectory = linkDirectory;
    }

    /** Opens the root of {@code snapshot}; close the mount before the shadow copy is released or deleted. */
    public static SnapshotMount open(SnapshotProperties snapshot) {
        return open(snapshot, SnapshotMount::createWindowsLink);
    }

    static SnapshotMount open(SnapshotProperties snapshot, Linker linker) {
        Path direct = directory(snapshot.exposedName());
        if (direct == null) {
            direct = directory(snapshot.deviceObject());
        }
        if (direct != null) {
            return new SnapshotMount(snapshot, direct, null);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("vss4j-snapshot-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the link to " + snapshot.deviceObject(), e);
        }
        Path link = dir.resolve("root");
        try {
            // The device needs a trailing backslash to be a directory target.
            String target = snapshot.deviceObject().endsWith("\\") ? snapshot.deviceObject()
                    : snapshot.deviceObject() + "\\";
            linker.link(link, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(dir);
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new UncheckedIOException("cannot link " + link + " to " + snapshot.deviceObject(),
                    (IOException) e);
        }
        return new SnapshotMount(snapshot, link, dir);
    }

    /** A path java.nio can list as a directory, or null. */
    private static Path directory(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        try {
            Path p = Paths.get(name);
            return Files.isDirectory(p) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static void createWindowsLink(Path link, String target) throws IOException {
        boolean ok = Exports.current().createSymbolicLink(Utf16.toNative(link.toString()), Utf16.toNative(target),
                SYMBOLIC_LINK_FLAG_DIRECTORY);
        if (!ok) {
            int error = Native.getLastError();
            int hr = error == 0 ? VssHresult.E_FAIL.code() : 0x80070000 | (error & 0xFFFF);
            throw new VssException(hr, Exports.CREATE_SYMBOLIC_LINK, link + " -> " + target
                    + (error == 1314 ? ": the process lacks SeCreateSymbolicLinkPrivilege; run elevated" : ""));
        }
    }

    /** The shadow copy this mount shows. */
    public SnapshotProperties snapshot() {
        return snapshot;
    }

    /** The root directory of the shadow copy: {@code root().resolve("Users\\me\\file.txt")} reads the frozen file. */
    public Path root() {
        if (closed.get()) {
            throw new IllegalStateException("the mount of shadow copy " + snapshot.snapshotId() + " is closed");
        }
        return root;
    }

    /** Whether the root is a link this mount created (and will delete). */
    public boolean isLink() {
        return linkDirectory != null;
    }

    /** Deletes the link, if this mount made one; the shadow copy itself is not touched. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && linkDirectory != null) {
            deleteQuietly(linkDirectory);
        }
    }

    /** Deletes the link (never what it points to) and its directory. */
    private static void deleteQuietly(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("root"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.warn("could not delete the shadow copy link directory {}: {}", dir, e.toString());
        }
    }
}
