package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header walk finds the same entries as Commons Compress, PAX long and non-ASCII names included. */
class RawEntryNamesTest {

    @Test
    void theHeaderWalkAgreesWithCommonsCompressOnEveryEntry(@TempDir Path media) throws IOException {
        try (BackupSetWriter w = BackupSetWriter.start(media, MediaFixtures.copySet("s"))) {
            for (Map.Entry<String, String> f : BackupSetRoundTripTest.trickyFiles().entrySet()) {
                MediaFixtures.add(w, f.getKey(), f.getValue());
            }
            w.finish();
        }
        Path tar = media.resolve("s/data.tar");
        List<String> parsed = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream tin = new TarArchiveInputStream(in,
                "UTF-8")) {
            for (TarArchiveEntry e; (e = tin.getNextEntry()) != null; ) {
                parsed.add(e.getName());
            }
        }
        assertThat(parsed).hasSizeGreaterThan(BackupSetRoundTripTest.trickyFiles().size());
        assertThat(RawEntryNames.of(tar)).isEqualTo(parsed);
    }
}
