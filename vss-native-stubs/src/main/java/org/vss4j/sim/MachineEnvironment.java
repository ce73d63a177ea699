package org.vss4j.sim;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulated machine's machine-scope environment: the system variables Windows gives a process of no particular user
 * ({@code CreateEnvironmentBlock} with a NULL token, which the simulated userenv answers from here). Names compare
 * without case, as on Windows. The default is what a Windows Server installed on {@code C:} has; tests change it with
 * {@link #set} and {@link #remove}. The requester's own process environment never enters it.
 */
public final class MachineEnvironment {

    private final Map<String, String> vars = Collections.synchronizedMap(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private MachineEnvironment() {
    }

    /**
     * The system variables of a default Windows Server installation on {@code C:} (the values of
     * {@code HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment} expanded, and those Windows derives:
     * SystemRoot, SystemDrive, ProgramFiles, ProgramData, ALLUSERSPROFILE, PUBLIC, COMPUTERNAME). No per-user variable.
     */
    static MachineEnvironment windowsServer(String computerName) {
        MachineEnvironment e = new MachineEnvironment();
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

    /** The value of {@code name}, or null. */
    public String get(String name) {
        return vars.get(name);
    }

    /** Sets (or replaces, whatever the case of its name) a machine-scope variable. */
    public MachineEnvironment set(String name, String value) {
        if (name == null || name.isEmpty() || name.indexOf('=', 1) >= 0 || value == null) {
            throw new IllegalArgumentException("not an environment variable: " + name + "=" + value);
        }
        synchronized (vars) {
            vars.remove(name);
            vars.put(name, value);
        }
        return this;
    }

    /** Removes {@code name}. */
    public MachineEnvironment remove(String name) {
        vars.remove(name);
        return this;
    }

    /** A copy of every variable, sorted by name without case (the order of a Windows environment block). */
    public Map<String, String> asMap() {
        synchronized (vars) {
            Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            copy.putAll(vars);
            return Collections.unmodifiableMap(copy);
        }
    }
}
