package org.vss4j.procedures;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.vss4j.NativeEnum;
import org.vss4j.abi.struct.ServiceStatusProcess;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.diagnostics.ServiceState;

/**
 * {@link ServiceControl} through advapi32: {@code OpenSCManagerW}, {@code OpenServiceW}, {@code ControlService}
 * ({@code SERVICE_CONTROL_STOP}), {@code StartServiceW}, {@code QueryServiceStatusEx} and {@code CloseServiceHandle}
 * (Microsoft docs, one page per function). A stop or start is asked for once, then the state is polled until it is
 * reached, as "Stopping a Service" and "Starting a Service" in Microsoft docs poll {@code QueryServiceStatusEx}: a
 * tenth of the service's wait hint between polls, at least 1 s and at most 10 s by default. Unlike the samples, which
 * also give up when {@code dwCheckPoint} does not advance within the wait hint, only the caller's overall timeout
 * ends a wait.
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
    /** {@code sizeof(SERVICE_STATUS)}: seven DWORDs, what ControlService writes. */
    private static final int SERVICE_STATUS_SIZE = 28;

    /** The states a service leaves by itself, waited for before a stop. */
    private static final Set<ServiceState> SETTLING = EnumSet.of(ServiceState.START_PENDING,
            ServiceState.CONTINUE_PENDING, ServiceState.PAUSE_PENDING);

    private final Exports exports;
    private final Duration minPoll;
    private final Duration maxPoll;

    /** Polls as Microsoft's samples do: a tenth of the service's wait hint, at least 1 s and at most 10 s. */
    public Win32ServiceControl(Exports exports) {
        this(exports, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    /**
     * Polls every {@code pollInterval}, whatever the wait hint (for a service known to be quick, or a test).
     *
     * @param exports     the native exports
     * @param pollInterval the wait between two status queries
     */
    public Win32ServiceControl(Exports exports, Duration pollInterval) {
        this(exports, pollInterval, pollInterval);
    }

    /**
     * Polls every tenth of the service's wait hint, kept between {@code minPoll} and {@code maxPoll}.
     *
     * @param exports the native exports
     * @param minPoll the shortest wait between two status queries
     * @param maxPoll the longest
     * @throws IllegalArgumentException if {@code minPoll} is negative or longer than {@code maxPoll}
     */
    public Win32ServiceControl(Exports exports, Duration minPoll, Duration maxPoll) {
        this.exports = Objects.requireNonNull(exports, "exports");
        this.minPoll = Objects.requireNonNull(minPoll, "minPoll");
        this.maxPoll = Objects.requireNonNull(maxPoll, "maxPoll");
        if (minPoll.isNegative() || minPoll.compareTo(maxPoll) > 0) {
            throw new IllegalArgumentException("poll bounds " + minPoll + ".." + maxPoll + ": the shortest wait must "
                    + "be 0 or more and not longer than the longest");
        }
    }

    @Override
    public ServiceState state(String service) {
        return withService(service, SERVICE_QUERY_STATUS, h -> query(h, service));
    }

    /**
     * Microsoft's "Stopping a Service" sample: the state is queried first. A stopped service is left as it is; a
     * stopping one is waited for; a starting, continuing or pausing one is waited for until it settles; then a running
     * or paused service (a paused one accepts SERVICE_CONTROL_STOP: Microsoft docs, "ControlService function", gives
     * ERROR_SERVICE_CANNOT_ACCEPT_CTRL only for the stopped, start-pending and stop-pending states) is sent the stop.
     * The timeout covers all of it.
     */
    @Override
    public void stop(String service, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String call = "ControlService(" + service + ", SERVICE_CONTROL_STOP)";
        withService(service, SERVICE_STOP | SERVICE_QUERY_STATUS, h -> {
            ServiceState now = poll(h, service, st -> !SETTLING.contains(st), "to settle before the stop", deadline,
                    timeout);
            if (now == ServiceState.STOPPED) {
                return now;
            }
            if (now != ServiceState.STOP_PENDING) {
                Memory status = new Memory(SERVICE_STATUS_SIZE);
                status.clear();
                if (!exports.controlService(h, SERVICE_CONTROL_STOP, status)) {
                    throw new ProcedureException(call, exports.lastError(), null);
                }
            }
            return await(h, service, call, ServiceState.STOPPED, deadline, timeout);
        });
    }

    /**
     * A service still stopping (a stop that timed out earlier) is waited for first: StartServiceW would fail with
     * ERROR_SERVICE_ALREADY_RUNNING while its instance exists.
     */
    @Override
    public void start(String service, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String call = "StartServiceW(" + service + ")";
        withService(service, SERVICE_START | SERVICE_QUERY_STATUS, h -> {
            poll(h, service, st -> st != ServiceState.STOP_PENDING, "to finish stopping before the start", deadline,
                    timeout);
            if (!exports.startService(h)) {
                throw new ProcedureException(call, exports.lastError(), null);
            }
            return await(h, service, call, ServiceState.RUNNING, deadline, timeout);
        });
    }

    /**
     * Polls until the service is {@code wanted}. A service that reaches the other settled state instead (stopped while
     * starting, running again after a stop) has given up: that fails at once, with its exit code, as Microsoft's
     * "Starting a Service" sample stops polling once the state leaves START_PENDING and prints the exit code.
     */
    private ServiceState await(Pointer h, String service, String call, ServiceState wanted, long deadline,
            Duration timeout) {
        ServiceState givenUp = wanted == ServiceState.RUNNING ? ServiceState.STOPPED : ServiceState.RUNNING;
        ServiceStatusProcess[] last = new ServiceStatusProcess[1];
        ServiceState now = poll(h, service, st -> st == wanted || st == givenUp, "for " + wanted.nativeName(), deadline,
                timeout, last);
        if (now == givenUp) {
            throw gaveUp(call, last[0], now, wanted);
        }
        return now;
    }

    private ServiceState poll(Pointer h, String service, Predicate<ServiceState> done, String waitingFor,
            long deadline, Duration timeout) {
        return poll(h, service, done, waitingFor, deadline, timeout, new ServiceStatusProcess[1]);
    }

    /** Queries until {@code done} holds; past {@code deadline} fails naming the state. {@code last}: the status. */
    private ServiceState poll(Pointer h, String service, Predicate<ServiceState> done, String waitingFor,
            long deadline, Duration timeout, ServiceStatusProcess[] last) {
        while (true) {
            ServiceStatusProcess s = status(h, service);
            last[0] = s;
            ServiceState now = NativeEnum.decode(ServiceState.class, s.dwCurrentState);
            if (done.test(now)) {
                return now;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new ProcedureException("QueryServiceStatusEx(" + service + ")", 0, "still "
                        + now.nativeName() + " after " + timeout.toMillis() + " ms, waiting " + waitingFor);
            }
            try {
                Thread.sleep(pollWait(Integer.toUnsignedLong(s.dwWaitHint), minPoll, maxPoll).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProcedureException("QueryServiceStatusEx(" + service + ")", 0, "interrupted while "
                        + now.nativeName() + ", waiting " + waitingFor);
            }
        }
    }

    /**
     * The wait between two polls: a tenth of the wait hint (a DWORD, in milliseconds), kept between {@code min} and
     * {@code max}. Microsoft's "Stopping a Service" and "Starting a Service" samples keep it between 1 and 10 seconds,
     * the default bounds.
     */
    static Duration pollWait(long waitHintMillis, Duration min, Duration max) {
        long tenth = waitHintMillis / 10;
        return Duration.ofMillis(Math.max(min.toMillis(), Math.min(max.toMillis(), tenth)));
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
        if (s.dwWin32ExitCode == Win32Error.ERROR_SERVICE_SPECIFIC_ERROR) {
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
