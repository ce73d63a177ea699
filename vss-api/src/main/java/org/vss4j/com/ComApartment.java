package org.vss4j.com;

import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

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
 * callbacks (event 8194, "access denied"). If the host application already called it, {@code RPC_E_TOO_LATE} is
 * logged and its settings stay in force.
 */
public final class ComApartment {

    /** {@code COINIT_MULTITHREADED} (objbase.h). */
    public static final int COINIT_MULTITHREADED = 0x0;
    /** {@code RPC_C_AUTHN_LEVEL_PKT_PRIVACY} (rpcdce.h). */
    public static final int RPC_C_AUTHN_LEVEL_PKT_PRIVACY = 6;
    /** {@code RPC_C_IMP_LEVEL_IMPERSONATE} (rpcdce.h). */
    public static final int RPC_C_IMP_LEVEL_IMPERSONATE = 3;
    /** {@code EOAC_STATIC_CLOAKING} (objidl.h). */
    public static final int EOAC_STATIC_CLOAKING = 0x20;

    private static final Logger LOG = LoggerFactory.getLogger(ComApartment.class);
    private static final ThreadLocal<Boolean> IN_MTA = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final Object SECURITY_LOCK = new Object();
    private static boolean securityDone;
    /** What CoInitializeSecurity answered this process, or null before vss4j's first call of it. */
    private static volatile Integer securityResult;

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

    private static void ensureSecurity(Exports exports) {
        synchronized (SECURITY_LOCK) {
            if (securityDone) {
                return;
            }
            int hr = exports.coInitializeSecurity(RPC_C_AUTHN_LEVEL_PKT_PRIVACY, RPC_C_IMP_LEVEL_IMPERSONATE,
                    EOAC_STATIC_CLOAKING);
            securityResult = hr;
            if (hr == VssHresult.RPC_E_TOO_LATE.code()) {
                LOG.info("CoInitializeSecurity was already called in this process; keeping the host's COM security");
            } else if (hr < 0) {
                throw new VssException(hr, "CoInitializeSecurity", "packet privacy, impersonate, static cloaking");
            }
            securityDone = true;
        }
    }

    /**
     * The HRESULT vss4j's {@code CoInitializeSecurity} call returned in this process: {@code S_OK} (vss4j's settings
     * are in force), {@code RPC_E_TOO_LATE} (the host's are), another failure; empty before the first VSS call.
     */
    public static OptionalInt securityResult() {
        Integer hr = securityResult;
        return hr == null ? OptionalInt.empty() : OptionalInt.of(hr);
    }
}
