package org.vss4j.cli;

import java.io.PrintWriter;
import org.vss4j.SnapshotAttribute;
import org.vss4j.SnapshotProperties;

/** How shadow copies are shown to a person (the JSON forms come from the records themselves). */
final class Printer {

    private Printer() {
    }

    static void snapshot(PrintWriter out, SnapshotProperties p) {
        out.printf("  shadow copy {%s}%n", p.snapshotId());
        out.printf("    set       {%s}%n", p.snapshotSetId());
        out.printf("    volume    %s%n", p.originalVolumeName());
        out.printf("    device    %s%n", p.deviceObject());
        if (p.exposedName() != null) {
            out.printf("    exposed   %s%n", p.exposedName());
        }
        out.printf("    created   %s, %s%n", p.creationTime(), p.state().nativeName());
        out.printf("    attributes %s%n", p.attributes().stream().map(SnapshotAttribute::nativeName).toList());
    }
}
