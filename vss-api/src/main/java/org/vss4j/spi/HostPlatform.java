package org.vss4j.spi;

import java.util.Locale;
import java.util.Optional;

/**
 * The facts about this OS and JVM that decide whether the real VSS can be used: read from the system properties
 * {@code os.name}, {@code os.arch}, {@code sun.arch.data.model} and the environment variable
 * {@code PROCESSOR_ARCHITEW6432}. A record, so tests can describe any machine ("a 32-bit JVM on 64-bit Windows",
 * "Windows on ARM64") on any host.
 *
 * @param osName the {@code os.name} property, e.g. {@code Windows 11}, {@code Linux}
 * @param osArch the {@code os.arch} property: the JVM's architecture ({@code amd64}, {@code aarch64}, {@code x86})
 * @param dataModel the {@code sun.arch.data.model} property ({@code 64}, {@code 32}), or null when the JVM has none
 * @param wow64NativeArch {@code PROCESSOR_ARCHITEW6432}, or null: Windows sets it only in a 32-bit process on 64-bit
 *     Windows (WOW64), to the machine's architecture ({@code AMD64}, {@code ARM64}) (Microsoft docs, "WOW64
 *     Implementation Details", environment variables)
 */
public record HostPlatform(String osName, String osArch, String dataModel, String wow64NativeArch) {

    /** The CPU architecture of this JVM (not necessarily of the machine). */
    public enum Arch {
        X86_64, ARM64, X86, ARM, OTHER
    }

    /** This process. */
    public static HostPlatform current() {
        return new HostPlatform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""),
                System.getProperty("sun.arch.data.model"), System.getenv("PROCESSOR_ARCHITEW6432"));
    }

    public boolean isWindows() {
        return osName != null && osName.startsWith("Windows");
    }

    /** The JVM's architecture, from {@code os.arch} (the names HotSpot and OpenJ9 use). */
    public Arch arch() {
        String a = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64", "x86-64", "x64" -> Arch.X86_64;
            case "aarch64", "arm64" -> Arch.ARM64;
            case "x86", "i386", "i486", "i586", "i686" -> Arch.X86;
            case "arm", "arm32", "armv7", "armv7l" -> Arch.ARM;
            default -> Arch.OTHER;
        };
    }

    /** Whether the JVM is a 64-bit process: {@code sun.arch.data.model}, else its architecture. */
    public boolean is64BitJvm() {
        if (dataModel != null && !dataModel.isBlank()) {
            return dataModel.trim().equals("64");
        }
        return arch() == Arch.X86_64 || arch() == Arch.ARM64;
    }

    /** A 32-bit JVM on 64-bit Windows: a WOW64 process, where Microsoft does not support VSS applications. */
    public boolean isWow64() {
        return isWindows() && !is64BitJvm() && wow64NativeArch != null && !wow64NativeArch.isBlank();
    }

    /**
     * Why the real VSS cannot be used by this process, as one line that names the fix; empty when it can (64-bit
     * Windows, a 64-bit JVM on x64 or ARM64).
     *
     * <p>VSS: "All 32-bit VSS applications (requesters, providers, and writers) must run as native 32-bit or 64-bit
     * applications. Running them under WOW64 is not supported" (Microsoft docs, "Volume Shadow Copy Service", the VSS
     * portal page). vss4j itself is built for the 64-bit Windows ABI only (docs/abi.md, docs/providers.md), so a
     * native 32-bit Windows is refused too.
     */
    public Optional<String> realVssBlocker() {
        if (!isWindows()) {
            return Optional.of("the real VSS exists only on Windows, and this is " + describe());
        }
        if (isWow64()) {
            return Optional.of("this is a 32-bit JVM on 64-bit Windows (" + wow64NativeArch.trim()
                    + "), and VSS does not support 32-bit applications under WOW64; run vss4j with a 64-bit JDK");
        }
        if (!is64BitJvm()) {
            return Optional.of("vss4j needs 64-bit Windows and a 64-bit JVM, and this is " + describe()
                    + "; run it on 64-bit Windows with a 64-bit JDK");
        }
        if (arch() != Arch.X86_64 && arch() != Arch.ARM64) {
            return Optional.of("vss4j supports Windows on x64 and ARM64, not " + osArch + "; run it with an x64 or "
                    + "ARM64 JDK");
        }
        return Optional.empty();
    }

    /** For messages: {@code Windows 11 aarch64, 64-bit JVM}. */
    public String describe() {
        return osName + " " + osArch + ", " + (is64BitJvm() ? "64" : "32") + "-bit JVM"
                + (isWow64() ? " under WOW64 on " + wow64NativeArch.trim() : "");
    }
}
