package org.vss4j.com;

import com.sun.jna.Pointer;

/**
 * Strings VSS allocates with the COM task allocator and hands to the caller ({@code VSS_PWSZ *} out-parameters such as
 * ExposeSnapshot's {@code pwszExposed}, GetRootAndLogicalPrefixPaths' two paths): the caller owns them and frees each
 * exactly once with {@code CoTaskMemFree} (Microsoft ExposeSnapshot docs: "The caller is responsible for freeing the
 * string ... by calling the CoTaskMemFree function").
 */
public final class CoTaskMemStrings {

    private CoTaskMemStrings() {
    }

    /** Copies the UTF-16LE string at {@code p} and frees it with CoTaskMemFree; null for NULL (nothing to free). */
    public static String readAndFree(Pointer p) {
        if (p == null) {
            return null;
        }
        try {
            return Utf16.read(p);
        } finally {
            Exports.current().coTaskMemFree(p);
        }
    }
}
