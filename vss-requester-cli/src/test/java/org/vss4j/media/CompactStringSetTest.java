package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompactStringSetTest {

    @Test
    void holdsWhatAHashSetHolds() {
        CompactStringSet compact = new CompactStringSet();
        Set<String> plain = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            // Repeats, a common prefix, the empty string, names of one hash ("Aa" and "BB").
            String s = i % 3 == 0 ? "C/tree/d" + (i % 97) + "/f" + i : i % 3 == 1 ? "Aa".repeat(i % 5) + "BB" : "";
            assertThat(compact.add(s)).as(s).isEqualTo(plain.add(s));
        }
        assertThat(compact.size()).isEqualTo(plain.size());
        for (String s : plain) {
            assertThat(compact.contains(s)).as(s).isTrue();
        }
        assertThat(compact.contains("C/tree/d1/f2")).isFalse();
        assertThat(compact.contains("AaAa")).isFalse();
        assertThat(compact.contains("BBAa")).isFalse();
    }
}
