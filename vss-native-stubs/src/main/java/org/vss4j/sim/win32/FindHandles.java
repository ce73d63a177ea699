package org.vss4j.sim.win32;

import com.sun.jna.Pointer;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.vss4j.com.Win32Error;

/**
 * The open {@code FindFirstFileW} searches of one simulated machine, by handle address: what {@code FindNextFileW}
 * returns next. Searches belong to the machine that opened them and end when it closes ({@link #closeAll()}), so a
 * search a test leaked is not kept, or found, by a later machine.
 *
 * <p>One search is used by one call at a time: {@code FindNextFileW} and {@code FindClose} on the same handle from two
 * threads are serialised on the search, and a search once closed answers no more entries ("After the FindClose
 * function is called, the handle cannot be used", Microsoft docs, "FindClose function").
 */
public final class FindHandles {

    /** One open search: the entries not yet returned. */
    static final class Search {
        private final Iterator<FindEntry> rest;
        private boolean closed;

        Search(Iterator<FindEntry> rest) {
            this.rest = rest;
        }

        /**
         * Writes the next entry to {@code data}: 1, or 0 with {@code ERROR_NO_MORE_FILES} at the end; -1 if the
         * search was closed meanwhile.
         */
        synchronized int next(Pointer data) {
            if (closed) {
                return -1;
            }
            if (!rest.hasNext()) {
                // "If the function fails because no more matching files can be found, the GetLastError function
                // returns ERROR_NO_MORE_FILES" (Microsoft docs, "FindNextFileW function").
                LastError.set(Win32Error.ERROR_NO_MORE_FILES);
                return 0;
            }
            rest.next().write(data);
            return 1;
        }

        /** Ends the search; waits for a FindNextFileW that is using it. */
        synchronized void close() {
            closed = true;
        }
    }

    private final Map<Long, Search> open = new ConcurrentHashMap<>();

    /** Registers the search behind {@code handle}. */
    void add(Pointer handle, Iterator<FindEntry> rest) {
        open.put(Pointer.nativeValue(handle), new Search(rest));
    }

    /** The open search behind {@code handle}, or null. */
    Search get(Pointer handle) {
        return handle == null ? null : open.get(Pointer.nativeValue(handle));
    }

    /** Removes and ends the search behind {@code handle}; false if this machine has none there. */
    boolean close(Pointer handle) {
        Search s = handle == null ? null : open.remove(Pointer.nativeValue(handle));
        if (s == null) {
            return false;
        }
        s.close();
        return true;
    }

    /**
     * How many searches are open.
     *
     * @return the number of open search handles
     */
    public int size() {
        return open.size();
    }

    /**
     * The machine closes: every search still open ends. Their handles stay tracked native blocks of the machine's
     * ledger, so the leak report still names them, and {@code FindClose} can still free them.
     */
    public void closeAll() {
        for (Long h : open.keySet()) {
            Search s = open.remove(h);
            if (s != null) {
                s.close();
            }
        }
    }
}
