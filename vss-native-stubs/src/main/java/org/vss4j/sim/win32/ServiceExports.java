package org.vss4j.sim.win32;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Win32Error;
import org.vss4j.diagnostics.ServiceState;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedServices;
import org.vss4j.sim.VssServiceState;
import org.vss4j.sim.abi.BlockKind;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.sim.abi.NativeHeap;

/**
 * {@code OpenSCManagerW}, {@code OpenServiceW}, {@code QueryServiceStatus}, {@code QueryServiceConfigW} and
 * {@code CloseServiceHandle} (Microsoft docs, "OpenSCManagerW function", "OpenServiceW function",
 * "QueryServiceStatus function", "QueryServiceConfigW function", "CloseServiceHandle function") for the one service
 * the simulator has, VSS, in the current machine's {@link VssServiceState}. What it models:
 * <ul>
 * <li>the local service control manager only: a machine name other than the machine's own fails with
 * RPC_S_SERVER_UNAVAILABLE (1722), a database other than {@code ServicesActive} with ERROR_DATABASE_DOES_NOT_EXIST;
 * rights beyond connecting, enumerating and querying need an elevated token (ERROR_ACCESS_DENIED);</li>
 * <li>every service name but {@code VSS} (without case) fails with ERROR_SERVICE_DOES_NOT_EXIST; rights beyond
 * querying VSS need an elevated token; QueryServiceStatus needs SERVICE_QUERY_STATUS and QueryServiceConfigW
 * SERVICE_QUERY_CONFIG, else ERROR_ACCESS_DENIED;</li>
 * <li>VSS is a SERVICE_WIN32_OWN_PROCESS, {@code %SystemRoot%\system32\vssvc.exe} as LocalSystem, depending on RPCSS,
 * displayed as "Volume Shadow Copy", start type SERVICE_DEMAND_START (SERVICE_DISABLED when disabled), state
 * SERVICE_RUNNING or SERVICE_STOPPED; exit codes, check point and wait hint are 0;</li>
 * <li>QueryServiceConfigW writes the structure and its strings in the caller's buffer; one too small fails with
 * ERROR_INSUFFICIENT_BUFFER and the size needed in pcbBytesNeeded;</li>
 * <li>handles are tracked native blocks: one never closed fails the leak check, a second close is misuse.</li>
 * </ul>
 * Services a test or a writer installed ({@link SimulatedServices}) open too; for them {@code QueryServiceStatusEx},
 * {@code ControlService(SERVICE_CONTROL_STOP)} and {@code StartServiceW} follow docs/restore-procedures.md (stopping a
 * stopped service: ERROR_SERVICE_NOT_ACTIVE; a start- or stop-pending one: ERROR_SERVICE_CANNOT_ACCEPT_CTRL; starting
 * one in any state but stopped: ERROR_SERVICE_ALREADY_RUNNING; SERVICE_STOP and SERVICE_START need an elevated token,
 * as on Windows for most services).
 * A NULL out pointer, where Windows would fail in RPC, fails with ERROR_INVALID_PARAMETER (the simulator's choice).
 */
public final class ServiceExports {

    /** {@code RPC_S_SERVER_UNAVAILABLE} (winerror.h): "The RPC server is unavailable." */
    static final int RPC_S_SERVER_UNAVAILABLE = 1722;
    /** {@code ERROR_DATABASE_DOES_NOT_EXIST} (winerror.h). */
    static final int ERROR_DATABASE_DOES_NOT_EXIST = 1065;
    /** {@code SC_MANAGER_CONNECT | SC_MANAGER_ENUMERATE_SERVICE | SC_MANAGER_QUERY_LOCK_STATUS} (winsvc.h). */
    static final int MANAGER_READ_RIGHTS = 0x0001 | 0x0004 | 0x0010;
    /** {@code SERVICE_QUERY_CONFIG}, {@code SERVICE_QUERY_STATUS} (winsvc.h). */
    static final int SERVICE_QUERY_CONFIG = 0x0001;
    static final int SERVICE_QUERY_STATUS = 0x0004;
    /** Query rights: config, status, enumerate dependents, interrogate, READ_CONTROL (winsvc.h, winnt.h). */
    static final int SERVICE_READ_RIGHTS = 0x0001 | 0x0004 | 0x0008 | 0x0080 | 0x00020000;
    /** {@code SERVICE_WIN32_OWN_PROCESS}, {@code SERVICE_ERROR_NORMAL} (winnt.h). */
    static final int SERVICE_WIN32_OWN_PROCESS = 0x10;
    static final int SERVICE_ERROR_NORMAL = 1;
    /** {@code SERVICE_STOPPED}, {@code SERVICE_RUNNING}, {@code SERVICE_ACCEPT_STOP} (winsvc.h). */
    static final int SERVICE_STOPPED = 1;
    static final int SERVICE_RUNNING = 4;
    static final int SERVICE_ACCEPT_STOP = 0x1;
    /** {@code SERVICE_DEMAND_START}, {@code SERVICE_DISABLED} (winnt.h). */
    static final int SERVICE_DEMAND_START = 3;
    static final int SERVICE_DISABLED = 4;
    /** {@code sizeof(QUERY_SERVICE_CONFIGW)} on x64: three DWORDs, then pointers (8-aligned), one more DWORD. */
    static final int QUERY_SERVICE_CONFIG_SIZE = 64;

