package org.vss4j.diagnostics;

import org.vss4j.com.Win32CallFailure;

/** A Win32 function called through the provider seam failed; the message names the call and the Win32 error. */
public final class Win32CallException extends Win32CallFailure {

    private static final long serialVersionUID = 1L;

    /**
     * @param call  the function and what it was asked, e.g. {@code OpenServiceW(VSS)}
     * @param error the Win32 error code ({@code GetLastError}, or the LSTATUS a registry function returned)
     */
    public Win32CallException(String call, int error) {
        super(call, error, null, null);
    }
}
