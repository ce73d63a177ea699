package org.vss4j.cli;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one parser of GUIDs on the command line (shadow copy, set and writer ids): {@code {xxxxxxxx-...}}, as the text
 * output and Windows tools print them, or bare, as the JSON output has them. Only the canonical 8-4-4-4-12 hex form:
 * {@link UUID#fromString} also takes shortened groups ({@code 1-2-3-4-5}), which names no GUID a user has seen.
 */
final class GuidArgument implements ITypeConverter<UUID> {

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The GUID {@code text} names, or empty when it is none (braces optional, surrounding blanks ignored). */
    static java.util.Optional<UUID> parse(String text) {
        String bare = text == null ? "" : text.strip();
        if (bare.startsWith("{") && bare.endsWith("}")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return GUID.matcher(bare).matches() ? java.util.Optional.of(UUID.fromString(bare.toLowerCase(Locale.ROOT)))
                : java.util.Optional.empty();
    }

    @Override
    public UUID convert(String value) {
        return parse(value).orElseThrow(() -> new TypeConversionException("'" + value + "' is not a GUID: give "
                + "it as {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} or without the braces, as `vss snapshot list` "
                + "prints it"));
    }
}
