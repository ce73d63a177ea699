package org.vss4j;

import java.util.List;

/**
 * One component of the Backup Components Document as {@code IVssComponent} (with {@code Ex} and {@code Ex2}) reads it:
 * what the requester set, what the writer recorded during the backup, and the restore fields.
 *
 * @param logicalPath                the logical path (may be null or empty)
 * @param type                       database or file group
 * @param name                       the component name
 * @param backupSucceeded            {@code GetBackupSucceeded}
 * @param alternateLocationMappings  {@code GetAlternateLocationMapping}
 * @param backupMetadata             {@code GetBackupMetadata}: the writer's private data, or null
 * @param partialFiles               {@code GetPartialFile}
 * @param selectedForRestore         {@code IsSelectedForRestore}
 * @param additionalRestores         {@code GetAdditionalRestores}
 * @param newTargets                 {@code GetNewTarget}
 * @param directedTargets            {@code GetDirectedTarget}
 * @param restoreMetadata            {@code GetRestoreMetadata}, or null
 * @param restoreTarget              {@code GetRestoreTarget}
 * @param preRestoreFailureMsg       {@code GetPreRestoreFailureMsg}, or null
 * @param postRestoreFailureMsg      {@code GetPostRestoreFailureMsg}, or null
 * @param backupStamp                {@code GetBackupStamp}: the writer's stamp of this backup, or null
 * @param previousBackupStamp        {@code GetPreviousBackupStamp}: what the requester set, or null
 * @param backupOptions              {@code GetBackupOptions}, or null
 * @param restoreOptions             {@code GetRestoreOptions}, or null
 * @param restoreSubcomponents       {@code GetRestoreSubcomponent}
 * @param fileRestoreStatus          {@code GetFileRestoreStatus}
 * @param differencedFiles           {@code GetDifferencedFile}
 * @param prepareForBackupFailureMsg {@code IVssComponentEx::GetPrepareForBackupFailureMsg}, or null
 * @param postSnapshotFailureMsg     {@code IVssComponentEx::GetPostSnapshotFailureMsg}, or null
 * @param authoritativeRestore       {@code IVssComponentEx::GetAuthoritativeRestore}
 * @param rollForward                {@code IVssComponentEx::GetRollForward}
 * @param restoreName                {@code IVssComponentEx::GetRestoreName}, or null
 * @param failure                    {@code IVssComponentEx2::GetFailure}
 */
public record ComponentState(String logicalPath, ComponentType type, String name, boolean backupSucceeded,
        List<FileSet> alternateLocationMappings, String backupMetadata, List<PartialFile> partialFiles,
        boolean selectedForRestore, boolean additionalRestores, List<FileSet> newTargets,
        List<DirectedTarget> directedTargets, String restoreMetadata, RestoreTarget restoreTarget,
        String preRestoreFailureMsg, String postRestoreFailureMsg, String backupStamp, String previousBackupStamp,
        String backupOptions, String restoreOptions, List<RestoreSubcomponent> restoreSubcomponents,
        FileRestoreStatus fileRestoreStatus, List<DifferencedFile> differencedFiles, String prepareForBackupFailureMsg,
        String postSnapshotFailureMsg, boolean authoritativeRestore, RollForward rollForward, String restoreName,
        ComponentFailure failure) {

    public ComponentState {
        alternateLocationMappings = List.copyOf(alternateLocationMappings);
        partialFiles = List.copyOf(partialFiles);
        newTargets = List.copyOf(newTargets);
        directedTargets = List.copyOf(directedTargets);
        restoreSubcomponents = List.copyOf(restoreSubcomponents);
        differencedFiles = List.copyOf(differencedFiles);
    }
}
