package org.vss4j.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/** Sets and trees for the media tests. */
final class MediaFixtures {

    static final Instant T = Instant.parse("2026-01-02T03:04:05.678Z");

    private MediaFixtures() {
    }

    static SetMetadata copySet(String id) {
        return new SetMetadata(id, "copy", false, true, false, UUID.fromString("11111111-2222-3333-4444-555555555555"),
                T, List.of(new SetMetadata.Source("D:\\", "D")), null);
    }

    static FileMetadata meta(String windowsPath) {
        return new FileMetadata("0b0b0b0b-0000-0000-0000-000000000001", "0a0a0a0a-0000-0000-0000-000000000001",
                "Orders DB Writer", "orders", "", windowsPath, T, T, 0x20);
    }

    /** Adds {@code D/<relative>} with {@code content}. */
    static CatalogRow add(BackupSetWriter w, String relative, String content) throws IOException {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        return w.addFile("D", relative, meta("D:\\" + relative.replace('/', '\\')), b.length,
                new ByteArrayInputStream(b));
    }

    /** Every regular file under {@code root}, by its relative path with '/', with its content. */
    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    StringBuilder rel = new StringBuilder();
                    root.relativize(p).forEach(n -> rel.append(rel.length() == 0 ? "" : "/").append(n));
                    out.put(rel.toString(), Files.readString(p));
                }
            }
        }
        return out;
    }
}
