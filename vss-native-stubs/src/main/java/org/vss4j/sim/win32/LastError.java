package org.vss4j.sim.win32;

/**
 * The simulated {@code GetLastError}: one value per thread, as on Windows, set by the simulator's kernel32 functions
 * where Microsoft documents that they set it (on failure; some also on success, e.g. {@code FindNextFileW}'s
 * {@code ERROR_NO_MORE_FILES}). The binding reads it through {@code VssNativeProvider.lastError()}.
 */
public final class LastError {

    private static final ThreadLocal<Integer> VALUE = ThreadLocal.withInitial(() -> 0);

    private LastError() {
    }

    /**
     * {@code SetLastError(code)}.
     *
     * @param code the Win32 error code (winerror.h) the calling thread's next {@code GetLastError} returns
     */
    public static void set(int code) {
        VALUE.set(code);
    }

    /**
     * {@code GetLastError()}.
     *
     * @return the calling thread's last error, 0 if none was set
     */
    public static int get() {
        return VALUE.get();
    }
}
