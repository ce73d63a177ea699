package org.vss4j.procedures;

import org.vss4j.com.Win32CallFailure;
import org.vss4j.com.Win32Error;

/**
 * A service control or reboot-replace step failed: the message names the Win32 call and what it was asked, the error
 * code and its name, and what to do. {@link #error()} is the Win32 error code (for a service that stopped while
 * starting, its exit code), or 0 for a timeout.
 */
public final class ProcedureException extends Win32CallFailure {

    private static final long serialVersionUID = 1L;

    /**
     * @param call   the function and its subject, e.g. {@code ControlService(MySql, SERVICE_CONTROL_STOP)}
     * @param error  the Win32 error ({@code GetLastError}); 0 for a wait that timed out
     * @param detail what happened, for a failure that is no Win32 error (a timeout); null otherwise
     */
    public ProcedureException(String call, int error, String detail) {
        this(call, error, detail, adviceFor(error, detail != null && error == 0));
    }

    /**
     * @param call   the function and its subject
     * @param error  the Win32 error (a call's {@code GetLastError}, or a service's {@code dwWin32ExitCode}); 0 if none
     * @param detail what happened, or null when the error says it all
     * @param advice what to do
     */
    public ProcedureException(String call, int error, String detail, String advice) {
        super(call, error, detail, advice);
    }

    private static String adviceFor(int error, boolean timeout) {
        if (timeout) {
            return "The service may still be stopping or starting: check it in services.msc, or give a longer timeout";
        }
        return switch (error) {
            case Win32Error.ERROR_ACCESS_DENIED -> "Run elevated, as an administrator (stopping and starting services "
                    + "and replacing files at reboot need it)";
            case Win32Error.ERROR_SERVICE_DOES_NOT_EXIST -> "The writer names a service that is not installed: check "
                    + "its name with 'sc query'";
            case Win32Error.ERROR_SERVICE_DISABLED -> "The service is disabled: enable it before restoring";
            case Win32Error.ERROR_DEPENDENT_SERVICES_RUNNING -> "Other running services depend on it: stop them first";
            case Win32Error.ERROR_SERVICE_CANNOT_ACCEPT_CTRL, Win32Error.ERROR_SERVICE_REQUEST_TIMEOUT ->
                    "The service is busy or hangs: try again when it is running or stopped";
            case Win32Error.ERROR_SERVICE_NOT_ACTIVE -> "The service is not running";
            case Win32Error.ERROR_SERVICE_ALREADY_RUNNING -> "The service is running already";
            case Win32Error.ERROR_SHARING_VIOLATION -> "The file is in use: stop the program that holds it";
            default -> "See the Win32 error's description";
        };
    }
}
