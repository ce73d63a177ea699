package org.vss4j.sim.win32;

import com.sun.jna.Pointer;
import java.util.Iterator;
import java.util.Map;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Exports;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.abi.BlockKind;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.sim.abi.NativeHeap;

/**
 * {@code FindFirstFileW}, {@code FindNextFileW} and {@code FindClose} (Microsoft docs, "FindFirstFileW function",
 * "FindNextFileW function", "FindClose function"). A search handle is a tracked native block of the machine current
 * when it was opened, so a handle never closed fails the leak check like a BSTR never freed; closing it twice, or
 * using a handle that is not an open search, is recorded as misuse. The search behind a handle belongs to that machine
 * ({@link FindHandles}): another machine does not find it, and it ends when its machine closes.
 */
final class FindFiles {

    /** {@code INVALID_HANDLE_VALUE}, what FindFirstFileW returns on failure. */
    private static final Pointer INVALID_HANDLE_VALUE = new Pointer(Exports.INVALID_HANDLE_VALUE);

    private FindFiles() {
    }

    static void register(Map<NativeExport, NativeCallback> table) {
        Win32Function.put(table, NativeExport.FindFirstFileW, INVALID_HANDLE_VALUE, a -> findFirst(a.wideString(0), a.pointer(1)));
        Win32Function.put(table, NativeExport.FindNextFileW, 0, a -> findNext(a.pointer(0), a.pointer(1)));
        Win32Function.put(table, NativeExport.FindClose, 0, a -> findClose(a.pointer(0)));
    }

    /** {@code HANDLE FindFirstFileW(LPCWSTR lpFileName, LPWIN32_FIND_DATAW lpFindFileData)}. */
    private static Pointer findFirst(String fileName, Pointer data) {
        if (data == null) {
            // Windows writes through the pointer (an access violation); the simulator's choice is a failure.
            LastError.set(Win32Error.ERROR_INVALID_PARAMETER);
            return INVALID_HANDLE_VALUE;
        }
        DirectoryListing.Result r = DirectoryListing.list(SimulatedMachine.current(), fileName);
        if (r.error() != Win32Error.ERROR_SUCCESS) {
            LastError.set(r.error());
            return INVALID_HANDLE_VALUE;
        }
        Iterator<FindEntry> entries = r.entries().iterator();
        entries.next().write(data);
        Pointer handle = NativeHeap.allocate(BlockKind.FIND_HANDLE, 8, 0, "FindFirstFileW " + fileName);
        SimulatedMachine.current().findHandles().add(handle, entries);
        return handle;
    }

    /** {@code BOOL FindNextFileW(HANDLE hFindFile, LPWIN32_FIND_DATAW lpFindFileData)}. */
    private static int findNext(Pointer handle, Pointer data) {
        FindHandles.Search search = SimulatedMachine.current().findHandles().get(handle);
        if (search == null || !NativeHeap.isLive(BlockKind.FIND_HANDLE, handle)) {
            return notOpen(handle);
        }
        if (data == null) {
            LastError.set(Win32Error.ERROR_INVALID_PARAMETER);
            return 0;
        }
        int found = search.next(data);
        // A FindClose on another thread ended the search between the look-up and the call: the handle is closed.
        return found < 0 ? notOpen(handle) : found;
    }

    private static int notOpen(Pointer handle) {
        SimulatedMachine.current().ledger().error("FindNextFileW on 0x" + Long.toHexString(Pointer.nativeValue(handle))
                + ", which is not an open find handle");
        LastError.set(Win32Error.ERROR_INVALID_HANDLE);
        return 0;
    }

    /** {@code BOOL FindClose(HANDLE hFindFile)}: "After the FindClose function is called, the handle cannot be used". */
    private static int findClose(Pointer handle) {
        // The search ends first (after a FindNextFileW using it returns), then the handle is freed: a concurrent
        // FindNextFileW either finishes before the close or finds the handle closed.
        SimulatedMachine.current().findHandles().close(handle);
        if (!NativeHeap.free(BlockKind.FIND_HANDLE, handle, "FindClose")) {
            LastError.set(Win32Error.ERROR_INVALID_HANDLE);
            return 0;
        }
        return 1;
    }
}
