package org.vss4j.media;

import java.util.Arrays;
import org.vss4j.session.HashIndex;
import org.vss4j.session.StringPool;

/**
 * A set of strings held in one pool ({@link StringPool}) with a {@link HashIndex} of their hashes: a backup set of a
 * million files names each file once, and a {@code HashSet<String>} costs some 100 bytes per name where this costs
 * the name's characters (a byte each where they are Latin-1) and 16 bytes. Strings are only added, never removed. Not thread-safe.
 */
final class CompactStringSet {

    private final StringPool strings = new StringPool();
    private int[] hashes = new int[64];
    private final HashIndex index = new HashIndex();
    private int size;

    /** Adds {@code s}; false if it was there already. */
    boolean add(String s) {
        if (contains(s)) {
            return false;
        }
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size + (size >> 1));
        }
        strings.add(s);
        hashes[size] = s.hashCode();
        index.add(hashes[size], size, i -> hashes[i]);
        size++;
        return true;
    }

    boolean contains(String s) {
        int h = s.hashCode();
        return index.find(h, i -> hashes[i] == h && strings.equalsAt(i, s)) >= 0;
    }

    int size() {
        return size;
    }
}
