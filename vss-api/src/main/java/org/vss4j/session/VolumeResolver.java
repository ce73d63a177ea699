package org.vss4j.session;

import java.util.ServiceLoader;
import org.vss4j.com.Exports;

/**
 * Finds the volume a path lives on (its mount point, mount folders included), which is what goes into the shadow
 * copy set, and the path's place on it, which is where the file is found inside the shadow copy. This is the one
 * provider-specific step of the session: on Windows {@code GetVolumePathName}; on the simulator the simulated
 * machine's volume names and aliases.
 */
@FunctionalInterface
public interface VolumeResolver {

    /**
     * {@code path} split at its volume.
     *
     * @throws IllegalArgumentException if no volume holds {@code path}
     */
    ResolvedPath resolve(String path);

    /**
     * The resolver of the VSS provider this process uses: {@link WindowsVolumeResolver} for real VSS, otherwise the one
     * a {@link VolumeResolverFactory} registered with {@link ServiceLoader} for that provider.
     */
    static VolumeResolver forCurrentProvider() {
        String id = Exports.current().provider().id();
        if (WindowsVolumeResolver.PROVIDER_ID.equals(id)) {
            return new WindowsVolumeResolver();
        }
        for (VolumeResolverFactory f : ServiceLoader.load(VolumeResolverFactory.class,
                VolumeResolver.class.getClassLoader())) {
            if (f.providerId().equals(id)) {
                return f.create();
            }
        }
        throw new IllegalStateException("no volume resolver for the VSS provider '" + id + "'; pass one to the "
                + "session builder");
    }
}
