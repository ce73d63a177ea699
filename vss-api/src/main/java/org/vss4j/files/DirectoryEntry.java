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

    /** {@code FILE_ATTRIBUTE_DIRECTORY} (winnt.h). */
    public static final int FILE_ATTRIBUTE_DIRECTORY = 0x10;
    /** {@code FILE_ATTRIBUTE_REPARSE_POINT} (winnt.h). */
    public static final int FILE_ATTRIBUTE_REPARSE_POINT = 0x400;
    /** {@code FILE_ATTRIBUTE_OFFLINE} (winnt.h): the data is not available immediately. */
    public static final int FILE_ATTRIBUTE_OFFLINE = 0x1000;
    /**
     * {@code FILE_ATTRIBUTE_RECALL_ON_DATA_ACCESS} (winnt.h): the data is not fully present locally; reading it
     * fetches it from a remote store (a cloud placeholder that is not hydrated).
     */
    public static final int FILE_ATTRIBUTE_RECALL_ON_DATA_ACCESS = 0x400000;

    public boolean isDirectory() {
        return (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0;
    }

    public boolean isReparsePoint() {
        return (attributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0;
    }

    /** Whether its data is elsewhere ({@code OFFLINE} or {@code RECALL_ON_DATA_ACCESS}). */
    public boolean isDataRemote() {
        return (attributes & (FILE_ATTRIBUTE_OFFLINE | FILE_ATTRIBUTE_RECALL_ON_DATA_ACCESS)) != 0;
    }

    /** The {@code .} and {@code ..} entries Windows lists in every directory but a volume root. */
    public boolean isDotEntry() {
        return ".".equals(name) || "..".equals(name);
    }
}
