package org.vss4j.cli;

import java.io.PrintWriter;
import java.util.List;
import org.vss4j.SnapshotAttribute;
import org.vss4j.SnapshotProperties;

/** How shadow copies are shown to a person (the JSON forms come from the records themselves). */
final class Printer {

    private Printer() {
    }

    /**
     * One shadow copy's block; {@code volumeName} is the name the volume was given by (C:\), shown next to the volume
     * GUID name VSS reports, or null when none is known; {@code hostPath} where an exposed one is on this host (the
     * simulator's directory; null on Windows).
     */
    static void snapshot(PrintWriter out, SnapshotProperties p, String volumeName, String hostPath) {
        out.printf("  shadow copy {%s}%n", p.snapshotId());
        out.printf("    set       {%s}%n", p.snapshotSetId());
        out.printf("    volume    %s%n", volumeName == null || volumeName.equalsIgnoreCase(p.originalVolumeName())
                ? p.originalVolumeName() : volumeName + " (" + p.originalVolumeName() + ")");
        out.printf("    device    %s%n", p.deviceObject());
        if (p.exposedName() != null) {
            out.printf("    exposed   %s%s%n", p.exposedName(),
                    hostPath == null ? "" : " (on this host: " + hostPath + ")");
        }
        out.printf("    created   %s, %s%n", p.creationTime(), p.state().nativeName());
        out.printf("    attributes %s%n", p.attributes().stream().map(SnapshotAttribute::nativeName).toList());
    }

    /** The root entries listed of the shadow copy whose block was printed last (none: nothing). */
    static void rootEntries(PrintWriter out, List<String> entries) {
        if (entries.isEmpty()) {
            return;
        }
        out.printf("    root      (%d entr%s listed)%n", entries.size(), entries.size() == 1 ? "y" : "ies");
        entries.forEach(e -> out.printf("      %s%n", e));
    }
}
