package org.vss4j.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileSpecPatternTest {

    @ParameterizedTest
    @CsvSource({
        "*, anything.txt, true",
        "*.*, noextension, true",
        "*.*, a.b.c, true",
        "*.mdf, DATA.MDF, true",
        "*.mdf, data.mdf.bak, false",
        "log?.txt, log1.txt, true",
        "log?.txt, log12.txt, false",
        "data.*, data, true",
        "data.*, data.old, true",
        "data.*, database, false",
        "*., readme, true",
        "*., readme.txt, false",
        "a+b(1).txt, a+b(1).txt, true",
        "a+b(1).txt, aab(1).txt, false"
    })
    void windowsWildcards(String spec, String name, boolean matches) {
        assertThat(FileSpecPattern.of(spec).matches(name)).isEqualTo(matches);
    }

    @Test
    void directoriesAreCoveredDirectlyOrRecursively() {
        ResolvedPath dir = new ResolvedPath("C:\\", "vol1", "Data\\Db");
        assertThat(PathRules.covers(dir, false, "VOL1", "data\\db")).isTrue();
        assertThat(PathRules.covers(dir, false, "vol1", "data\\db\\sub")).isFalse();
        assertThat(PathRules.covers(dir, true, "vol1", "data\\db\\sub")).isTrue();
        assertThat(PathRules.covers(dir, true, "vol1", "data\\dbx")).isFalse();
        assertThat(PathRules.covers(dir, true, "vol2", "data\\db")).isFalse();
        assertThat(PathRules.covers(new ResolvedPath("C:\\", "vol1", ""), true, "vol1", "any\\where")).isTrue();
    }

    @Test
    void environmentVariablesAreExpandedCaseInsensitively() {
        assertThat(PathRules.expand("%SystemRoot%\\x\\%windir%", Map.of("SYSTEMROOT", "C:\\Windows", "WINDIR", "W")))
                .isEqualTo("C:\\Windows\\x\\W");
        assertThat(PathRules.expand("C:\\100%", Map.of())).isEqualTo("C:\\100%");
        assertThat(PathRules.expand("C:\\a%%b\\50%\\x", Map.of())).isEqualTo("C:\\a%%b\\50%\\x");
    }

    @Test
    void anUndefinedVariableIsAnErrorNamingItNotADirectoryName() {
        // Left in place, "%UNKNOWN%" would be looked for as a directory and the writer's files silently missed.
        assertThatThrownBy(() -> PathRules.expand("%SystemRoot%\\x\\%UNKNOWN%", Map.of("SYSTEMROOT", "C:\\W")))
                .isInstanceOfSatisfying(UnresolvablePathException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnresolvablePathException.Reason.UNDEFINED_VARIABLE))
                .hasMessageContaining("%UNKNOWN% is not defined").hasMessageContaining("machine-scope environment");
    }

    @Test
    void resolvedPathsDropSlashesAtTheEnds() {
        ResolvedPath p = new ResolvedPath("C:\\mnt\\d\\", "v", "\\data/sub\\");
        assertThat(p.relativePath()).isEqualTo("data\\sub");
        assertThat(p.original("data\\x.txt")).isEqualTo("C:\\mnt\\d\\data\\x.txt");
    }

    /**
     * A caller's resolver that answers with ".." or a wildcard below the volume would make the file list read outside
     * the file set's directory (or match another name): refused with its reason, not read.
     */
    @Test
    void aResolvedPathIsCanonicalAndHoldsOnlyFileNames() {
        for (String rel : new String[] {"..\\x", "a\\..\\..\\b", "a/../b"}) {
            assertThatThrownBy(() -> new ResolvedPath("C:\\", "v", rel))
                    .isInstanceOfSatisfying(UnresolvablePathException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnresolvablePathException.Reason.NOT_CANONICAL));
        }
        assertThatThrownBy(() -> new ResolvedPath("C:\\", "v", "a\\.\\b"))
                .isInstanceOfSatisfying(UnresolvablePathException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnresolvablePathException.Reason.NOT_CANONICAL));
        assertThatThrownBy(() -> new ResolvedPath("C:\\", "v", "data\\*"))
                .isInstanceOfSatisfying(UnresolvablePathException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnresolvablePathException.Reason.INVALID_NAME));
    }

    /** A filespec with a directory part matches no Windows name: the file set would silently name nothing. */
    @Test
    void aFilespecWithADirectoryPartIsRefused() {
        for (String spec : new String[] {"..\\..\\secret.txt", "sub/*.txt", "C:*", "a|b", "a\u0001"}) {
            assertThatThrownBy(() -> FileSpecPattern.of(spec)).isInstanceOfSatisfying(UnresolvablePathException.class,
                    e -> assertThat(e.reason()).isEqualTo(UnresolvablePathException.Reason.INVALID_FILESPEC))
                    .hasMessageContaining("the filespec '");
        }
        assertThat(FileSpecPattern.of("*.mdf").matches("db.MDF")).isTrue();
    }
}