    /** {@code SERVICE_START}, {@code SERVICE_STOP}, {@code SERVICE_CONTROL_STOP} (winsvc.h). */
    static final int SERVICE_START = 0x0010;
    static final int SERVICE_STOP = 0x0020;
    static final int SERVICE_CONTROL_STOP = 0x1;
    /** {@code SC_STATUS_PROCESS_INFO} and {@code sizeof(SERVICE_STATUS_PROCESS)}: nine DWORDs (winsvc.h). */
    static final int SC_STATUS_PROCESS_INFO = 0;
    static final int SERVICE_STATUS_PROCESS_SIZE = 36;
    /** The states in which a simulated service accepts SERVICE_CONTROL_STOP. */
    private static final Set<Integer> ACCEPTS_STOP = Set.of(ServiceState.RUNNING.value(), ServiceState.PAUSED.value(),
            ServiceState.PAUSE_PENDING.value(), ServiceState.CONTINUE_PENDING.value());
    /** The pending states. */
    private static final Set<Integer> PENDING = Set.of(ServiceState.START_PENDING.value(),
            ServiceState.STOP_PENDING.value(), ServiceState.CONTINUE_PENDING.value(),
            ServiceState.PAUSE_PENDING.value());
    /** The wait hint of a pending state, in milliseconds. */
    static final int PENDING_WAIT_HINT = 2000;
    /** The process id a running simulated service reports. */
    static final int PROCESS_ID = 4242;
    /** Open handles of services other than VSS, by address. */
    private static final Map<Long, SimulatedServices.Service> NAMED = new java.util.concurrent.ConcurrentHashMap<>();

    /** What a handle is, stored in its block. */
    private static final int MANAGER = 1;
    private static final int SERVICE = 2;

    private ServiceExports() {
    }

    static void register(Map<NativeExport, NativeCallback> table) {
        Win32Function.put(table, NativeExport.OpenSCManagerW, null, a -> openManager(a.wideString(0), a.wideString(1), a.int32(2)));
        Win32Function.put(table, NativeExport.OpenServiceW, null, a -> openService(a.pointer(0), a.wideString(1), a.int32(2)));
        Win32Function.put(table, NativeExport.QueryServiceStatus, 0, a -> status(a.pointer(0), a.pointer(1)));
        Win32Function.put(table, NativeExport.QueryServiceConfigW, 0, a -> config(a.pointer(0), a.pointer(1), a.int32(2), a.pointer(3)));
        Win32Function.put(table, NativeExport.CloseServiceHandle, 0, a -> close(a.pointer(0)));
        Win32Function.put(table, NativeExport.QueryServiceStatusEx, 0, a -> statusEx(a.pointer(0), a.int32(1),
                a.pointer(2), a.int32(3), a.pointer(4)));
        Win32Function.put(table, NativeExport.ControlService, 0, a -> control(a.pointer(0), a.int32(1),
                a.pointer(2)));
        Win32Function.put(table, NativeExport.StartServiceW, 0, a -> start(a.pointer(0), a.int32(1), a.pointer(2)));
    }

    private static Pointer openManager(String machineName, String database, int access) {
        SimulatedMachine machine = SimulatedMachine.current();
        if (machineName != null && !machineName.isEmpty()) {
            String n = machineName.startsWith("\\\\") ? machineName.substring(2) : machineName;
            if (!n.equalsIgnoreCase(machine.name())) {
                return failHandle(RPC_S_SERVER_UNAVAILABLE);
            }
        }
        if (database != null && !database.equalsIgnoreCase("ServicesActive")) {
            return failHandle(ERROR_DATABASE_DOES_NOT_EXIST);
        }
        if ((access & ~MANAGER_READ_RIGHTS) != 0 && !machine.token().isElevated()) {
            return failHandle(Win32Error.ERROR_ACCESS_DENIED);
        }
        return handle(MANAGER, access, NativeExport.OpenSCManagerW.name());
    }

