package org.vss4j.media;

import java.util.Arrays;

/**
 * A set of strings held as characters in one pool with an open-addressing table of their hashes: a backup set of a
 * million files names each file once, and a {@code HashSet<String>} costs some 100 bytes per name where this costs
 * the name's characters and 16 bytes. Strings are only added, never removed. Not thread-safe.
 */
final class CompactStringSet {

    private char[] chars = new char[1024];
    /** String i is {@code chars[start[i], start[i + 1])}. */
    private int[] start = new int[65];
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
            hashes = Arrays.copyOf(hashes, size * 2);
            start = Arrays.copyOf(start, size * 2 + 1);
        }
        int from = start[size];
        if (from + s.length() > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, from + s.length()));
        }
        s.getChars(0, s.length(), chars, from);
        start[size + 1] = from + s.length();
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
        if (hashes[i] != h || start[i + 1] - start[i] != s.length()) {
            return false;
        }
        for (int k = 0, at = start[i]; k < s.length(); k++, at++) {
            if (chars[at] != s.charAt(k)) {
                return false;
            }
        }
        return true;
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
