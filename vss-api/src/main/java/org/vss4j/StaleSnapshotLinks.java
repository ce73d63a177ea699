package org.vss4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A read-only look at the links to shadow copy devices that vss4j processes which ended left in the link directory
 * (see {@link SnapshotMount}): a process deletes its own links when it exits normally, and the next process that
 * mounts a shadow copy sweeps those of processes that did not. Nothing here deletes, follows or creates anything.
 */
public final class StaleSnapshotLinks {

    /**
     * One link left behind.
     *
     * @param link       the link itself
     * @param snapshotId the shadow copy it was made for (from its name)
     * @param target     where it points, or null if that cannot be read (a junction, for example)
     */
    public record StaleLink(Path link, UUID snapshotId, String target) {
    }

    private StaleSnapshotLinks() {
    }

    /** The link directory this process uses: {@code -Dvss4j.linkDirectory}, else {@code <java.io.tmpdir>/vss4j-links}. */
    public static Path directory() {
        return SnapshotLinkDirectory.configuredBase();
    }

    /** The stale links in the link directory {@code base}. */
    public static List<StaleLink> find(Path base) throws IOException {
        List<StaleLink> out = new ArrayList<>();
        for (Path link : SnapshotLinkDirectory.staleLinks(base)) {
            String name = link.getFileName().toString();
            String target;
            try {
                target = Files.readSymbolicLink(link).toString();
            } catch (IOException | UnsupportedOperationException e) {
                target = null;
            }
            out.add(new StaleLink(link, UUID.fromString(name.substring(0, name.lastIndexOf('-'))), target));
        }
        return List.copyOf(out);
    }
}
