package org.vss4j.sim.win32;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vss4j.abi.NativeExport;
import org.vss4j.com.Exports;
import org.vss4j.com.Win32Error;
import org.vss4j.sim.SimulatedMachine;
import org.vss4j.sim.SimulatedRegistry;
import org.vss4j.sim.abi.BlockKind;
import org.vss4j.sim.abi.CallArgs;
import org.vss4j.sim.abi.NativeCallback;
import org.vss4j.sim.abi.NativeHeap;

/**
 * {@code RegOpenKeyExW}, {@code RegEnumValueW} and {@code RegCloseKey} (Microsoft docs, "RegOpenKeyExW function",
 * "RegEnumValueW function", "RegCloseKey function") over the current machine's {@link SimulatedRegistry}. Unlike the
 * other Win32 functions these return their error code ({@code LSTATUS}) and leave the last error alone, so a fault
 * planned with {@code Faults.failWin32OnCall} is returned as the result. What it models:
 * <ul>
 * <li>{@code HKEY_LOCAL_MACHINE} and the keys opened from it; other predefined keys have no keys
 * (ERROR_FILE_NOT_FOUND), a handle that is neither fails with ERROR_INVALID_HANDLE; key names compare without
 * case; a NULL or empty subkey opens the same key again;</li>
 * <li>rights to change a key (KEY_SET_VALUE, KEY_CREATE_SUB_KEY, DELETE, WRITE_DAC, WRITE_OWNER) need an elevated
 * token, else ERROR_ACCESS_DENIED; enumerating values needs KEY_QUERY_VALUE;</li>
 * <li>values are {@code REG_MULTI_SZ}, enumerated in the order they were set (Windows documents no order);
 * ERROR_NO_MORE_ITEMS past the last; a name buffer too small fails with ERROR_MORE_DATA and leaves lpcchValueName
 * alone; a data buffer too small fails with ERROR_MORE_DATA and the size needed in lpcbData; NULL lpData with
 * lpcbData gives the size; lpReserved must be NULL (ERROR_INVALID_PARAMETER);</li>
 * <li>key handles are tracked native blocks: one never closed fails the leak check, a second close is misuse.</li>
 * </ul>
 */
public final class RegistryExports {

    /** {@code KEY_QUERY_VALUE} (winnt.h). */
    static final int KEY_QUERY_VALUE = 0x0001;
    /** KEY_SET_VALUE, KEY_CREATE_SUB_KEY, KEY_CREATE_LINK, DELETE, WRITE_DAC, WRITE_OWNER (winnt.h). */
    static final int WRITE_RIGHTS = 0x0002 | 0x0004 | 0x0020 | 0x00010000 | 0x00040000 | 0x00080000;
    /** {@code REG_OPTION_OPEN_LINK} (winnt.h): the only option RegOpenKeyExW takes. */
    static final int REG_OPTION_OPEN_LINK = 0x0008;
    /** {@code REG_MULTI_SZ} (winnt.h). */
    static final int REG_MULTI_SZ = 7;

    private static final Logger LOG = LoggerFactory.getLogger(RegistryExports.class);
    /** The key path (under HKLM) of each open key handle. */
    private static final Map<Long, String> OPEN = new ConcurrentHashMap<>();

    /** The result of a function. */
    @FunctionalInterface
    private interface Body {
        int call(CallArgs a);
    }

    private RegistryExports() {
    }

    static void register(Map<NativeExport, NativeCallback> table) {
        put(table, NativeExport.RegOpenKeyExW, a -> open(a.pointer(0), a.wideString(1), a.int32(2), a.int32(3), a.pointer(4)));
        put(table, NativeExport.RegEnumValueW, a -> enumValue(a.pointer(0), a.int32(1), a.pointer(2), a.pointer(3), a.pointer(4), a.pointer(5),
                        a.pointer(6), a.pointer(7)));
        put(table, NativeExport.RegCloseKey, a -> close(a.pointer(0)));
    }

    /**
     * An LSTATUS function: a planned fault is its result; a Java exception (a simulator defect) answers
     * ERROR_INTERNAL_ERROR and is recorded in the machine's ledger, as for the other Win32 functions.
     */
    private static void put(Map<NativeExport, NativeCallback> table, NativeExport export, Body body) {
        String name = export.name();
        table.put(export, NativeCallback.of(export, true, raw -> {
            try {
                Integer injected = SimulatedMachine.current().faults().onCall(name);
                return injected != null ? injected : body.call(new CallArgs(raw));
            } catch (RuntimeException | Error e) {
                LOG.error("simulated {} threw; it returns ERROR_INTERNAL_ERROR", name, e);
                SimulatedMachine.current().ledger().error(name + " threw " + e);
                return Win32Error.ERROR_INTERNAL_ERROR;
            }
        }));
    }

