package org.vss4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vss4j.StaleSnapshotLinks;
import org.vss4j.StaleSnapshotLinks.StaleLink;

/**
 * The link directory ({@link StaleSnapshotLinks}; nothing is made or deleted here): blocking when this account could
 * not keep its links there, since {@code --exec} and {@code SnapshotMount}, how vss4j reads a shadow copy, would fail;
 * a warning for links that vss4j processes which ended left there (a stale link may point at another shadow copy after
 * a reboot renumbers the devices).
 */
final class LinkFindings {

    static final String CHECK = "links";

    /** How to choose another link directory for the vss command. */
    static final String CHOOSE_ANOTHER = "VSS_JAVA_OPTS=-Dvss4j.linkDirectory=DIR (a directory only this account may "
            + "write; on Windows: set VSS_JAVA_OPTS=-Dvss4j.linkDirectory=DIR)";

    private LinkFindings() {
    }

    static Finding of(Path directory) {
        List<StaleLink> stale;
        try {
            Optional<String> unusable = StaleSnapshotLinks.unusable(directory);
            if (unusable.isPresent()) {
                return Finding.blocking(CHECK, null, "the link directory " + directory + " cannot be used: --exec "
                        + "and SnapshotMount (how vss4j reads a shadow copy) would fail", List.of(unusable.get()),
                        "choose a directory of your own with " + CHOOSE_ANOTHER + "; if " + directory + " is this "
                                + "account's, remove or repair it instead (vss4j makes it owner-only when it is "
                                + "missing)");
            }
            stale = StaleSnapshotLinks.find(directory);
        } catch (IOException e) {
            return Finding.warning(CHECK, null, "cannot read the link directory " + directory + ": " + e, List.of(),
                    "check the directory is a plain directory this account may read, or choose another with "
                            + CHOOSE_ANOTHER);
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
