package org.vss4j.session;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.vss4j.com.Exports;
import org.vss4j.com.Win32Error;

/**
 * The environment writers' paths are expanded in: the machine scope, as the writers' services see it, never the
 * requester's own (its %TEMP%, %USERPROFILE% and %APPDATA% belong to the user who runs the backup).
 *
 * <p>Read with {@code CreateEnvironmentBlock(&block, NULL, FALSE)} through the provider seam: "If this parameter is
 * NULL, the returned environment block contains system variables only", and {@code bInherit = FALSE} keeps the
 * current process's variables out (Microsoft docs, "CreateEnvironmentBlock function"). Windows builds those from
 * {@code HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment} (TEMP, TMP, Path, ComSpec, windir, ...) and
 * the values it derives itself (SystemRoot, SystemDrive, ProgramFiles, CommonProgramFiles, ProgramData,
 * ALLUSERSPROFILE, COMPUTERNAME, ...). The per-user names Windows may still put in such a block (USERPROFILE and the
 * others of {@link #PER_USER}) are removed: which account's profile a writer means is not known to the requester, so
 * a path using one fails with its name instead of pointing into some other profile. docs/volumes.md lists the rules.
 */
final class MachineEnvironment {

    /** Variables of a user profile or logon, not of the machine (Microsoft, same page: "User-specific"). */
    static final Set<String> PER_USER = Set.of("USERPROFILE", "APPDATA", "LOCALAPPDATA", "HOMEDRIVE", "HOMEPATH",
            "HOMESHARE", "USERNAME", "USERDOMAIN", "USERDNSDOMAIN", "USERDOMAIN_ROAMINGPROFILE", "LOGONSERVER",
            "ONEDRIVE", "SESSIONNAME", "CLIENTNAME");

    private MachineEnvironment() {
    }

    /**
     * The machine-scope variables of this machine (names without case).
     *
     * @throws IllegalStateException if {@code CreateEnvironmentBlock} fails
     */
    static Map<String, String> read(Exports exports) {
        PointerByReference out = new PointerByReference();
        if (!exports.createEnvironmentBlock(out, null, false)) {
            throw new IllegalStateException("cannot read the machine-scope environment: CreateEnvironmentBlock "
                    + "failed with " + Win32Error.describe(exports.lastError()));
        }
        Pointer block = out.getValue();
        try {
            return withoutPerUser(parse(block));
        } finally {
            exports.destroyEnvironmentBlock(block);
        }
    }

    /**
     * An environment block: UTF-16LE {@code NAME=VALUE} strings, each NUL-terminated, the last followed by another NUL
     * (Microsoft, same page). Entries whose name starts with {@code =} (the per-drive current directories) are not
     * variables and are skipped.
     */
    static Map<String, String> parse(Pointer block) {
        Map<String, String> vars = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        long offset = 0;
        while (true) {
            int units = 0;
            while (block.getShort(offset + 2L * units) != 0) {
                units++;
            }
            if (units == 0) {
                return vars;
            }
            String entry = new String(block.getByteArray(offset, 2 * units), StandardCharsets.UTF_16LE);
            int eq = entry.indexOf('=', 1);
            if (!entry.startsWith("=") && eq > 0) {
                vars.putIfAbsent(entry.substring(0, eq), entry.substring(eq + 1));
            }
            offset += 2L * (units + 1);
        }
    }

    static Map<String, String> withoutPerUser(Map<String, String> vars) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        vars.forEach((k, v) -> {
            if (!PER_USER.contains(k.toUpperCase(Locale.ROOT))) {
                out.put(k, v);
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
