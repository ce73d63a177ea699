package org.vss4j.cli;

import java.util.List;
import org.vss4j.com.Win32Error;
import org.vss4j.diagnostics.ServiceStartType;
import org.vss4j.diagnostics.ServiceState;
import org.vss4j.diagnostics.ServiceStatus;
import org.vss4j.diagnostics.Win32CallException;

/**
 * The VSS service. It starts on demand (SERVICE_DEMAND_START), so "stopped" is its normal state while nothing uses
 * VSS: COM starts it for the first requester. Disabled, or not installed, it blocks every backup.
 */
final class ServiceFindings {

    static final String CHECK = "vss-service";
    static final String ENABLE = "set the 'Volume Shadow Copy' service's startup type to Manual: "
            + "sc config VSS start= demand (or services.msc)";

    private ServiceFindings() {
    }

    static Finding of(ServiceStatus s) {
        String what = "'" + s.displayName() + "' (" + s.name() + "): " + s.state().nativeName() + ", "
                + s.startType().nativeName();
        if (s.startType() == ServiceStartType.DISABLED) {
            return Finding.blocking(CHECK, null, what + ": disabled, so VSS cannot start", List.of(), ENABLE);
        }
        if (s.state() == ServiceState.RUNNING) {
            return Finding.ok(CHECK, what);
        }
        if (s.state() == ServiceState.STOPPED) {
            return Finding.ok(CHECK, null, what + ": it starts when a requester needs it", List.of());
        }
        return Finding.warning(CHECK, null, what, List.of(),
                "wait for the service to settle, then run vss doctor again");
    }

    /** A query that failed: not installed blocks; access denied only hides the state. */
    static Finding of(Win32CallException e) {
        if (e.error() == Win32Error.ERROR_SERVICE_DOES_NOT_EXIST) {
            return Finding.blocking(CHECK, null, "the VSS service is not installed (" + e.getMessage() + ")",
                    List.of(), "this Windows edition has no Volume Shadow Copy service; vss4j needs one");
        }
        return Finding.warning(CHECK, null, "cannot query the VSS service: " + e.getMessage(), List.of(),
                "run vss doctor elevated to see it");
    }
}
