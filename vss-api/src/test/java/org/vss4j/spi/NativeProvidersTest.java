package org.vss4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vss4j.spi.HostPlatformTest.LINUX;
import static org.vss4j.spi.HostPlatformTest.WINDOWS_32;
import static org.vss4j.spi.HostPlatformTest.WINDOWS_ARM64;
import static org.vss4j.spi.HostPlatformTest.WINDOWS_X64;
import static org.vss4j.spi.HostPlatformTest.WOW64;

import com.sun.jna.Function;
import java.util.List;
import org.junit.jupiter.api.Test;

class NativeProvidersTest {

    private static VssNativeProvider provider(String id, boolean available) {
        return new VssNativeProvider() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public boolean isAvailable() {
                return available;
            }

            @Override
            public Function function(NativeModule module, String exportName) {
                throw new UnsatisfiedLinkError(exportName);
            }
        };
    }

    private static final VssNativeProvider SIMULATOR = provider("simulator", true);

    /** The real provider on the class path, judging {@code platform} as it would on that machine. */
    private static List<VssNativeProvider> onClassPath(HostPlatform platform) {
        return List.of(new WindowsNativeProvider(platform), SIMULATOR);
    }

    @Test
    void autoPicksRealVssOnWindowsX64AndArm64() {
        for (HostPlatform windows : List.of(WINDOWS_X64, WINDOWS_ARM64)) {
            NativeProviders.Choice c = NativeProviders.choose("auto", windows, onClassPath(windows));
            assertThat(c.provider().id()).as(windows.describe()).isEqualTo(WindowsNativeProvider.ID);
            assertThat(c.reason()).contains(windows.osName());
        }
    }

    @Test
    void autoPicksTheSimulatorOffWindows() {
        NativeProviders.Choice c = NativeProviders.choose(null, LINUX, onClassPath(LINUX));
        assertThat(c.provider()).isSameAs(SIMULATOR);
        assertThat(c.reason()).contains("not Windows", "Linux");
    }

    @Test
    void onWindowsWhereRealVssCannotWorkAutoFailsAndNeverFallsBackToTheSimulator() {
        assertThatThrownBy(() -> NativeProviders.choose("auto", WOW64, onClassPath(WOW64)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("vss4j cannot use VSS: this is a 32-bit JVM on 64-bit Windows (AMD64), and VSS does not "
                        + "support 32-bit applications under WOW64; run vss4j with a 64-bit JDK");
        assertThatThrownBy(() -> NativeProviders.choose("auto", WINDOWS_32, onClassPath(WINDOWS_32)))
                .hasMessageContaining("64-bit JVM").hasMessageNotContaining("\n");
        // Any other stand-in is refused on Windows too, even when it is the only one available.
        assertThatThrownBy(() -> NativeProviders.choose("auto", WINDOWS_X64,
                List.of(provider("windows", false), provider("unit-stub", true))))
                .hasMessageContaining("vss4j cannot use VSS");
    }

    @Test
    void onlyThePropertySelectsTheSimulatorOnWindows() {
        for (HostPlatform windows : List.of(WOW64, WINDOWS_X64, WINDOWS_ARM64)) {
            NativeProviders.Choice c = NativeProviders.choose("simulator", windows, onClassPath(windows));
            assertThat(c.provider()).isSameAs(SIMULATOR);
            assertThat(c.reason()).isEqualTo("-Dvss4j.provider=simulator");
        }
    }

    @Test
    void propertyForcesAProviderById() {
        assertThat(NativeProviders.choose(" Windows ", WINDOWS_X64, onClassPath(WINDOWS_X64)).provider().id())
                .isEqualTo("windows");
        assertThat(NativeProviders.choose("simulator", LINUX, onClassPath(LINUX)).provider()).isSameAs(SIMULATOR);
    }

    @Test
    void unknownOrUnavailableProvidersAreClearErrors() {
        assertThatThrownBy(() -> NativeProviders.choose("simulator", LINUX, List.of(new WindowsNativeProvider(LINUX))))
                .hasMessageContaining("No VSS provider 'simulator'").hasMessageContaining("vss-native-stubs");
        assertThatThrownBy(() -> NativeProviders.choose("windows", WOW64, onClassPath(WOW64)))
                .hasMessageContaining("requested by -Dvss4j.provider cannot work here")
                .hasMessageContaining("WOW64").hasMessageContaining("64-bit JDK");
        assertThatThrownBy(() -> NativeProviders.choose("windows", LINUX, onClassPath(LINUX)))
                .hasMessageContaining("only on Windows");
        assertThatThrownBy(() -> NativeProviders.choose("auto", LINUX, List.of(new WindowsNativeProvider(LINUX))))
                .hasMessageContaining("No VSS provider can work here").hasMessageContaining("vss-native-stubs");
    }

    @Test
    void windowsProviderJudgesItsPlatform() {
        assertThat(new WindowsNativeProvider(WINDOWS_X64).isAvailable()).isTrue();
        assertThat(new WindowsNativeProvider(WINDOWS_ARM64).isAvailable()).isTrue();
        assertThat(new WindowsNativeProvider(WOW64).isAvailable()).isFalse();
        assertThat(new WindowsNativeProvider(WINDOWS_32).isAvailable()).isFalse();
        assertThat(new WindowsNativeProvider(LINUX).isAvailable()).isFalse();
        assertThat(new WindowsNativeProvider().isAvailable())
                .isEqualTo(HostPlatform.current().realVssBlocker().isEmpty());
    }
}
