package org.vss4j.session;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32;

/**
 * Volumes on Windows: {@code GetVolumePathNameW} gives the mount point a path lives on (a drive root or a mount
 * folder, with a trailing backslash; Microsoft GetVolumePathNameW docs), {@code GetVolumeNameForVolumeMountPointW} the
 * volume GUID name that identifies the volume however it is reached.
 */
public final class WindowsVolumeResolver implements VolumeResolver {

    /** The id of the Windows provider ({@code org.vss4j.spi.WindowsNativeProvider}). */
    static final String PROVIDER_ID = "windows";

    /** Long enough for any path the session handles ({@code MAX_PATH} is 260; extended paths go to 32767). */
    private static final int BUFFER = 32768;

    @Override
    public ResolvedPath resolve(String path) {
        char[] mount = new char[BUFFER];
        if (!Kernel32.INSTANCE.GetVolumePathName(path, mount, mount.length)) {
            throw new IllegalArgumentException("no volume holds " + path + " (GetVolumePathNameW failed with Win32 "
                    + "error " + Native.getLastError() + ")");
        }
        String mountPoint = Native.toString(mount);
        char[] guid = new char[64];
        String volumeId = Kernel32.INSTANCE.GetVolumeNameForVolumeMountPoint(mountPoint, guid, guid.length)
                ? Native.toString(guid) : mountPoint;
        String rest = path.length() > mountPoint.length() ? path.substring(mountPoint.length()) : "";
        return new ResolvedPath(mountPoint, volumeId, rest);
    }
}
