package org.vss4j.session;

import java.util.Map;
import java.util.Set;

/**
 * The added components whose file sets name each entry of a file list: an unsaved file fails each of them (Microsoft
 * docs, "Overview of Actual Backup Of Files": if any file of a component fails, the component fails). Held per entry,
 * not per original path: a host name {@code a\b} in {@code dir} and the file {@code b} of {@code dir\a} read as one
 * Windows path and are two entries, each failing only its own components.
 *
 * @param ofItems   by item
 * @param ofRecords by record not taken, by identity
 */
record FileCoverage(Map<BackupItem, Set<ComponentRef>> ofItems, Map<FileRecord, Set<ComponentRef>> ofRecords) {

    static FileCoverage none() {
        return new FileCoverage(Map.of(), Map.of());
    }

    Set<ComponentRef> of(BackupItem item) {
        return ofItems.getOrDefault(item, Set.of());
    }

    Set<ComponentRef> of(FileRecord notTaken) {
        return ofRecords.getOrDefault(notTaken, Set.of());
    }
}
