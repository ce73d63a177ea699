package org.vss4j.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one parser of durations on the command line ({@code --timeout}, {@code --in-progress-timeout}): a number with
 * a unit, as people write them ({@code 30s}, {@code 5m}, {@code 2h}, {@code 500ms}), or an ISO-8601 duration as
 * {@link Duration#parse} reads it ({@code PT5M}). A bad value is one line with examples, not the parser's exception.
 */
final class DurationArgument implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    /** The examples every refusal names. */
    static final String EXAMPLES = "30s, 5m, 2h or an ISO-8601 duration such as PT5M";

    /** The duration {@code text} names; {@link TypeConversionException} when it names none or a negative one. */
    static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Duration d = null;
        Matcher m = SHORT.matcher(t);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } else if (t.startsWith("p") || t.startsWith("-p")) {
                d = Duration.parse(t);
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException tooLargeOrNoDuration) {
            d = null;
        }
        if (d == null) {
            throw new TypeConversionException("'" + text + "' is not a duration: give " + EXAMPLES);
        }
        if (d.isNegative()) {
            throw new TypeConversionException("'" + text + "' is a negative duration: give " + EXAMPLES);
        }
        return d;
    }

    @Override
    public Duration convert(String value) {
        return parse(value);
    }
}
