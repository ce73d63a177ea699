package org.vss4j.abi;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the 8-byte constants gcc emitted for the probe globals from its assembly output ({@code -S}), without
 * running anything built for Windows.
 *
 * <p>gcc writes a non-zero {@code long long} as {@code .quad N} and a zero one as {@code .space 8} (or
 * {@code .zero 8}); anything else right after one of our labels is an error, never silently a number.
 */
final class AssemblyConstants {

    private static final Pattern LABEL = Pattern.compile("^([A-Za-z_.$][\\w.$]*):$");
    private static final Pattern QUAD = Pattern.compile("^\\.quad\\s+(-?\\d+)$");
    private static final Pattern ZEROS = Pattern.compile("^\\.(?:space|zero)\\s+8$");

    private AssemblyConstants() {
    }

    /** Label to value, for every label starting with {@code prefix}. */
    static Map<String, Long> parse(String assembly, String prefix) {
        Map<String, Long> values = new HashMap<>();
        String pending = null;
        for (String raw : assembly.split("\\R")) {
            String line = raw.strip();
            Matcher label = LABEL.matcher(line);
            if (label.matches()) {
                pending = label.group(1).startsWith(prefix) ? label.group(1) : null;
                continue;
            }
            if (pending == null || line.isEmpty()) {
                continue;
            }
            Matcher quad = QUAD.matcher(line);
            if (quad.matches()) {
                values.put(pending, Long.parseLong(quad.group(1)));
            } else if (ZEROS.matcher(line).matches()) {
                values.put(pending, 0L);
            } else {
                throw new IllegalStateException("unexpected assembly after label " + pending + ": '" + line + "'");
            }
            pending = null;
        }
        return values;
    }
}
