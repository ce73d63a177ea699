package org.vss4j.session;

import java.util.Map;

/** Names of the Win32 errors the volume and environment functions set (winerror.h), for messages. */
final class Win32Errors {

    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(0, "ERROR_SUCCESS"),
            Map.entry(2, "ERROR_FILE_NOT_FOUND"), Map.entry(3, "ERROR_PATH_NOT_FOUND"),
            Map.entry(5, "ERROR_ACCESS_DENIED"), Map.entry(6, "ERROR_INVALID_HANDLE"),
            Map.entry(21, "ERROR_NOT_READY"), Map.entry(50, "ERROR_NOT_SUPPORTED"),
            Map.entry(53, "ERROR_BAD_NETPATH"), Map.entry(87, "ERROR_INVALID_PARAMETER"),
            Map.entry(123, "ERROR_INVALID_NAME"), Map.entry(206, "ERROR_FILENAME_EXCED_RANGE"),
            Map.entry(4390, "ERROR_NOT_A_REPARSE_POINT"));

    private Win32Errors() {
    }

    /** {@code "Win32 error 2 (ERROR_FILE_NOT_FOUND)"}. */
    static String describe(int error) {
        String name = NAMES.get(error);
        return "Win32 error " + error + (name == null ? "" : " (" + name + ")");
    }
}
