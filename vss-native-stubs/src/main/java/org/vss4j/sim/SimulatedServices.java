package org.vss4j.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.vss4j.com.Win32Error;
import org.vss4j.diagnostics.ServiceState;

/**
 * The services of a simulated machine other than VSS (which stays {@link SimulatedMachine#vssService()}), as
 * {@code OpenServiceW}, {@code QueryServiceStatusEx}, {@code ControlService} and {@code StartServiceW} see them: a
 * name (compared without case, as the service control manager does) and a state. Installed by a test, or by
 * {@link SimulatedMachine#addWriter} for a writer whose restore method ({@code VSS_RME_STOP_RESTORE_START},
 * {@code VSS_RME_RESTORE_STOP_START}) names a service, running. docs/restore-procedures.md says what is modelled.
 */
public final class SimulatedServices {

    private final Map<String, Service> services = new ConcurrentHashMap<>();

    SimulatedServices() {
    }

    /**
     * Installs {@code name} in {@code state} (a service already installed keeps its state and script).
     *
     * @param name the service name, as OpenServiceW takes it
     * @param state its state to begin with
     * @return the service
     */
    public Service install(String name, ServiceState state) {
        Objects.requireNonNull(state, "state");
        return services.computeIfAbsent(key(name), k -> new Service(this, name, state));
    }

    /**
     * The service named {@code name}, or null if none is installed.
     *
     * @param name the service name (case-insensitive, as the SCM compares it)
     * @return the service, or null
     */
    public Service get(String name) {
        return name == null ? null : services.get(key(name));
    }

