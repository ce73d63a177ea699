package org.vss4j;

import com.sun.jna.Memory;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicBoolean;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;

/**
 * A shadow copy's root as a {@link java.nio.file.Path} that ordinary Java I/O can read, valid until {@link #close()}.
 *
 * <p>A shadow copy's device object, {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopyN} (Microsoft docs,
 * "VSS_SNAPSHOT_PROP structure"), is no path java.nio can open: JDK 17 rejects the {@code ?}, later JDKs drop the
 * {@code \\?\} prefix and read a relative path. So the root is, in order:
 * <ol>
 * <li>the shadow copy's exposed name, when it is exposed locally at a drive letter or a mounted folder and java.nio
 * can open it: {@code X:} is made {@code X:\}, since {@code X:} alone is drive-relative (the current directory of that
 * drive, Microsoft docs, "Naming Files, Paths, and Namespaces");</li>
 * <li>otherwise a directory symbolic link to the device, made with {@code CreateSymbolicLinkW} in vss4j's link
 * directory ({@link SnapshotLinkDirectory}) and deleted by {@link #close()}. The target carries a trailing backslash:
 * only then is the link the device's root directory (how vshadow's documentation uses {@code mklink /d}).</li>
 * </ol>
 * The root is a link: walk it by listing it (which follows it), not with {@code Files.walkFileTree} without
 * {@code FOLLOW_LINKS}, which on Windows visits the link and does not descend.
 *
 * <p>Creating the link needs SeCreateSymbolicLinkPrivilege (elevated administrators hold it); without it, Windows
 * developer mode allows it with {@code SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE}, which is tried second.
 */
public final class SnapshotMount implements AutoCloseable {

    /** {@code SYMBOLIC_LINK_FLAG_DIRECTORY} (winbase.h). */
    static final int SYMBOLIC_LINK_FLAG_DIRECTORY = 0x1;
    /** {@code SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE} (winbase.h; Windows 10 1703 and later, developer mode). */
    static final int SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE = 0x2;

    private final SnapshotProperties snapshot;
    private final Path root;
    private final boolean link;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SnapshotMount(SnapshotProperties snapshot, Path root, boolean link) {
        this.snapshot = snapshot;
        this.root = root;
        this.link = link;
    }

    /** Opens the root of {@code snapshot}; close the mount before the shadow copy is released or deleted. */
    public static SnapshotMount open(SnapshotProperties snapshot) {
        Path exposed = exposedRoot(snapshot);
        if (exposed != null) {
            return new SnapshotMount(snapshot, exposed, false);
        }
        String target = directoryName(snapshot.deviceObject());
        if (target == null) {
            throw new IllegalArgumentException("the shadow copy " + snapshot.snapshotId() + " has no device object");
        }
        Path linkPath = SnapshotLinkDirectory.current().newLink(snapshot.snapshotId());
        createDirectoryLink(linkPath, target);
        return new SnapshotMount(snapshot, linkPath, true);
    }

    /** The locally exposed name as a directory java.nio can open, or null. */
    private static Path exposedRoot(SnapshotProperties snapshot) {
        if (!snapshot.hasAttribute(SnapshotAttribute.EXPOSED_LOCALLY)) {
            return null;
        }
        String name = directoryName(snapshot.exposedName());
        if (name == null) {
            return null;
        }
        try {
            Path p = Paths.get(name);
            return Files.isDirectory(p) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * A Windows name as the directory it names, with a trailing backslash; null for null or empty. An exposed {@code X:}
     * becomes {@code X:\}, the root, not drive-relative; a mounted folder {@code C:\mnt\snap} becomes
     * {@code C:\mnt\snap\}; a device object {@code \\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy7} becomes a
     * directory link target whose link is the device's root directory.
     */
    static String directoryName(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        return name.endsWith("\\") ? name : name + "\\";
    }

    private static void createDirectoryLink(Path link, String target) {
        Exports exports = Exports.current();
        Memory linkName = Utf16.toNative(link.toString());
        Memory targetName = Utf16.toNative(target);
        if (exports.createSymbolicLink(linkName, targetName, SYMBOLIC_LINK_FLAG_DIRECTORY)) {
            return;
        }
        int error = exports.lastError();
        if (error == Win32Error.ERROR_PRIVILEGE_NOT_HELD) {
            if (exports.createSymbolicLink(linkName, targetName,
                    SYMBOLIC_LINK_FLAG_DIRECTORY | SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE)) {
                return;
            }
            // Without developer mode the retry fails with 1314 again. Windows before 10 1703 does not know the flag
            // and fails the retry with ERROR_INVALID_PARAMETER (Windows Developer Blog, "Symlinks in Windows 10!"):
            // that says nothing about the link, so the first error, and its advice, is the one to report.
            int retried = exports.lastError();
            if (retried != Win32Error.ERROR_INVALID_PARAMETER) {
                error = retried;
            }
        }
        throw new VssException(Win32Error.toHresult(error), NativeExport.CreateSymbolicLinkW.name(), link + " -> " + target + ": "
                + Win32Error.describe(error) + (error == Win32Error.ERROR_PRIVILEGE_NOT_HELD
                        ? "; run elevated (SeCreateSymbolicLinkPrivilege) or enable developer mode" : ""));
    }

    /** The shadow copy this mount shows. */
    public SnapshotProperties snapshot() {
        return snapshot;
    }

    /**
     * The root directory of the shadow copy: {@code root().resolve("Users/me/file.txt")} reads the frozen file
     * (forward slashes work on every OS). It is a link when {@link #isLink()}: list it to enter it.
     */
    public Path root() {
        if (closed.get()) {
            throw new IllegalStateException("the mount of shadow copy " + snapshot.snapshotId() + " is closed");
        }
        return root;
    }

    /** Whether the root is a link this mount created (and will delete). */
    public boolean isLink() {
        return link;
    }

    /** Deletes the link, if this mount made one; the shadow copy itself is not touched. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && link) {
            SnapshotLinkDirectory.deleteLink(root);
        }
    }
}
