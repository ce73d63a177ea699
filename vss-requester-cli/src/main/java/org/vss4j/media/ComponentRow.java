package org.vss4j.media;

/**
 * One component the backup added to the Backup Components Document, with its outcome (docs/backup-sets.md, table
 * {@code components}): what {@code SetBackupSucceeded} recorded and the writer's backup stamp
 * ({@code IVssComponent::GetBackupStamp}), the input of a later incremental or differential backup.
 *
 * @param writerInstanceId the writer instance, or null
 * @param writerId         the writer class, or null
 * @param writerName       the writer's name, or null
 * @param logicalPath      the component's logical path, {@code ""} for none
 * @param name             the component's name
 * @param backupSucceeded  whether the backup of the component was recorded as succeeded
 * @param backupStamp      the writer's backup stamp, or null
 */
public record ComponentRow(String writerInstanceId, String writerId, String writerName, String logicalPath,
        String name, boolean backupSucceeded, String backupStamp) {
}
