package org.vss4j.sim;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The environment a simulated machine's writers see: the machine-scope block a Windows Server service running as
 * LocalSystem gets (the VSS service and CryptSvc, which host the in-box writers), not a logged-on user's. Names are
 * looked up case-insensitively, as Windows matches them ({@code %SYSTEMROOT%} and {@code %SystemRoot%} are one
 * variable), and cannot contain {@code =} (Microsoft docs, "GetEnvironmentStringsW function"). Writers put these variables in their paths ({@code %SystemRoot%\System32\config}; Microsoft docs,
 * "IVssCreateWriterMetadata::AddFilesToFileGroup": the path "can contain environment variables"), and a requester
 * expands them as the writer would.
 *
 * <p>The defaults are those of a Windows Server x64 installed on {@code C:} (Microsoft docs, "Recognized Environment
 * Variables"): {@code SystemDrive=C:}, {@code SystemRoot} and {@code windir} {@code C:\Windows}, {@code ProgramData} and
 * {@code ALLUSERSPROFILE} {@code C:\ProgramData}, the program-files folders, {@code PUBLIC}, and for LocalSystem
 * {@code USERPROFILE=C:\Windows\system32\config\systemprofile}, {@code TEMP=TMP=C:\Windows\TEMP}, {@code USERNAME} the
 * computer name followed by {@code $}.
 */
final class MachineEnvironment {

    private final NavigableMap<String, String> variables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    MachineEnvironment(String computerName) {
        String windows = "C:\\Windows";
        String profile = windows + "\\system32\\config\\systemprofile";
        put("ALLUSERSPROFILE", "C:\\ProgramData");
        put("APPDATA", profile + "\\AppData\\Roaming");
        put("CommonProgramFiles", "C:\\Program Files\\Common Files");
        put("CommonProgramFiles(x86)", "C:\\Program Files (x86)\\Common Files");
        put("CommonProgramW6432", "C:\\Program Files\\Common Files");
        put("COMPUTERNAME", computerName);
        put("ComSpec", windows + "\\system32\\cmd.exe");
        put("DriverData", windows + "\\System32\\Drivers\\DriverData");
        put("LOCALAPPDATA", profile + "\\AppData\\Local");
        put("OS", "Windows_NT");
        put("Path", windows + "\\system32;" + windows + ";" + windows + "\\System32\\Wbem;" + windows
                + "\\System32\\WindowsPowerShell\\v1.0\\");
        put("PATHEXT", ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC");
        put("PROCESSOR_ARCHITECTURE", "AMD64");
        put("ProgramData", "C:\\ProgramData");
        put("ProgramFiles", "C:\\Program Files");
        put("ProgramFiles(x86)", "C:\\Program Files (x86)");
        put("ProgramW6432", "C:\\Program Files");
        put("PUBLIC", "C:\\Users\\Public");
        put("SystemDrive", "C:");
        put("SystemRoot", windows);
        put("TEMP", windows + "\\TEMP");
        put("TMP", windows + "\\TEMP");
        put("USERNAME", computerName + "$");
        put("USERPROFILE", profile);
        put("windir", windows);
    }

    /** A copy, looked up case-insensitively. */
    synchronized Map<String, String> snapshot() {
        NavigableMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(variables);
        return Collections.unmodifiableNavigableMap(copy);
    }

    /**
     * Sets {@code name} to {@code value}, or removes it when {@code value} is null (as {@code SetEnvironmentVariable}
     * does with a NULL value; Microsoft docs, "SetEnvironmentVariable function"). The name keeps the case given last.
     */
    synchronized void set(String name, String value) {
        if (name == null || name.isEmpty() || name.indexOf('=') >= 0) {
            throw new IllegalArgumentException("an environment variable name is not empty and has no '=': " + name);
        }
        variables.remove(name);
        if (value != null) {
            variables.put(name, value);
        }
    }

    private void put(String name, String value) {
        variables.put(name, value);
    }
}
