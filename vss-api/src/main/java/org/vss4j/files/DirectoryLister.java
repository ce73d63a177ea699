package org.vss4j.files;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;

/**
 * Lists directories with {@code FindFirstFileW}/{@code FindNextFileW}/{@code FindClose} through the export seam (on
 * Windows kernel32, elsewhere the simulator's), so that every entry comes with its Windows attributes and reparse tag.
 * java.nio cannot be used to classify entries: the JDK on Windows reports every reparse point that is not a symbolic
 * link as "other" (deduplicated, compressed and cloud files included) and a directory link as not a directory.
 *
 * <p>Listing a directory follows a link at {@code directory} itself (as Windows does), which is how a snapshot root
 * that is a link to the shadow copy device is entered; links found <em>in</em> the listing are reported, not followed.
 * The find handle is closed before {@link #list} returns, whatever happens.
 */
public final class DirectoryLister {

    /** Windows paths at or above this length get the {@code \\?\} prefix (Microsoft docs, "Maximum Path Length Limitation"). */
    private static final int LONG_PATH = 240;

    /**
     * Each thread's find buffer, reused by every search it makes (a listing runs no other listing meanwhile): a
     * walk lists thousands of directories, and a native block allocated and freed per directory costs as much as
     * listing a few entries.
     */
    private static final ThreadLocal<FindDataBuffer> BUFFER = ThreadLocal.withInitial(FindDataBuffer::new);

    private DirectoryLister() {
    }

    /** The entries of {@code directory}, without {@code .} and {@code ..}, in the order the file system gives them. */
    public static List<DirectoryEntry> list(Path directory) throws DirectoryListingException {
        return find(directory.toString(), searchPattern(directory.toString(), "*"), true);
    }

    /** The entry {@code name} of {@code directory} itself (a link is described, not followed), or null if none. */
    public static DirectoryEntry entry(Path directory, String name) throws DirectoryListingException {
        List<DirectoryEntry> found = find(directory.toString(), searchPattern(directory.toString(), name), false);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<DirectoryEntry> find(String directory, String pattern, boolean all)
            throws DirectoryListingException {
        Exports exports = Exports.current();
        FindDataBuffer data = BUFFER.get();
        Pointer handle = exports.findFirstFile(Utf16.toNative(pattern), data.pointer());
        if (handle == null || Pointer.nativeValue(handle) == Exports.INVALID_HANDLE_VALUE) {
            int error = exports.lastError();
            // An empty volume root has no "." either: FindFirstFileW finds nothing (Microsoft docs, "FindFirstFileW").
            if (error == Win32Error.ERROR_FILE_NOT_FOUND) {
                return List.of();
            }
            throw new DirectoryListingException(directory, error);
        }
        List<DirectoryEntry> entries = new ArrayList<>();
        try {
            do {
                DirectoryEntry e = data.entry();
                if (!e.isDotEntry()) {
                    entries.add(e);
                }
            } while (all && exports.findNextFile(handle, data.pointer()));
            if (all) {
                int error = exports.lastError();
                if (error != Win32Error.ERROR_NO_MORE_FILES) {
                    throw new DirectoryListingException(directory, error);
                }
            }
        } finally {
            exports.findClose(handle);
        }
        return entries;
    }

    /**
     * {@code directory\pattern} with the directory's own separator; a long path gets its extended-length form
     * ({@link Win32FileName}: {@code \\?\C:\...}, {@code \\?\UNC\...}), since FindFirstFileW is limited to MAX_PATH
     * without it.
     */
    static String searchPattern(String directory, String pattern) {
        boolean windows = directory.length() >= 3 && directory.charAt(1) == ':' && directory.charAt(2) == '\\';
        String sep = windows || directory.startsWith("\\\\") ? "\\" : "/";
        String dir = directory.endsWith(sep) ? directory : directory + sep;
        String path = dir + pattern;
        return path.length() >= LONG_PATH ? Win32FileName.extended(path) : path;
    }
}
