package org.vss4j.sim;

/**
 * A file set of a Writer Metadata Document: path + filespec + recursion, an optional alternate location, and the
 * {@code VSS_FILE_SPEC_BACKUP_TYPE} mask ({@link org.vss4j.FileSpecBackupType}; vss.h).
 */
public record FileSpec(String path, String filespec, boolean recursive, String alternateLocation, int backupTypeMask) {

    /** {@code VSS_FSBT_ALL_BACKUP_REQUIRED | VSS_FSBT_ALL_SNAPSHOT_REQUIRED}, the SDK's default for file sets. */
    public static final int DEFAULT_MASK = 15 | 3840;

    /**
     * A file set with no alternate location and the {@link #DEFAULT_MASK}.
     *
     * @param path the directory, e.g. {@code %SystemRoot%\System32\config}
     * @param filespec the file name pattern, e.g. {@code *.log}
     * @param recursive whether the subdirectories are included
     * @return the file set
     */
    public static FileSpec of(String path, String filespec, boolean recursive) {
        return new FileSpec(path, filespec, recursive, null, DEFAULT_MASK);
    }
}
