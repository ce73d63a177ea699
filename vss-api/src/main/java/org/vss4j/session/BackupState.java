package org.vss4j.session;

import org.vss4j.BackupType;

/**
 * The backup state given to {@code SetBackupState}. Microsoft docs ("VSS Backup State") say it cannot be recovered from
 * the Backup Components Document, so it is returned for storage with the backup.
 *
 * @param type                the backup type
 * @param bootableSystemState whether the backup includes a bootable system state
 * @param componentMode       whether the requester selects components ({@code bSelectComponents})
 * @param partialFileSupport  whether the requester supports partial files
 */
public record BackupState(BackupType type, boolean bootableSystemState, boolean componentMode,
        boolean partialFileSupport) {
}
