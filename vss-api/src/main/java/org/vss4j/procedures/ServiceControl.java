package org.vss4j.procedures;

import java.time.Duration;
import org.vss4j.diagnostics.ServiceState;

/**
 * Stops and starts a Windows service by its name, as a requester does for a writer whose restore method is
 * {@code VSS_RME_STOP_RESTORE_START} or {@code VSS_RME_RESTORE_STOP_START} (Microsoft docs, "Stopping Services for
 * Restore by Requesters"). Each call fails with a {@link ProcedureException} naming the call and the error.
 */
public interface ServiceControl {

    /** The service's current state ({@code SERVICE_STATUS_PROCESS.dwCurrentState}). */
    ServiceState state(String service);

    /**
     * Stops the service and waits until it is {@link ServiceState#STOPPED}, at most {@code timeout}: nothing to do for
     * a stopped one, a stopping one is waited for, a starting one is waited for and then stopped.
     */
    void stop(String service, Duration timeout);

    /**
     * Starts the service (after a stop still pending) and waits until it is {@link ServiceState#RUNNING}, at most
     * {@code timeout}; a service that stops while starting fails at once, naming its exit code.
     */
    void start(String service, Duration timeout);

    /** The service control manager of this machine, through the provider seam. */
    static ServiceControl local() {
        return new Win32ServiceControl(org.vss4j.com.Exports.current());
    }
}
