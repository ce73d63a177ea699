package org.vss4j.session;

import java.util.ArrayList;
import java.util.List;

/**
 * The file sets that start at one directory, by number ({@link FileListBuilder#addComponentFiles}): the recursive
 * ones, which the walk carries down to every directory below, and the others, which name files of this directory
 * only. Each kind's filespecs are indexed ({@link FileSpecIndex}).
 */
final class FileSetGroup {

    final FileSpecIndex recursive = new FileSpecIndex();
    final FileSpecIndex flat = new FileSpecIndex();
    final List<Integer> recursiveIds = new ArrayList<>();
    final List<Integer> allIds = new ArrayList<>();

    void add(int id, FileSpecPattern pattern, boolean isRecursive) {
        (isRecursive ? recursive : flat).add(id, pattern);
        if (isRecursive) {
            recursiveIds.add(id);
        }
        allIds.add(id);
    }

    boolean hasRecursive() {
        return !recursiveIds.isEmpty();
    }
}
