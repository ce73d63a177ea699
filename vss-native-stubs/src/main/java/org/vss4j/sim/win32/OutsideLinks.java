package org.vss4j.sim.win32;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each link {@code CreateSymbolicLinkW} made outside every simulated volume (the binding's
 * {@code SnapshotMount} links in the temporary directory) is a directory link. There are no file-system facts there,
 * so the kind Windows fixes when a link is made is kept here, keyed by the link's host path and the link's identity:
 * once the link is deleted (or replaced by another), its entry no longer counts and is dropped.
 */
final class OutsideLinks {

    /** A link's kind and the host link it was: its file key, time and target, which a new link would not share. */
    private record Made(boolean directory, Object identity) {
    }

    private static final Map<Path, Made> MADE = new ConcurrentHashMap<>();

    private OutsideLinks() {
    }

    /** {@code link} (a real path: real parent directory, then the link's name) was made, a directory link or not. */
    static void record(Path link, boolean directory) {
        MADE.keySet().removeIf(p -> !Files.isSymbolicLink(p));
        identity(link).ifPresent(id -> MADE.put(link, new Made(directory, id)));
    }

    /** Whether {@code link} (a real path as for {@link #record}) is a directory link, if it was made here. */
    static Optional<Boolean> directory(Path link) {
        Made m = MADE.get(link);
        if (m == null) {
            return Optional.empty();
        }
        if (!identity(link).map(id -> Objects.equals(id, m.identity())).orElse(false)) {
            MADE.remove(link, m);
            return Optional.empty();
        }
        return Optional.of(m.directory());
    }

    private static Optional<Object> identity(Path link) {
        try {
            BasicFileAttributes a = Files.readAttributes(link, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isSymbolicLink()) {
                return Optional.empty();
            }
            return Optional.of(List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(),
                    Files.readSymbolicLink(link)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
