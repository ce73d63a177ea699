package org.vss4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.vss4j.StaleSnapshotLinks;
import org.vss4j.StaleSnapshotLinks.StaleLink;

/**
 * Links to shadow copy devices that vss4j processes which ended left in the link directory ({@link StaleSnapshotLinks};
 * nothing is deleted here). A stale link may point at another shadow copy after a reboot renumbers the devices.
 */
final class LinkFindings {

    static final String CHECK = "links";

    private LinkFindings() {
    }

    static Finding of(Path directory) {
        List<StaleLink> stale;
        try {
            stale = StaleSnapshotLinks.find(directory);
        } catch (IOException e) {
            return Finding.warning(CHECK, null, "cannot read the link directory " + directory + ": " + e, List.of(),
                    "check the directory (-Dvss4j.linkDirectory) is a plain directory this account may read");
        }
        if (stale.isEmpty()) {
            return Finding.ok(CHECK, "no links left behind in " + directory);
        }
        return Finding.warning(CHECK, null, stale.size() + " link(s) to shadow copies left by ended vss4j processes "
                + "in " + directory, stale.stream().map(l -> l.link() + " -> "
                        + (l.target() == null ? "?" : l.target()) + " (shadow copy {" + l.snapshotId() + "})").toList(),
                "the next vss4j process that reads a shadow copy deletes them; or delete the links themselves "
                        + "(rmdir on Windows), never what they point to");
    }
}
