package org.vss4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Function;
import com.sun.jna.Platform;
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

    @Test
    void autoPrefersRealVssOnWindowsAndTheSimulatorElsewhere() {
        VssNativeProvider windows = provider("windows", Platform.isWindows());
        VssNativeProvider simulator = provider("simulator", true);

        VssNativeProvider chosen = NativeProviders.choose("auto", List.of(windows, simulator));

        assertThat(chosen).isSameAs(Platform.isWindows() ? windows : simulator);
    }

    @Test
    void propertyForcesAProviderById() {
        VssNativeProvider windows = provider("windows", true);
        VssNativeProvider simulator = provider("simulator", true);
        assertThat(NativeProviders.choose("simulator", List.of(windows, simulator))).isSameAs(simulator);
        assertThat(NativeProviders.choose(" Windows ", List.of(windows, simulator))).isSameAs(windows);
    }

    @Test
    void unknownOrUnavailableProvidersAreClearErrors() {
        VssNativeProvider windows = provider("windows", false);
        assertThatThrownBy(() -> NativeProviders.choose("simulator", List.of(windows)))
                .hasMessageContaining("No VSS provider 'simulator'").hasMessageContaining("vss-native-stubs");
        assertThatThrownBy(() -> NativeProviders.choose("windows", List.of(windows)))
                .hasMessageContaining("cannot work here");
        assertThatThrownBy(() -> NativeProviders.choose("auto", List.of(windows)))
                .hasMessageContaining("No VSS provider can work here");
    }

    @Test
    void windowsProviderIsOnlyAvailableOn64BitWindows() {
        assertThat(new WindowsNativeProvider().isAvailable()).isEqualTo(Platform.isWindows() && Platform.is64Bit());
    }
}
