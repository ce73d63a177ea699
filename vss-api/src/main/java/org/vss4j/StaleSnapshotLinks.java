package org.vss4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A read-only look at the link directory (see {@link SnapshotMount}): whether this process may use it, and the links
 * to shadow copy devices that vss4j processes which ended left there (a process deletes its own links when it exits
 * normally, and the next process that mounts a shadow copy sweeps those of processes that did not). Nothing here
 * deletes, follows or creates anything.
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

    /**
     * The link directory this process uses: {@code -Dvss4j.linkDirectory}, else
     * {@code <java.io.tmpdir>/vss4j-links-<account>} (one per account: Java's {@code user.name}, with characters
     * other than letters, digits, {@code .}, {@code _} and {@code -} written as {@code +<hex>+}).
     */
    public static Path directory() {
        return SnapshotLinkDirectory.configuredBase();
    }

    /**
     * Why this process could not keep its links in {@code base} (so {@link SnapshotMount} would fail), or empty when
     * it could: {@code base} is a link or no directory; on POSIX it belongs to another account or its group or others
     * may write it; this account may not write it; or it is missing and cannot be made.
     */
    public static Optional<String> unusable(Path base) throws IOException {
        return LinkDirectoryCheck.refusal(base, LinkDirectoryCheck.thisAccount());
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
