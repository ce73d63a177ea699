package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeTimeTableTest {

    @Test
    void holdsWhatAMapHolds() {
        ChangeTimeTable table = new ChangeTimeTable();
        Map<String, Instant> plain = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            // Replaced times, a common prefix, the empty key, keys of one hash ("Aa" and "BB").
            String key = i % 3 == 0 ? "tree/d" + (i % 89) + "/f" + i : i % 3 == 1 ? "Aa".repeat(i % 7) + "BB" : "";
            Instant t = Instant.ofEpochSecond(1_700_000_000L + i, i * 100L % 1_000_000_000L);
            table.put(key, t);
            plain.put(key, t);
        }
        assertThat(table.size()).isEqualTo(plain.size());
        plain.forEach((k, t) -> assertThat(table.get(k)).as(k).isEqualTo(t));
        Map<String, Instant> back = new HashMap<>();
        table.forEach(back::put);
        assertThat(back).isEqualTo(plain);
        assertThat(table.get("tree/d1/f2")).isNull();
        assertThat(table.get("BBAa")).isNull();
    }
}
