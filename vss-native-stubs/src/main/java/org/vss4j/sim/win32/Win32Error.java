package org.vss4j.sim.win32;

/** Win32 error codes the simulated kernel32 sets (winerror.h; Microsoft "System Error Codes (0-499)" and following). */
public final class Win32Error {

    public static final int ERROR_SUCCESS = 0;
    public static final int ERROR_FILE_NOT_FOUND = 2;
    public static final int ERROR_PATH_NOT_FOUND = 3;
    public static final int ERROR_ACCESS_DENIED = 5;
    public static final int ERROR_INVALID_HANDLE = 6;
    public static final int ERROR_NO_MORE_FILES = 18;
    public static final int ERROR_NOT_SUPPORTED = 50;
    public static final int ERROR_BAD_NETPATH = 53;
    public static final int ERROR_INVALID_PARAMETER = 87;
    public static final int ERROR_INSUFFICIENT_BUFFER = 122;
    public static final int ERROR_INVALID_NAME = 123;
    public static final int ERROR_ALREADY_EXISTS = 183;
    public static final int ERROR_FILENAME_EXCED_RANGE = 206;
    public static final int ERROR_PRIVILEGE_NOT_HELD = 1314;
    public static final int ERROR_NOT_A_REPARSE_POINT = 4390;

    private Win32Error() {
    }
}
