package org.vss4j.sim;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * A shadow copy's ChangeTime per entry ({@link FileSystemFacts#recordChangeTimes}), held as the keys' characters in
 * one pool, seconds and nanoseconds in arrays and an open-addressing table of the keys' hashes: a volume of a million
 * files would cost some 120 bytes per entry in a {@code HashMap<String, Instant>}, about 40 here, in the process that
 * backs them up. Not thread-safe (its facts are).
 */
final class ChangeTimeTable {

    private char[] chars = new char[1024];
    /** Key i is {@code chars[start[i], start[i + 1])}. */
    private int[] start = new int[65];
    private int[] hashes = new int[64];
    private long[] seconds = new long[64];
    private int[] nanos = new int[64];
    /** Key index + 1, 0 for a free slot. */
    private int[] table = new int[128];
    private int size;

    /** Records {@code time} for {@code key}, replacing what it had. */
    void put(String key, Instant time) {
        int h = key.hashCode();
        int slot = find(key, h);
        int i = table[slot] - 1;
        if (i < 0) {
            i = append(key, h);
            table[slot] = i + 1;
        }
        seconds[i] = time.getEpochSecond();
        nanos[i] = time.getNano();
        if (size * 2 > table.length) {
            rehash();
        }
    }

    /** The time of {@code key}, or null. */
    Instant get(String key) {
        int i = table[find(key, key.hashCode())] - 1;
        return i < 0 ? null : Instant.ofEpochSecond(seconds[i], nanos[i]);
    }

    void forEach(BiConsumer<String, Instant> action) {
        for (int i = 0; i < size; i++) {
            action.accept(new String(chars, start[i], start[i + 1] - start[i]),
                    Instant.ofEpochSecond(seconds[i], nanos[i]));
        }
    }

    int size() {
        return size;
    }

    private int append(String key, int h) {
        if (size == hashes.length) {
            int n = size * 2;
            hashes = Arrays.copyOf(hashes, n);
            seconds = Arrays.copyOf(seconds, n);
            nanos = Arrays.copyOf(nanos, n);
            start = Arrays.copyOf(start, n + 1);
        }
        int from = start[size];
        if (from + key.length() > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, from + key.length()));
        }
        key.getChars(0, key.length(), chars, from);
        start[size + 1] = from + key.length();
        hashes[size] = h;
        return size++;
    }

    /** The slot holding {@code key}, or the free slot where it would go. */
    private int find(String key, int h) {
        int mask = table.length - 1;
        int slot = spread(h) & mask;
        while (table[slot] != 0 && !equalAt(table[slot] - 1, key, h)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private boolean equalAt(int i, String key, int h) {
        if (hashes[i] != h || start[i + 1] - start[i] != key.length()) {
            return false;
        }
        for (int k = 0, at = start[i]; k < key.length(); k++, at++) {
            if (chars[at] != key.charAt(k)) {
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
