package org.vss4j.cli;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a {@code vss doctor} finding matters for a backup. */
enum Severity {
    /** Nothing to do. */
    OK,
    /** A backup can run, but something may be missing from it or left behind by it: read the hint. */
    WARNING,
    /** A backup would fail (or silently touch no VSS): fix it first. */
    BLOCKING;

    /** The name in text and JSON: {@code ok}, {@code warning}, {@code blocking}. */
    @JsonValue
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
