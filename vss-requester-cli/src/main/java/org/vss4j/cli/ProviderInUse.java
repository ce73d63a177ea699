package org.vss4j.cli;

import org.vss4j.com.Exports;
import org.vss4j.spi.NativeProviders;

/**
 * The VSS provider this process runs on, as {@code vss doctor} asks for it: the one place the doctor reads the
 * provider choice, so it follows however the binding chooses.
 *
 * @param id      the provider's id ({@code windows}, {@code simulator}), or null when none could be chosen
 * @param failure why none could be chosen, or null
 */
record ProviderInUse(String id, String failure) {

    static final String SIMULATOR = NativeProviders.SIMULATOR_ID;

    /** The provider of this process (chosen now if it was not yet). */
    static ProviderInUse current() {
        try {
            return new ProviderInUse(Exports.current().provider().id(), null);
        } catch (RuntimeException | LinkageError e) {
            return new ProviderInUse(null, String.valueOf(e.getMessage()));
        }
    }

    boolean chosen() {
        return id != null;
    }

    boolean isSimulator() {
        return SIMULATOR.equals(id);
    }

    /** The value of {@code -Dvss4j.provider}, or null. */
    static String requested() {
        return System.getProperty(NativeProviders.PROPERTY);
    }
}
