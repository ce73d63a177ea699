package org.vss4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A set holds data read with backup semantics: on a POSIX file system its directories are created {@code 0700} and
 * its files {@code 0600}, whatever the umask lets others read.
 */
class SetPermissionsTest {

    @TempDir
    Path media;
    @TempDir
    Path restored;

    @Test
    void everyDirectoryAndFileOfAPublishedSetIsOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Instant t = Instant.parse("2026-12-01T17:22:41.690Z");
        SetMetadata m = new SetMetadata("20261201T172241.690Z-b9144b", "full", false, true, false, UUID.randomUUID(),
                t, List.of(new SetMetadata.Source("D:\\", "D")), null);
        byte[] secret = "only its owner could read this".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (BackupSetWriter w = BackupSetWriter.start(media, m)) {
            w.addFile("D", "data/secret", new FileMetadata(null, null, null, null, null, "D:\\data\\secret", t, t,
                    0x20), secret.length, new ByteArrayInputStream(secret));
            w.addBackupComponentsDocument("<Backup/>");
            w.addWriterDocument(UUID.randomUUID().toString(), "<Writer/>");
            w.finish();
        }

        Map<String, String> modes = new TreeMap<>();
        Path set = media.resolve(m.setId());
        try (Stream<Path> all = Files.walk(set)) {
            for (Path p : all.toList()) {
                modes.put(set.relativize(p).toString().replace('\\', '/'), PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        assertThat(modes).containsKeys("", "data.tar", "catalog.db", "vss-backup-set", "documents",
                "documents/writers", "documents/backup-components.xml");
        modes.forEach((name, mode) -> assertThat(mode).as(name).isEqualTo(
                Files.isDirectory(set.resolve(name)) ? "rwx------" : "rw-------"));

        // No POSIX mode is in the set: a restored file is owner-only, as vss restore's help says.
        assertThat(BackupSetReader.open(media).restore(m.setId(), restored, List.of(), false).complete()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(restored.resolve("D/data/secret"))))
                .isEqualTo("rw-------");
    }
}
