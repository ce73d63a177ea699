package org.vss4j.sim;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment a simulated machine's writers see: the machine-scope block a Windows Server service running as
 * LocalSystem gets (the VSS service and CryptSvc, which host the in-box writers), not a logged-on user's. Names are
 * looked up case-insensitively, as Windows matches them ({@code %SYSTEMROOT%} and {@code %SystemRoot%} are one
 * variable), and cannot contain {@code =} (Microsoft docs, "GetEnvironmentStringsW function").
 * Writers put these variables in their paths ({@code %SystemRoot%\System32\config}; Microsoft docs,
 * "IVssCreateWriterMetadata::AddFilesToFileGroup": the path "can contain environment variables"), and a requester
 * expands them as the writer would.
 *
 * <p>The defaults are the system variables of a Windows Server x64 installed on {@code C:} (Microsoft docs,
 * "Recognized Environment Variables"): what {@code CreateEnvironmentBlock} with no user token returns there, which is
 * what the binding reads on Windows (docs/volumes.md). No per-user variable is set.
 */
public final class SimulatedEnvironment {

    private final Map<String, String> vars = Collections.synchronizedMap(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private SimulatedEnvironment() {
    }

    /**
     * The system variables of a default Windows Server installation on {@code C:} (the values of
     * {@code HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment} expanded, and those Windows derives:
     * SystemRoot, SystemDrive, ProgramFiles, ProgramData, ALLUSERSPROFILE, PUBLIC, COMPUTERNAME). No per-user variable.
     */
    static SimulatedEnvironment windowsServer(String computerName) {
        SimulatedEnvironment e = new SimulatedEnvironment();
        e.set("ALLUSERSPROFILE", "C:\\ProgramData");
        e.set("CommonProgramFiles", "C:\\Program Files\\Common Files");
        e.set("CommonProgramFiles(x86)", "C:\\Program Files (x86)\\Common Files");
        e.set("CommonProgramW6432", "C:\\Program Files\\Common Files");
        e.set("COMPUTERNAME", computerName);
        e.set("ComSpec", "C:\\Windows\\system32\\cmd.exe");
        e.set("DriverData", "C:\\Windows\\System32\\Drivers\\DriverData");
        e.set("NUMBER_OF_PROCESSORS", String.valueOf(Runtime.getRuntime().availableProcessors()));
        e.set("OS", "Windows_NT");
        e.set("Path", "C:\\Windows\\system32;C:\\Windows;C:\\Windows\\System32\\Wbem;"
                + "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\");
        e.set("PATHEXT", ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC");
        e.set("PROCESSOR_ARCHITECTURE", "AMD64");
        e.set("ProgramData", "C:\\ProgramData");
        e.set("ProgramFiles", "C:\\Program Files");
        e.set("ProgramFiles(x86)", "C:\\Program Files (x86)");
        e.set("ProgramW6432", "C:\\Program Files");
        e.set("PUBLIC", "C:\\Users\\Public");
        e.set("SystemDrive", "C:");
        e.set("SystemRoot", "C:\\Windows");
        e.set("TEMP", "C:\\Windows\\TEMP");
        e.set("TMP", "C:\\Windows\\TEMP");
        e.set("windir", "C:\\Windows");
        return e;
    }

    /**
     * The value of {@code name}, or null.
     *
     * @param name the variable's name, any case
     * @return its value, or null if it is not defined
     */
    public String get(String name) {
        return vars.get(name);
    }

    /**
     * {@code s} with each {@code %NAME%} of a defined variable replaced by its value, once, as
     * {@code ExpandEnvironmentStringsW} does (Microsoft docs, "ExpandEnvironmentStringsW function"); a name that is
     * not defined stays as written, with its percent signs.
     *
     * @param s the string to expand
     * @return the expanded string
     */
    public String expand(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf('%', i);
            int close = open < 0 ? -1 : s.indexOf('%', open + 1);
            if (close < 0) {
                out.append(s, i, s.length());
                break;
            }
            String value = close > open + 1 ? get(s.substring(open + 1, close)) : null;
            if (value == null) {
                out.append(s, i, close);
                i = close;
            } else {
                out.append(s, i, open).append(value);
                i = close + 1;
            }
        }
        return out.toString();
    }

    /**
     * Sets (or replaces, whatever the case of its name) a machine-scope variable.
     *
     * @param name the variable's name, not empty and without {@code =} after its first character
     * @param value its value, not null
     * @return this environment
     * @throws IllegalArgumentException for a name or value no environment block can hold
     */
    public SimulatedEnvironment set(String name, String value) {
        if (name == null || name.isEmpty() || name.indexOf('=', 1) >= 0 || value == null) {
            throw new IllegalArgumentException("not an environment variable: " + name + "=" + value);
        }
        synchronized (vars) {
            vars.remove(name);
            vars.put(name, value);
        }
        return this;
    }

    /**
     * Removes {@code name}.
     *
     * @param name the variable's name, any case
     * @return this environment
     */
    public SimulatedEnvironment remove(String name) {
        vars.remove(name);
        return this;
    }

    /**
     * A copy of every variable, sorted by name without case (the order of a Windows environment block).
     *
     * @return a sorted copy, name to value
     */
    public Map<String, String> asMap() {
        synchronized (vars) {
            Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            copy.putAll(vars);
            return Collections.unmodifiableMap(copy);
        }
    }
}
