package org.vss4j.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileSpecIndexTest {

    private static FileSpecIndex of(String... specs) {
        FileSpecIndex index = new FileSpecIndex();
        for (int i = 0; i < specs.length; i++) {
            index.add(i, FileSpecPattern.of(specs[i]));
        }
        return index;
    }

    private static List<Integer> matches(FileSpecIndex index, String name) {
        List<Integer> ids = new ArrayList<>();
        index.forEachMatch(name, ids::add);
        return ids;
    }

    @Test
    void exactNamesMatchWithoutCaseAndWildcardsAsWindows() {
        FileSpecIndex index = of("SAM", "*.log", "sam", "data.*", "noext.", "s?m");
        assertThat(matches(index, "sam")).containsExactlyInAnyOrder(0, 2, 5);
        assertThat(matches(index, "Sam.LOG")).containsExactly(1);
        assertThat(matches(index, "data")).containsExactly(3);
        assertThat(matches(index, "noext")).containsExactly(4);
        assertThat(matches(index, "noext.txt")).isEmpty();
        assertThat(matches(index, "other")).isEmpty();
    }

    @Test
    void firstMatchIsTheSmallestIdWhicheverKindItIs() {
        FileSpecIndex index = of("*.dat", "a.dat", "*");
        assertThat(index.firstMatch("A.DAT")).isZero();
        assertThat(index.firstMatch("b.txt")).isEqualTo(2);
        assertThat(of("a.dat", "*.dat").firstMatch("a.dat")).isZero();
        assertThat(of("x", "*.dat").firstMatch("y")).isEqualTo(-1);
    }

    @Test
    void onlyASpecWithoutWildcardOrDotRuleIsALiteralName() {
        assertThat(FileSpecPattern.of("NTDS.dit").literalName()).isEqualTo("ntds.dit");
        assertThat(FileSpecPattern.of("*.dit").literalName()).isNull();
        assertThat(FileSpecPattern.of("name.").literalName()).isNull();
        assertThat(FileSpecPattern.of("*").literalName()).isNull();
    }
}
