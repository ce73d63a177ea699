package org.vss4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default link directory is one per account (two accounts of a machine never share one); the property wins. */
class LinkDirectoryLocationTest {

    @Test
    void eachAccountHasItsOwnDefaultDirectoryInTheTemporaryDirectory() {
        Path alice = LinkDirectoryLocation.of(null, "/tmp", "alice");
        Path ci = LinkDirectoryLocation.of(null, "/tmp", "ci-runner");

        assertThat(alice).isEqualTo(Path.of("/tmp", "vss4j-links-alice"));
        assertThat(ci).isEqualTo(Path.of("/tmp", "vss4j-links-ci-runner"));
        assertThat(alice).isNotEqualTo(ci);
    }

    @Test
    void thePropertyChoosesTheDirectoryForEveryAccount() {
        assertThat(LinkDirectoryLocation.of("/srv/links", "/tmp", "alice")).isEqualTo(Path.of("/srv/links"));
    }

    @Test
    void accountNamesBecomeFileNamesOneToOne() {
        // A name with a "$" (as computer accounts end), a user missing from the password database ("?"), a space.
        assertThat(LinkDirectoryLocation.fileNamePart("WIN-PC$")).isEqualTo("WIN-PC+24+");
        assertThat(LinkDirectoryLocation.fileNamePart("?")).isEqualTo("+3f+");
        assertThat(LinkDirectoryLocation.fileNamePart("Jane Doe")).isEqualTo("Jane+20+Doe");
        assertThat(LinkDirectoryLocation.fileNamePart("svc_backup.1")).isEqualTo("svc_backup.1");
        assertThat(LinkDirectoryLocation.fileNamePart("")).isEqualTo("+");
        assertThat(LinkDirectoryLocation.fileNamePart(null)).isEqualTo("+");

        // Names that an escape without an end would merge: "$1" and U+0241 ("+241").
        List<String> names = List.of("$1", "\u0241", "+24+", "_24_", "a b", "a_b", "a+b", "../x", "..");
        Set<String> parts = new HashSet<>();
        for (String n : names) {
            String part = LinkDirectoryLocation.fileNamePart(n);
            assertThat(part).matches("[A-Za-z0-9._+-]+").doesNotContain("/");
            assertThat(parts.add(part)).as(n + " -> " + part + " is taken").isTrue();
        }
    }
}
