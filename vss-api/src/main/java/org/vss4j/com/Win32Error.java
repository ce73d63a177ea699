package org.vss4j.com;

import java.util.Map;

/**
 * The Win32 error codes ({@code GetLastError}; winerror.h, Microsoft docs "System Error Codes") that the kernel32
 * functions vss4j calls set, as the binding reads them and the simulator sets them, with their names for messages.
 */
public final class Win32Error {

    public static final int ERROR_SUCCESS = 0;
    /** "Incorrect function": e.g. ReadFile on a directory handle. */
    public static final int ERROR_INVALID_FUNCTION = 1;
    /** "The data is invalid": a BackupWrite stream header that makes no sense. */
    public static final int ERROR_INVALID_DATA = 13;
    /** "The media is write protected". */
    public static final int ERROR_WRITE_PROTECT = 19;
    /** "The system cannot move the file to a different disk drive" (MoveFileExW without MOVEFILE_COPY_ALLOWED). */
    public static final int ERROR_NOT_SAME_DEVICE = 17;
    /** "The drive cannot locate a specific area or track on the disk": what BackupSeek sets when it stops short. */
    public static final int ERROR_SEEK = 25;
    /** "Reached the end of the file". */
    public static final int ERROR_HANDLE_EOF = 38;
    /** "Not all privileges or groups referenced are assigned to the caller" (AdjustTokenPrivileges, on success). */
    public static final int ERROR_NOT_ALL_ASSIGNED = 1300;
    public static final int ERROR_FILE_NOT_FOUND = 2;
    public static final int ERROR_PATH_NOT_FOUND = 3;
    public static final int ERROR_ACCESS_DENIED = 5;
    public static final int ERROR_INVALID_HANDLE = 6;
    public static final int ERROR_NO_MORE_FILES = 18;
    public static final int ERROR_NOT_READY = 21;
    /** "The program issued a command but the command length is incorrect": a fixed-size buffer of the wrong size. */
    public static final int ERROR_BAD_LENGTH = 24;
    public static final int ERROR_NOT_SUPPORTED = 50;
    public static final int ERROR_BAD_NETPATH = 53;
    public static final int ERROR_INVALID_PARAMETER = 87;
    public static final int ERROR_INSUFFICIENT_BUFFER = 122;
    public static final int ERROR_INVALID_NAME = 123;
    public static final int ERROR_ALREADY_EXISTS = 183;
    /** "More data is available": what registry functions return for a buffer too small. */
    public static final int ERROR_MORE_DATA = 234;
    /** "No more data is available": the end of a registry enumeration. */
    public static final int ERROR_NO_MORE_ITEMS = 259;
    public static final int ERROR_FILENAME_EXCED_RANGE = 206;
    /** "The directory name is invalid": a file was given where a directory was expected. */
    public static final int ERROR_DIRECTORY = 267;
    /** "The process cannot access the file because it is being used by another process." */
    public static final int ERROR_SHARING_VIOLATION = 32;
    /** "A stop control has been sent to a service that other running services are dependent on." */
    public static final int ERROR_DEPENDENT_SERVICES_RUNNING = 1051;
    /** "The service did not respond to the start or control request in a timely fashion." */
    public static final int ERROR_SERVICE_REQUEST_TIMEOUT = 1053;
    /** "An instance of the service is already running." */
    public static final int ERROR_SERVICE_ALREADY_RUNNING = 1056;
    /** "The service cannot accept control messages at this time." */
    public static final int ERROR_SERVICE_CANNOT_ACCEPT_CTRL = 1061;
    /** "The service has not been started." */
    public static final int ERROR_SERVICE_NOT_ACTIVE = 1062;
    /** "The specified service is disabled and cannot be started." */
    public static final int ERROR_SERVICE_DISABLED = 1058;
    /** "The specified service does not exist as an installed service." */
    public static final int ERROR_SERVICE_DOES_NOT_EXIST = 1060;
    /**
     * "The service has returned a service-specific error code": a service's {@code dwWin32ExitCode} when its own
     * code is in {@code dwServiceSpecificExitCode} (Microsoft docs, "SERVICE_STATUS_PROCESS structure").
     */
    public static final int ERROR_SERVICE_SPECIFIC_ERROR = 1066;
    /** "A specified privilege does not exist." */
    public static final int ERROR_NO_SUCH_PRIVILEGE = 1313;
    public static final int ERROR_PRIVILEGE_NOT_HELD = 1314;
    /** "An internal error occurred": what a simulated kernel32 function sets when the simulator itself fails. */
    public static final int ERROR_INTERNAL_ERROR = 1359;
    /** "The file cannot be accessed by the system" (a cloud file whose provider is not running, for example). */
    public static final int ERROR_CANT_ACCESS_FILE = 1920;
    public static final int ERROR_NOT_A_REPARSE_POINT = 4390;

    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(ERROR_SUCCESS, "ERROR_SUCCESS"),
            Map.entry(ERROR_INVALID_FUNCTION, "ERROR_INVALID_FUNCTION"),
            Map.entry(ERROR_INVALID_DATA, "ERROR_INVALID_DATA"), Map.entry(ERROR_WRITE_PROTECT, "ERROR_WRITE_PROTECT"),
            Map.entry(ERROR_NOT_SAME_DEVICE, "ERROR_NOT_SAME_DEVICE"),
            Map.entry(ERROR_SEEK, "ERROR_SEEK"), Map.entry(ERROR_HANDLE_EOF, "ERROR_HANDLE_EOF"), Map.entry(ERROR_NOT_ALL_ASSIGNED, "ERROR_NOT_ALL_ASSIGNED"),
            Map.entry(ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND"),
            Map.entry(ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND"),
            Map.entry(ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED"),
            Map.entry(ERROR_INVALID_HANDLE, "ERROR_INVALID_HANDLE"),
            Map.entry(ERROR_NO_MORE_FILES, "ERROR_NO_MORE_FILES"), Map.entry(ERROR_NOT_READY, "ERROR_NOT_READY"),
            Map.entry(ERROR_BAD_LENGTH, "ERROR_BAD_LENGTH"),
            Map.entry(ERROR_NOT_SUPPORTED, "ERROR_NOT_SUPPORTED"), Map.entry(ERROR_BAD_NETPATH, "ERROR_BAD_NETPATH"),
            Map.entry(ERROR_INVALID_PARAMETER, "ERROR_INVALID_PARAMETER"),
            Map.entry(ERROR_INSUFFICIENT_BUFFER, "ERROR_INSUFFICIENT_BUFFER"),
            Map.entry(ERROR_INVALID_NAME, "ERROR_INVALID_NAME"),
            Map.entry(ERROR_ALREADY_EXISTS, "ERROR_ALREADY_EXISTS"), Map.entry(ERROR_MORE_DATA, "ERROR_MORE_DATA"),
            Map.entry(ERROR_NO_MORE_ITEMS, "ERROR_NO_MORE_ITEMS"),
            Map.entry(ERROR_SERVICE_DISABLED, "ERROR_SERVICE_DISABLED"),
            Map.entry(ERROR_SHARING_VIOLATION, "ERROR_SHARING_VIOLATION"),
            Map.entry(ERROR_DEPENDENT_SERVICES_RUNNING, "ERROR_DEPENDENT_SERVICES_RUNNING"),
            Map.entry(ERROR_SERVICE_REQUEST_TIMEOUT, "ERROR_SERVICE_REQUEST_TIMEOUT"),
            Map.entry(ERROR_SERVICE_ALREADY_RUNNING, "ERROR_SERVICE_ALREADY_RUNNING"),
            Map.entry(ERROR_SERVICE_CANNOT_ACCEPT_CTRL, "ERROR_SERVICE_CANNOT_ACCEPT_CTRL"),
            Map.entry(ERROR_SERVICE_NOT_ACTIVE, "ERROR_SERVICE_NOT_ACTIVE"),
            Map.entry(ERROR_SERVICE_DOES_NOT_EXIST, "ERROR_SERVICE_DOES_NOT_EXIST"),
            Map.entry(ERROR_NO_SUCH_PRIVILEGE, "ERROR_NO_SUCH_PRIVILEGE"),
            Map.entry(ERROR_FILENAME_EXCED_RANGE, "ERROR_FILENAME_EXCED_RANGE"),
            Map.entry(ERROR_DIRECTORY, "ERROR_DIRECTORY"),
            Map.entry(ERROR_PRIVILEGE_NOT_HELD, "ERROR_PRIVILEGE_NOT_HELD"),
            Map.entry(ERROR_INTERNAL_ERROR, "ERROR_INTERNAL_ERROR"),
            Map.entry(ERROR_CANT_ACCESS_FILE, "ERROR_CANT_ACCESS_FILE"),
            Map.entry(ERROR_NOT_A_REPARSE_POINT, "ERROR_NOT_A_REPARSE_POINT"));

    private Win32Error() {
    }

    /** {@code "Win32 error 5 (ERROR_ACCESS_DENIED)"}. */
    public static String describe(int error) {
        String name = NAMES.get(error);
        return "Win32 error " + error + (name == null ? "" : " (" + name + ")");
    }

    /** {@code HRESULT_FROM_WIN32(error)} (winerror.h): {@code 0x8007xxxx}; {@code E_FAIL} for 0. */
    public static int toHresult(int error) {
        return error == 0 ? 0x80004005 : (error <= 0 ? error : 0x80070000 | (error & 0xFFFF));
    }
}
