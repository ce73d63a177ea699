package org.vss4j.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The platform facts, for machines this JVM is not. */
class HostPlatformTest {

    static final HostPlatform WINDOWS_X64 = new HostPlatform("Windows Server 2022", "amd64", "64", null);
    static final HostPlatform WINDOWS_ARM64 = new HostPlatform("Windows 11", "aarch64", "64", null);
    /** A 32-bit JDK on 64-bit Windows: os.arch x86, and WOW64 sets PROCESSOR_ARCHITEW6432 to the machine's arch. */
    static final HostPlatform WOW64 = new HostPlatform("Windows 10", "x86", "32", "AMD64");
    static final HostPlatform WOW64_ON_ARM64 = new HostPlatform("Windows 11", "x86", "32", "ARM64");
    static final HostPlatform WINDOWS_32 = new HostPlatform("Windows 10", "x86", "32", null);
    static final HostPlatform LINUX = new HostPlatform("Linux", "amd64", "64", null);

    @Test
    void realVssNeedsA64BitJvmOnX64OrArm64Windows() {
        assertThat(WINDOWS_X64.realVssBlocker()).isEmpty();
        assertThat(WINDOWS_ARM64.realVssBlocker()).isEmpty();
        assertThat(WINDOWS_ARM64.arch()).isEqualTo(HostPlatform.Arch.ARM64);

        assertThat(WOW64.isWow64()).isTrue();
        assertThat(WOW64.realVssBlocker()).get().asString()
                .contains("32-bit JVM on 64-bit Windows (AMD64)", "WOW64", "run vss4j with a 64-bit JDK");
        assertThat(WOW64_ON_ARM64.realVssBlocker()).get().asString().contains("(ARM64)", "WOW64");

        assertThat(WINDOWS_32.isWow64()).isFalse();
        assertThat(WINDOWS_32.realVssBlocker()).get().asString().contains("needs 64-bit Windows and a 64-bit JVM");
        assertThat(LINUX.realVssBlocker()).get().asString().contains("only on Windows", "Linux amd64");
        assertThat(new HostPlatform("Windows Server 2003", "ia64", "64", null).realVssBlocker()).get().asString()
                .contains("x64 and ARM64, not ia64");
    }

    @Test
    void bitnessComesFromTheDataModelAndElseFromTheArchitecture() {
        assertThat(new HostPlatform("Windows 11", "aarch64", null, null).is64BitJvm()).isTrue();
        assertThat(new HostPlatform("Windows 11", "x86", null, "AMD64").isWow64()).isTrue();
        // A 64-bit process never is a WOW64 one, whatever the environment says.
        assertThat(new HostPlatform("Windows 11", "amd64", "64", "ARM64").isWow64()).isFalse();
    }

    @Test
    void currentReadsThisJvm() {
        HostPlatform here = HostPlatform.current();
        assertThat(here.osName()).isEqualTo(System.getProperty("os.name"));
        assertThat(here.osArch()).isEqualTo(System.getProperty("os.arch"));
        assertThat(here.describe()).startsWith(System.getProperty("os.name"));
    }
}
