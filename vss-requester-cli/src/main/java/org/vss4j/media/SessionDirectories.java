package org.vss4j.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vss4j.files.BackupStreamReader;
import org.vss4j.files.FileBasicInformation;
import org.vss4j.session.BackupItemStreams;

/**
 * The directories of a backup set's files, read from the shadow copy through the same layer as the files: with backup
 * semantics each is opened with {@code FILE_FLAG_BACKUP_SEMANTICS}, which is how a directory handle is obtained
 * (Microsoft docs, "CreateFileW function"), its security descriptor and alternate data streams are read with
 * {@code BackupRead} (the kinds {@link FileStreams#KEPT}) and its times and attributes with FILE_BASIC_INFO
 * (winbase.h); on a plain java.nio host only its times are kept. Each directory is read once per set. One that cannot
 * be read is a failed file of the set, which is then {@code partial} (docs/backup-semantics.md, "Directories").
 */
final class SessionDirectories {

    /** A directory that could not be read: its original path and why. */
    record Failure(String originalPath, String reason) {
    }

    private final BackupItemStreams streams;
    private final Set<String> seen = new HashSet<>();
    private final List<Failure> failures = new ArrayList<>();

    SessionDirectories(BackupItemStreams streams) {
        this.streams = streams;
    }

    /**
     * Records in {@code set} each directory of the file {@code entryPath} (its names, root first) not recorded yet,
     * from the file's own directory up to the root.
     *
     * @param inSnapshot   the file in the shadow copy
     * @param originalPath the file's Windows path on the live system
     * @throws IOException if the catalog cannot record a directory
     */
    void record(BackupSetWriter set, List<String> entryPath, Path inSnapshot, String originalPath)
            throws IOException {
        Path dir = inSnapshot.getParent();
        String original = parentOf(originalPath);
        for (int n = entryPath.size() - 1; n >= 1 && dir != null; n--) {
            String entry = String.join("/", entryPath.subList(0, n));
            if (seen.add(entry)) {
                DirectoryRow row = null;
                try {
                    row = read(entry, dir, original);
                } catch (IOException | RuntimeException e) {
                    failures.add(new Failure(original, "a directory of the set: its security descriptor, alternate"
                            + " data streams, times and attributes could not be read: " + e.getMessage()));
                }
                if (row != null) {
                    set.addDirectoryMetadata(row);
                }
            }
            dir = dir.getParent();
            original = parentOf(original);
        }
    }

    /** The directories that could not be read. */
    List<Failure> failures() {
        return failures;
    }

    private DirectoryRow read(String entry, Path dir, String original) throws IOException {
        if (!streams.backupSemantics()) {
            BasicFileAttributes b = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new DirectoryRow(entry, original, b.creationTime().toInstant(), b.lastModifiedTime().toInstant(),
                    null, 0, null, null, null);
        }
        Optional<FileStreams> extra;
        try (BackupStreamReader r = streams.access().openStreams(dir, 0)) {
            extra = FileStreams.read(r, original);
        }
        FileBasicInformation b = streams.access().basicInformation(dir);
        byte[] bytes = extra.map(FileStreams::bytes).orElse(null);
        return new DirectoryRow(entry, original, b.creationTime(), b.lastWriteTime(), b.changeTime(), b.attributes(),
                extra.map(FileStreams::kinds).orElse(null), bytes,
                bytes == null ? null : HexFormat.of().formatHex(BackupSetReader.sha256().digest(bytes)));
    }

    /** {@code D:\data} of {@code D:\data\a.txt}; a volume root keeps its separator ({@code D:\}). */
    private static String parentOf(String windowsPath) {
        int i = windowsPath.lastIndexOf('\\');
        if (i < 0) {
            return windowsPath;
        }
        String p = windowsPath.substring(0, i);
        return p.endsWith(":") || p.isEmpty() ? p + "\\" : p;
    }
}
