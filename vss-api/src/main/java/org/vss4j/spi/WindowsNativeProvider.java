package org.vss4j.spi;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/** Resolves exports from the real {@code vssapi.dll}, {@code ole32.dll} and {@code oleaut32.dll} on 64-bit Windows. */
public final class WindowsNativeProvider implements VssNativeProvider {

    public static final String ID = "windows";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean isAvailable() {
        return Platform.isWindows() && Platform.is64Bit();
    }

    @Override
    public Function function(NativeModule module, String exportName) {
        return NativeLibrary.getInstance(module.libraryName()).getFunction(exportName);
    }
}
