package org.vss4j.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key a fact is kept under: the path below the volume root, '/'-separated, without empty or {@code .} names. A
 * path already in that form (every entry a listing looks up) is its own key; any other is normalised.
 */
class FileSystemFactsKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a/b", "p0/d1/f1.dat", "name with spaces/x.y.z", ".hidden/..x/x.."})
    void aPathInKeyFormIsItsOwnKey(String path) {
        assertThat(FileSystemFacts.key(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a\\b|a/b", "/a/b/|a/b", "a//b|a/b", "./a/./b|a/b", ".|''", "/|''",
            "\\\\a\\\\b|a/b", "a/b/.|a/b"})
    void anyOtherPathIsNormalised(String path, String key) {
        assertThat(FileSystemFacts.key(path)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "a/..", "../a", "C:", "C:/a", "a\\..\\b", "a/b:"})
    void aPathLeavingTheRootOrNamingADriveIsRefused(String path) {
        assertThatThrownBy(() -> FileSystemFacts.key(path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below the volume root");
    }

    @Test
    void theKeyOfAKeyIsTheSameString() {
        String key = "p1/d2/f3.log";
        assertThat(FileSystemFacts.key(key)).isSameAs(key);
    }
}
