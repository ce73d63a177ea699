package org.vss4j.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the {@link VssNativeProvider} for this process, once.
 *
 * <p>The system property {@code vss4j.provider} forces one by id ({@code windows}, {@code simulator}). {@code auto} or
 * no value picks the real VSS on Windows and never anything else there: a machine where the real VSS cannot work (a
 * 32-bit JVM, WOW64) is an error naming the fix, not a silent fall-back to the simulator. Off Windows, {@code auto}
 * picks the simulator when {@code vss-native-stubs} is on the class path. docs/providers.md has the whole rule.
 */
public final class NativeProviders {

    /** System property that forces a provider by id. */
    public static final String PROPERTY = "vss4j.provider";
    /** The id of the simulator in {@code vss-native-stubs}. */
    public static final String SIMULATOR_ID = "simulator";

    /**
     * The provider chosen and why, for a user to read ({@code "-Dvss4j.provider=simulator"}, {@code "this is
     * Windows 11 amd64, 64-bit JVM"}).
     */
    public record Choice(VssNativeProvider provider, String reason) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(NativeProviders.class);
    private static volatile Choice current;

    private NativeProviders() {
    }

    /**
     * The provider in use; chosen at the first call.
     *
     * @throws IllegalStateException with a one-line reason and fix when no provider may run here
     */
    public static VssNativeProvider current() {
        return choice().provider();
    }

    /** The provider in use and why it was chosen; chosen at the first call (as {@link #current()}). */
    public static Choice choice() {
        Choice c = current;
        if (c == null) {
            synchronized (NativeProviders.class) {
                c = current;
                if (c == null) {
                    c = choose(System.getProperty(PROPERTY, "auto"), HostPlatform.current(), discover());
                    LOG.info("vss4j uses the '{}' VSS provider ({})", c.provider().id(), c.reason());
                    current = c;
                }
            }
        }
        return c;
    }

    /** All providers on the class path: the built-in Windows one first, then those found by {@link ServiceLoader}. */
    static List<VssNativeProvider> discover() {
        List<VssNativeProvider> all = new ArrayList<>();
        all.add(new WindowsNativeProvider());
        ServiceLoader.load(VssNativeProvider.class, NativeProviders.class.getClassLoader()).forEach(all::add);
        return all;
    }

    /** The choice rule, separate from discovery and from this JVM so it can be tested for any platform. */
    static Choice choose(String requested, HostPlatform platform, List<VssNativeProvider> candidates) {
        String want = requested == null || requested.isBlank() ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        if (!want.equals("auto")) {
            return forced(want, platform, candidates);
        }
        if (platform.isWindows()) {
            // Never a simulator or any other stand-in on Windows unless asked for: a "successful" backup must have
            // been made by VSS.
            Optional<String> blocker = platform.realVssBlocker();
            if (blocker.isPresent()) {
                throw new IllegalStateException("vss4j cannot use VSS: " + blocker.get());
            }
            return find(WindowsNativeProvider.ID, candidates).filter(VssNativeProvider::isAvailable)
                    .map(p -> new Choice(p, "this is " + platform.describe()))
                    .orElseThrow(() -> new IllegalStateException("vss4j cannot use VSS: the '"
                            + WindowsNativeProvider.ID + "' provider is missing or unavailable on "
                            + platform.describe()));
        }
        String reason = "not Windows: " + platform.describe();
        Optional<VssNativeProvider> simulator = find(SIMULATOR_ID, candidates).filter(VssNativeProvider::isAvailable);
        if (simulator.isPresent()) {
            return new Choice(simulator.get(), reason);
        }
        for (VssNativeProvider p : candidates) {
            if (!p.id().equals(WindowsNativeProvider.ID) && p.isAvailable()) {
                return new Choice(p, reason);
            }
        }
        throw new IllegalStateException("No VSS provider can work here: the real VSS needs 64-bit Windows and this "
                + "is " + platform.describe() + "; for the simulator, put org.vss4j:vss-native-stubs on the class "
                + "path.");
    }

    private static Choice forced(String want, HostPlatform platform, List<VssNativeProvider> candidates) {
        VssNativeProvider p = find(want, candidates).orElseThrow(() -> new IllegalStateException(
                "No VSS provider '" + want + "' (requested by -D" + PROPERTY + "); available: "
                        + candidates.stream().map(VssNativeProvider::id).toList()
                        + ". For 'simulator', put org.vss4j:vss-native-stubs on the class path."));
        if (want.equals(WindowsNativeProvider.ID) && platform.realVssBlocker().isPresent()) {
            throw new IllegalStateException("The VSS provider 'windows' requested by -D" + PROPERTY
                    + " cannot work here: " + platform.realVssBlocker().get());
        }
        if (!p.isAvailable()) {
            throw new IllegalStateException("The VSS provider '" + want + "' requested by -D" + PROPERTY
                    + " cannot work here (" + platform.describe() + ")");
        }
        return new Choice(p, "-D" + PROPERTY + "=" + want);
    }

    private static Optional<VssNativeProvider> find(String id, List<VssNativeProvider> candidates) {
        return candidates.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
