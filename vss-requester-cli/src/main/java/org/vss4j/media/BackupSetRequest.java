package org.vss4j.media;

import java.util.List;
import java.util.Objects;

/**
 * What a new backup set is to be: its name, the sources as the user gave them, and the set it builds on.
 *
 * @param setId   the new set's name in the media directory ({@link MediaLayout#checkSetId})
 * @param sources each volume or directory backed up, as given ({@code D:\}, {@code D:\data}), each once (compared
 *                case-insensitively, as Windows compares paths); a set's sources are what {@link BackupChain} matches
 *                an incremental or differential backup against
 * @param parent  the set an incremental or differential backup builds on ({@link BackupChain#parentFor}), or null
 */
public record BackupSetRequest(String setId, List<String> sources, ParentSet parent) {

    /**
     * Checks the set id and copies the sources.
     *
     * @param setId   the new set's name ({@link MediaLayout#checkSetId})
     * @param sources the sources as given; not empty
     * @param parent  the parent set, or null
     * @throws IllegalArgumentException if {@code setId} is not a valid set id or {@code sources} is empty
     */
    public BackupSetRequest {
        MediaLayout.checkSetId(setId);
        // A source given twice (D:\data, d:\DATA: one directory to Windows) is one source.
        java.util.Map<String, String> distinct = new java.util.LinkedHashMap<>();
        for (String s : sources) {
            distinct.putIfAbsent(Objects.requireNonNull(s, "source").toLowerCase(java.util.Locale.ROOT), s);
        }
        sources = List.copyOf(distinct.values());
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a backup set needs at least one source");
        }
    }
}
