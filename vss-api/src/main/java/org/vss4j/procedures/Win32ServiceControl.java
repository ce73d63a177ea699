package org.vss4j.procedures;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.time.Duration;
import java.util.Objects;
import org.vss4j.NativeEnum;
import org.vss4j.abi.struct.ServiceStatusProcess;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.diagnostics.ServiceState;

/**
 * {@link ServiceControl} through advapi32: {@code OpenSCManagerW}, {@code OpenServiceW}, {@code ControlService}
 * ({@code SERVICE_CONTROL_STOP}), {@code StartServiceW}, {@code QueryServiceStatusEx} and {@code CloseServiceHandle}
 * (Microsoft docs, one page per function). A stop or start is asked for once, then the state is polled until it is
 * reached: "Stopping a Service" and "Starting a Service" in Microsoft docs poll {@code QueryServiceStatusEx} the same
 * way, waiting a tenth of the service's wait hint between polls (here at most the poll interval).
 */
public final class Win32ServiceControl implements ServiceControl {

    /** {@code SC_MANAGER_CONNECT} (winsvc.h). */
    static final int SC_MANAGER_CONNECT = 0x0001;
    /** {@code SERVICE_QUERY_STATUS}, {@code SERVICE_START}, {@code SERVICE_STOP} (winsvc.h). */
    static final int SERVICE_QUERY_STATUS = 0x0004;
    static final int SERVICE_START = 0x0010;
    static final int SERVICE_STOP = 0x0020;
    /** {@code SERVICE_CONTROL_STOP} (winsvc.h). */
    static final int SERVICE_CONTROL_STOP = 0x1;
    /** {@code SC_STATUS_PROCESS_INFO} (winsvc.h, {@code SC_STATUS_TYPE}). */
    static final int SC_STATUS_PROCESS_INFO = 0;
    /** {@code ERROR_SERVICE_SPECIFIC_ERROR} (winerror.h): the exit code is in {@code dwServiceSpecificExitCode}. */
    static final int ERROR_SERVICE_SPECIFIC_ERROR = 1066;
    /** {@code sizeof(SERVICE_STATUS)}: seven DWORDs, what ControlService writes. */
    private static final int SERVICE_STATUS_SIZE = 28;

    private final Exports exports;
    private final Duration pollInterval;

    /** Polls at most every 250 ms. */
    public Win32ServiceControl(Exports exports) {
        this(exports, Duration.ofMillis(250));
    }

    public Win32ServiceControl(Exports exports, Duration pollInterval) {
        this.exports = Objects.requireNonNull(exports, "exports");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    }

    @Override
    public ServiceState state(String service) {
        return withService(service, SERVICE_QUERY_STATUS, h -> query(h, service));
    }

    @Override
    public void stop(String service, Duration timeout) {
        withService(service, SERVICE_STOP | SERVICE_QUERY_STATUS, h -> {
            Memory status = new Memory(SERVICE_STATUS_SIZE);
            status.clear();
            if (!exports.controlService(h, SERVICE_CONTROL_STOP, status)) {
                throw new ProcedureException("ControlService(" + service + ", SERVICE_CONTROL_STOP)",
                        exports.lastError(), null);
            }
            return await(h, service, "ControlService(" + service + ", SERVICE_CONTROL_STOP)", ServiceState.STOPPED,
                    timeout);
        });
    }

    @Override
    public void start(String service, Duration timeout) {
        withService(service, SERVICE_START | SERVICE_QUERY_STATUS, h -> {
            if (!exports.startService(h)) {
                throw new ProcedureException("StartServiceW(" + service + ")", exports.lastError(), null);
            }
            return await(h, service, "StartServiceW(" + service + ")", ServiceState.RUNNING, timeout);
        });
    }

    /**
     * Polls until the service is {@code wanted}. A service that reaches the other settled state instead (stopped while
     * starting, running again after a stop) has given up: that fails at once, with its exit code, as Microsoft's
     * "Starting a Service" sample stops polling once the state leaves START_PENDING and prints the exit code.
     */
    private ServiceState await(Pointer h, String service, String call, ServiceState wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ServiceState givenUp = wanted == ServiceState.RUNNING ? ServiceState.STOPPED : ServiceState.RUNNING;
        while (true) {
            ServiceStatusProcess s = status(h, service);
            ServiceState now = NativeEnum.decode(ServiceState.class, s.dwCurrentState);
            if (now == wanted) {
                return now;
            }
            if (now == givenUp) {
                throw gaveUp(call, s, now, wanted);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new ProcedureException("QueryServiceStatusEx(" + service + ")", 0, "still "
                        + now.nativeName() + " after " + timeout.toMillis() + " ms, waiting for "
                        + wanted.nativeName());
            }
            long hint = Math.max(1, s.dwWaitHint / 10);
            try {
                Thread.sleep(Math.min(hint, pollInterval.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProcedureException("QueryServiceStatusEx(" + service + ")", 0, "interrupted while "
                        + now.nativeName() + ", waiting for " + wanted.nativeName());
            }
        }
    }

    /**
     * The service reached {@code now} instead of {@code wanted}: its {@code dwWin32ExitCode}, or, when that is
     * ERROR_SERVICE_SPECIFIC_ERROR, its {@code dwServiceSpecificExitCode} (Microsoft docs, "SERVICE_STATUS_PROCESS
     * structure").
     */
    private static ProcedureException gaveUp(String call, ServiceStatusProcess s, ServiceState now,
            ServiceState wanted) {
        String what = wanted == ServiceState.RUNNING ? "the service stopped while starting"
                : "the service is running again: it did not stop";
        String detail = what + " (" + now.nativeName() + ")";
        if (s.dwWin32ExitCode == ERROR_SERVICE_SPECIFIC_ERROR) {
            detail += ", service-specific exit code " + Integer.toUnsignedString(s.dwServiceSpecificExitCode);
        }
        return new ProcedureException(call, s.dwWin32ExitCode, detail, wanted == ServiceState.RUNNING
                ? "See the service's entry in the System event log for why it stopped"
                : "The service refused to stop: try again, or stop it in services.msc");
    }

    private ServiceState query(Pointer h, String service) {
        return NativeEnum.decode(ServiceState.class, status(h, service).dwCurrentState);
    }

    private ServiceStatusProcess status(Pointer h, String service) {
        ServiceStatusProcess s = new ServiceStatusProcess();
        IntByReference needed = new IntByReference();
        if (!exports.queryServiceStatusEx(h, SC_STATUS_PROCESS_INFO, s.getPointer(), s.size(), needed)) {
            throw new ProcedureException("QueryServiceStatusEx(" + service + ")", exports.lastError(), null);
        }
        s.read();
        return s;
    }

    private interface ServiceStep {
        ServiceState run(Pointer service);
    }

    private ServiceState withService(String service, int access, ServiceStep step) {
        if (service == null || service.isEmpty()) {
            throw new IllegalArgumentException("no service name: the writer's restore method names none");
        }
        Pointer manager = exports.openSCManager(null, null, SC_MANAGER_CONNECT);
        if (manager == null) {
            throw new ProcedureException("OpenSCManagerW(SC_MANAGER_CONNECT)", exports.lastError(), null);
        }
        try {
            Pointer h = exports.openService(manager, Utf16.toNative(service), access);
            if (h == null) {
                throw new ProcedureException("OpenServiceW(" + service + ")", exports.lastError(), null);
            }
            try {
                return step.run(h);
            } finally {
                exports.closeServiceHandle(h);
            }
        } finally {
            exports.closeServiceHandle(manager);
        }
    }
}
