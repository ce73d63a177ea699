package org.vss4j.spi;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * Resolves exports from the real {@code vssapi.dll}, {@code ole32.dll}, {@code oleaut32.dll}, {@code kernel32.dll} and
 * {@code userenv.dll}: 64-bit Windows with a 64-bit JVM on x64 or ARM64 ({@link HostPlatform#realVssBlocker()}).
 * JNA ships its native part for both ({@code win32-x86-64}, {@code win32-aarch64}); docs/providers.md says what was
 * checked of the ARM64 calling convention and what was not.
 */
public final class WindowsNativeProvider implements VssNativeProvider {

    public static final String ID = "windows";

    private final HostPlatform platform;

    /** The provider for this process's platform. */
    public WindowsNativeProvider() {
        this(HostPlatform.current());
    }

    /** The provider as it would judge {@code platform} (for tests and diagnostics). */
    public WindowsNativeProvider(HostPlatform platform) {
        this.platform = platform;
    }

    @Override
    public String id() {
        return ID;
    }

    /** Whether the real VSS can be used: see {@link HostPlatform#realVssBlocker()} for why not. */
    @Override
    public boolean isAvailable() {
        return platform.realVssBlocker().isEmpty();
    }

    @Override
    public Function function(NativeModule module, String exportName) {
        return NativeLibrary.getInstance(module.libraryName()).getFunction(exportName);
    }
}
