package org.vss4j.media;

import java.util.Objects;
import org.vss4j.session.PreviousBackup;

/**
 * The set an incremental or differential backup builds on, with what the new session needs from it: the backup type,
 * time and writers' backup stamps read back from its stored Backup Components Document and backup state
 * ({@link PreviousBackup#fromDocument}).
 *
 * @param set      the parent set as listed
 * @param previous what the session gives {@code SetPreviousBackupStamp} and compares differenced files against
 */
public record ParentSet(BackupSetInfo set, PreviousBackup previous) {

    /**
     * Checks that both parts are given.
     *
     * @param set      the parent set as listed; not null
     * @param previous the basis for the session; not null
     */
    public ParentSet {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(previous, "previous");
    }
}
