package org.vss4j.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What gcc said about the probe source: the lines it rejected, and whether a header was missing altogether (which
 * means the mingw-w64 headers are not installed, not that vss4j is wrong). Expects {@code LC_ALL=C} output.
 */
record GccDiagnostics(List<Integer> errorLines, Optional<String> missingHeader, List<String> otherErrors,
        String text) {

    private static final Pattern MISSING_HEADER =
            Pattern.compile("fatal error: ([\\w./\\\\-]+\\.h): No such file or directory");

    static GccDiagnostics parse(String text, String fileName) {
        Pattern ourError = Pattern.compile("^(?:.*[/\\\\])?" + Pattern.quote(fileName) + ":(\\d+):\\d+: error: .*$");
        List<Integer> lines = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher ours = ourError.matcher(line);
            if (ours.matches()) {
                lines.add(Integer.parseInt(ours.group(1)));
            } else if (line.contains(" error: ")) {
                other.add(line);
            }
        }
        Matcher header = MISSING_HEADER.matcher(text);
        return new GccDiagnostics(List.copyOf(lines), header.find() ? Optional.of(header.group(1)) : Optional.empty(),
                List.copyOf(other), text);
    }
}
