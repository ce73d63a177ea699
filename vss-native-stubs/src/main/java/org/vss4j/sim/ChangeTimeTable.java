package org.vss4j.sim;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.BiConsumer;
import org.vss4j.session.StringPool;

/**
 * A shadow copy's ChangeTime per entry ({@link FileSystemFacts#recordChangeTimes}), held as the keys in one pool
 * ({@link StringPool}), seconds and nanoseconds in arrays and an open-addressing table of the keys' hashes: a volume
 * of a million files would cost some 120 bytes per entry in a {@code HashMap<String, Instant>}, about 40 here, in
 * the process that backs them up. Not thread-safe (its facts are).
 */
final class ChangeTimeTable {

    private final StringPool keys = new StringPool();
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
            action.accept(keys.get(i), Instant.ofEpochSecond(seconds[i], nanos[i]));
        }
    }

    int size() {
        return size;
    }

    private int append(String key, int h) {
        if (size == hashes.length) {
            int n = size + (size >> 1);
            hashes = Arrays.copyOf(hashes, n);
            seconds = Arrays.copyOf(seconds, n);
            nanos = Arrays.copyOf(nanos, n);
        }
        keys.add(key);
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
        return hashes[i] == h && keys.equalsAt(i, key);
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
