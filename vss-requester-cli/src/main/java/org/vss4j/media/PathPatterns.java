package org.vss4j.media;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The restore's path patterns: globs over entry names ({@code D/orders/*.db}), {@code *} and {@code ?} within one
 * name, {@code **} across names ({@code **}{@code /} also matches no name at all), {@code \} read as {@code /}, a leading drive {@code D:\} as its root {@code D}, case-insensitive as Windows names are. A pattern that
 * matches a directory selects everything under it. No pattern selects everything.
 */
final class PathPatterns {

    private final List<Pattern> patterns;

    PathPatterns(List<String> globs) {
        this.patterns = globs.stream().map(PathPatterns::compile).toList();
    }

    /** Whether there is no pattern, so that everything is selected. */
    boolean selectsAll() {
        return patterns.isEmpty();
    }

    boolean selects(List<String> segments) {
        if (patterns.isEmpty()) {
            return true;
        }
        StringBuilder prefix = new StringBuilder();
        for (String s : segments) {
            if (prefix.length() > 0) {
                prefix.append('/');
            }
            prefix.append(s);
            String candidate = prefix.toString().toLowerCase(Locale.ROOT);
            for (Pattern p : patterns) {
                if (p.matcher(candidate).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Pattern compile(String glob) {
        String g = glob.replace('\\', '/').toLowerCase(Locale.ROOT);
        if (g.length() >= 3 && g.charAt(1) == ':' && g.charAt(2) == '/' && Character.isLetter(g.charAt(0))) {
            // A Windows path as the backup printed it (D:\data\*): a drive's root in data.tar is its letter (D).
            g = g.charAt(0) + g.substring(2);
        }
        while (g.endsWith("/")) {
            g = g.substring(0, g.length() - 1);
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                if (i + 2 < g.length() && g.charAt(i + 2) == '/') {
                    re.append("(?:.*/)?"); // "**/" is zero or more whole names: D/orders/**/*.db has D/orders/a.db
                    i += 2;
                } else {
                    re.append(".*");
                    i++;
                }
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
