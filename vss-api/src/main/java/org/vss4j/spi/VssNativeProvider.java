package org.vss4j.spi;

import com.sun.jna.Function;
import com.sun.jna.Native;

/**
 * The one seam between the binding and the native world: it resolves an exported function by module and export name.
 * On Windows the exports come from the real DLLs ({@link WindowsNativeProvider}); elsewhere from the simulator in
 * {@code vss-native-stubs}, registered through {@link java.util.ServiceLoader}. Everything past the exports (vtables,
 * structs, strings) is plain native memory, so the binding above this seam is the same code for both.
 */
public interface VssNativeProvider {

    /** A short id used by the {@code vss4j.provider} system property: {@code windows}, {@code simulator}. */
    String id();

    /** Whether this provider can work in this process (for example: the OS is Windows). */
    boolean isAvailable();

    /**
     * The exported function {@code exportName} of {@code module}, callable with JNA's C calling convention (the only
     * convention on Windows x64).
     *
     * @throws UnsatisfiedLinkError if the export does not exist
     */
    Function function(NativeModule module, String exportName);

    /**
     * The calling thread's Win32 last error as the last kernel32 function called through this provider left it
     * ({@code GetLastError}). On Windows that is JNA's saved copy, taken right after the call returned (reading it
     * later through another native call is unreliable: the JVM itself calls Win32). The simulator keeps its own
     * per-thread value, set by its kernel32 functions exactly where Windows documents that they set it.
     */
    default int lastError() {
        return Native.getLastError();
    }
}
