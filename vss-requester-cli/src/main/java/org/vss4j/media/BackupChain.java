package org.vss4j.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vss4j.BackupType;

/**
 * How backup sets chain: an incremental set builds on the newest complete full or incremental set of the same sources,
 * a differential set on the newest complete full set (Microsoft docs, "VSS Backup State": an incremental backup copies
 * what changed since the last full or incremental backup, a differential one since the last full backup).
 */
public final class BackupChain {

    private BackupChain() {
    }

    /**
     * The set a backup of {@code type} of {@code sources} builds on.
     *
     * @param media   the media directory
     * @param sources the sources as given on the command line ({@code D:\}, {@code D:\data}); compared as Windows
     *                compares paths (case-insensitively)
     * @param type    {@link BackupType#INCREMENTAL} or {@link BackupType#DIFFERENTIAL}
     * @return the newest complete set with the same sources whose type may precede {@code type}, or empty
     * @throws IOException if the media cannot be read
     */
    public static Optional<ParentSet> parentFor(Path media, List<String> sources, BackupType type)
            throws IOException {
        throw new UnsupportedOperationException("backup chains are not written yet");
    }
}
