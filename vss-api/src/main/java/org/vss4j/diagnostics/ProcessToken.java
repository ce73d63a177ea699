package org.vss4j.diagnostics;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vss4j.com.Exports;
import org.vss4j.com.Utf16;
import org.vss4j.com.Win32Error;

/**
 * This process's access token as VSS sees the requester: whether it is elevated and which privileges it holds. Read
 * through the provider seam with {@code OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY)},
 * {@code GetTokenInformation(TokenElevation)} and {@code GetTokenInformation(TokenPrivileges)}, each privilege's
 * LUID named with {@code LookupPrivilegeNameW} (Microsoft docs, "OpenProcessToken function",
 * "GetTokenInformation function", "LookupPrivilegeNameW function"; the structures of winnt.h).
 *
 * @param elevated   {@code TOKEN_ELEVATION.TokenIsElevated}
 * @param privileges the privileges the token holds, in the token's order
 */
public record ProcessToken(boolean elevated, List<Privilege> privileges) {

    /** {@code TOKEN_QUERY} (winnt.h). */
    static final int TOKEN_QUERY = 0x0008;
    /** {@code TokenPrivileges} of {@code TOKEN_INFORMATION_CLASS} (winnt.h). */
    static final int TOKEN_PRIVILEGES = 3;
    /** {@code TokenElevation} of {@code TOKEN_INFORMATION_CLASS} (winnt.h). */
    static final int TOKEN_ELEVATION = 20;
    /** {@code sizeof(LUID_AND_ATTRIBUTES)}: a LUID (DWORD LowPart, LONG HighPart) and a DWORD, 4-byte aligned. */
    private static final int LUID_AND_ATTRIBUTES_SIZE = 12;
    /** The start of {@code TOKEN_PRIVILEGES.Privileges}, after the DWORD PrivilegeCount. */
    private static final int PRIVILEGES_OFFSET = 4;

    public ProcessToken {
        privileges = List.copyOf(privileges);
    }

    /** The token of this process, read through {@link Exports#current()}. */
    public static ProcessToken ofCurrentProcess() {
        return read(Exports.current());
    }

    /**
     * The token of this process.
     *
     * @throws Win32CallException naming the call that failed
     */
    public static ProcessToken read(Exports exports) {
        PointerByReference handle = new PointerByReference();
        if (!exports.openProcessToken(new Pointer(Exports.CURRENT_PROCESS), TOKEN_QUERY, handle)) {
            throw new Win32CallException("OpenProcessToken(TOKEN_QUERY)", exports.lastError());
        }
        Pointer token = handle.getValue();
        try {
            return new ProcessToken(elevated(exports, token), privileges(exports, token));
        } finally {
            exports.closeHandle(token);
        }
    }

    /** The privilege {@code name} if the token holds it (names compare without case, as Windows does). */
    public Optional<Privilege> privilege(String name) {
        return privileges.stream().filter(p -> p.name().equalsIgnoreCase(name) && !p.removed()).findFirst();
    }

    private static boolean elevated(Exports exports, Pointer token) {
        Memory elevation = new Memory(4);
        IntByReference length = new IntByReference();
        if (!exports.getTokenInformation(token, TOKEN_ELEVATION, elevation, 4, length)) {
            throw new Win32CallException("GetTokenInformation(TokenElevation)", exports.lastError());
        }
        return elevation.getInt(0) != 0;
    }

    /**
     * {@code TOKEN_PRIVILEGES}, sized by a first call: "If the buffer ... is too small, the function fails" and
     * ReturnLength "receives the number of bytes needed" (Microsoft docs, "GetTokenInformation function"). The token
     * may gain privileges between the calls, so a second shortfall asks again.
     */
    private static List<Privilege> privileges(Exports exports, Pointer token) {
        SizedBuffer.Outcome r = SizedBuffer.fill(null, 1, 4, Win32Error.ERROR_INSUFFICIENT_BUFFER,
                (buffer, size, needed) -> exports.getTokenInformation(token, TOKEN_PRIVILEGES, buffer, size, needed)
                        ? Win32Error.ERROR_SUCCESS : exports.lastError());
        if (!r.succeeded()) {
            throw new Win32CallException("GetTokenInformation(TokenPrivileges)", r.error());
        }
        return parse(exports, r.buffer());
    }

    private static List<Privilege> parse(Exports exports, Memory buffer) {
        int count = buffer.getInt(0);
        List<Privilege> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long at = PRIVILEGES_OFFSET + (long) i * LUID_AND_ATTRIBUTES_SIZE;
            out.add(new Privilege(name(exports, buffer.share(at)), buffer.getInt(at + 8)));
        }
        return out;
    }

    /**
     * The name of the privilege whose LUID is at {@code luid}: cchName is the buffer's size in characters going in,
     * and the name's length (without the NUL) coming out, or the size needed when the buffer was too small
     * (Microsoft docs, "LookupPrivilegeNameW function"). A LUID the system cannot name is shown by its value.
     */
    private static String name(Exports exports, Pointer luid) {
        SizedBuffer.Outcome r = SizedBuffer.fill(new Memory(2L * 64), 2, 3, Win32Error.ERROR_INSUFFICIENT_BUFFER,
                (buffer, chars, cch) -> {
                    cch.setValue(chars);
                    return exports.lookupPrivilegeName(null, luid, buffer, cch)
                            ? Win32Error.ERROR_SUCCESS : exports.lastError();
                });
        if (r.succeeded()) {
            return Utf16.read(r.buffer(), Math.min(r.needed(), (int) (r.buffer().size() / 2)));
        }
        return String.format("LUID %d:%d", luid.getInt(4), luid.getInt(0) & 0xFFFFFFFFL);
    }
}
