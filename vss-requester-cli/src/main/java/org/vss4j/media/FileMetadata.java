package org.vss4j.media;

import java.time.Instant;
import java.util.Objects;

/**
 * What the catalog records about one file besides its data (docs/backup-sets.md, table {@code files}).
 *
 * @param writerInstanceId the writer instance whose component holds the file, or null for an unclaimed file
 * @param writerId         the writer class, or null
 * @param writerName       the writer's name, or null
 * @param component        the component's full path ({@code logical\name}), or null
 * @param logicalPath      the component's logical path, or null
 * @param originalPath     the file's Windows path on the live system, where it is restored to
 * @param creationTime     the file's creation time, or null
 * @param lastWriteTime    the file's last-write time, or null
 * @param attributes       the Win32 {@code FILE_ATTRIBUTE_*} bits (winnt.h), 0 if unknown
 * @param changeTime       the file's change time (metadata or data last changed), or null where the file system
 *                         gives none; compared by incremental and differential sets (docs/backup-sets.md)
 */
public record FileMetadata(String writerInstanceId, String writerId, String writerName, String component,
        String logicalPath, String originalPath, Instant creationTime, Instant lastWriteTime, int attributes,
        Instant changeTime) {

    /**
     * Checks that the file has an original path.
     *
     * @param writerInstanceId the writer instance whose component holds the file, or null for an unclaimed file
     * @param writerId         the writer class, or null
     * @param writerName       the writer's name, or null
     * @param component        the component's full path ({@code logical\name}), or null
     * @param logicalPath      the component's logical path, or null
     * @param originalPath     the file's Windows path on the live system, where it is restored to; not null
     * @param creationTime     the file's creation time, or null
     * @param lastWriteTime    the file's last-write time, or null
     * @param attributes       the Win32 {@code FILE_ATTRIBUTE_*} bits (winnt.h), 0 if unknown
     * @param changeTime       the file's change time, or null
     */
    public FileMetadata {
        Objects.requireNonNull(originalPath, "originalPath");
    }

    /**
     * Metadata without a change time.
     *
     * @param writerInstanceId the writer instance whose component holds the file, or null for an unclaimed file
     * @param writerId         the writer class, or null
     * @param writerName       the writer's name, or null
     * @param component        the component's full path ({@code logical\name}), or null
     * @param logicalPath      the component's logical path, or null
     * @param originalPath     the file's Windows path on the live system, where it is restored to; not null
     * @param creationTime     the file's creation time, or null
     * @param lastWriteTime    the file's last-write time, or null
     * @param attributes       the Win32 {@code FILE_ATTRIBUTE_*} bits (winnt.h), 0 if unknown
     */
    public FileMetadata(String writerInstanceId, String writerId, String writerName, String component,
            String logicalPath, String originalPath, Instant creationTime, Instant lastWriteTime, int attributes) {
        this(writerInstanceId, writerId, writerName, component, logicalPath, originalPath, creationTime,
                lastWriteTime, attributes, null);
    }

    /**
     * A file no writer claims.
     *
     * @param originalPath  the file's Windows path on the live system, where it is restored to; not null
     * @param creationTime  the file's creation time, or null
     * @param lastWriteTime the file's last-write time, or null
     * @param attributes    the Win32 {@code FILE_ATTRIBUTE_*} bits (winnt.h), 0 if unknown
     * @return the metadata with no writer, component or logical path
     */
    public static FileMetadata unclaimed(String originalPath, Instant creationTime, Instant lastWriteTime,
            int attributes) {
        return new FileMetadata(null, null, null, null, null, originalPath, creationTime, lastWriteTime, attributes);
    }
}
