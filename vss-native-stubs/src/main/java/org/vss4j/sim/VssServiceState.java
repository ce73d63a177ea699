package org.vss4j.sim;

/**
 * The VSS service ("Volume Shadow Copy") of a simulated machine, as {@code QueryServiceStatus} and
 * {@code QueryServiceConfigW} report it ({@link org.vss4j.sim.win32.ServiceExports}). Windows starts it on demand
 * (start type SERVICE_DEMAND_START): it is stopped while nothing uses VSS and running once a requester has.
 */
public enum VssServiceState {
    /** Started on demand and running (what it is after any requester used VSS). */
    RUNNING,
    /**
     * Start type demand, stopped: the first {@code CreateVssBackupComponents} starts it (the simulator's model of COM
     * starting the service for its first client), and it reports RUNNING from then on.
     */
    STOPPED,
    /**
     * Start type SERVICE_DISABLED, stopped: it cannot be started, so {@code CreateVssBackupComponents} fails with
     * {@code HRESULT_FROM_WIN32(ERROR_SERVICE_DISABLED)} (0x80070422; Microsoft documents no code for this, see
     * docs/doctor.md).
     */
    DISABLED
}
