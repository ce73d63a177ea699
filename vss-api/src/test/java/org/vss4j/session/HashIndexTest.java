package org.vss4j.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HashIndexTest {

    @Test
    void findsEveryEntryAfterGrowingAlsoAmongEqualHashes() {
        int n = 10_000;
        int[] hashes = new int[n];
        HashIndex index = new HashIndex();
        for (int i = 0; i < n; i++) {
            // Every tenth entry shares one hash: probing must go past the others.
            hashes[i] = i % 10 == 0 ? 42 : i * 31;
            index.add(hashes[i], i, j -> hashes[j]);
        }

        for (int i = 0; i < n; i++) {
            int wanted = i;
            assertThat(index.find(hashes[i], j -> j == wanted)).isEqualTo(i);
        }
        assertThat(index.find(42, j -> j == 5)).isEqualTo(-1);
        assertThat(index.find(-7, j -> true)).isEqualTo(-1);
    }
}
