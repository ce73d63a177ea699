package org.vss4j;

import java.util.Set;

/**
 * A file set of a Writer Metadata Document or a Backup Components Document, as {@code IVssWMFiledesc} reads it.
 *
 * @param path              the root directory (may contain environment variables)
 * @param filespec          the file name pattern, e.g. {@code *.mdf}
 * @param recursive         whether subdirectories of {@code path} are included
 * @param alternateLocation where the files are restored instead, or null
 * @param backupTypeMask    the raw {@code VSS_FILE_SPEC_BACKUP_TYPE} mask ({@code vss.h}), kept whole so bits
 *                          newer than vss4j are not lost
 */
public record FileSet(String path, String filespec, boolean recursive, String alternateLocation, int backupTypeMask) {

    /** The single-bit {@link FileSpecBackupType}s of {@link #backupTypeMask()}. */
    public Set<FileSpecBackupType> backupTypes() {
        return FileSpecBackupType.fromMask(backupTypeMask);
    }
}
