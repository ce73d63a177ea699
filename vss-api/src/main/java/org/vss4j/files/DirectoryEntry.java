package org.vss4j.files;

import java.time.Instant;

/**
 * One entry of a directory as {@code FindFirstFileW}/{@code FindNextFileW} report it (Microsoft docs,
 * "WIN32_FIND_DATAW structure"): the entry itself, never what a link points to.
 *
 * @param name         the name, exactly as stored (case included)
 * @param attributes   {@code FILE_ATTRIBUTE_*} bits
 * @param reparseTag   the reparse tag when {@link #isReparsePoint()}, else 0
 * @param size         the size in bytes (0 for directories)
 * @param lastWrite    the last write time
 */
public record DirectoryEntry(String name, int attributes, int reparseTag, long size, Instant lastWrite) {

    public boolean isDirectory() {
        return (attributes & FileAttribute.DIRECTORY) != 0;
    }

    public boolean isReparsePoint() {
        return (attributes & FileAttribute.REPARSE_POINT) != 0;
    }

    /**
     * Whether its data (or, for a directory, its entries) is elsewhere: {@code OFFLINE}, {@code RECALL_ON_OPEN} or
     * {@code RECALL_ON_DATA_ACCESS} (Microsoft docs, "File Attribute Constants").
     */
    public boolean isDataRemote() {
        return (attributes & (FileAttribute.OFFLINE | FileAttribute.RECALL_ON_OPEN
                | FileAttribute.RECALL_ON_DATA_ACCESS)) != 0;
    }

    /** The {@code .} and {@code ..} entries Windows lists in every directory but a volume root. */
    public boolean isDotEntry() {
        return ".".equals(name) || "..".equals(name);
    }
}
