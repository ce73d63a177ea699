package org.vss4j.session;

import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * An open-addressing table from hashes to the indexes of entries kept elsewhere (in arrays, a {@link StringPool}):
 * four to eight bytes per entry where a {@code HashMap} costs a node and a boxed key each. The caller keeps each
 * entry's hash and says, on a look-up, whether an index holds what it looks for. Indexes are only added. Kept at
 * most half full with linear probing; not thread-safe.
 */
public final class HashIndex {

    /** Entry index + 1; 0 for a free slot. The length is a power of two. */
    private int[] slots = new int[32];
    private int count;

    /**
     * Adds entry {@code index} under {@code hash}.
     *
     * @param hash the entry's hash
     * @param index the entry's index, at least 0
     * @param hashOf the hash of any entry added before, to place them again when the table grows
     */
    public void add(int hash, int index, IntUnaryOperator hashOf) {
        count++;
        if (count * 2 > slots.length) {
            int[] old = slots;
            slots = new int[old.length * 2];
            for (int s : old) {
                if (s != 0) {
                    place(hashOf.applyAsInt(s - 1), s - 1);
                }
            }
        }
        place(hash, index);
    }

    /**
     * The first entry under {@code hash} that {@code matches} accepts.
     *
     * @param hash the hash looked for
     * @param matches whether the entry of an index is the one looked for
     * @return its index, or -1
     */
    public int find(int hash, IntPredicate matches) {
        int mask = slots.length - 1;
        for (int slot = spread(hash) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            if (matches.test(slots[slot] - 1)) {
                return slots[slot] - 1;
            }
        }
        return -1;
    }

    private void place(int hash, int index) {
        int mask = slots.length - 1;
        int slot = spread(hash) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = index + 1;
    }

    /** Spreads the hash's high bits over the low ones the mask keeps (paths of one directory share prefixes). */
    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
