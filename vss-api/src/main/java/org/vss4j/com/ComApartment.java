package org.vss4j.com;

import org.vss4j.VssException;

/**
 * COM initialisation for the threads that call VSS.
 *
 * <p>Threading model: every COM call of vss4j is made on a thread that vss4j has joined to the multithreaded apartment
 * (MTA) with {@code CoInitializeEx(NULL, COINIT_MULTITHREADED)}; {@link #ensureMta()} does that once per thread, before
 * the first call, and the thread stays in the MTA for its lifetime (vss4j never calls {@code CoUninitialize} on a
 * thread it does not own). VSS objects are free-threaded, so any MTA thread may use them, but one backup's calls must
 * not run concurrently. A thread already in a single-threaded apartment (a Swing/AWT thread, for example) cannot
 * join the MTA: calls from it fail with {@code RPC_E_CHANGED_MODE}.
 *
 * <p>Once per process, right after the first {@code CoInitializeEx}, vss4j calls {@code CoInitializeSecurity} with
 * packet-privacy authentication, impersonation and static cloaking: without it, writers reject the requester's
 * callbacks (event 8194, "access denied"). If the host application already called it, {@code RPC_E_TOO_LATE}: its
 * settings stay in force and a WARN says what that may break and how to avoid it ({@link ComSecurity}).
 */
public final class ComApartment {

    /** {@code COINIT_MULTITHREADED} (objbase.h). */
    public static final int COINIT_MULTITHREADED = 0x0;

    private static final ThreadLocal<Boolean> IN_MTA = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final Object SECURITY_LOCK = new Object();
    private static volatile ComSecurity.State security = ComSecurity.State.NOT_SET_YET;

    private ComApartment() {
    }

    /** Joins the calling thread to the MTA (once per thread) and sets process-wide COM security (once per process). */
    public static void ensureMta() {
        if (IN_MTA.get()) {
            return;
        }
        Exports exports = Exports.current();
        int hr = exports.coInitializeEx(COINIT_MULTITHREADED);
        if (hr < 0) {
            throw new VssException(hr, "CoInitializeEx(COINIT_MULTITHREADED)",
                    "thread '" + Thread.currentThread().getName() + "'");
        }
        IN_MTA.set(Boolean.TRUE);
        ensureSecurity(exports);
    }

    /** This process's COM security as vss4j left it: not set yet, set by vss4j, or set by someone else first. */
    public static ComSecurity.State securityState() {
        return security;
    }

    private static void ensureSecurity(Exports exports) {
        synchronized (SECURITY_LOCK) {
            if (security == ComSecurity.State.NOT_SET_YET) {
                security = ComSecurity.initialize(exports);
            }
        }
    }
}
