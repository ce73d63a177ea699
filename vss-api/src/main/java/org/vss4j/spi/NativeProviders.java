package org.vss4j.spi;

import com.sun.jna.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the {@link VssNativeProvider} for this process, once.
 *
 * <p>The system property {@code vss4j.provider} forces one by id ({@code windows}, {@code simulator}); {@code auto} or
 * no value picks the real VSS on 64-bit Windows and the simulator elsewhere (when {@code vss-native-stubs} is on the
 * class path).
 */
public final class NativeProviders {

    /** System property that forces a provider by id. */
    public static final String PROPERTY = "vss4j.provider";

    private static final Logger LOG = LoggerFactory.getLogger(NativeProviders.class);
    private static volatile VssNativeProvider current;

    private NativeProviders() {
    }

    /** The provider in use; chosen at the first call. */
    public static VssNativeProvider current() {
        VssNativeProvider p = current;
        if (p == null) {
            synchronized (NativeProviders.class) {
                p = current;
                if (p == null) {
                    p = choose(System.getProperty(PROPERTY, "auto"), discover());
                    LOG.info("vss4j uses the '{}' VSS provider", p.id());
                    current = p;
                }
            }
        }
        return p;
    }

    /** All providers on the class path: the built-in Windows one first, then those found by {@link ServiceLoader}. */
    static List<VssNativeProvider> discover() {
        List<VssNativeProvider> all = new ArrayList<>();
        all.add(new WindowsNativeProvider());
        ServiceLoader.load(VssNativeProvider.class, NativeProviders.class.getClassLoader()).forEach(all::add);
        return all;
    }

    /** The choice rule, separate from discovery so it can be tested with any list. */
    static VssNativeProvider choose(String requested, List<VssNativeProvider> candidates) {
        String want = requested == null || requested.isBlank() ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        if (!want.equals("auto")) {
            for (VssNativeProvider p : candidates) {
                if (p.id().equals(want)) {
                    if (!p.isAvailable()) {
                        throw new IllegalStateException("The VSS provider '" + want + "' requested by -D" + PROPERTY
                                + " cannot work here (" + System.getProperty("os.name") + ", "
                                + System.getProperty("os.arch") + ")");
                    }
                    return p;
                }
            }
            throw new IllegalStateException("No VSS provider '" + want + "' (requested by -D" + PROPERTY
                    + "); available: " + candidates.stream().map(VssNativeProvider::id).toList()
                    + ". For 'simulator', put org.vss4j:vss-native-stubs on the class path.");
        }
        String preferred = Platform.isWindows() ? WindowsNativeProvider.ID : "simulator";
        for (VssNativeProvider p : candidates) {
            if (p.id().equals(preferred) && p.isAvailable()) {
                return p;
            }
        }
        for (VssNativeProvider p : candidates) {
            if (p.isAvailable()) {
                return p;
            }
        }
        throw new IllegalStateException("No VSS provider can work here: real VSS needs 64-bit Windows, and the "
                + "simulator needs org.vss4j:vss-native-stubs on the class path.");
    }
}