    private static int open(Pointer key, String subKey, int options, int access, Pointer out) {
        if (out == null || (options & ~REG_OPTION_OPEN_LINK) != 0) {
            return Win32Error.ERROR_INVALID_PARAMETER;
        }
        String base = path(key);
        if (base == null) {
            return isPredefined(key) ? Win32Error.ERROR_FILE_NOT_FOUND : Win32Error.ERROR_INVALID_HANDLE;
        }
        String full = subKey == null || subKey.isEmpty() ? base : base.isEmpty() ? subKey : base + "\\" + subKey;
        SimulatedMachine machine = SimulatedMachine.current();
        if (full.startsWith("\\") || full.endsWith("\\") || full.contains("\\\\")
                || !machine.registry().hasKey(full)) {
            return Win32Error.ERROR_FILE_NOT_FOUND;
        }
        if ((access & WRITE_RIGHTS) != 0 && !machine.token().isElevated()) {
            return Win32Error.ERROR_ACCESS_DENIED;
        }
        Pointer handle = NativeHeap.allocate(BlockKind.REGISTRY_KEY, 8, 0, "RegOpenKeyExW HKLM\\" + full);
        handle.setInt(0, access);
        OPEN.put(Pointer.nativeValue(handle), full);
        out.setPointer(0, handle);
        return Win32Error.ERROR_SUCCESS;
    }

    private static int enumValue(Pointer key, int index, Pointer name, Pointer nameChars, Pointer reserved,
            Pointer type, Pointer data, Pointer dataBytes) {
        String path = path(key);
        if (path == null) {
            if (!isPredefined(key)) {
                SimulatedMachine.current().ledger().error("RegEnumValueW on " + describe(key)
                        + ", which is not an open registry key");
                return Win32Error.ERROR_INVALID_HANDLE;
            }
            return Win32Error.ERROR_NO_MORE_ITEMS;
        }
        if (!isHklm(key) && (key.getInt(0) & KEY_QUERY_VALUE) == 0) {
            return Win32Error.ERROR_ACCESS_DENIED;
        }
        if (reserved != null || name == null || nameChars == null || (data != null && dataBytes == null)) {
            return Win32Error.ERROR_INVALID_PARAMETER;
        }
        Optional<Map.Entry<String, List<String>>> value = SimulatedMachine.current().registry().value(path, index);
        if (value.isEmpty()) {
            return Win32Error.ERROR_NO_MORE_ITEMS;
        }
        String valueName = value.get().getKey();
        if (Integer.toUnsignedLong(nameChars.getInt(0)) < valueName.length() + 1L) {
            return Win32Error.ERROR_MORE_DATA;
        }
        byte[] bytes = multiString(value.get().getValue());
        if (type != null) {
            type.setInt(0, REG_MULTI_SZ);
        }
        if (data != null && Integer.toUnsignedLong(dataBytes.getInt(0)) < bytes.length) {
            dataBytes.setInt(0, bytes.length);
            return Win32Error.ERROR_MORE_DATA;
        }
        byte[] chars = (valueName + "\0").getBytes(StandardCharsets.UTF_16LE);
        name.write(0, chars, 0, chars.length);
        nameChars.setInt(0, valueName.length());
        if (data != null) {
            data.write(0, bytes, 0, bytes.length);
        }
        if (dataBytes != null) {
            dataBytes.setInt(0, bytes.length);
        }
        return Win32Error.ERROR_SUCCESS;
    }

    private static int close(Pointer key) {
        if (isPredefined(key)) {
            return Win32Error.ERROR_SUCCESS;
        }
        if (key == null || !NativeHeap.free(BlockKind.REGISTRY_KEY, key, "RegCloseKey")) {
            return Win32Error.ERROR_INVALID_HANDLE;
        }
        OPEN.remove(Pointer.nativeValue(key));
        return Win32Error.ERROR_SUCCESS;
    }

    /** {@code REG_MULTI_SZ} data: each string NUL-terminated, then an empty string (Microsoft docs, "Registry Value Types"). */
    static byte[] multiString(List<String> strings) {
        StringBuilder b = new StringBuilder();
        strings.forEach(s -> b.append(s).append('\0'));
        b.append('\0');
        return b.toString().getBytes(StandardCharsets.UTF_16LE);
    }

    /** The path under HKLM of {@code key}: "" for HKLM itself, that of an open key, or null. */
    private static String path(Pointer key) {
        if (isHklm(key)) {
            return "";
        }
        return key != null && NativeHeap.isLive(BlockKind.REGISTRY_KEY, key) ? OPEN.get(Pointer.nativeValue(key))
                : null;
    }

    private static boolean isHklm(Pointer key) {
        return key != null && Pointer.nativeValue(key) == Exports.HKEY_LOCAL_MACHINE;
    }

    /** HKEY_CLASSES_ROOT ... HKEY_CURRENT_USER_LOCAL_SETTINGS: {@code (HKEY)(ULONG_PTR)((LONG)0x8000000n)} (winreg.h). */
    private static boolean isPredefined(Pointer key) {
        long v = key == null ? 0 : Pointer.nativeValue(key);
        return v >= 0xFFFFFFFF80000000L && v <= 0xFFFFFFFF80000007L;
    }

    private static String describe(Pointer p) {
        return p == null ? "NULL" : "0x" + Long.toHexString(Pointer.nativeValue(p));
    }
}