    private static Pointer openService(Pointer manager, String name, int access) {
        if (kind(manager) != MANAGER) {
            return failHandle(Win32Error.ERROR_INVALID_HANDLE);
        }
        if (name == null || name.isEmpty()) {
            return failHandle(Win32Error.ERROR_INVALID_NAME);
        }
        SimulatedServices.Service other = SimulatedMachine.current().services().get(name);
        if (!name.equalsIgnoreCase("VSS") && other == null) {
            return failHandle(Win32Error.ERROR_SERVICE_DOES_NOT_EXIST);
        }
        if ((access & ~SERVICE_READ_RIGHTS) != 0 && !SimulatedMachine.current().token().isElevated()) {
            return failHandle(Win32Error.ERROR_ACCESS_DENIED);
        }
        Pointer h = handle(SERVICE, access, NativeExport.OpenServiceW.name() + " " + name);
        if (other != null) {
            NAMED.put(Pointer.nativeValue(h), other);
        }
        return h;
    }

    private static int status(Pointer service, Pointer status) {
        int checked = checkService(service, SERVICE_QUERY_STATUS, "QueryServiceStatus");
        if (checked != 0) {
            return fail(checked);
        }
        if (status == null) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        boolean running = SimulatedMachine.current().vssService() == VssServiceState.RUNNING;
        writeStatus(status, running ? SERVICE_RUNNING : SERVICE_STOPPED, null);
        return 1;
    }

    private static int config(Pointer service, Pointer buffer, int size, Pointer needed) {
        int checked = checkService(service, SERVICE_QUERY_CONFIG, "QueryServiceConfigW");
        if (checked != 0) {
            return fail(checked);
        }
        if (needed == null) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        SimulatedMachine machine = SimulatedMachine.current();
        String root = machine.environment().get("SystemRoot");
        String[] strings = {(root == null ? "C:\\Windows" : root) + "\\system32\\vssvc.exe", "", "RPCSS\0",
            "LocalSystem", "Volume Shadow Copy"};
        int total = QUERY_SERVICE_CONFIG_SIZE;
        for (String s : strings) {
            total += 2 * (s.length() + 1);
        }
        needed.setInt(0, total);
        if (buffer == null || size < total) {
            return fail(Win32Error.ERROR_INSUFFICIENT_BUFFER);
        }
        buffer.setInt(0, SERVICE_WIN32_OWN_PROCESS);
        buffer.setInt(4, machine.vssService() == VssServiceState.DISABLED ? SERVICE_DISABLED : SERVICE_DEMAND_START);
        buffer.setInt(8, SERVICE_ERROR_NORMAL);
        buffer.setInt(32, 0); // dwTagId
        // lpBinaryPathName 16, lpLoadOrderGroup 24, lpDependencies 40 (a double-NUL list), lpServiceStartName 48,
        // lpDisplayName 56: each points into the same buffer, after the structure.
        long[] slots = {16, 24, 40, 48, 56};
        long at = QUERY_SERVICE_CONFIG_SIZE;
        for (int i = 0; i < strings.length; i++) {
            byte[] chars = (strings[i] + "\0").getBytes(StandardCharsets.UTF_16LE);
            buffer.write(at, chars, 0, chars.length);
            buffer.setPointer(slots[i], buffer.share(at));
            at += chars.length;
        }
        return 1;
    }

    /** 0 if {@code service} is an open service handle with {@code right}, else the Win32 error to fail with. */
    private static int checkService(Pointer service, int right, String function) {
        if (kind(service) != SERVICE) {
            SimulatedMachine.current().ledger().error(function + " on " + describe(service)
                    + ", which is not an open service handle");
            return Win32Error.ERROR_INVALID_HANDLE;
        }
        return (service.getInt(4) & right) != right ? Win32Error.ERROR_ACCESS_DENIED : 0;
    }

    private static int close(Pointer handle) {
        if (handle == null || !NativeHeap.free(BlockKind.SERVICE_HANDLE, handle, "CloseServiceHandle")) {
            return fail(Win32Error.ERROR_INVALID_HANDLE);
        }
        NAMED.remove(Pointer.nativeValue(handle));
        return 1;
    }

