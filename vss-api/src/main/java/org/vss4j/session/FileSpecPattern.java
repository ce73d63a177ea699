package org.vss4j.session;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A file specification of a Writer Metadata Document ({@code *.mdf}, {@code log?.txt}, {@code *.*}) matched against
 * file names the way Windows matches wildcards: case-insensitively; {@code *} any run of characters (dots included),
 * {@code ?} one character; {@code *.*} every name; a pattern ending in {@code .*} also matches the name without an
 * extension ({@code data.*} matches {@code data}); a pattern ending in a single {@code .} matches only names without
 * an extension. The VSS docs say a filespec "can contain the ? and * wildcard characters" and no directory part
 * (Microsoft IVssCreateWriterMetadata::AddFilesToFileGroup); the two dot rules are the Win32 ones for
 * {@code FindFirstFile} patterns (DOS_STAR/DOS_DOT of {@code FsRtlIsNameInExpression}) [inferred: VSS documents no
 * other semantics].
 */
final class FileSpecPattern {

    private final String spec;
    private final Pattern pattern;
    private final boolean noExtensionOnly;

    private FileSpecPattern(String spec, Pattern pattern, boolean noExtensionOnly) {
        this.spec = spec;
        this.pattern = pattern;
        this.noExtensionOnly = noExtensionOnly;
    }

    /**
     * @throws UnresolvablePathException ({@link UnresolvablePathException.Reason#INVALID_FILESPEC}) for a filespec
     *                                   with a directory part ({@code \}, {@code /}), a drive or stream
     *                                   ({@code :}), {@code |} or a control character: it can match no file name,
     *                                   and the file set would silently name nothing
     */
    static FileSpecPattern of(String filespec) {
        if (filespec != null) {
            for (int i = 0; i < filespec.length(); i++) {
                char c = filespec.charAt(i);
                if (WindowsNames.isReservedInFileSpec(c)) {
                    throw new UnresolvablePathException(WindowsNames.printable(filespec),
                            UnresolvablePathException.Reason.INVALID_FILESPEC, c < 0x20
                                    ? String.format("U+%04X", (int) c) : "'" + c + "'");
                }
            }
        }
        String spec = filespec == null || filespec.isEmpty() ? "*" : filespec.toLowerCase(Locale.ROOT);
        if (spec.equals("*") || spec.equals("*.*")) {
            return new FileSpecPattern(spec, null, false);
        }
        if (spec.endsWith(".*")) {
            String base = spec.substring(0, spec.length() - 2);
            return new FileSpecPattern(spec, Pattern.compile(glob(base) + "(\\..*)?", Pattern.DOTALL), false);
        }
        if (spec.endsWith(".")) {
            String base = spec.substring(0, spec.length() - 1);
            return new FileSpecPattern(spec, Pattern.compile(glob(base), Pattern.DOTALL), true);
        }
        return new FileSpecPattern(spec, Pattern.compile(glob(spec), Pattern.DOTALL), false);
    }

    /** Whether every name matches ({@code *} or {@code *.*}): a recursive rule with it covers whole directories. */
    boolean matchesEverything() {
        return pattern == null;
    }

    /**
     * The one name this filespec matches, in lower case, when it has no wildcard and no trailing-dot rule
     * ({@code data.mdf}); null otherwise. {@link #matches} of a name is then its lower case equal to this.
     */
    String literalName() {
        return pattern == null || noExtensionOnly || spec.indexOf('*') >= 0 || spec.indexOf('?') >= 0 ? null : spec;
    }

    boolean matches(String fileName) {
        if (pattern == null) {
            return true;
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (noExtensionOnly && name.contains(".")) {
            return false;
        }
        return pattern.matcher(name).matches();
    }

    private static String glob(String spec) {
        StringBuilder b = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : spec.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    b.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                b.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            b.append(Pattern.quote(literal.toString()));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return spec;
    }
}
