package org.vss4j.cli;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a FilesNotToSnapshot entry can name files under the sources of a backup. An entry is a path and a file
 * pattern, {@code /s} for its subdirectories too; it may start with an environment variable ({@code %windir%}) or
 * {@code $UserProfile$} (Microsoft docs, "Excluding Files from Shadow Copies"). A variable is expanded with this
 * process's environment (on Windows the machine's); where it is not set (off Windows), it stands for a directory of
 * the system drive ({@code %SystemDrive%}, C: when unset), where Windows keeps %windir%, %ProgramData% and the user
 * profiles by default. An entry without a drive letter ({@code \System Volume Information\...}) is on every volume: it
 * is judged on each source's own volume. One a source cannot be compared with (a mounted folder, a volume GUID name)
 * is kept.
 */
final class SnapshotOmissionScope {

    private static final Pattern VARIABLE = Pattern.compile("^(%([^%]+)%|\\$([^$]+)\\$)(.*)$");

    private final UnaryOperator<String> environment;

    SnapshotOmissionScope(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** With this process's environment. */
    static SnapshotOmissionScope ofThisProcess() {
        return new SnapshotOmissionScope(System::getenv);
    }

    /** Whether {@code entry} can name a file under one of {@code sources} ({@code D:\}, {@code D:\data}). */
    boolean mayNameFilesUnder(String entry, List<String> sources) {
        String e = entry.strip();
        boolean recursive = e.toLowerCase(Locale.ROOT).endsWith(" /s");
        if (recursive) {
            e = e.substring(0, e.length() - 3).strip();
        }
        Matcher v = VARIABLE.matcher(e);
        if (v.matches()) {
            String name = v.group(2) != null ? v.group(2) : v.group(3);
            String value = environment.apply(name.equalsIgnoreCase("UserProfile") ? "USERPROFILE" : name);
            if (value == null || !value.matches("[A-Za-z]:.*")) {
                String drive = environment.apply("SystemDrive");
                String system = drive != null && drive.matches("[A-Za-z]:") ? drive : "C:";
                // The directory itself is unknown: on the system drive, it may be below any source there.
                return sources.stream().anyMatch(s -> s.regionMatches(true, 0, system, 0, 2));
            }
            e = value + v.group(4);
        }
        // Without a drive (\System Volume Information\...) the entry is on every volume: on each source's own.
        boolean everyVolume = e.startsWith("\\") && !e.startsWith("\\\\");
        if (!everyVolume && !e.matches("[A-Za-z]:\\\\.*")) {
            return true;
        }
        for (String source : sources) {
            if (!source.matches("[A-Za-z]:.*")) {
                return true;
            }
            String onVolume = everyVolume ? source.substring(0, 2) + e : e;
            String dir = lower(onVolume.substring(0, onVolume.lastIndexOf('\\')));
            String s = lower(source);
            if (dir.equals(s) || dir.startsWith(s + "\\") || recursive && s.startsWith(dir + "\\")) {
                return true;
            }
        }
        return false;
    }

    private static String lower(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith("\\") ? p.substring(0, p.length() - 1) : p;
    }
}
