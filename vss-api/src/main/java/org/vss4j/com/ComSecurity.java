package org.vss4j.com;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.VssException;
import org.vss4j.VssHresult;

/**
 * The process-wide COM security a requester needs, set with {@code CoInitializeSecurity}: packet privacy,
 * impersonation, static cloaking. Without it writers cannot call back into the requester: VSS logs event 8194
 * ("Unexpected error querying for the IVssWriterCallback interface. hr = 0x80070005, Access is denied") and the writer
 * is left out (Microsoft docs, "Security Considerations for Requesters", "Setting Requester Default COM Access Check
 * Permission").
 *
 * <p>{@code CoInitializeSecurity} works once per process; a later call returns {@code RPC_E_TOO_LATE} and the first
 * caller's settings stay in force (Microsoft docs, "CoInitializeSecurity function"). {@link ComApartment} makes the one
 * call of vss4j; this class makes it and judges the answer.
 */
public final class ComSecurity {

    /** What vss4j knows about this process's COM security. */
    public enum State {
        /** vss4j has not called {@code CoInitializeSecurity} yet (no COM call made so far). */
        NOT_SET_YET,
        /** vss4j set it, as VSS needs. */
        SET_BY_VSS4J,
        /** Something else in this process set it first ({@code RPC_E_TOO_LATE}); writers may fail to call back. */
        SET_BEFORE_VSS4J
    }

    /** The WARN logged on {@code RPC_E_TOO_LATE}: what it may break and the two ways to avoid it. */
    /** What to do when someone else set COM security first. */
    public static final String TOO_LATE_FIX = "make vss4j's first COM call before any other library initialises COM, "
            + "or call CoInitializeSecurity yourself, first, with RPC_C_AUTHN_LEVEL_PKT_PRIVACY, "
            + "RPC_C_IMP_LEVEL_IDENTIFY or RPC_C_IMP_LEVEL_IMPERSONATE, and EOAC_STATIC_CLOAKING";

    public static final String TOO_LATE_WARNING = "CoInitializeSecurity returned RPC_E_TOO_LATE: code in this process "
            + "set COM security before vss4j, and its settings stay in force. If they are weaker than VSS needs, "
            + "writers are unable to call back into this process (event 8194, 'Unexpected error querying for the "
            + "IVssWriterCallback interface. hr = 0x80070005, Access is denied') and are left out of the backup. To "
            + "avoid it, make vss4j's first COM call before any other library initialises COM, or call "
            + "CoInitializeSecurity yourself, first, with RPC_C_AUTHN_LEVEL_PKT_PRIVACY, RPC_C_IMP_LEVEL_IDENTIFY or "
            + "RPC_C_IMP_LEVEL_IMPERSONATE, and EOAC_STATIC_CLOAKING (Microsoft docs, \"Security Considerations for "
            + "Requesters\").";

    /** {@code RPC_C_AUTHN_LEVEL_PKT_PRIVACY} (rpcdce.h). */
    public static final int RPC_C_AUTHN_LEVEL_PKT_PRIVACY = 6;
    /** {@code RPC_C_IMP_LEVEL_IMPERSONATE} (rpcdce.h). */
    public static final int RPC_C_IMP_LEVEL_IMPERSONATE = 3;
    /** {@code EOAC_STATIC_CLOAKING} (objidl.h). */
    public static final int EOAC_STATIC_CLOAKING = 0x20;

    private static final Logger LOG = LoggerFactory.getLogger(ComSecurity.class);

    private ComSecurity() {
    }

    /**
     * Calls {@code CoInitializeSecurity} through {@code exports} on a thread that has joined COM; logs
     * {@link #TOO_LATE_WARNING} at WARN when someone else was first.
     *
     * @throws VssException for any other failure, with its HRESULT
     */
    public static State initialize(Exports exports) {
        int hr = exports.coInitializeSecurity(RPC_C_AUTHN_LEVEL_PKT_PRIVACY, RPC_C_IMP_LEVEL_IMPERSONATE,
                EOAC_STATIC_CLOAKING);
        if (hr == VssHresult.RPC_E_TOO_LATE.code()) {
            LOG.warn(TOO_LATE_WARNING);
            return State.SET_BEFORE_VSS4J;
        }
        if (hr < 0) {
            throw new VssException(hr, "CoInitializeSecurity", "packet privacy, impersonate, static cloaking");
        }
        return State.SET_BY_VSS4J;
    }
}
