package org.vss4j.sim.win32;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real path of the directory a {@code CreateFileW} name lies in, its links resolved, as Windows resolves every
 * reparse point of a name on each open. A backup opens thousands of files of one directory one after the other, and
 * {@code realpath} costs a system call per component of the name; so the last answer for each directory is kept
 * with the directory's identity (device and inode, {@link BasicFileAttributes#fileKey}) and given again only while
 * both the name as given and the real path kept still lead to that same directory, and the real path's last name is
 * no link: two {@code stat}s instead of one per component. A link in the name that now points elsewhere, a directory
 * replaced or removed: either check fails and the name is resolved afresh. Where the host gives no file key, every
 * call resolves.
 */
final class RealDirectories {

    /** A process opens files in many directories (tests make many volumes): the map is emptied at this size. */
    private static final int KEPT = 4096;

    private record Known(Path real, Object key) {
    }

    private static final Map<Path, Known> KNOWN = new ConcurrentHashMap<>();

    private RealDirectories() {
    }

    /**
     * {@code directory.toRealPath()}.
     *
     * @param directory an absolute, normalised directory path
     * @return its real path
     * @throws IOException as {@link Path#toRealPath} throws it (the directory does not exist)
     */
    static Path of(Path directory) throws IOException {
        Known k = KNOWN.get(directory);
        if (k != null && k.key().equals(key(directory, true)) && k.key().equals(key(k.real(), false))) {
            return k.real();
        }
        Path real = directory.toRealPath();
        Object key = key(real, false);
        if (key != null) {
            if (KNOWN.size() >= KEPT) {
                KNOWN.clear();
            }
            KNOWN.put(directory, new Known(real, key));
        } else {
            KNOWN.remove(directory);
        }
        return real;
    }

    /** The file key of {@code p} (its links followed or not), or null when it cannot be read or there is none. */
    private static Object key(Path p, boolean follow) {
        try {
            BasicFileAttributes a = follow ? Files.readAttributes(p, BasicFileAttributes.class)
                    : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isDirectory() ? a.fileKey() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
