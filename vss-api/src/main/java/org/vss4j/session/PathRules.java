package org.vss4j.session;

import java.util.Locale;
import java.util.Map;

/**
 * Path arithmetic shared by the file list: Windows paths relative to a volume. Never used to find a place inside a
 * snapshot: the file list reaches those one listed name at a time ({@link FileListBuilder}), since a host name may
 * hold a backslash and split again would name another place.
 */
final class PathRules {

    private PathRules() {
    }

    /**
     * Whether a directory {@code relativeDir} of volume {@code volumeId} is the directory {@code dir} or, when
     * {@code recursive}, below it.
     */
    static boolean covers(ResolvedPath dir, boolean recursive, String volumeId, String relativeDir) {
        return dir.volumeId().equalsIgnoreCase(volumeId) && covers(dir.relativePath(), recursive, relativeDir);
    }

    /** The same below one volume root: {@code relativeDir} is {@code dir} or, when {@code recursive}, below it. */
    static boolean covers(String dir, boolean recursive, String relativeDir) {
        String mine = dir.toLowerCase(Locale.ROOT);
        String other = relativeDir.toLowerCase(Locale.ROOT);
        if (mine.equals(other)) {
            return true;
        }
        return recursive && (mine.isEmpty() || other.startsWith(mine + "\\"));
    }

    /** {@code a\b}, either part possibly empty. */
    static String join(String a, String b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + "\\" + b;
    }

    /** The directory part of a relative path ({@code ""} at the volume root). */
    static String parent(String relative) {
        int i = relative.lastIndexOf('\\');
        return i < 0 ? "" : relative.substring(0, i);
    }

    /** The file name of a relative path. */
    static String name(String relative) {
        return relative.substring(relative.lastIndexOf('\\') + 1);
    }

    /**
     * {@code %NAME%} environment variables expanded once, names compared without case, as writers may use them in
     * paths (Microsoft docs, "IVssCreateWriterMetadata::AddFilesToFileGroup": the path "can contain environment
     * variables"). A {@code %NAME%} that {@code environment} does not define is an error, not text: left in place it
     * would become a directory name that exists nowhere, and the writer's files would silently be missed. A lone
     * {@code %} or {@code %%} stays as it is.
     *
     * @throws UnresolvablePathException naming the first undefined variable
     */
    static String expand(String path, Map<String, String> environment) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            int start = path.indexOf('%', i);
            int end = start < 0 ? -1 : path.indexOf('%', start + 1);
            if (end < 0) {
                b.append(path, i, path.length());
                break;
            }
            String name = path.substring(start + 1, end);
            b.append(path, i, start);
            if (name.isEmpty() || name.indexOf('\\') >= 0) {
                // Not a variable reference ("%%", or a % in one name and the next in another): text.
                b.append('%');
                i = start + 1;
                continue;
            }
            String value = environment.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new UnresolvablePathException(path,
                            UnresolvablePathException.Reason.UNDEFINED_VARIABLE, "%" + name + "% is not defined"));
            b.append(value);
            i = end + 1;
        }
        return b.toString();
    }
}
