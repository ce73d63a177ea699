package org.vss4j.diagnostics;

import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;
import org.vss4j.com.Win32Error;

/**
 * Calls a Win32 function that fails with a "buffer too small" error and reports the size it needs, again with a buffer
 * of that size, a few times: what it needs may grow between two calls (a token gains a privilege, a registry value is
 * rewritten).
 */
final class SizedBuffer {

    /** One call with {@code buffer} of {@code size} units (null and 0 when there is none yet). */
    @FunctionalInterface
    interface Call {

        /**
         * Makes the call; {@code needed} is the size in units it reports (and, for an in-out size, the one to set
         * going in). Returns {@code ERROR_SUCCESS} or the Win32 error of the call.
         */
        int call(Memory buffer, int size, IntByReference needed);
    }

    /**
     * What the last call returned.
     *
     * @param error  {@code ERROR_SUCCESS}, or the error of the last call
     * @param buffer the buffer of the last call; on success it holds the result
     * @param needed what the last call left in its size parameter
     */
    record Outcome(int error, Memory buffer, int needed) {

        boolean succeeded() {
            return error == Win32Error.ERROR_SUCCESS;
        }
    }

    private SizedBuffer() {
    }

    /**
     * Calls {@code call} with {@code first} (may be null), then, while it fails with {@code shortfall} and asks for
     * more units than it had, with a new zeroed buffer of {@code unitBytes} per unit it asked for, at most
     * {@code attempts} times in all. A success without a buffer counts as a shortfall: there is nothing to read. A
     * shortfall on the last attempt, or one that asks for no more than it had, ends with {@code shortfall}.
     */
    static Outcome fill(Memory first, int unitBytes, int attempts, int shortfall, Call call) {
        Memory buffer = first;
        IntByReference needed = new IntByReference();
        for (int attempt = 1; ; attempt++) {
            int size = buffer == null ? 0 : (int) (buffer.size() / unitBytes);
            int error = call.call(buffer, size, needed);
            if (error == Win32Error.ERROR_SUCCESS && buffer != null) {
                return new Outcome(error, buffer, needed.getValue());
            }
            if (error == Win32Error.ERROR_SUCCESS) {
                error = shortfall;
            }
            if (error != shortfall || needed.getValue() <= size || attempt == attempts) {
                return new Outcome(error, buffer, needed.getValue());
            }
            buffer = new Memory((long) unitBytes * needed.getValue());
            buffer.clear();
        }
    }
}
