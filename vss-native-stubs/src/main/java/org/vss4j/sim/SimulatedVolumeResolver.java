package org.vss4j.sim;

import org.vss4j.session.ResolvedPath;
import org.vss4j.session.VolumeResolver;

/**
 * The session's {@link VolumeResolver} on the simulator: a path is split at the current machine's volume whose alias
 * (drive letter, mount folder) or GUID name is its longest prefix ({@link SimulatedMachine#mountedPath}), the way
 * {@code GetVolumePathName} splits a path at its mount point on Windows.
 */
public final class SimulatedVolumeResolver implements VolumeResolver {

    @Override
    public ResolvedPath resolve(String path) {
        SimulatedMachine.MountedPath m = SimulatedMachine.current().mountedPath(path)
                .orElseThrow(() -> new IllegalArgumentException("no volume of the simulated machine holds " + path));
        return new ResolvedPath(m.mountName(), m.volume().guidName(), m.relativePath());
    }
}
