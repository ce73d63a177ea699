package org.vss4j.session;

/**
 * Finds the volume a path lives on (its mount point, mount folders included), which is what goes into the shadow
 * copy set, and the path's place on it, which is where the file is found inside the shadow copy.
 */
@FunctionalInterface
public interface VolumeResolver {

    /**
     * {@code path} split at its volume.
     *
     * @throws UnresolvablePathException if {@code path} is not an absolute Win32 path or no volume holds it (other
     *                                   {@link IllegalArgumentException}s from a caller's resolver count as "on no
     *                                   volume")
     */
    ResolvedPath resolve(String path);

    /**
     * The resolver the session uses unless given another: {@link WindowsVolumeResolver}, on Windows and on the
     * simulator alike, since both answer {@code GetVolumePathNameW} and {@code GetVolumeNameForVolumeMountPointW}
     * through the provider seam.
     */
    static VolumeResolver forCurrentProvider() {
        return new WindowsVolumeResolver();
    }
}
