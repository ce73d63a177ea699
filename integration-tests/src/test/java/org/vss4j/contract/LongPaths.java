package org.vss4j.contract;

import com.sun.jna.Memory;
import org.vss4j.VssException;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;

/**
 * The long form of an existing Windows path, through {@code GetLongPathNameW} and the export seam (Microsoft docs,
 * "GetLongPathNameW function"): every 8.3 name in it replaced by its long name. {@code java.io.tmpdir} on a
 * GitHub runner is {@code C:\Users\RUNNER~1\AppData\Local\Temp}; a writer that declares {@code C:\Users\RUNNER~1\...}
 * in its metadata names files no requester finds under that name in the shadow copy's listing, which has only long
 * names. Chosen over {@code Path.toRealPath()}, which also expands short names on Windows, because it changes nothing
 * else: {@code toRealPath} also resolves links and junctions, so the declared path would move to wherever they
 * lead, and it cannot run against the simulated machine (docs/windows-ci.md).
 */
public final class LongPaths {

    /** Where the first call's buffer ends; a longer answer is asked for again with the size Windows says it needs. */
    private static final int FIRST_BUFFER = 512;

    private LongPaths() {
    }

    /**
     * The long form of {@code path}, which must exist.
     *
     * @throws VssException naming GetLongPathNameW and the Win32 error, e.g. ERROR_FILE_NOT_FOUND for a missing path
     */
    public static String of(String path) {
        Exports exports = Exports.current();
        Memory name = Utf16.toNative(path);
        int chars = FIRST_BUFFER;
        // Twice at most: the second buffer has the size the first answer asked for (a path that keeps growing
        // meanwhile is not one this suite makes).
        for (int attempt = 0; attempt < 2; attempt++) {
            Memory out = new Memory(2L * chars);
            out.clear();
            long n = Integer.toUnsignedLong(exports.getLongPathName(name, out, chars));
            if (n == 0) {
                int error = exports.lastError();
                throw new VssException(Win32Error.toHresult(error), NativeExport.GetLongPathNameW.name(),
                        path + ": " + Win32Error.describe(error));
            }
            if (n < chars) {
                return Utf16.read(out);
            }
            chars = Math.toIntExact(n);
        }
        throw new IllegalStateException(NativeExport.GetLongPathNameW.name() + " kept asking for a larger buffer: " + path);
    }
}
