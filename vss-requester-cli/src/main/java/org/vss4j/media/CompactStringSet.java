package org.vss4j.media;

import java.util.Arrays;
import org.vss4j.session.StringPool;

/**
 * A set of strings held in one pool ({@link StringPool}) with an open-addressing table of their hashes: a backup set of a
 * million files names each file once, and a {@code HashSet<String>} costs some 100 bytes per name where this costs
 * the name's characters (a byte each where they are Latin-1) and 16 bytes. Strings are only added, never removed. Not thread-safe.
 */
final class CompactStringSet {

    private final StringPool strings = new StringPool();
    private int[] hashes = new int[64];
    /** String index + 1, 0 for a free slot. */
    private int[] table = new int[128];
    private int size;

    /** Adds {@code s}; false if it was there already. */
    boolean add(String s) {
        int h = s.hashCode();
        int slot = find(s, h);
        if (table[slot] != 0) {
            return false;
        }
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size + (size >> 1));
        }
        strings.add(s);
        hashes[size] = h;
        table[slot] = ++size;
        if (size * 2 > table.length) {
            rehash();
        }
        return true;
    }

    boolean contains(String s) {
        return table[find(s, s.hashCode())] != 0;
    }

    int size() {
        return size;
    }

    /** The slot holding {@code s}, or the free slot where it would go. */
    private int find(String s, int h) {
        int mask = table.length - 1;
        int slot = spread(h) & mask;
        while (table[slot] != 0 && !equalAt(table[slot] - 1, s, h)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private boolean equalAt(int i, String s, int h) {
        return hashes[i] == h && strings.equalsAt(i, s);
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = spread(hashes[i]) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
    }

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
