package org.vss4j.diagnostics;

import org.vss4j.com.Win32Error;

/** A Win32 function called through the provider seam failed; the message names the call and the Win32 error. */
public final class Win32CallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String call;
    private final int error;

    public Win32CallException(String call, int error) {
        super(call + " failed with " + Win32Error.describe(error));
        this.call = call;
        this.error = error;
    }

    /** The function and what it was asked, e.g. {@code OpenServiceW(VSS)}. */
    public String call() {
        return call;
    }

    /** The Win32 error code ({@code GetLastError}, or the LSTATUS a registry function returned). */
    public int error() {
        return error;
    }
}
