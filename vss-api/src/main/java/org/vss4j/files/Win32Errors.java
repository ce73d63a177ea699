package org.vss4j.files;

import java.util.Map;

/** Names of the Win32 errors directory listing meets (winerror.h), for messages. */
final class Win32Errors {

    static final int ERROR_FILE_NOT_FOUND = 2;
    static final int ERROR_PATH_NOT_FOUND = 3;
    static final int ERROR_ACCESS_DENIED = 5;
    static final int ERROR_NO_MORE_FILES = 18;

    private static final Map<Integer, String> NAMES = Map.of(
            ERROR_FILE_NOT_FOUND, "ERROR_FILE_NOT_FOUND",
            ERROR_PATH_NOT_FOUND, "ERROR_PATH_NOT_FOUND",
            ERROR_ACCESS_DENIED, "ERROR_ACCESS_DENIED",
            6, "ERROR_INVALID_HANDLE",
            ERROR_NO_MORE_FILES, "ERROR_NO_MORE_FILES",
            87, "ERROR_INVALID_PARAMETER",
            123, "ERROR_INVALID_NAME",
            206, "ERROR_FILENAME_EXCED_RANGE",
            267, "ERROR_DIRECTORY",
            1920, "ERROR_CANT_ACCESS_FILE");

    private Win32Errors() {
    }

    /** {@code ERROR_ACCESS_DENIED (5)}, or {@code Win32 error N}. */
    static String describe(int error) {
        String name = NAMES.get(error);
        return name == null ? "Win32 error " + error : name + " (" + error + ")";
    }
}
