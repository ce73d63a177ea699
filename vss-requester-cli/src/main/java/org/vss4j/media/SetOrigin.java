package org.vss4j.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.vss4j.spi.NativeProviders;

/**
 * Where a backup set was made (docs/backup-sets.md, table {@code backup_set}, keys {@code provider} and {@code host}):
 * the binding's VSS provider, so that a set taken from the simulator's shadow copies is never mistaken for one VSS
 * made, and the computer that ran the backup.
 *
 * @param provider the id of the binding's provider ({@code windows}, {@code simulator}), or null if not recorded
 * @param host     the name of the computer the backup ran on, or null if not recorded or unknown
 */
public record SetOrigin(String provider, String host) {

    /** The origin of a set written by this process: the provider the binding chose and this computer's name. */
    static SetOrigin ofThisProcess() {
        String provider;
        try {
            provider = NativeProviders.choice().provider().id();
        } catch (RuntimeException | LinkageError e) {
            provider = null; // no provider may run here; the set is written from elsewhere (a test, a copy)
        }
        return new SetOrigin(provider, hostName());
    }

    /**
     * This computer's name: {@code COMPUTERNAME} on Windows (its NetBIOS name, Microsoft docs, "Recognized
     * Environment Variables"), else the name the JVM resolves for the local host.
     */
    private static String hostName() {
        String windows = System.getenv("COMPUTERNAME");
        if (windows != null && !windows.isBlank()) {
            return windows;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
