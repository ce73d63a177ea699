package org.vss4j.cli;

import java.util.ArrayList;
import java.util.List;

/** The text line of one component of {@code vss restore --writers}: its outcome, then what was asked of it. */
final class RestoreText {

    private RestoreText() {
    }

    /**
     * {@code WRITER\PATH: restored (N file(s), STATUS), ...} or {@code WRITER\PATH: not restored: WHY, file
     * restore status VSS_RS_...}, then the procedure and each request made before PreRestore.
     */
    static String line(WritersRestore.Component c) {
        List<String> parts = new ArrayList<>();
        if (c.restored()) {
            parts.add("restored (" + c.files() + " file(s), " + c.status() + ")");
            if (c.reason() != null) {
                parts.add(c.reason());
            }
        } else {
            parts.add("not restored: " + c.reason()
                    + (c.status() != null ? ", file restore status VSS_RS_" + c.status() : ""));
        }
        if (c.procedure() != null) {
            parts.add(c.procedure());
        }
        if (c.restoreOptions() != null) {
            parts.add("restore options: " + c.restoreOptions());
        }
        if (c.authoritative()) {
            parts.add("authoritative");
        }
        if (c.rollForward() != null) {
            parts.add("roll-forward: " + c.rollForward());
        }
        if (c.restoreName() != null) {
            parts.add("restore name: " + c.restoreName());
        }
        if (c.additionalRestores()) {
            parts.add("additional restores follow");
        }
        return c.writer() + "\\" + c.component() + ": " + String.join(", ", parts);
    }
}
