package org.vss4j.session;

import java.util.List;

/**
 * One component added to the Backup Components Document, after the backup.
 *
 * @param component       the component
 * @param backupSucceeded what {@code SetBackupSucceeded} recorded: true only if every file of the component and of
 *                        its implicitly included subcomponents was saved (Microsoft docs,
 *                        "Overview of Actual Backup Of Files")
 * @param backupStamp     the writer's backup stamp ({@code IVssComponent::GetBackupStamp}), or null; the input of a
 *                        later incremental or differential backup
 * @param failedFiles     the files that were not saved
 */
public record ComponentOutcome(ComponentRef component, boolean backupSucceeded, String backupStamp,
        List<FileRecord> failedFiles) {

    public ComponentOutcome {
        failedFiles = List.copyOf(failedFiles);
    }
}
