package org.vss4j.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The part of {@code HKEY_LOCAL_MACHINE} a simulated machine has: keys with {@code REG_MULTI_SZ} values, read through
 * {@code RegOpenKeyExW} and {@code RegEnumValueW} ({@link org.vss4j.sim.win32.RegistryExports}). Key and value names
 * compare without case, as in the registry; values enumerate in the order they were set.
 *
 * <p>A new machine has the {@link #FILES_NOT_TO_SNAPSHOT} values a Windows Server without Office carries, matching the
 * exclusions its in-box Shadow Copy Optimization Writer reports (which Windows expands from these values):
 * {@code RAC}, {@code Storage Tiers Management}, {@code WUA} and {@code OutlookOST}. Real machines differ with what is
 * installed (BitLocker adds {@code FVE*} values, Office its Outlook caches); docs/doctor.md says what was chosen.
 */
public final class SimulatedRegistry {

    /** {@code HKLM\SYSTEM\CurrentControlSet\Control\BackupRestore\FilesNotToSnapshot} (Microsoft docs, "Excluding Files from Shadow Copies"). */
    public static final String FILES_NOT_TO_SNAPSHOT =
            "SYSTEM\\CurrentControlSet\\Control\\BackupRestore\\FilesNotToSnapshot";

    private record Value(String name, List<String> strings) {
    }

    /** Lower-case key path to its values by lower-case name. */
    private final Map<String, Map<String, Value>> keys = new LinkedHashMap<>();

    private SimulatedRegistry() {
    }

    /**
     * The registry of a new simulated machine.
     *
     * @return a new registry with the Windows Server's {@code FilesNotToSnapshot} values
     */
    public static SimulatedRegistry windowsServer() {
        SimulatedRegistry r = new SimulatedRegistry();
        r.createKey("SYSTEM\\CurrentControlSet\\Control\\BackupRestore\\FilesNotToBackup");
        r.setMultiString(FILES_NOT_TO_SNAPSHOT, "RAC", List.of("%ProgramData%\\Microsoft\\RAC\\*",
                "%ProgramData%\\Microsoft\\RAC\\StateData\\*", "%ProgramData%\\Microsoft\\RAC\\Outbound\\*",
                "%ProgramData%\\Microsoft\\RAC\\Temp\\*"));
        r.setMultiString(FILES_NOT_TO_SNAPSHOT, "Storage Tiers Management",
                List.of("\\System Volume Information\\Heat\\*.* /s"));
        r.setMultiString(FILES_NOT_TO_SNAPSHOT, "WUA", List.of("%windir%\\softwaredistribution\\*.* /s"));
        r.setMultiString(FILES_NOT_TO_SNAPSHOT, "OutlookOST",
                List.of("$UserProfile$\\AppData\\Local\\Microsoft\\Outlook\\*.ost"));
        return r;
    }

    private static String norm(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    /**
     * Creates {@code key} (a path under HKLM, names separated by {@code \}) if it is missing.
     *
     * @param key the key's path under HKLM
     * @return this registry
     */
    public synchronized SimulatedRegistry createKey(String key) {
        keys.computeIfAbsent(norm(key), k -> new LinkedHashMap<>());
        return this;
    }

    /**
     * Sets the {@code REG_MULTI_SZ} value {@code name} of {@code key} (made if missing).
     *
     * @param key the key's path under HKLM
     * @param name the value's name
     * @param strings the value's strings, none empty or holding a NUL
     * @return this registry
     * @throws IllegalArgumentException for a string that is empty or holds a NUL
     */
    public synchronized SimulatedRegistry setMultiString(String key, String name, List<String> strings) {
        for (String s : strings) {
            if (s.isEmpty() || s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a REG_MULTI_SZ string cannot be empty or hold a NUL: '" + s + "'");
            }
        }
        keys.computeIfAbsent(norm(key), k -> new LinkedHashMap<>()).put(norm(name),
                new Value(name, List.copyOf(strings)));
        return this;
    }

    /**
     * Deletes the value {@code name} of {@code key}, if any.
     *
     * @param key the key's path under HKLM
     * @param name the value's name
     * @return this registry
     */
    public synchronized SimulatedRegistry deleteValue(String key, String name) {
        Map<String, Value> values = keys.get(norm(key));
        if (values != null) {
            values.remove(norm(name));
        }
        return this;
    }

    /**
     * Deletes {@code key} and its subkeys, if any.
     *
     * @param key the key's path under HKLM
     * @return this registry
     */
    public synchronized SimulatedRegistry deleteKey(String key) {
        String k = norm(key);
        keys.keySet().removeIf(p -> p.equals(k) || p.startsWith(k + "\\"));
        return this;
    }

    /**
     * Whether {@code key} exists: set itself, or the parent of a key that is.
     *
     * @param key the key's path under HKLM ({@code ""} is HKLM itself)
     * @return true if the key exists
     */
    public synchronized boolean hasKey(String key) {
        String k = norm(key);
        return k.isEmpty() || keys.keySet().stream().anyMatch(p -> p.equals(k) || p.startsWith(k + "\\"));
    }

    /**
     * The values of {@code key}, name to strings in the order they were set; empty if the key has none.
     *
     * @param key the key's path under HKLM
     * @return a copy of the values
     */
    public synchronized Map<String, List<String>> values(String key) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, Value> values = keys.get(norm(key));
        if (values != null) {
            values.values().forEach(v -> out.put(v.name(), v.strings()));
        }
        return out;
    }

    /**
     * The {@code index}th value of {@code key} as name and strings, or empty past the last.
     *
     * @param key the key's path under HKLM
     * @param index the value's index, from 0 in the order the values were set
     * @return the value, or empty if {@code index} is out of range
     */
    public synchronized Optional<Map.Entry<String, List<String>>> value(String key, int index) {
        List<Map.Entry<String, List<String>>> all = new ArrayList<>(values(key).entrySet());
        return index < 0 || index >= all.size() ? Optional.empty() : Optional.of(all.get(index));
    }
}
