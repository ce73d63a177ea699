package org.vss4j.session;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The added components whose file sets name each entry of a file list: an unsaved file fails each of them (Microsoft
 * docs, "Overview of Actual Backup Of Files": if any file of a component fails, the component fails). Held per entry,
 * not per original path: a host name {@code a\b} in {@code dir} and the file {@code b} of {@code dir\a} read as one
 * Windows path and are two entries, each failing only its own components.
 *
 * @param sets      the distinct sets of components, each once: items share a few of them
 * @param ofItems   by item index ({@link BackupItemTable}), the index of its set in {@code sets}
 * @param ofRecords by record not taken, by identity
 */
record FileCoverage(List<Set<ComponentRef>> sets, int[] ofItems, Map<FileRecord, Set<ComponentRef>> ofRecords) {

    static FileCoverage none() {
        return new FileCoverage(List.of(), new int[0], Map.of());
    }

    /** The components of item {@code index}. */
    Set<ComponentRef> ofItem(int index) {
        return index < ofItems.length ? sets.get(ofItems[index]) : Set.of();
    }

    Set<ComponentRef> of(FileRecord notTaken) {
        return ofRecords.getOrDefault(notTaken, Set.of());
    }
}
