package org.vss4j.sim;

import org.vss4j.session.VolumeResolver;
import org.vss4j.session.VolumeResolverFactory;

/** Registers {@link SimulatedVolumeResolver} for the simulator provider (META-INF/services). */
public final class SimulatedVolumeResolverFactory implements VolumeResolverFactory {

    @Override
    public String providerId() {
        return SimulatorNativeProvider.ID;
    }

    @Override
    public VolumeResolver create() {
        return new SimulatedVolumeResolver();
    }
}
