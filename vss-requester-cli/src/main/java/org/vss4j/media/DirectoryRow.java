package org.vss4j.media;

import java.time.Instant;

/**
 * What a backup set keeps of one directory besides its name (docs/backup-sets.md, table {@code directories}): its
 * times and Win32 attributes (FILE_BASIC_INFO, winbase.h) and, read with backup semantics, its security descriptor
 * and alternate data streams in the {@code BackupRead} stream format ({@link FileStreams}).
 *
 * @param entryName     the directory's entry name in data.tar, without a trailing {@code /} ({@code D/data})
 * @param originalPath  the directory's Windows path on the live system, or null where unknown
 * @param creationTime  its creation time, or null
 * @param lastWriteTime its last-write time, or null
 * @param changeTime    its change time, or null
 * @param attributes    its {@code FILE_ATTRIBUTE_*} bits (winnt.h), 0 if unknown
 * @param kinds         its streams besides its entries, comma-separated as {@link FileStreams#kinds}, or null
 * @param streams       those streams in the BackupRead format, or null
 * @param streamsSha256 the SHA-256 of {@code streams} (hex), or null
 */
record DirectoryRow(String entryName, String originalPath, Instant creationTime, Instant lastWriteTime,
        Instant changeTime, int attributes, String kinds, byte[] streams, String streamsSha256) {

    /** How deep the directory is: its number of names. */
    int depth() {
        return entryName.split("/", -1).length;
    }
}
