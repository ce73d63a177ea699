package org.vss4j.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * File specs of one directory, each with a number (its position among all specs), matched against a name without
 * trying every spec: exact names ({@link FileSpecPattern#literalName()}) in a hash map by their lower case, as
 * Windows compares names without case; only the wildcard specs are tried one by one. A System Writer declares
 * thousands of exact names, so matching every file against every spec would cost their product.
 */
final class FileSpecIndex {

    private final Map<String, List<Integer>> exact = new HashMap<>();
    private final List<Integer> wildcardIds = new ArrayList<>();
    private final List<FileSpecPattern> wildcards = new ArrayList<>();

    /** Adds spec {@code id}; ids are added in increasing order. */
    void add(int id, FileSpecPattern pattern) {
        String name = pattern.literalName();
        if (name != null) {
            exact.computeIfAbsent(name, k -> new ArrayList<>(1)).add(id);
        } else {
            wildcardIds.add(id);
            wildcards.add(pattern);
        }
    }

    /** Calls {@code to} with the id of every spec that matches {@code name}. */
    void forEachMatch(String name, IntConsumer to) {
        List<Integer> same = exact.isEmpty() ? null : exact.get(name.toLowerCase(Locale.ROOT));
        if (same != null) {
            same.forEach(to::accept);
        }
        for (int i = 0; i < wildcards.size(); i++) {
            if (wildcards.get(i).matches(name)) {
                to.accept(wildcardIds.get(i));
            }
        }
    }

    /** The smallest id of a spec that matches {@code name}, or -1. */
    int firstMatch(String name) {
        List<Integer> same = exact.isEmpty() ? null : exact.get(name.toLowerCase(Locale.ROOT));
        int first = same == null ? -1 : same.get(0);
        for (int i = 0; i < wildcards.size(); i++) {
            int id = wildcardIds.get(i);
            if (first >= 0 && id > first) {
                break;
            }
            if (wildcards.get(i).matches(name)) {
                return id;
            }
        }
        return first;
    }
}