    private static String key(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a service needs a name");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * One installed service. A stop ({@code SERVICE_CONTROL_STOP}) leaves it {@code SERVICE_STOP_PENDING} until the
     * next status query, which finds it stopped; a start leaves it {@code SERVICE_START_PENDING} the same way (Windows
     * services report the pending states while they stop or start; Microsoft docs, "SERVICE_STATUS_PROCESS structure").
     */
    public static final class Service {

        private final SimulatedServices machineServices;
        private final String name;
        /** The services it depends on, by lower-case name. */
        private final java.util.Set<String> dependencies = new java.util.LinkedHashSet<>();
        private ServiceState state;
        private int stopFailure;
        private boolean hangsOnStop;
        private int startFailure;
        private boolean abandonsStop;
        /** failsAfterStart's exit codes; startExitCode 0: a start succeeds. */
        private int startExitCode;
        private int startSpecificExitCode;
        /** What the service reports now in dwWin32ExitCode and dwServiceSpecificExitCode. */
        private int exitCode;
        private int specificExitCode;
        private final List<ServiceState> history = new ArrayList<>();

        Service(SimulatedServices machineServices, String name, ServiceState state) {
            this.machineServices = machineServices;
            this.name = name;
            this.state = state;
        }

        /**
         * The name it was installed with.
         *
         * @return the name
         */
        public String name() {
            return name;
        }

        /**
         * Its state now.
         *
         * @return the state
         */
        public synchronized ServiceState state() {
            return state;
        }

        /**
         * Sets its state (a test's setup).
         *
         * @param newState the state to set
         * @return this service
         */
        public synchronized Service state(ServiceState newState) {
            this.state = Objects.requireNonNull(newState, "newState");
            return this;
        }

        /**
         * Makes every {@code SERVICE_CONTROL_STOP} fail with {@code win32Error} (e.g. 1051, dependents running).
         *
         * @param win32Error the Win32 error ControlService fails with
         * @return this service
         */
        public synchronized Service failStop(int win32Error) {
            this.stopFailure = win32Error;
            return this;
        }

        /**
         * This service depends on {@code other} (its {@code lpDependencies}): while this one is not stopped, stopping
         * {@code other} fails with ERROR_DEPENDENT_SERVICES_RUNNING, as the service control manager refuses it
         * (Microsoft docs, "ControlService function").
         *
         * @param other the name of the service it depends on
         * @return this service
         */
        public synchronized Service dependsOn(String other) {
            dependencies.add(key(other));
            return this;
        }

        private synchronized boolean dependsOnKey(String key) {
            return dependencies.contains(key) && state != ServiceState.STOPPED;
        }

        /**
         * Makes a stop stay {@code SERVICE_STOP_PENDING}: the service never finishes stopping.
         *
         * @return this service
         */
        public synchronized Service hangOnStop() {
            this.hangsOnStop = true;
            return this;
        }

        /**
         * Makes every StartServiceW of the stopped service fail with {@code win32Error}.
         *
         * @param win32Error the Win32 error StartServiceW fails with
         * @return this service
         */
        public synchronized Service failStart(int win32Error) {
            this.startFailure = win32Error;
            return this;
        }

        /**
         * Makes a stop accepted (ControlService succeeds, {@code SERVICE_STOP_PENDING}) but abandoned: the next status
         * query finds the service {@code SERVICE_RUNNING} again.
         *
         * @return this service
         */
        public synchronized Service abandonsStop() {
            this.abandonsStop = true;
            return this;
        }

        /**
         * Makes every StartServiceW succeed (the service control manager created the service's process, Microsoft
         * docs, "StartServiceW function", Remarks) and the service then fail its initialisation: the next status
         * query finds it {@code SERVICE_STOPPED} with {@code dwWin32ExitCode} {@code win32ExitCode} and, when that is
         * {@code ERROR_SERVICE_SPECIFIC_ERROR} (1066), {@code dwServiceSpecificExitCode} {@code serviceSpecific}.
         *
         * @param win32ExitCode the exit code reported, not 0
         * @param serviceSpecific the service-specific code reported with 1066 (ignored otherwise)
         * @return this service
         */
        public synchronized Service failsAfterStart(int win32ExitCode, int serviceSpecific) {
            if (win32ExitCode == 0) {
                throw new IllegalArgumentException("a start that fails reports a non-zero exit code");
            }
            this.startExitCode = win32ExitCode;
            this.startSpecificExitCode = win32ExitCode == Win32Error.ERROR_SERVICE_SPECIFIC_ERROR ? serviceSpecific : 0;
            return this;
        }

        /**
         * {@code dwWin32ExitCode} now (0 unless a start failed, {@link #failsAfterStart}).
         *
         * @return the exit code
         */
        public synchronized int exitCode() {
            return exitCode;
        }

        /**
         * {@code dwServiceSpecificExitCode} now.
         *
         * @return the service-specific exit code
         */
        public synchronized int serviceSpecificExitCode() {
            return specificExitCode;
        }

        /**
         * The states it reached through ControlService and StartServiceW, in order (STOPPED, RUNNING).
         *
         * @return the states reached, in order
         */
        public synchronized List<ServiceState> history() {
            return List.copyOf(history);
        }

        /**
         * Used by the simulator: the Win32 error a stop fails with now, or 0 after starting to stop. Microsoft docs,
         * "ControlService function": ERROR_SERVICE_NOT_ACTIVE for a service not started, and
         * ERROR_SERVICE_CANNOT_ACCEPT_CTRL only "because the state of the service is SERVICE_STOPPED,
         * SERVICE_START_PENDING, or SERVICE_STOP_PENDING"; a paused, pause-pending or continue-pending service
         * receives the stop.
         *
         * @return 0 (ERROR_SUCCESS) or the Win32 error of the refusal
         */
        public int stop() {
            // The dependents are read outside this service's lock: two services never hold each other's.
            String own = key(name);
            boolean dependentsRun = machineServices.services.values().stream()
                    .anyMatch(s -> s != this && s.dependsOnKey(own));
            return stop(dependentsRun);
        }

        private synchronized int stop(boolean dependentsRun) {
            if (state == ServiceState.STOPPED) {
                return Win32Error.ERROR_SERVICE_NOT_ACTIVE;
            }
            if (state == ServiceState.START_PENDING || state == ServiceState.STOP_PENDING) {
                return Win32Error.ERROR_SERVICE_CANNOT_ACCEPT_CTRL;
            }
            if (stopFailure != 0) {
                return stopFailure;
            }
            if (dependentsRun) {
                return Win32Error.ERROR_DEPENDENT_SERVICES_RUNNING;
            }
            state = ServiceState.STOP_PENDING;
            return 0;
        }

        /**
         * Used by the simulator: the Win32 error a start fails with now, or 0 after starting to start. While the
         * service's instance exists (any state but stopped) StartServiceW fails with ERROR_SERVICE_ALREADY_RUNNING,
         * "An instance of the service is already running" (Microsoft docs, "StartServiceW function").
         *
         * @return 0 (ERROR_SUCCESS) or the Win32 error of the refusal
         */
        public synchronized int start() {
            if (state != ServiceState.STOPPED) {
                return Win32Error.ERROR_SERVICE_ALREADY_RUNNING;
            }
            if (startFailure != 0) {
                return startFailure;
            }
            state = ServiceState.START_PENDING;
            exitCode = 0;
            specificExitCode = 0;
            return 0;
        }

        /**
         * Used by the simulator: a status query, which finishes a pending stop (unless it hangs; back to running if
         * the stop is abandoned) or start (stopped with an exit code if the start fails).
         *
         * @return the state after the query
         */
        public synchronized ServiceState query() {
            if (state == ServiceState.STOP_PENDING && !hangsOnStop) {
                state = abandonsStop ? ServiceState.RUNNING : ServiceState.STOPPED;
                history.add(state);
            } else if (state == ServiceState.START_PENDING) {
                state = startExitCode != 0 ? ServiceState.STOPPED : ServiceState.RUNNING;
                exitCode = startExitCode;
                specificExitCode = startSpecificExitCode;
                history.add(state);
            }
            return state;
        }
    }
}
