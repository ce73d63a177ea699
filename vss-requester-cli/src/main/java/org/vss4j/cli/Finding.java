package org.vss4j.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One result of {@code vss doctor}.
 *
 * @param check    which check ({@code os}, {@code jvm}, {@code provider}, {@code elevation}, {@code privilege},
 *                 {@code vss-service}, {@code vss}, {@code com-security}, {@code writer}, {@code shadow-copies},
 *                 {@code links}, {@code files-not-to-snapshot}); docs/doctor.md lists them
 * @param subject  what it is about when a check has several (a privilege, a writer), else null
 * @param severity how much it matters
 * @param summary  one line
 * @param details  further lines (entries, ids), maybe none
 * @param fix      what to do, or null when nothing needs doing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Finding(String check, String subject, Severity severity, String summary, List<String> details, String fix) {

    Finding {
        details = List.copyOf(details);
    }

    static Finding ok(String check, String subject, String summary, List<String> details) {
        return new Finding(check, subject, Severity.OK, summary, details, null);
    }

    static Finding ok(String check, String summary) {
        return ok(check, null, summary, List.of());
    }

    static Finding warning(String check, String subject, String summary, List<String> details, String fix) {
        return new Finding(check, subject, Severity.WARNING, summary, details, fix);
    }

    static Finding blocking(String check, String subject, String summary, List<String> details, String fix) {
        return new Finding(check, subject, Severity.BLOCKING, summary, details, fix);
    }
}
