package org.vss4j.abi.struct;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * {@code SERVICE_STATUS_PROCESS} (winsvc.h; Microsoft docs, "SERVICE_STATUS_PROCESS structure"), 36 bytes on x64: nine
 * DWORDs, what {@code QueryServiceStatusEx} writes for {@code SC_STATUS_PROCESS_INFO}. Caller-allocated.
 */
@NativeStruct(value = "SERVICE_STATUS_PROCESS", x64Size = 36)
@Structure.FieldOrder({"dwServiceType", "dwCurrentState", "dwControlsAccepted", "dwWin32ExitCode",
    "dwServiceSpecificExitCode", "dwCheckPoint", "dwWaitHint", "dwProcessId", "dwServiceFlags"})
public class ServiceStatusProcess extends Structure {
    public int dwServiceType;
    /** {@code SERVICE_STOPPED} (1) to {@code SERVICE_PAUSED} (7). */
    public int dwCurrentState;
    public int dwControlsAccepted;
    public int dwWin32ExitCode;
    public int dwServiceSpecificExitCode;
    /** Incremented by a service during a lengthy start or stop. */
    public int dwCheckPoint;
    /** The time, in milliseconds, the service expects its pending start or stop to take before the next check point. */
    public int dwWaitHint;
    public int dwProcessId;
    public int dwServiceFlags;

    public ServiceStatusProcess() {
        super(ALIGN_MSVC);
    }

    public ServiceStatusProcess(Pointer p) {
        super(p, ALIGN_MSVC);
        read();
    }
}
