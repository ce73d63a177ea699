package org.vss4j.session;

import com.sun.jna.Memory;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.session.UnresolvablePathException.Reason;

/**
 * Volumes as Windows names them, through the provider seam (so the simulator's kernel32 answers the same calls):
 * <ol>
 * <li>the path must be absolute and is canonicalised first ({@link WindowsPath}): {@code GetVolumePathNameW} answers
 * relative, unqualified and NT namespace names with the boot volume instead of failing (Microsoft docs,
 * "GetVolumePathNameW function"), which would put a file on the wrong volume without an error;</li>
 * <li>{@code GetVolumePathNameW} gives the mount point the path lives on: a drive root or the deepest mounted folder,
 * with a trailing backslash;</li>
 * <li>the mount point must be a prefix of the canonical path, compared name by name without case; the rest of the
 * path is what lies below it (never a cut by the mount point's length);</li>
 * <li>{@code GetVolumeNameForVolumeMountPointW} gives the volume GUID path, the same however the volume is reached
 * (Microsoft docs, "GetVolumeNameForVolumeMountPointW function"; the mount point needs its trailing backslash).</li>
 * </ol>
 */
public final class WindowsVolumeResolver implements VolumeResolver {

    /** Long enough for any Win32 path: 32,767 characters (Microsoft docs, "Maximum Path Length Limitation"). */
    private static final int PATH_CHARS = 32768;
    /** "A reasonable size for the buffer to accommodate the largest possible volume GUID path is 50 characters." */
    private static final int VOLUME_NAME_CHARS = 50;

    private final Exports exports;

    public WindowsVolumeResolver() {
        this(Exports.current());
    }

    WindowsVolumeResolver(Exports exports) {
        this.exports = exports;
    }

    @Override
    public ResolvedPath resolve(String path) {
        WindowsPath canonical = WindowsPath.parse(path);
        String mountPoint = volumePathName(path, canonical.canonical());
        String below = canonical.below(mountPoint).orElseThrow(() -> new UnresolvablePathException(path,
                Reason.NO_VOLUME, "GetVolumePathNameW answered " + mountPoint + ", which does not contain "
                        + canonical));
        return new ResolvedPath(mountPoint, volumeName(path, mountPoint), below);
    }

    private String volumePathName(String path, String canonical) {
        Memory out = new Memory(2L * PATH_CHARS);
        out.setShort(0, (short) 0);
        if (!exports.getVolumePathName(Utf16.toNative(canonical), out, PATH_CHARS)) {
            int error = exports.lastError();
            throw new UnresolvablePathException(path, reasonOf(error), "GetVolumePathNameW(" + canonical
                    + ") failed with " + Win32Error.describe(error));
        }
        return Utf16.read(out);
    }

    /**
     * Only "not there" errors mean no volume holds the path (the session then passes over it quietly); any other
     * failure (access denied, a path too long) is one the user must see.
     */
    private static Reason reasonOf(int error) {
        return switch (error) {
            case Win32Error.ERROR_FILE_NOT_FOUND, Win32Error.ERROR_PATH_NOT_FOUND, Win32Error.ERROR_NOT_READY,
                    Win32Error.ERROR_INVALID_NAME -> Reason.NO_VOLUME;
            default -> Reason.VOLUME_LOOKUP_FAILED;
        };
    }

    private String volumeName(String path, String mountPoint) {
        Memory out = new Memory(2L * VOLUME_NAME_CHARS);
        out.setShort(0, (short) 0);
        if (!exports.getVolumeNameForVolumeMountPoint(Utf16.toNative(mountPoint), out, VOLUME_NAME_CHARS)) {
            int error = exports.lastError();
            // A mount point of no local volume (a network or subst drive) answers "invalid parameter" or "not a
            // reparse point" here: no volume, as much as "not found" is.
            boolean notAVolume = error == Win32Error.ERROR_INVALID_PARAMETER
                    || error == Win32Error.ERROR_NOT_A_REPARSE_POINT || error == Win32Error.ERROR_NOT_SUPPORTED;
            throw new UnresolvablePathException(path, notAVolume ? Reason.NO_VOLUME : reasonOf(error),
                    mountPoint + " is not the mount point of a "
                    + "local volume: GetVolumeNameForVolumeMountPointW failed with " + Win32Error.describe(error));
        }
        return Utf16.read(out);
    }
}
