package org.vss4j.cli;

import java.io.PrintWriter;

/** {@code vss doctor}'s findings for a person: one line each, details and the fix below it, a verdict at the end. */
final class DoctorText {

    private static final String INDENT = "            ";

    private DoctorText() {
    }

    static void print(PrintWriter out, DoctorReport report) {
        for (Finding f : report.findings()) {
            out.printf("  %-8s  %s%s: %s%n", f.severity().label(), f.check(),
                    f.subject() == null ? "" : " " + f.subject(), f.summary());
            f.details().forEach(d -> out.println(INDENT + "- " + d));
            if (f.fix() != null) {
                out.println(INDENT + "fix: " + f.fix());
            }
        }
        if (report.backupPossible()) {
            out.printf("vss doctor: nothing blocks a backup (%d warning(s))%n", report.warnings());
        } else {
            out.printf("vss doctor: %d finding(s) block a backup (%d warning(s)); fix them and run vss doctor "
                    + "again%n", report.blocking(), report.warnings());
        }
        out.flush();
    }
}
