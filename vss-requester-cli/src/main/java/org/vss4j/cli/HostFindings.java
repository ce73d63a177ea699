package org.vss4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vss4j.spi.HostPlatform;

/** {@code vss doctor}'s first checks: the operating system, the JVM's bitness and the VSS provider in use. */
final class HostFindings {

    /**
     * What the checks look at, read from the running JVM by {@link #ofThisJvm()}.
     *
     * @param osName       {@code os.name}
     * @param osVersion    {@code os.version}
     * @param osArch       {@code os.arch}
     * @param dataModel    {@code sun.arch.data.model}: {@code 32} or {@code 64}
     * @param wow64Arch    {@code PROCESSOR_ARCHITEW6432}, set only for a 32-bit process on 64-bit Windows
     *                     (Microsoft docs, "WOW64 Implementation Details"), else null
     * @param javaVersion  {@code java.version} and vendor
     */
    record Host(String osName, String osVersion, String osArch, String dataModel, String wow64Arch,
            String javaVersion) {

        /** The same facts as the binding's provider choice reads them ({@link HostPlatform}): one set of rules. */
        HostPlatform platform() {
            return new HostPlatform(osName, osArch, "?".equals(dataModel) ? null : dataModel, wow64Arch);
        }

        boolean isWindows() {
            return platform().isWindows();
        }
    }

    private HostFindings() {
    }

    static Host ofThisJvm() {
        return new Host(System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), System.getProperty("sun.arch.data.model", "?"),
                System.getenv("PROCESSOR_ARCHITEW6432"),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    }

    static List<Finding> of(Host host, ProviderInUse provider, String requestedProvider) {
        List<Finding> out = new ArrayList<>();
        String os = host.osName() + " " + host.osVersion() + " (" + host.osArch() + ")";
        if (host.isWindows()) {
            out.add(Finding.ok("os", os));
        } else {
            out.add(Finding.ok("os", null, os + ": not Windows, so the checks below ask the vss4j simulator's "
                    + "simulated machine", List.of()));
        }
        out.add(jvm(host));
        out.add(provider(host, provider, requestedProvider));
        return out;
    }

    /**
     * "All 32-bit VSS applications (requesters, providers, and writers) must run as native 32-bit or 64-bit
     * applications. Running them under WOW64 is not supported" (Microsoft docs, "Volume Shadow Copy Service"), and
     * vss4j binds the x64 ABI: on Windows only a 64-bit JVM can back up.
     */
    private static Finding jvm(Host host) {
        HostPlatform platform = host.platform();
        String jvm = (platform.is64BitJvm() ? "64" : "32") + "-bit JVM, Java " + host.javaVersion();
        Optional<String> blocker = platform.isWindows() ? platform.realVssBlocker() : Optional.empty();
        return blocker.isEmpty() ? Finding.ok("jvm", jvm)
                : Finding.blocking("jvm", null, jvm + ": " + blocker.get(), List.of(),
                        "run vss4j with a 64-bit JDK (java -XshowSettings:properties -version shows "
                                + "sun.arch.data.model)");
    }

    private static Finding provider(Host host, ProviderInUse provider, String requested) {
        if (!provider.chosen()) {
            // The binding's one-line refusal names its own fix.
            return Finding.blocking("provider", null, "no VSS provider can work in this JVM", List.of(),
                    provider.failure());
        }
        if (!provider.isSimulator()) {
            return Finding.ok("provider", provider.id() + ": the real VSS of this machine");
        }
        if (!host.isWindows()) {
            return Finding.ok("provider", "simulator: the vss4j simulator (no real shadow copy is made)");
        }
        // The binding never picks the simulator on Windows by itself: only -Dvss4j.provider=simulator does.
        return Finding.warning("provider", null, "simulator, as -Dvss4j.provider=simulator asks: this process "
                + "touches no real shadow copy of this Windows machine", List.of(),
                "drop -Dvss4j.provider=simulator to use the real VSS");
    }
}
