package org.vss4j.diagnostics;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.vss4j.NativeEnum;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;

/**
 * A Windows service's current state and start type, read through the provider seam with {@code OpenSCManagerW},
 * {@code OpenServiceW}, {@code QueryServiceStatus}, {@code QueryServiceConfigW} and {@code CloseServiceHandle}
 * (Microsoft docs, "QueryServiceStatus function", "QueryServiceConfigW function").
 *
 * <p>The VSS service ({@link #VSS}, "Volume Shadow Copy") starts on demand: it is stopped while no program uses VSS,
 * and COM starts it for the first requester. Only a disabled one stops backups.
 *
 * @param name        the service's name as asked for
 * @param displayName its display name
 * @param state       {@code SERVICE_STATUS.dwCurrentState}
 * @param startType   {@code QUERY_SERVICE_CONFIGW.dwStartType}
 */
public record ServiceStatus(String name, String displayName, ServiceState state, ServiceStartType startType) {

    /** The VSS service's name. */
    public static final String VSS = "VSS";

    /** {@code SC_MANAGER_CONNECT} (winsvc.h). */
    static final int SC_MANAGER_CONNECT = 0x0001;
    /** {@code SERVICE_QUERY_CONFIG} (winsvc.h). */
    static final int SERVICE_QUERY_CONFIG = 0x0001;
    /** {@code SERVICE_QUERY_STATUS} (winsvc.h). */
    static final int SERVICE_QUERY_STATUS = 0x0004;
    /** {@code sizeof(SERVICE_STATUS)}: seven DWORDs. */
    private static final int SERVICE_STATUS_SIZE = 28;
    /** {@code QUERY_SERVICE_CONFIGW} on x64: dwStartType at 4, lpDisplayName (the last pointer) at 56. */
    private static final int START_TYPE_OFFSET = 4;
    private static final int DISPLAY_NAME_OFFSET = 56;

    /** The VSS service of this machine, through {@link Exports#current()}. */
    public static ServiceStatus vss() {
        return query(Exports.current(), VSS);
    }

    /**
     * The service {@code name} of the local machine.
     *
     * @throws Win32CallException naming the call that failed ({@code ERROR_SERVICE_DOES_NOT_EXIST} if it is not
     *                            installed)
     */
    public static ServiceStatus query(Exports exports, String name) {
        Pointer manager = exports.openSCManager(null, null, SC_MANAGER_CONNECT);
        if (manager == null) {
            throw new Win32CallException("OpenSCManagerW(SC_MANAGER_CONNECT)", exports.lastError());
        }
        try {
            Pointer service = exports.openService(manager, Utf16.toNative(name),
                    SERVICE_QUERY_STATUS | SERVICE_QUERY_CONFIG);
            if (service == null) {
                throw new Win32CallException("OpenServiceW(" + name + ")", exports.lastError());
            }
            try {
                Memory status = new Memory(SERVICE_STATUS_SIZE);
                status.clear();
                if (!exports.queryServiceStatus(service, status)) {
                    throw new Win32CallException("QueryServiceStatus(" + name + ")", exports.lastError());
                }
                Memory config = config(exports, service, name);
                return new ServiceStatus(name, Utf16.read(config.getPointer(DISPLAY_NAME_OFFSET)),
                        NativeEnum.decode(ServiceState.class, status.getInt(4)),
                        NativeEnum.decode(ServiceStartType.class, config.getInt(START_TYPE_OFFSET)));
            } finally {
                exports.closeServiceHandle(service);
            }
        } finally {
            exports.closeServiceHandle(manager);
        }
    }

    /**
     * The configuration and its strings in one buffer, sized by a first call with none: "The function will fail and
     * GetLastError will return ERROR_INSUFFICIENT_BUFFER. The pcbBytesNeeded parameter will receive the required
     * size" (Microsoft docs, "QueryServiceConfigW function").
     */
    private static Memory config(Exports exports, Pointer service, String name) {
        SizedBuffer.Outcome r = SizedBuffer.fill(null, 1, 3, Win32Error.ERROR_INSUFFICIENT_BUFFER,
                (buffer, size, needed) -> exports.queryServiceConfig(service, buffer, size, needed)
                        ? Win32Error.ERROR_SUCCESS : exports.lastError());
        if (!r.succeeded()) {
            throw new Win32CallException("QueryServiceConfigW(" + name + ")", r.error());
        }
        return r.buffer();
    }
}
