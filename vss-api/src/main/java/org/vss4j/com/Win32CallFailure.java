package org.vss4j.com;

/**
 * A Win32 function failed: the call and what it was asked, and the Win32 error. The message reads
 * "{@code call} failed[: detail][ with Win32 error N (NAME)]", then whatever the subclass adds (what to do).
 */
public abstract class Win32CallFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String call;
    private final int error;

    /**
     * @param call   the function and its subject, e.g. {@code OpenServiceW(VSS)}
     * @param error  the Win32 error; 0 when the failure is no Win32 error (then {@code detail} says what happened)
     * @param detail what happened, or null when the error says it all
     * @param advice what to do, appended after a full stop; null for none
     */
    protected Win32CallFailure(String call, int error, String detail, String advice) {
        super(call + " failed" + (detail != null ? ": " + detail : "")
                + (error != 0 ? (detail != null ? ", " : " ") + "with " + Win32Error.describe(error) : "")
                + (advice != null ? ". " + advice : ""));
        this.call = call;
        this.error = error;
    }

    /** The function and what it was asked, e.g. {@code OpenServiceW(VSS)}. */
    public String call() {
        return call;
    }

    /** The Win32 error code, or 0 when the failure is no Win32 error. */
    public int error() {
        return error;
    }
}
