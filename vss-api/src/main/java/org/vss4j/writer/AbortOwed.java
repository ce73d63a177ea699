package org.vss4j.writer;

import org.vss4j.abi.vtable.CVssWriter;

/**
 * Whether the writer is inside a backup that VSS could still abort: from the start of {@code OnPrepareBackup} (or of
 * {@code OnPrepareSnapshot}/{@code OnFreeze}, for a writer that missed the earlier events) until {@code OnAbort} or
 * {@code OnPostSnapshot} begins. Microsoft docs, "CVssWriter::OnAbort": the writer frees there what it created when
 * preparing to take part, and the method "will not be called if the writer has called CVssWriter::OnPostSnapshot".
 * A writer closed inside that window would otherwise never hear the end of the backup: an application frozen in
 * {@code OnFreeze} would stay frozen.
 */
final class AbortOwed {

    private volatile CVssWriter since;

    /** Notes that {@code event}'s handler begins. */
    void begins(CVssWriter event) {
        switch (event) {
            case OnPrepareBackup, OnPrepareSnapshot, OnFreeze -> since = event;
            case OnAbort, OnPostSnapshot, OnBackupComplete -> since = null;
            default -> {
                // Identify, restore and volume events neither open nor end a backup.
            }
        }
    }

    /** The event that opened the backup still owed an {@code OnAbort}, or null. */
    CVssWriter since() {
        return since;
    }
}
