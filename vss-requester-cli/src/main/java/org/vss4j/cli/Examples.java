package org.vss4j.cli;

/**
 * How the help texts mark their examples: what cmd.exe and a POSIX shell each do with {@code %VAR%}, {@code "$VAR"},
 * quotes and backslashes differs, so an example that only one of them runs as shown says which.
 */
final class Examples {

    /** The legend after "Examples". */
    static final String LEGEND = "(cmd): Windows' cmd.exe, (sh): a POSIX shell, unmarked: both";

    /** The prefixes of a marked example line. */
    static final String CMD = "  (cmd) ";
    static final String SH = "  (sh)  ";

    private Examples() {
    }
}
