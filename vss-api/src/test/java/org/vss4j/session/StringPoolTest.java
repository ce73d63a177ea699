package org.vss4j.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringPoolTest {

    @Test
    void readsBackEveryStringBeforeAndAfterTheFirstBeyondLatin1() {
        StringPool pool = new StringPool();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String s = i == 3_000 ? "日本語.txt" : i % 10 == 0 ? "" : "f" + i + (i % 3 == 0 ? "é" : ".dat");
            assertThat(pool.add(s)).isEqualTo(i);
            added.add(s);
        }
        assertThat(pool.size()).isEqualTo(5_000);
        for (int i = 0; i < added.size(); i++) {
            assertThat(pool.get(i)).isEqualTo(added.get(i));
            assertThat(pool.equalsAt(i, added.get(i))).isTrue();
            assertThat(pool.equalsAt(i, added.get(i) + "x")).isFalse();
        }
        assertThat(pool.equalsAt(3_000, "日本語.txs")).isFalse();
        assertThat(pool.equalsAt(1, "f2.dat")).isFalse();
    }
}
