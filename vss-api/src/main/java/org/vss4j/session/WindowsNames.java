package org.vss4j.session;

/**
 * Whether a name found in a directory listing or given as a path component can be a Windows file name (Microsoft
 * docs, "Naming Files, Paths, and Namespaces": the reserved characters {@code < > : " / \ | ? *} and the characters
 * 1 to 31 may not appear in a name). {@code FindFirstFileW} on Windows never reports such a name; a simulator volume
 * on a Linux host can hold one ({@code a\b} is one name there), and read as a Windows path it would name another
 * file, or with {@code ..\} a file outside the shadow copy.
 */
final class WindowsNames {

    private static final String RESERVED = "<>:\"/\\|?*";

    private WindowsNames() {
    }

    /** Why {@code name} cannot be a Windows file name, or null if it can. */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "the name is empty";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || RESERVED.indexOf(c) >= 0) {
                return "the name '" + printable(name) + "' holds " + describe(c) + ", which no Windows file name "
                        + "can hold (Microsoft docs, \"Naming Files, Paths, and Namespaces\")";
            }
        }
        return null;
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
