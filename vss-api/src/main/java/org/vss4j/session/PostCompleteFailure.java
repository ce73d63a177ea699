package org.vss4j.session;

import org.vss4j.VssHresult;

/**
 * A step that failed after {@code BackupComplete} was called. The writers were already told the backup ended, so the
 * session does not abort (Microsoft docs, "IVssBackupComponents::AbortBackup": it belongs between StartSnapshotSet
 * and the end of the backup; "Overview of Backup Cleanup and Termination"): the result is returned with this attached.
 *
 * @param phase   the step, e.g. {@link BackupPhase#SAVE_DOCUMENTS}
 * @param hresult its failure
 * @param message the failure's message, naming the call
 */
public record PostCompleteFailure(BackupPhase phase, int hresult, String message) {

    static PostCompleteFailure of(BackupException e) {
        return new PostCompleteFailure(e.phase(), e.hresult(), e.getMessage());
    }

    @Override
    public String toString() {
        return phase + ": " + VssHresult.describe(hresult) + ": " + message;
    }
}
