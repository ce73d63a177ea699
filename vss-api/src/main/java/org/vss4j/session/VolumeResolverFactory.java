package org.vss4j.session;

/**
 * Registered with {@link java.util.ServiceLoader} by a VSS provider other than Windows (the simulator) to give the
 * session its {@link VolumeResolver}.
 */
public interface VolumeResolverFactory {

    /** The id of the provider ({@link org.vss4j.spi.VssNativeProvider#id()}) this resolver serves. */
    String providerId();

    VolumeResolver create();
}
