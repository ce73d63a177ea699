package org.vss4j.sim.win32;

import com.sun.jna.Pointer;
import java.util.Map;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedToken;
import org.vss4j.sim.abi.BlockKind;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.sim.abi.NativeHeap;

/**
 * {@code OpenProcessToken}, {@code GetTokenInformation}, {@code LookupPrivilegeNameW} and {@code CloseHandle} for
 * token handles (Microsoft docs, "OpenProcessToken function", "GetTokenInformation function",
 * "LookupPrivilegeNameW function", "CloseHandle function"), answered from the current machine's
 * {@link SimulatedToken}. What it models:
 * <ul>
 * <li>only the current process: its pseudo handle {@code (HANDLE)-1}; any other process handle fails with
 * ERROR_INVALID_HANDLE;</li>
 * <li>a token handle is a tracked native block: one never closed fails the leak check, a second close is misuse;
 * GetTokenInformation needs the handle opened with TOKEN_QUERY, else ERROR_ACCESS_DENIED;</li>
 * <li>two information classes: {@code TokenPrivileges} (a buffer too small: ERROR_INSUFFICIENT_BUFFER with the size
 * needed in ReturnLength) and {@code TokenElevation} (a fixed-size class; a length below 4 fails with
 * ERROR_BAD_LENGTH, the code of a mismatched fixed-size buffer, as Microsoft documents none); any other class fails
 * with ERROR_INVALID_PARAMETER (not modelled);</li>
 * <li>the token is read when queried, so a change of the machine's token shows at the next call, as a change made
 * with AdjustTokenPrivileges would;</li>
 * <li>LookupPrivilegeNameW knows the well-known LUIDs only (HighPart 0) and the local system only (a system name
 * fails with ERROR_NOT_SUPPORTED); an unknown LUID fails with ERROR_NO_SUCH_PRIVILEGE; a buffer too small fails with
 * ERROR_INSUFFICIENT_BUFFER and the size needed, NUL included, in cchName.</li>
 * </ul>
 * A NULL out pointer, where Windows would fault, fails with ERROR_INVALID_PARAMETER (the simulator's choice).
 */
public final class TokenExports {

    /** {@code TOKEN_QUERY}, {@code TOKEN_ADJUST_PRIVILEGES} (winnt.h). */
    static final int TOKEN_QUERY = 0x0008;
    static final int TOKEN_ADJUST_PRIVILEGES = 0x0020;
    /** {@code SE_PRIVILEGE_REMOVED} (winnt.h). */
    static final int SE_PRIVILEGE_REMOVED = 0x4;
    /** {@code TokenPrivileges}, {@code TokenElevation} of {@code TOKEN_INFORMATION_CLASS} (winnt.h). */
    static final int TOKEN_PRIVILEGES = 3;
    static final int TOKEN_ELEVATION = 20;

    private TokenExports() {
    }

    static void register(Map<NativeExport, NativeCallback> table) {
        Win32Function.put(table, NativeExport.OpenProcessToken, 0, a -> open(a.pointer(0), a.int32(1), a.pointer(2)));
        Win32Function.put(table, NativeExport.GetTokenInformation, 0, a -> information(a.pointer(0), a.int32(1), a.pointer(2), a.int32(3), a.pointer(4)));
        Win32Function.put(table, NativeExport.LookupPrivilegeNameW, 0, a -> lookupName(a.pointer(0), a.pointer(1), a.pointer(2), a.pointer(3)));
        Win32Function.put(table, NativeExport.LookupPrivilegeValueW, 0, a -> lookupValue(a.pointer(0), a.wideString(1), a.pointer(2)));
        Win32Function.put(table, NativeExport.AdjustTokenPrivileges, 0, a -> adjust(a.pointer(0), a.int32(1), a.pointer(2), a.int32(3), a.pointer(4), a.pointer(5)));
        Win32Function.put(table, NativeExport.CloseHandle, 0, a -> close(a.pointer(0)));
    }

    private static int open(Pointer process, int access, Pointer out) {
        if (out == null) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        if (process == null || Pointer.nativeValue(process) != Exports.CURRENT_PROCESS) {
            return fail(Win32Error.ERROR_INVALID_HANDLE);
        }
        Pointer handle = NativeHeap.allocate(BlockKind.TOKEN_HANDLE, 8, 0, NativeExport.OpenProcessToken.name());
        handle.setInt(0, access);
        out.setPointer(0, handle);
        return 1;
    }

