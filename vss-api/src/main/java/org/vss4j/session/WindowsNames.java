package org.vss4j.session;

import java.util.Locale;

/**
 * The Windows naming rules for one name, in one place (Microsoft docs, "Naming Files, Paths, and Namespaces"):
 * <ul>
 * <li>{@linkplain #problem no Windows file can have the name}: it is empty or holds a reserved character
 * ({@code < > : " / \ | ? *}) or a character 1 to 31 (or a NUL). {@code FindFirstFileW} on Windows never reports
 * such a name; a simulator volume on a Linux host can hold one ({@code a\b} is one name there), and read as a
 * Windows path it would name another file, or with {@code ..\} a file outside the shadow copy;</li>
 * <li>{@linkplain #win32Problem NTFS holds the name, but a Win32 path cannot reach it}: a name ending in a space or a
 * period (Win32 path normalisation strips them, so {@code a.} opens {@code a}), and the reserved device names
 * {@code CON PRN AUX NUL COM1-9 LPT1-9} (also with the superscript digits ¹ ² ³), in any case and also before an
 * extension ({@code NUL.txt} is {@code NUL}), which a Win32 path opens as the device. Such names are made through
 * {@code \\?\}; read through a Win32 path they give another file's data or a device's.</li>
 * </ul>
 * Public for the backup sets' restore (org.vss4j.media), which refuses the names these rules forbid.
 */
public final class WindowsNames {

    private static final String RESERVED = "<>:\"/\\|?*";
    /** The reserved characters a filespec may hold all the same: its wildcards (and {@code DOS_DOT}/{@code DOS_QM}). */
    private static final String WILDCARDS = "<>\"?*";
    private static final String PORT_DIGITS = "123456789\u00b9\u00b2\u00b3";

    private WindowsNames() {
    }

    /** Whether {@code c} may not appear in a Windows file name: a reserved character or a character 0 to 31. */
    static boolean isReserved(char c) {
        return c < 0x20 || RESERVED.indexOf(c) >= 0;
    }

    /** Whether {@code c} may not appear in a filespec: as {@link #isReserved}, wildcards allowed. */
    static boolean isReservedInFileSpec(char c) {
        return isReserved(c) && WILDCARDS.indexOf(c) < 0;
    }

    /** Why {@code name} cannot be a Windows file name, or null if it can. */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "the name is empty";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (isReserved(c)) {
                return "the name '" + printable(name) + "' holds " + describe(c) + ", which no Windows file name "
                        + "can hold (Microsoft docs, \"Naming Files, Paths, and Namespaces\")";
            }
        }
        return null;
    }

    /**
     * Why {@code name}, a name NTFS can hold, cannot be reached through a Win32 path (one without {@code \\?\}), or
     * null if it can: it ends in a space or a period, or it is a reserved device name.
     */
    public static String win32Problem(String name) {
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') {
            return "the name '" + name + "' ends in a " + (last == '.' ? "period" : "space") + ", which Win32 path "
                    + "normalisation strips, so a Win32 path to it names '" + stripTrailing(name) + "' instead "
                    + "(Microsoft docs, \"Naming Files, Paths, and Namespaces\")";
        }
        String device = deviceName(name);
        return device == null ? null : "the name '" + name + "' is the reserved device name " + device + ", which a "
                + "Win32 path opens as the device (Microsoft docs, \"Naming Files, Paths, and Namespaces\")";
    }

    /** The device {@code name} stands for ({@code NUL} for {@code nul.txt}), or null. */
    static String deviceName(String name) {
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
        boolean device = switch (stem.length()) {
            case 3 -> stem.equals("CON") || stem.equals("PRN") || stem.equals("AUX") || stem.equals("NUL");
            case 4 -> (stem.startsWith("COM") || stem.startsWith("LPT")) && PORT_DIGITS.indexOf(stem.charAt(3)) >= 0;
            default -> false;
        };
        return device ? stem : null;
    }

    private static String stripTrailing(String name) {
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        return name.substring(0, end);
    }

    private static String describe(char c) {
        return c < 0x20 ? String.format("the control character U+%04X", (int) c) : "'" + c + "'";
    }

    /** {@code name} with control characters written as {@code \\uXXXX}, for messages. */
    static String printable(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
