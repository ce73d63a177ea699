package org.vss4j.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The access token of the requester process on a simulated machine, as {@code OpenProcessToken} and
 * {@code GetTokenInformation} report it ({@link org.vss4j.sim.win32.TokenExports}): whether it is elevated and the
 * privileges it holds, each enabled or not. By default it is an elevated administrator's token. VSS checks it:
 * {@code CreateVssBackupComponents} fails with {@code E_ACCESSDENIED} when the caller "does not have sufficient
 * backup privileges or is not an administrator" (Microsoft docs, "CreateVssBackupComponents function"), which the
 * simulator reads as: neither elevated nor holding SeBackupPrivilege.
 *
 * <p>Privileges are numbered by their well-known LUIDs ({@code SE_BACKUP_PRIVILEGE} is 17, wdm.h), named as in
 * Microsoft docs, "Privilege Constants". {@code SeCreateSymbolicLinkPrivilege} is the one
 * {@link SimulatedMachine#symbolicLinkPrivilege(boolean)} sets, so {@code CreateSymbolicLinkW} and the token agree.
 */
public final class SimulatedToken {

    /** {@code SE_PRIVILEGE_ENABLED_BY_DEFAULT | SE_PRIVILEGE_ENABLED} (winnt.h). */
    public static final int ENABLED = 0x3;
    /** {@code SE_PRIVILEGE_ENABLED} (winnt.h). */
    public static final int SE_PRIVILEGE_ENABLED = 0x2;
    /** Held but disabled. */
    public static final int DISABLED = 0;

    /** The privilege names by LUID, filled by {@link #luids()}. */
    private static final Map<Integer, String> NAMES = new TreeMap<>();
    /** The well-known privilege LUIDs (wdm.h {@code SE_*_PRIVILEGE}) by lower-case name. */
    private static final Map<String, Integer> LUIDS = luids();

    /** Held by an elevated administrator; those enabled by default are enabled. */
    private static final List<String> ADMINISTRATOR = List.of("SeIncreaseQuotaPrivilege", "SeSecurityPrivilege",
            "SeTakeOwnershipPrivilege", "SeLoadDriverPrivilege", "SeSystemProfilePrivilege", "SeSystemtimePrivilege",
            "SeProfileSingleProcessPrivilege", "SeIncreaseBasePriorityPrivilege", "SeCreatePagefilePrivilege",
            "SeBackupPrivilege", "SeRestorePrivilege", "SeShutdownPrivilege", "SeDebugPrivilege",
            "SeSystemEnvironmentPrivilege", "SeChangeNotifyPrivilege", "SeRemoteShutdownPrivilege",
            "SeUndockPrivilege", "SeManageVolumePrivilege", "SeImpersonatePrivilege", "SeCreateGlobalPrivilege",
            "SeIncreaseWorkingSetPrivilege", "SeTimeZonePrivilege", "SeCreateSymbolicLinkPrivilege",
            "SeDelegateSessionUserImpersonatePrivilege");
    /** Held by a standard user, or by an administrator's filtered (not elevated) token under UAC. */
    private static final List<String> STANDARD_USER = List.of("SeShutdownPrivilege", "SeChangeNotifyPrivilege",
            "SeUndockPrivilege", "SeIncreaseWorkingSetPrivilege", "SeTimeZonePrivilege");
    private static final List<String> ENABLED_BY_DEFAULT = List.of("SeChangeNotifyPrivilege",
            "SeImpersonatePrivilege", "SeCreateGlobalPrivilege");

    private boolean elevated;
    /** Held privileges by LUID, with their attributes. */
    private final Map<Integer, Integer> held = new TreeMap<>();

    private SimulatedToken(boolean elevated, List<String> privileges) {
        this.elevated = elevated;
        for (String p : privileges) {
            held.put(luid(p), ENABLED_BY_DEFAULT.contains(p) ? ENABLED : DISABLED);
        }
    }

    /**
     * An elevated administrator's token (the default of every simulated machine).
     *
     * @return a new token, elevated, holding the administrator's privileges
     */
    public static SimulatedToken elevatedAdministrator() {
        return new SimulatedToken(true, ADMINISTRATOR);
    }

    /**
     * The token of a process run without elevation: not elevated, none of the backup privileges.
     *
     * @return a new token, not elevated, holding a standard user's privileges
     */
    public static SimulatedToken standardUser() {
        return new SimulatedToken(false, STANDARD_USER);
    }

    /**
     * Becomes {@code other}'s copy (a machine keeps one token object).
     *
     * @param other the token copied
     * @return this token
     */
    public synchronized SimulatedToken setTo(SimulatedToken other) {
        Map<Integer, Integer> copy;
        boolean e;
        synchronized (other) {
            copy = new TreeMap<>(other.held);
            e = other.elevated;
        }
        held.clear();
        held.putAll(copy);
        elevated = e;
        return this;
    }

    /**
     * {@code TOKEN_ELEVATION.TokenIsElevated}.
     *
     * @param on whether the token is elevated
     * @return this token
     */
    public synchronized SimulatedToken elevated(boolean on) {
        elevated = on;
        return this;
    }

    /**
     * {@code TOKEN_ELEVATION.TokenIsElevated}: whether the token is elevated.
     *
     * @return true if it is
     */
    public synchronized boolean isElevated() {
        return elevated;
    }

    /**
     * The token holds the privilege {@code name}, enabled or not.
     *
     * @param name the privilege's name, e.g. {@code SeBackupPrivilege}
     * @param enabled whether it is enabled
     * @return this token
     */
    public synchronized SimulatedToken hold(String name, boolean enabled) {
        held.put(luid(name), enabled ? ENABLED : DISABLED);
        return this;
    }

    /**
     * The token does not hold the privilege {@code name}.
     *
     * @param name the privilege's name
     * @return this token
     */
    public synchronized SimulatedToken drop(String name) {
        held.remove(luid(name));
        return this;
    }

    /**
     * Whether the token holds {@code name}.
     *
     * @param name the privilege's name
     * @return true if the token holds it, enabled or not
     */
    public synchronized boolean holds(String name) {
        return held.containsKey(luid(name));
    }

    /**
     * Whether the token holds {@code name} enabled ({@code SE_PRIVILEGE_ENABLED}, winnt.h): what the system checks
     * when a file is opened for backup or restore.
     *
     * @param name the privilege's name
     * @return true if it is held and enabled
     */
    public synchronized boolean isEnabled(String name) {
        Integer a = held.get(luid(name));
        return a != null && (a & SE_PRIVILEGE_ENABLED) != 0;
    }

    /**
     * {@code AdjustTokenPrivileges} for one privilege: enables it (or disables it) if the token holds it.
     *
     * @param luid the privilege's LUID (LowPart)
     * @param enable whether to enable it
     * @return false if the token does not hold it (nothing changed)
     */
    public synchronized boolean adjust(int luid, boolean enable) {
        Integer a = held.get(luid);
        if (a == null) {
            return false;
        }
        held.put(luid, enable ? a | SE_PRIVILEGE_ENABLED : a & ~SE_PRIVILEGE_ENABLED);
        return true;
    }

    /**
     * LUID (its LowPart; HighPart is 0) to {@code LUID_AND_ATTRIBUTES.Attributes}, in LUID order.
     *
     * @return a copy of the held privileges
     */
    public synchronized Map<Integer, Integer> privileges() {
        return new LinkedHashMap<>(held);
    }

    /**
     * The LUID of a privilege name (without case, as LookupPrivilegeValueW compares).
     *
     * @param name the privilege's name, any case
     * @return the LUID's LowPart
     * @throws IllegalArgumentException if no privilege has that name
     */
    public static int luid(String name) {
        Integer v = LUIDS.get(name.toLowerCase(Locale.ROOT));
        if (v == null) {
            throw new IllegalArgumentException("no privilege " + name);
        }
        return v;
    }

    /**
     * The name of the privilege with LUID {@code luid}, or null.
     *
     * @param luid the LUID's LowPart
     * @return the privilege's name, or null if none has that LUID
     */
    public static String name(int luid) {
        return NAMES.get(luid);
    }

    private static Map<String, Integer> luids() {
        String[] names = {null, null, "SeCreateTokenPrivilege", "SeAssignPrimaryTokenPrivilege",
            "SeLockMemoryPrivilege", "SeIncreaseQuotaPrivilege", "SeMachineAccountPrivilege", "SeTcbPrivilege",
            "SeSecurityPrivilege", "SeTakeOwnershipPrivilege", "SeLoadDriverPrivilege", "SeSystemProfilePrivilege",
            "SeSystemtimePrivilege", "SeProfileSingleProcessPrivilege", "SeIncreaseBasePriorityPrivilege",
            "SeCreatePagefilePrivilege", "SeCreatePermanentPrivilege", "SeBackupPrivilege", "SeRestorePrivilege",
            "SeShutdownPrivilege", "SeDebugPrivilege", "SeAuditPrivilege", "SeSystemEnvironmentPrivilege",
            "SeChangeNotifyPrivilege", "SeRemoteShutdownPrivilege", "SeUndockPrivilege", "SeSyncAgentPrivilege",
            "SeEnableDelegationPrivilege", "SeManageVolumePrivilege", "SeImpersonatePrivilege",
            "SeCreateGlobalPrivilege", "SeTrustedCredManAccessPrivilege", "SeRelabelPrivilege",
            "SeIncreaseWorkingSetPrivilege", "SeTimeZonePrivilege", "SeCreateSymbolicLinkPrivilege",
            "SeDelegateSessionUserImpersonatePrivilege"};
        Map<String, Integer> out = new TreeMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                out.put(names[i].toLowerCase(Locale.ROOT), i);
                NAMES.put(i, names[i]);
            }
        }
        return out;
    }
}
