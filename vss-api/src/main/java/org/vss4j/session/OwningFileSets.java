package org.vss4j.session;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which of a list of file sets owns a file of a whole volume or directory being backed up (the first of the list
 * whose directory and file spec match it, as {@link FileSource#matches} says), found by directory instead of by
 * trying every file set: the sets are indexed once by their volume and directory, without case as
 * {@link PathRules#covers} compares them. A file then costs the depth of its directory (each directory above it may
 * hold a recursive set) and, per such directory, a hash lookup for exact names and the wildcard specs there, not
 * the number of file sets: a System Writer declares thousands, and a volume holds a million files.
 */
final class OwningFileSets {

    private final List<FileSource> sources;
    /** Non-recursive sets by {@code volume|directory}, numbered by their place in the list. */
    private final Map<String, FileSpecIndex> flat = new HashMap<>();
    /** Recursive sets by {@code volume|directory} (their directory and all below it). */
    private final Map<String, FileSpecIndex> recursive = new HashMap<>();

    OwningFileSets(List<FileSource> sources) {
        this.sources = List.copyOf(sources);
        for (int i = 0; i < this.sources.size(); i++) {
            FileSource s = this.sources.get(i);
            String key = key(s.normal().volumeId(), s.normal().relativePath());
            (s.recursive() ? recursive : flat).computeIfAbsent(key, k -> new FileSpecIndex()).add(i, s.pattern());
        }
    }

    /** The first file set of the list that names {@code name} in {@code relativeDir} of the volume, or null. */
    FileSource ownerOf(String volumeId, String relativeDir, String name) {
        if (sources.isEmpty()) {
            return null;
        }
        String volume = volumeId.toLowerCase(Locale.ROOT) + "|";
        String dir = relativeDir.toLowerCase(Locale.ROOT);
        int first = earlier(-1, flat.get(volume + dir), name);
        while (true) {
            first = earlier(first, recursive.get(volume + dir), name);
            if (dir.isEmpty()) {
                break;
            }
            int i = dir.lastIndexOf('\\');
            dir = i < 0 ? "" : dir.substring(0, i);
        }
        return first < 0 ? null : sources.get(first);
    }

    private static int earlier(int first, FileSpecIndex index, String name) {
        if (index == null) {
            return first;
        }
        int id = index.firstMatch(name);
        return id >= 0 && (first < 0 || id < first) ? id : first;
    }

    private static String key(String volumeId, String relativeDir) {
        return volumeId.toLowerCase(Locale.ROOT) + "|" + relativeDir.toLowerCase(Locale.ROOT);
    }
}
