package org.vss4j.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vss4j.diagnostics.ServiceState;
import org.vss4j.procedures.ServiceControl;

/**
 * This machine's service control manager ({@link ServiceControl#local()}, taken at the first call, once the provider
 * is chosen), noting each stop and start the restore session made so the command can say which services it stopped
 * and started.
 */
final class RecordingServiceControl implements ServiceControl {

    private ServiceControl local;
    private final List<String> done = new ArrayList<>();

    private ServiceControl local() {
        if (local == null) {
            local = ServiceControl.local();
        }
        return local;
    }

    @Override
    public ServiceState state(String service) {
        return local().state(service);
    }

    @Override
    public void stop(String service, Duration timeout) {
        local().stop(service, timeout);
        done.add("stopped " + service);
    }

    @Override
    public void start(String service, Duration timeout) {
        local().start(service, timeout);
        done.add("started " + service);
    }

    /** "stopped S", "started S", in the order they succeeded. */
    List<String> done() {
        return List.copyOf(done);
    }
}
