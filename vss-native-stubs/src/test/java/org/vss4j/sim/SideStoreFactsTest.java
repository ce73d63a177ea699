package org.vss4j.sim;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Security descriptors and alternate data streams in a volume's facts: refused on no entry, kept in a record. */
class SideStoreFactsTest {

    @Test
    void aPersistentShadowCopysRecordKeepsDescriptorsAndStreams(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("dir"));
        Files.writeString(root.resolve("dir/a.txt"), "a");
        FileSystemFacts facts = new FileSystemFacts(root).securityDescriptor("dir\\a.txt", new byte[] {1, 0, 4, -128})
                .alternateStream("dir/a.txt", "Zone.Identifier", "z".getBytes(UTF_8))
                .alternateStream("dir", "on.a.directory", new byte[0]);

        Properties p = facts.toProperties();
        FileSystemFacts back = FileSystemFacts.fromProperties(root, p);

        assertThat(back.securityDescriptor("dir/a.txt")).hasValue(new byte[] {1, 0, 4, -128});
        assertThat(back.alternateStreams("dir/a.txt")).containsOnlyKeys("Zone.Identifier");
        assertThat(back.alternateStreams("dir/A.TXT")).isEmpty();
        assertThat(back.alternateStreams("dir/a.txt").get("zone.identifier")).isEqualTo("z".getBytes(UTF_8));
        assertThat(back.alternateStreams("dir")).containsOnlyKeys("on.a.directory");
    }

    @Test
    void noDescriptorOrStreamForAnEntryThatDoesNotExistNorAStreamNameWithAColon(@TempDir Path root) {
        FileSystemFacts facts = new FileSystemFacts(root);
        assertThatThrownBy(() -> facts.securityDescriptor("missing.txt", new byte[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no file or directory");
        assertThatThrownBy(() -> facts.alternateStream("", "a:b", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a stream name");
    }
}