    private static int information(Pointer token, int infoClass, Pointer info, int length, Pointer returnLength) {
        if (token == null || !NativeHeap.isLive(BlockKind.TOKEN_HANDLE, token)) {
            SimulatedMachine.current().ledger().error("GetTokenInformation on " + describe(token)
                    + ", which is not an open token handle");
            return fail(Win32Error.ERROR_INVALID_HANDLE);
        }
        if ((token.getInt(0) & TOKEN_QUERY) == 0) {
            return fail(Win32Error.ERROR_ACCESS_DENIED);
        }
        if (returnLength == null) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        SimulatedToken t = SimulatedMachine.current().token();
        if (infoClass == TOKEN_ELEVATION) {
            returnLength.setInt(0, 4);
            if (length < 4) {
                return fail(Win32Error.ERROR_BAD_LENGTH);
            }
            if (info == null) {
                return fail(Win32Error.ERROR_INVALID_PARAMETER);
            }
            info.setInt(0, t.isElevated() ? 1 : 0);
            return 1;
        }
        if (infoClass == TOKEN_PRIVILEGES) {
            Map<Integer, Integer> held = t.privileges();
            int needed = 4 + 12 * held.size();
            returnLength.setInt(0, needed);
            if (length < needed) {
                return fail(Win32Error.ERROR_INSUFFICIENT_BUFFER);
            }
            if (info == null) {
                return fail(Win32Error.ERROR_INVALID_PARAMETER);
            }
            // TOKEN_PRIVILEGES: DWORD PrivilegeCount, then LUID_AND_ATTRIBUTES { LUID { DWORD LowPart; LONG
            // HighPart; } DWORD Attributes; } each 12 bytes (winnt.h).
            info.setInt(0, held.size());
            long at = 4;
            for (Map.Entry<Integer, Integer> p : held.entrySet()) {
                info.setInt(at, p.getKey());
                info.setInt(at + 4, 0);
                info.setInt(at + 8, p.getValue());
                at += 12;
            }
            return 1;
        }
        return fail(Win32Error.ERROR_INVALID_PARAMETER);
    }

    private static int lookupName(Pointer systemName, Pointer luid, Pointer name, Pointer cchName) {
        if (systemName != null) {
            return fail(Win32Error.ERROR_NOT_SUPPORTED);
        }
        if (luid == null || cchName == null) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        String privilege = luid.getInt(4) == 0 ? SimulatedToken.name(luid.getInt(0)) : null;
        if (privilege == null) {
            return fail(Win32Error.ERROR_NO_SUCH_PRIVILEGE);
        }
        int room = cchName.getInt(0);
        if (name == null || room < privilege.length() + 1) {
            cchName.setInt(0, privilege.length() + 1);
            return fail(Win32Error.ERROR_INSUFFICIENT_BUFFER);
        }
        Utf16.write(name, privilege);
        cchName.setInt(0, privilege.length());
        return 1;
    }

    /**
     * {@code LookupPrivilegeValueW}: the well-known LUID of a privilege name, without case, on the local system only
     * (a system name fails with ERROR_NOT_SUPPORTED); an unknown name fails with ERROR_NO_SUCH_PRIVILEGE.
     */
    private static int lookupValue(Pointer systemName, String name, Pointer luid) {
        if (systemName != null) {
            return fail(Win32Error.ERROR_NOT_SUPPORTED);
        }
        if (name == null || luid == null) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        int value;
        try {
            value = SimulatedToken.luid(name);
        } catch (IllegalArgumentException e) {
            return fail(Win32Error.ERROR_NO_SUCH_PRIVILEGE);
        }
        luid.setInt(0, value);
        luid.setInt(4, 0);
        return 1;
    }

