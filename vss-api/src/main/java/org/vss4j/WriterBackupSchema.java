package org.vss4j;

import java.util.Set;

/**
 * {@code IVssExamineWriterMetadata::GetBackupSchema}: the {@code VSS_BACKUP_SCHEMA} mask of the backup and restore
 * features a writer supports ({@code vss.h}).
 *
 * @param mask the raw mask, kept whole so bits newer than vss4j are not lost
 */
public record WriterBackupSchema(int mask) {

    /** The bits vss4j knows; {@link BackupSchema#UNDEFINED} (0) is never among them. */
    public Set<BackupSchema> schemas() {
        return BackupSchema.fromMask(mask);
    }

    /** Whether the writer declares {@code schema}. */
    public boolean supports(BackupSchema schema) {
        return (mask & schema.value()) == schema.value() && schema.value() != 0;
    }
}