    /** QueryServiceStatusEx with SC_STATUS_PROCESS_INFO: a SERVICE_STATUS_PROCESS (36 bytes). */
    private static int statusEx(Pointer service, int level, Pointer buffer, int size, Pointer needed) {
        int checked = checkService(service, SERVICE_QUERY_STATUS, "QueryServiceStatusEx");
        if (checked != 0) {
            return fail(checked);
        }
        if (level != SC_STATUS_PROCESS_INFO || needed == null) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        needed.setInt(0, SERVICE_STATUS_PROCESS_SIZE);
        if (buffer == null || size < SERVICE_STATUS_PROCESS_SIZE) {
            return fail(Win32Error.ERROR_INSUFFICIENT_BUFFER);
        }
        SimulatedServices.Service other = NAMED.get(Pointer.nativeValue(service));
        int state = other != null ? other.query().value()
                : SimulatedMachine.current().vssService() == VssServiceState.RUNNING ? SERVICE_RUNNING
                : SERVICE_STOPPED;
        writeStatus(buffer, state, other);
        buffer.setInt(28, state == SERVICE_STOPPED ? 0 : PROCESS_ID); // dwProcessId: 0 while stopped
        buffer.setInt(32, 0); // dwServiceFlags
        return 1;
    }

    /** ControlService: only SERVICE_CONTROL_STOP of a service other than VSS is modelled. */
    private static int control(Pointer service, int code, Pointer status) {
        int checked = checkService(service, code == SERVICE_CONTROL_STOP ? SERVICE_STOP : 0, "ControlService");
        if (checked != 0) {
            return fail(checked);
        }
        SimulatedServices.Service other = NAMED.get(Pointer.nativeValue(service));
        if (code != SERVICE_CONTROL_STOP || other == null || status == null) {
            // Other controls, and stopping VSS itself, are not modelled (docs/restore-procedures.md).
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        int error = other.stop();
        if (error == 0 || error == Win32Error.ERROR_SERVICE_CANNOT_ACCEPT_CTRL
                || error == Win32Error.ERROR_SERVICE_NOT_ACTIVE) {
            // "The service control manager fills in the structure only when GetLastError returns one of the following
            // error codes: NO_ERROR, ERROR_INVALID_SERVICE_CONTROL, ERROR_SERVICE_CANNOT_ACCEPT_CTRL, or
            // ERROR_SERVICE_NOT_ACTIVE" (Microsoft docs, "ControlService function").
            writeStatus(status, other.state().value(), other);
        }
        return error != 0 ? fail(error) : 1;
    }

    /** StartServiceW of a service other than VSS (VSS starts on demand, for the first requester). */
    private static int start(Pointer service, int argc, Pointer argv) {
        int checked = checkService(service, SERVICE_START, "StartServiceW");
        if (checked != 0) {
            return fail(checked);
        }
        SimulatedServices.Service other = NAMED.get(Pointer.nativeValue(service));
        if (other == null || argc != 0) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        int error = other.start();
        return error != 0 ? fail(error) : 1;
    }

    /**
     * The SERVICE_STATUS part (seven DWORDs: dwServiceType, dwCurrentState, dwControlsAccepted, dwWin32ExitCode,
     * dwServiceSpecificExitCode, dwCheckPoint, dwWaitHint; winsvc.h): an own-process service that accepts stop while it runs or is paused (or
     * pausing, continuing), with the exit codes of {@code service} (null: VSS, 0). A pending state reports check point
     * 0 and wait hint 2 s, what the service control manager sets for a service it starts ("the WaitHint time is set
     * to 2 seconds", Microsoft docs, "StartServiceW function", Remarks; the same hint while stopping, pausing or
     * continuing is the simulator's choice).
     */
    private static void writeStatus(Pointer status, int state, SimulatedServices.Service service) {
        status.setInt(0, SERVICE_WIN32_OWN_PROCESS);
        status.setInt(4, state);
        status.setInt(8, ACCEPTS_STOP.contains(state) ? SERVICE_ACCEPT_STOP : 0);
        status.setInt(12, service == null ? 0 : service.exitCode());
        status.setInt(16, service == null ? 0 : service.serviceSpecificExitCode());
        status.setInt(20, 0); // dwCheckPoint
        status.setInt(24, PENDING.contains(state) ? PENDING_WAIT_HINT : 0);
    }

    private static Pointer handle(int kind, int access, String what) {
        Pointer h = NativeHeap.allocate(BlockKind.SERVICE_HANDLE, 8, 0, what);
        h.setInt(0, kind);
        h.setInt(4, access);
        return h;
    }

    private static int kind(Pointer handle) {
        return handle != null && NativeHeap.isLive(BlockKind.SERVICE_HANDLE, handle) ? handle.getInt(0) : 0;
    }

    private static String describe(Pointer p) {
        return p == null ? "NULL" : "0x" + Long.toHexString(Pointer.nativeValue(p));
    }

    private static Pointer failHandle(int error) {
        LastError.set(error);
        return null;
    }

    private static int fail(int error) {
        LastError.set(error);
        return 0;
    }
}