    /**
     * {@code AdjustTokenPrivileges}: the handle needs TOKEN_ADJUST_PRIVILEGES (else ERROR_ACCESS_DENIED). Each
     * privilege of NewState is enabled or disabled if the token holds it; TRUE is returned either way, with the last
     * error ERROR_SUCCESS when all were held and ERROR_NOT_ALL_ASSIGNED when one was not (Microsoft docs,
     * "AdjustTokenPrivileges function"). PreviousState, when given, receives "the previous state of any privileges
     * that the function modifies": only those whose enabled state changes, with their attributes before the call, so
     * passing it back as NewState undoes the call. ReturnLength receives the size that needs; a BufferLength below it
     * fails with ERROR_INSUFFICIENT_BUFFER and changes nothing. A NULL ReturnLength with a PreviousState fails with
     * ERROR_INVALID_PARAMETER, as any NULL out pointer here. DisableAllPrivileges and SE_PRIVILEGE_REMOVED are not
     * modelled: ERROR_INVALID_PARAMETER.
     */
    private static int adjust(Pointer token, int disableAll, Pointer newState, int length, Pointer previous,
            Pointer returnLength) {
        if (token == null || !NativeHeap.isLive(BlockKind.TOKEN_HANDLE, token)) {
            SimulatedMachine.current().ledger().error("AdjustTokenPrivileges on " + describe(token)
                    + ", which is not an open token handle");
            return fail(Win32Error.ERROR_INVALID_HANDLE);
        }
        if ((token.getInt(0) & TOKEN_ADJUST_PRIVILEGES) == 0) {
            return fail(Win32Error.ERROR_ACCESS_DENIED);
        }
        if (disableAll != 0 || newState == null || (previous != null && returnLength == null)) {
            return fail(Win32Error.ERROR_INVALID_PARAMETER);
        }
        int count = newState.getInt(0);
        for (int i = 0; i < count; i++) {
            if ((newState.getInt(4 + 12L * i + 8) & SE_PRIVILEGE_REMOVED) != 0 || newState.getInt(4 + 12L * i + 4) != 0) {
                return fail(Win32Error.ERROR_INVALID_PARAMETER);
            }
        }
        SimulatedToken t = SimulatedMachine.current().token();
        synchronized (t) {
            // The privileges this call changes, with their attributes before it (a LinkedHashMap: NewState's order).
            Map<Integer, Integer> before = t.privileges();
            Map<Integer, Integer> changed = new java.util.LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                long at = 4 + 12L * i;
                Integer a = before.get(newState.getInt(at));
                boolean enable = (newState.getInt(at + 8) & SimulatedToken.SE_PRIVILEGE_ENABLED) != 0;
                if (a != null && ((a & SimulatedToken.SE_PRIVILEGE_ENABLED) != 0) != enable) {
                    changed.putIfAbsent(newState.getInt(at), a);
                }
            }
            if (previous != null) {
                int needed = 4 + 12 * changed.size();
                returnLength.setInt(0, needed);
                if (Integer.toUnsignedLong(length) < needed) {
                    return fail(Win32Error.ERROR_INSUFFICIENT_BUFFER);
                }
            }
            boolean all = true;
            for (int i = 0; i < count; i++) {
                long at = 4 + 12L * i;
                boolean enable = (newState.getInt(at + 8) & SimulatedToken.SE_PRIVILEGE_ENABLED) != 0;
                all &= t.adjust(newState.getInt(at), enable);
            }
            if (previous != null) {
                // TOKEN_PRIVILEGES: PrivilegeCount, then LUID_AND_ATTRIBUTES of 12 bytes each (winnt.h).
                previous.setInt(0, changed.size());
                long at = 4;
                for (Map.Entry<Integer, Integer> p : changed.entrySet()) {
                    previous.setInt(at, p.getKey());
                    previous.setInt(at + 4, 0);
                    previous.setInt(at + 8, p.getValue());
                    at += 12;
                }
            }
            LastError.set(all ? Win32Error.ERROR_SUCCESS : Win32Error.ERROR_NOT_ALL_ASSIGNED);
            return 1;
        }
    }

    /**
     * {@code CloseHandle}: the token handles this simulator gives. The current process's pseudo handle may be closed
     * and nothing happens ("Calling the CloseHandle function with a pseudo handle has no effect", Microsoft docs,
     * "GetCurrentProcess function"); anything else is not a handle the simulator gave, ERROR_INVALID_HANDLE.
     */
    private static int close(Pointer handle) {
        if (handle != null && Pointer.nativeValue(handle) == Exports.CURRENT_PROCESS) {
            return 1;
        }
        if (handle != null && NativeHeap.isLive(BlockKind.FILE_HANDLE, handle)) {
            return FileHandles.close(handle) ? 1 : fail(Win32Error.ERROR_INVALID_HANDLE);
        }
        if (handle == null || !NativeHeap.free(BlockKind.TOKEN_HANDLE, handle, "CloseHandle")) {
            return fail(Win32Error.ERROR_INVALID_HANDLE);
        }
        return 1;
    }

    private static String describe(Pointer p) {
        return p == null ? "NULL" : "0x" + Long.toHexString(Pointer.nativeValue(p));
    }

    private static int fail(int error) {
        LastError.set(error);
        return 0;
    }
}
